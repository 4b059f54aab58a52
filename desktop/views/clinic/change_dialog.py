"""The application to change the clinic: for whom, which clinic (found in the portal's list
by name, district or address), why (by choice, or a change of residence with the new
address), and the documents the new clinic will ask for. The portal decides; its answer
closes the dialog and the tab shows it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.clinic.change import ClinicChangeActions
from desktop.models.formats import format_date
from desktop.models.people import PatientInfo
from desktop.services.clinic.change import DOCUMENTS_ADULT, DOCUMENTS_CHILD, ChangeForm
from desktop.services.clinic.fhir import BY_CHOICE, RESIDENCE, Clinic
from desktop.views.language import tr_service
from desktop.views.two_line_delegate import DetailsRole, NoteRole, TwoLineDelegate

ClinicRole = Qt.ItemDataRole.UserRole + 1
ADULT_AGE = 18  # adults and children are attached to separate polyclinics


def is_child(person: PatientInfo | None) -> bool:
    age = person.age() if person is not None else None
    return age is not None and age < ADULT_AGE


class ChangeClinicDialog(QDialog):
    def __init__(
        self,
        actions: ClinicChangeActions,
        people: list[PatientInfo],
        patient_id: str,
        current_clinic_id: str = "",
        next_by_choice: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changeClinicDialog")
        self.change_actions = actions
        self.people = people
        self._current = (patient_id, current_clinic_id, next_by_choice)
        self._search_number = 0
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.person = QComboBox(self)
        self.person.setObjectName("changeFor")
        for person in people:
            self.person.addItem(person.display_name, person.patient_id)
        self.person.setCurrentIndex(max(self.person.findData(patient_id), 0))
        self.search_text = QLineEdit(self)
        self.search_text.setObjectName("clinicSearch")
        self.search_text.setClearButtonEnabled(True)
        self.search_button = QPushButton(self)
        self.search_button.setObjectName("clinicSearchButton")
        self.results = QListWidget(self)
        self.results.setObjectName("clinicResults")
        self.results.setMinimumHeight(120)
        self.results.setItemDelegate(TwoLineDelegate(self.results))
        self.by_choice = QRadioButton(self)
        self.by_choice.setObjectName("reasonByChoice")
        self.residence = QRadioButton(self)
        self.residence.setObjectName("reasonResidence")
        reasons = QButtonGroup(self)
        reasons.addButton(self.by_choice)
        reasons.addButton(self.residence)
        self.choice_hint = QLabel(self)
        self.choice_hint.setObjectName("choiceHint")
        self.choice_hint.setWordWrap(True)
        self.choice_hint.setStyleSheet("color: palette(placeholder-text); margin-left: 24px;")
        self.new_address = QLineEdit(self)
        self.new_address.setObjectName("newAddress")
        self.documents = QLabel(self)
        self.documents.setObjectName("documentsNeeded")
        self.documents.setWordWrap(True)
        self.errors = {name: self._error_label() for name in ("clinic_id", "reason", "new_address")}
        self.status = QLabel(self)
        self.status.setObjectName("dialogStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox(self)
        self.send_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("sendApplication")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.send_button.clicked.connect(self.send)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_text, 1)
        search_row.addWidget(self.search_button)
        reason_box = QVBoxLayout()
        reason_box.setSpacing(2)
        for widget in (self.by_choice, self.choice_hint, self.residence, self.new_address):
            reason_box.addWidget(widget)
        reason_box.addWidget(self.errors["reason"])
        reason_box.addWidget(self.errors["new_address"])
        clinic_box = QVBoxLayout()
        clinic_box.setSpacing(4)
        clinic_box.addLayout(search_row)
        clinic_box.addWidget(self.results, 1)
        clinic_box.addWidget(self.errors["clinic_id"])
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = [QLabel(self) for _ in range(3)]
        self.form.addRow(self.labels[0], self.person)
        self.form.addRow(self.labels[1], clinic_box)
        self.form.addRow(self.labels[2], reason_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form, 1)
        layout.addWidget(self.documents)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.search_button.clicked.connect(self.search)
        self.search_text.returnPressed.connect(self.search)
        self.person.currentIndexChanged.connect(self._on_person_changed)
        self.residence.toggled.connect(self._update_reason)
        actions.clinicsFound.connect(self._on_clinics)
        actions.searchFailed.connect(self._on_search_failed)
        actions.invalid.connect(self.show_errors)
        actions.failed.connect(self._on_failed)
        actions.busyChanged.connect(self._on_busy)
        actions.sent.connect(self._on_sent)  # a bound slot: disconnected when the dialog goes
        self.setMinimumWidth(600)
        self.retranslate()
        self._update_reason()
        self.search()

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setObjectName("fieldError")
        label.setStyleSheet("color: #b3261e;")
        label.setWordWrap(True)
        label.hide()
        return label

    # -- the person and the clinic ----------------------------------------------------------
    def chosen_person(self) -> PatientInfo | None:
        wanted = self.person.currentData()
        return next((p for p in self.people if p.patient_id == wanted), None)

    def _on_person_changed(self, *_args: object) -> None:
        self._update_reason()
        self._update_documents()
        self.search()

    def search(self) -> None:
        self.results.clear()
        self.status.setText(self.tr("Looking for clinics…"))
        self.status.show()
        self._search_number = self.change_actions.search(
            self.search_text.text(), is_child(self.chosen_person())
        )

    def _on_clinics(self, number: int, clinics: list[Clinic]) -> None:
        if number != self._search_number:
            return  # a newer search is on its way
        self.status.hide()
        current = self._current[1] if self.person.currentData() == self._current[0] else ""
        for clinic in clinics:
            item = QListWidgetItem(clinic.short_name)
            item.setData(DetailsRole, " · ".join(d for d in (clinic.address, clinic.district) if d))
            if clinic.id == current:
                item.setData(NoteRole, self.tr("This is the clinic the person is attached to now."))
            elif not clinic.accepts_new:
                item.setData(NoteRole, self.tr("Not taking new patients at the moment."))
            item.setData(ClinicRole, clinic)
            item.setToolTip(clinic.name)
            self.results.addItem(item)
        if not clinics:
            self.status.setText(self.tr("No clinic matches. Try part of the name or the street."))
            self.status.show()

    def _on_search_failed(self, number: int, message: str) -> None:
        if number == self._search_number:
            self.status.setText(message)
            self.status.show()

    def chosen_clinic(self) -> Clinic | None:
        item = self.results.currentItem()
        clinic = item.data(ClinicRole) if item is not None else None
        return clinic if isinstance(clinic, Clinic) else None

    def select_clinic(self, clinic_id: str) -> bool:
        """Pick a clinic of the list by id (keyboard users and tests)."""
        for row in range(self.results.count()):
            clinic = self.results.item(row).data(ClinicRole)
            if isinstance(clinic, Clinic) and clinic.id == clinic_id:
                self.results.setCurrentRow(row)
                return True
        return False

    # -- reason and documents ---------------------------------------------------------------
    def _update_reason(self, *_args: object) -> None:
        self.new_address.setEnabled(self.residence.isChecked())
        patient_id, _clinic, again = self._current
        same = self.person.currentData() == patient_id
        if same and again is not None:
            self.choice_hint.setText(
                self.tr("By choice: possible again from %1.").replace("%1", format_date(again))
            )
        else:
            self.choice_hint.setText(self.tr("At most once a year."))

    def _update_documents(self) -> None:
        needed = DOCUMENTS_CHILD if is_child(self.chosen_person()) else DOCUMENTS_ADULT
        items = "".join(f"<li>{tr_service(d)}</li>" for d in needed)
        self.documents.setText(
            self.tr("The new clinic's registry will ask to see:")
            + f"<ul style='margin-left:-20px; margin-top:2px'>{items}</ul>"
        )

    def reason(self) -> str:
        if self.by_choice.isChecked():
            return BY_CHOICE
        return RESIDENCE if self.residence.isChecked() else ""

    def form_values(self) -> ChangeForm:
        clinic = self.chosen_clinic()
        return ChangeForm(
            patient_id=str(self.person.currentData() or ""),
            clinic_id=clinic.id if clinic else "",
            clinic_name=clinic.name if clinic else "",
            reason=self.reason(),
            new_address=self.new_address.text() if self.residence.isChecked() else "",
        )

    # -- sending ----------------------------------------------------------------------------
    def send(self) -> None:
        self.status.hide()
        self.show_errors({})
        self.change_actions.submit(self.form_values())

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            message = errors.get(name, "")
            label.setText(tr_service(message))
            label.setVisible(bool(message))

    def errors_shown(self) -> dict[str, str]:
        return {n: lbl.text() for n, lbl in self.errors.items() if not lbl.isHidden()}

    def _on_sent(self, _change: object) -> None:
        self.accept()

    def _on_failed(self, message: str) -> None:
        if self.isVisible():
            self.status.setText(message)
            self.status.show()

    def _on_busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy)
        self.send_button.setText(self.tr("Sending…") if busy else self.tr("Send application"))

    # -- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change of clinic"))
        self.intro.setText(
            self.tr(
                "Choose the new clinic and the reason. The portal checks the rules at once; "
                "then the new clinic accepts or refuses, usually within a few days."
            )
        )
        for label, text in zip(
            self.labels, (self.tr("For"), self.tr("New clinic"), self.tr("Reason")), strict=True
        ):
            label.setText(text)
        self.search_text.setPlaceholderText(self.tr("Name, district or street"))
        self.search_button.setText(self.tr("Find"))
        self.by_choice.setText(self.tr("By choice"))
        self.residence.setText(self.tr("Change of residence (at any time)"))
        self.new_address.setPlaceholderText(self.tr("New address: street, house, flat"))
        self._update_reason()
        self._update_documents()
        self._on_busy(self.change_actions.busy)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
