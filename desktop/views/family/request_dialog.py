"""The form that asks the portal for access to a child's card.

Validation runs on "Send" (the service's rules, one message under each wrong field);
the portal's decision comes back through FamilyModel.requestSent and closes the dialog.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.family.model import FamilyModel
from desktop.models.formats import date_placeholder, format_date
from desktop.services.family import service as svc
from desktop.services.family.form import (
    ROLE_LABELS,
    AccessRequestForm,
    ApplicantRole,
    normalize,
    validate,
)
from desktop.views.date_edit import DateEdit, years_ago
from desktop.views.language import tr_service
from desktop.views.policy_edit import PolicyEdit

BIRTH_POPUP_YEARS = 10  # the calendar opens years back: a child was born years ago


def _birth_date_popup_start(dialog: RequestAccessDialog) -> dt.date:
    """The certificate was issued after the birth: its calendar opens there."""
    return dialog.birth_date.date() or years_ago(BIRTH_POPUP_YEARS)()


class RequestAccessDialog(QDialog):
    def __init__(self, model: FamilyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestAccessDialog")
        self.model = model
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.child_name = QLineEdit(self)
        self.birth_date = DateEdit(self, popup_start=years_ago(BIRTH_POPUP_YEARS))
        self.birth_date.setObjectName("birthDate")
        self.insurance_policy = PolicyEdit(self)  # any of the three kinds of OMS policy
        self.certificate_series = QLineEdit(self)
        self.certificate_number = QLineEdit(self)
        self.certificate_issued = DateEdit(self, popup_start=lambda: _birth_date_popup_start(self))
        self.certificate_issued.setObjectName("certificateIssued")
        self.certificate_place = QLineEdit(self)
        self.role = QComboBox(self)
        self.role.addItem("", "")
        for role in ApplicantRole:
            self.role.addItem("", role.value)
        self.inputs: dict[str, QWidget] = {
            "child_name": self.child_name,
            "birth_date": self.birth_date,
            "insurance_policy": self.insurance_policy,
            "certificate_series": self.certificate_series,
            "certificate_number": self.certificate_number,
            "certificate_issued": self.certificate_issued,
            "certificate_place": self.certificate_place,
            "role": self.role,
        }
        self.error_labels: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field, widget in self.inputs.items():
            error = QLabel(self)
            error.setObjectName("fieldError")
            error.setStyleSheet("color: #b3261e;")
            error.setWordWrap(True)
            error.hide()
            self.error_labels[field] = error
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            label = QLabel(self)
            label.setBuddy(widget)
            self.labels[field] = label
            form.addRow(label, column)

        self.status = QLabel(self)
        self.status.setObjectName("dialogStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox(self)
        self.send_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.send_button.clicked.connect(self.send)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        model.requestInvalid.connect(self.show_errors)
        model.requestSent.connect(self._on_sent)
        model.actionFailed.connect(self._on_failed)
        model.busyChanged.connect(self._on_busy)
        self.setMinimumWidth(640)
        self.retranslate()

    # -- values -------------------------------------------------------------------------
    def form_values(self) -> AccessRequestForm:
        return AccessRequestForm(
            child_name=self.child_name.text(),
            birth_date=self.birth_date.date(),
            insurance_policy=self.insurance_policy.text(),
            policy_kind=self.insurance_policy.kind(),
            certificate_series=self.certificate_series.text(),
            certificate_number=self.certificate_number.text(),
            certificate_issued=self.certificate_issued.date(),
            certificate_place=self.certificate_place.text(),
            role=str(self.role.currentData() or ""),
        )

    def send(self) -> None:
        self.status.hide()
        typed = self.typed_date_errors()
        if typed:
            # Every problem at once: the form's own checks, and the dates that are not dates
            # (rather than "missing", which is what an unreadable date would look like).
            errors = validate(normalize(self.form_values()), dt.date.today())
            self.show_errors({**errors, **typed})
            return
        self.show_errors({})
        self.model.submit_request(self.form_values())

    def typed_date_errors(self) -> dict[str, str]:
        message = QCoreApplication.translate(
            "medcard", "This is not a date. Type it as %1, for example %2."
        )
        example = format_date(dt.date(2015, 3, 15), QLocale())
        text = message.replace("%1", date_placeholder(QLocale())).replace("%2", example)
        fields = {"birth_date": self.birth_date, "certificate_issued": self.certificate_issued}
        return {name: text for name, edit in fields.items() if edit.is_invalid()}

    # -- feedback -----------------------------------------------------------------------
    def show_errors(self, errors: dict[str, str]) -> None:
        for field, label in self.error_labels.items():
            message = errors.get(field, "")
            label.setText(tr_service(message))
            label.setVisible(bool(message))
            self.inputs[field].setProperty("invalid", bool(message))
        # Grow to fit the messages at the current width (wrapped labels must not be
        # clipped); adjustSize would guess a narrower width and leave gaps.
        layout = self.layout()
        assert layout is not None  # set in __init__
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > 0:
            self.resize(self.width(), needed)
        first = next((f for f in self.inputs if f in errors), None)
        if first is not None:
            self.inputs[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def errors_shown(self) -> dict[str, str]:
        """Field -> the message now visible under it (for tests and accessibility)."""
        return {f: lbl.text() for f, lbl in self.error_labels.items() if not lbl.isHidden()}

    def _on_sent(self, _request: svc.AccessRequest) -> None:
        self.accept()

    def _on_failed(self, message: str) -> None:
        if self.isVisible():
            self.status.setText(message)
            self.status.show()

    def _on_busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy)
        self.send_button.setText(self.tr("Sending…") if busy else self.tr("Send request"))

    # -- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Request access to a child's card"))
        self.intro.setText(
            self.tr(
                "Parents and adoptive parents can open a child's card until the child turns "
                "15. The clinic answers at once or after a check that takes up to 5 days."
            )
        )
        texts = {
            "child_name": self.tr("Child's full name"),
            "birth_date": self.tr("Date of birth"),
            "insurance_policy": self.tr("Insurance policy (OMS)"),
            "certificate_series": self.tr("Birth certificate series"),
            "certificate_number": self.tr("Birth certificate number"),
            "certificate_issued": self.tr("Date of issue"),
            "certificate_place": self.tr("Issued by"),
            "role": self.tr("You are the child's"),
        }
        for field, text in texts.items():
            self.labels[field].setText(text)
        self.child_name.setPlaceholderText(self.tr("Surname, name, patronymic"))
        self.certificate_series.setPlaceholderText(self.tr("for example IV-МЮ"))
        self.certificate_number.setPlaceholderText(self.tr("6 digits"))
        self.certificate_place.setPlaceholderText(self.tr("Registry office and town"))
        self.role.setItemText(0, self.tr("Choose…"))
        for index, role in enumerate(ApplicantRole, start=1):
            self.role.setItemText(index, tr_service(ROLE_LABELS[role]))
        self._on_busy(self.model.busy)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
