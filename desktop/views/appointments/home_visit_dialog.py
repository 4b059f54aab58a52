"""Doctor at home: address and phone (prefilled from the card, editable), symptoms,
temperature. Every problem of the form shows at once, each under its field."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.appointments.actions import BookingActions
from desktop.services.booking.fhir import AppointmentInfo
from desktop.services.booking.service import HomeVisitRequest

NOT_MEASURED = 34.0  # the spin box's minimum doubles as "not measured"
PHONE_DIGITS = re.compile(r"\d")


class HomeVisitDialog(QDialog):
    requested = Signal(object)  # AppointmentInfo

    def __init__(
        self,
        actions: BookingActions,
        patient_id: str,
        patient_name: str,
        address: str,
        parent: QWidget | None = None,
        phone: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("homeVisitDialog")
        self.setWindowTitle(self.tr("Call a doctor home — %1").replace("%1", patient_name))
        self.booking = actions
        self.patient_id = patient_id
        self._request_key: str | None = None  # one per intent: a retry never sends twice
        self.result_info: AppointmentInfo | None = None

        self.address = QLineEdit(address, self)
        self.address.setObjectName("address")
        self.symptoms = QPlainTextEdit(self)
        self.symptoms.setObjectName("symptoms")
        self.symptoms.setPlaceholderText(self.tr("What worries you, since when"))
        self.temperature = QDoubleSpinBox(self)
        self.temperature.setObjectName("temperature")
        self.temperature.setRange(NOT_MEASURED, 42.5)
        self.temperature.setDecimals(1)
        self.temperature.setSingleStep(0.1)
        self.temperature.setSuffix(" °C")
        self.temperature.setSpecialValueText(self.tr("not measured"))
        self.temperature.setValue(NOT_MEASURED)
        self.phone = QLineEdit(phone, self)
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText("+7 900 000-00-00")
        self.message = QLabel(self)  # what the portal answered
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.errors: dict[str, QLabel] = {}

        form = QFormLayout()
        for key, label, field in (
            ("address", self.tr("Address"), self.address),
            ("symptoms", self.tr("Symptoms"), self.symptoms),
            ("temperature", self.tr("Temperature"), self.temperature),
            ("phone", self.tr("Contact phone"), self.phone),
        ):
            form.addRow(label, field)
            error = QLabel(self)
            error.setObjectName(f"{key}Error")
            error.setWordWrap(True)
            error.setStyleSheet("color: #c62828;")
            error.hide()
            form.addRow("", error)
            self.errors[key] = error
        buttons = QDialogButtonBox(self)
        self.send_button = QPushButton(self.tr("Send request"), self)
        self.send_button.setObjectName("sendButton")
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.send_button.clicked.connect(self._on_send_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 360)

        actions.homeVisitRequested.connect(self._on_requested)
        actions.failed.connect(self._on_failed)
        actions.busyChanged.connect(lambda busy: self.send_button.setEnabled(not busy))

    def problems(self) -> dict[str, str]:
        """Field -> why the form cannot be sent yet (empty when it can)."""
        found = {}
        if not self.address.text().strip():
            found["address"] = self.tr("Enter the address where the doctor should come.")
        if not self.symptoms.toPlainText().strip():
            found["symptoms"] = self.tr("Describe the symptoms for the doctor.")
        if len(PHONE_DIGITS.findall(self.phone.text())) < 10:
            found["phone"] = self.tr("Enter a contact phone number with at least 10 digits.")
        return found

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        layout = self.layout()
        if layout is not None:  # grow with the messages (a top-level window does not)
            layout.activate()
            self.resize(self.width(), max(self.height(), layout.totalHeightForWidth(self.width())))

    def _on_send_clicked(self) -> None:
        problems = self.problems()
        self.show_problems(problems)
        if problems:
            first = next(iter(problems))
            {"address": self.address, "symptoms": self.symptoms, "phone": self.phone}[
                first
            ].setFocus()
            return
        self.message.clear()
        temperature = self.temperature.value()
        request = HomeVisitRequest(
            patient_id=self.patient_id,
            address=self.address.text().strip(),
            symptoms=self.symptoms.toPlainText().strip(),
            temperature=None if temperature <= NOT_MEASURED else round(temperature, 1),
            phone=self.phone.text().strip(),
            **({"request_key": self._request_key} if self._request_key else {}),
        )
        self._request_key = request.request_key
        self.send_button.setEnabled(False)
        self.booking.request_home_visit(request)

    def _on_requested(self, info: AppointmentInfo) -> None:
        self.result_info = info
        self.requested.emit(info)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.message.setText(message)
        self.send_button.setEnabled(True)
