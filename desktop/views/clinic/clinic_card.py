"""The attached clinic: name, address, the registry's phone and opening hours, the
district doctor, the district and since when (one framed card of label/value rows)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.models.formats import format_date
from desktop.services.clinic.overview import ClinicOverview
from desktop.views.clinic.hours import format_hours, reason_text
from desktop.views.clinic.rows import LabelledRows, value_label


class ClinicCard(QFrame):
    ROWS = ("address", "phone", "hours", "registry", "doctor", "site")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clinicCard")
        self.heading = QLabel(self)
        self.heading.setObjectName("cardHeading")
        self.name = value_label(self, "clinicName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.name.setFont(font)
        self.legal_name = value_label(self, "clinicLegalName")
        self.empty = value_label(self, "clinicEmpty")
        self.rows = LabelledRows(self, "clinic", self.ROWS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.name)
        layout.addWidget(self.legal_name)
        layout.addWidget(self.empty)
        layout.addSpacing(6)
        layout.addLayout(self.rows.form)
        self._overview: ClinicOverview | None = None
        self.retranslate()

    def show_overview(self, overview: ClinicOverview | None, loading: bool = False) -> None:
        self._overview = overview
        attachment = overview.attachment if overview else None
        clinic = overview.clinic if overview else None
        if attachment is None:
            self.name.setText("")
            self.legal_name.hide()
            self.empty.setText(
                self.tr("Reading…")
                if loading or overview is None
                else self.tr("The portal names no clinic this person is attached to.")
            )
            self.empty.show()
            self.rows.show({})
            return
        self.empty.hide()
        name = clinic.short_name if clinic else attachment.clinic_display
        self.name.setText(name or attachment.clinic_id)
        full = clinic.name if clinic else attachment.clinic_display
        self.legal_name.setText(full)
        self.legal_name.setVisible(bool(full) and full != name)
        doctor = overview.doctor if overview else None
        doctor_parts = [doctor.name] if doctor else [attachment.doctor_display]
        if doctor is not None:
            doctor_parts += [p for p in (doctor.position.lower(), doctor.room) if p]
        since = (
            self.tr("since %1").replace("%1", format_date(attachment.since))
            if attachment.since
            else ""
        )
        site = ", ".join(p for p in (attachment.site, since, reason_text(attachment.reason)) if p)
        pending = self.tr("asked of the portal…") if clinic is None or not clinic.hours else ""
        self.rows.show(
            {
                "address": clinic.address if clinic else "",
                "phone": clinic.phone if clinic else "",
                "hours": (format_hours(clinic.hours) if clinic and clinic.hours else pending),
                "registry": clinic.registry_note if clinic else "",
                "doctor": ", ".join(p for p in doctor_parts if p),
                "site": site,
            }
        )

    def value(self, row: str) -> str:
        """The text shown in a row (empty when the row is hidden)."""
        return self.rows.value(row)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Attached to"))
        self.rows.set_labels(
            {
                "address": self.tr("Address"),
                "phone": self.tr("Registry phone"),
                "hours": self.tr("Opening hours"),
                "registry": self.tr("Registry"),
                "doctor": self.tr("District doctor"),
                "site": self.tr("District"),
            }
        )
        self.show_overview(self._overview)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
