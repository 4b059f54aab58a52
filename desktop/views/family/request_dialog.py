"""The form that asks the portal for access to a child's card.

Validation runs on "Send" (the service's rules, one message under each wrong field);
the portal's decision comes back through FamilyModel.requestSent and closes the dialog.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.family.model import FamilyModel
from desktop.services.family import service as svc
from desktop.services.family.form import ROLE_LABELS, AccessRequestForm, ApplicantRole
from desktop.views.language import tr_service

_EMPTY_DATE = QDate(1900, 1, 1)  # shown as "—": QDateEdit cannot be empty otherwise


class _PopupNearToday(QObject):
    """An empty date's calendar would open on January 1900: show this month instead."""

    def __init__(self, edit: QDateEdit) -> None:
        super().__init__(edit)
        self._edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and self._edit.date() == _EMPTY_DATE:
            today = QDate.currentDate()
            self._edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setMinimumDate(_EMPTY_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(_EMPTY_DATE)
    edit.calendarWidget().installEventFilter(_PopupNearToday(edit))
    return edit


def _date_value(edit: QDateEdit) -> dt.date | None:
    value = edit.date()
    if value == _EMPTY_DATE or not value.isValid():
        return None
    return dt.date(value.year(), value.month(), value.day())


class RequestAccessDialog(QDialog):
    def __init__(self, model: FamilyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestAccessDialog")
        self.model = model
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.child_name = QLineEdit(self)
        self.birth_date = _date_edit(self)
        self.insurance_policy = QLineEdit(self)
        self.certificate_series = QLineEdit(self)
        self.certificate_number = QLineEdit(self)
        self.certificate_issued = _date_edit(self)
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
            birth_date=_date_value(self.birth_date),
            insurance_policy=self.insurance_policy.text(),
            certificate_series=self.certificate_series.text(),
            certificate_number=self.certificate_number.text(),
            certificate_issued=_date_value(self.certificate_issued),
            certificate_place=self.certificate_place.text(),
            role=str(self.role.currentData() or ""),
        )

    def send(self) -> None:
        self.show_errors({})
        self.status.hide()
        self.model.submit_request(self.form_values())

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
        self.insurance_policy.setPlaceholderText(self.tr("16 digits"))
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
