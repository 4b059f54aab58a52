"""The one kind of OMS policy field: which document (new form, old form, temporary
certificate) and its number, each checked by its own format in
`desktop/services/oms_policy.py`. Every form that asks for a policy uses it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from desktop.services.oms_policy import KIND_LABELS, KIND_PLACEHOLDERS, PolicyKind
from desktop.views.language import tr_service


class PolicyEdit(QWidget):
    """A kind chooser and the number; `text()`/`setText()` are the number's (the form
    code reads it like a line edit), `kind()`/`set_kind()` the document's kind."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyEdit")
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("policyKind")
        for kind in PolicyKind:
            self.kind_box.addItem("", kind.value)
        self.kind_box.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.number = QLineEdit(self)
        self.number.setObjectName("policyNumber")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.kind_box)
        layout.addWidget(self.number, 1)
        self.setFocusProxy(self.number)
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self.number.textChanged.connect(self.changed)
        self.retranslate()

    def kind(self) -> str:
        return str(self.kind_box.currentData() or PolicyKind.NEW)

    def set_kind(self, kind: str) -> None:
        index = self.kind_box.findData(str(kind))
        if index >= 0:
            self.kind_box.setCurrentIndex(index)

    def text(self) -> str:
        return self.number.text()

    def setText(self, text: str) -> None:  # noqa: N802 - reads like QLineEdit's
        self.number.setText(text)

    def _on_kind_changed(self, *_args: object) -> None:
        self.number.setPlaceholderText(tr_service(KIND_PLACEHOLDERS[PolicyKind(self.kind())]))
        self.changed.emit()

    def retranslate(self) -> None:
        for index in range(self.kind_box.count()):
            kind = PolicyKind(self.kind_box.itemData(index))
            self.kind_box.setItemText(index, tr_service(KIND_LABELS[kind]))
        self._on_kind_changed()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
