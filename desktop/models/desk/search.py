"""Finding a patient: what was typed, searched on the portal as it is typed (a short
pause first), the results as a table — name, birth date and age, policy, clinic."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.models.desk.door import DeskDoor
from desktop.models.desk.table import DeskTable
from desktop.models.formats import format_date
from desktop.models.tasks import user_message_for
from desktop.services.desk.people import (
    POLICY_CHECKING,
    POLICY_ENDING,
    POLICY_INVALID,
    POLICY_NONE,
    PatientSummary,
    Policy,
)
from desktop.services.desk.search import (
    SearchResult,
    parse_query,
    policies_of,
    search_patients,
)

TYPING_PAUSE_MS = 250
POLICY_CHUNK = 10  # rows whose policy states one network job reads
WARNING_COLOR = QColor("#b3261e")
Index = QModelIndex | QPersistentModelIndex


def policy_text(summary: PatientSummary) -> str:
    policy = summary.policy
    if policy.state == POLICY_CHECKING:
        return QCoreApplication.translate("medcard", "checking…")
    if policy.state == POLICY_NONE:
        return QCoreApplication.translate("medcard", "no policy")
    if policy.state == POLICY_INVALID:
        return QCoreApplication.translate("medcard", "not valid")
    if policy.state == POLICY_ENDING and policy.until is not None:
        return QCoreApplication.translate("medcard", "valid until %1").replace(
            "%1", format_date(policy.until)
        )
    return QCoreApplication.translate("medcard", "valid")


def age_text(summary: PatientSummary, today: date) -> str:
    if summary.birth_date is None:
        return ""
    return f"{format_date(summary.birth_date)} ({Ages().years(summary.age(today) or 0)})"


class Ages(QObject):
    """Plural forms of an age ("45 лет", "1 год"): lupdate reads plurals from `self.tr`."""

    def years(self, count: int) -> str:
        return self.tr("%n y.", "", count)


class PatientResultsModel(DeskTable):
    # The patient's name with the birth date and age under it (two lines: on a small
    # screen the name stays readable), the policy state, the clinic.
    NAME, POLICY, CLINIC = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("medcard", "Patient, born (age)"),
        QT_TRANSLATE_NOOP("medcard", "OMS policy"),
        QT_TRANSLATE_NOOP("medcard", "Attached to"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PatientSummary] = []
        self.organization_id = ""
        self.today = date.today()

    def set_rows(self, rows: list[PatientSummary], today: date) -> None:
        self.beginResetModel()
        self.rows, self.today = list(rows), today
        self.endResetModel()

    def set_policies(self, policies: dict[str, Policy]) -> None:
        """The policy states read after the rows (the search shows the rows first)."""
        for row, person in enumerate(self.rows):
            if person.id in policies:
                self.rows[row] = replace(person, policy=policies[person.id])
        if self.rows:
            self.dataChanged.emit(
                self.index(0, self.POLICY), self.index(len(self.rows) - 1, self.POLICY)
            )

    def items(self) -> list[Any]:
        return self.rows

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        person = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                born = age_text(person, self.today)
                return f"{person.name}\n{born}" if born else person.name
            if column == self.POLICY:
                return policy_text(person)
            if person.attachment is None:
                return QCoreApplication.translate("medcard", "not attached")
            if person.attached_here(self.organization_id):
                return QCoreApplication.translate("medcard", "this clinic")
            return person.attachment.clinic
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.POLICY and person.policy.state in (POLICY_NONE, POLICY_INVALID):
                return WARNING_COLOR
            if column == self.CLINIC and not person.attached_here(self.organization_id):
                return WARNING_COLOR
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.POLICY:
                return person.policy.number or None
            if column == self.CLINIC and person.attachment is not None:
                return person.attachment.clinic
            if column == self.NAME:
                return person.name
        return None


class PatientSearch(QObject):
    """Searches as the text changes (after a pause); `submit` searches at once.
    `resultsChanged` after each answer that is still the latest one."""

    resultsChanged = Signal()
    policiesChanged = Signal()  # the rows' policy states arrived
    searchingChanged = Signal(bool)
    failed = Signal(str)

    def __init__(self, door: DeskDoor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.door = door
        self.model = PatientResultsModel(self)
        self.text = ""
        self.result: SearchResult | None = None
        self.answered_text = ""  # the text the shown results are for
        self.searching = False
        self._asked = 0
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.submit)

    def set_organization(self, organization_id: str) -> None:
        self.model.organization_id = organization_id

    def set_text(self, text: str) -> None:
        self.text = text
        self._pause.start()

    @property
    def up_to_date(self) -> bool:
        return not self.searching and self.answered_text == self.text

    def submit(self) -> None:
        self._pause.stop()
        query = parse_query(self.text)
        self._asked += 1
        asked, text = self._asked, self.text
        if query is None:
            self._show(None, text)
            return
        today = date.today()
        started = self.door.fetch(
            search_patients,
            query,
            today,
            on_done=lambda result: self._answered(asked, text, result),
            on_error=lambda exc: self._failed(asked, exc),
            owner=self,
        )
        self._set_searching(started)

    def _answered(self, asked: int, text: str, result: SearchResult) -> None:
        if asked != self._asked:
            return
        self._set_searching(False)
        self._show(result, text)
        ids = [p.id for p in result.patients]
        for start in range(0, len(ids), POLICY_CHUNK):  # the policy states follow the rows,
            self.door.fetch(  # in parallel chunks, the first rows first
                policies_of,
                ids[start : start + POLICY_CHUNK],
                date.today(),
                on_done=lambda policies: self._policies(asked, policies),
                on_error=lambda exc: self._failed(asked, exc),
                owner=self,
            )

    def _policies(self, asked: int, policies: dict[str, Policy]) -> None:
        if asked == self._asked:
            self.model.set_policies(policies)
            self.policiesChanged.emit()

    def _failed(self, asked: int, exc: BaseException) -> None:
        if asked == self._asked:
            self._set_searching(False)
            self.failed.emit(user_message_for(exc))

    def _show(self, result: SearchResult | None, text: str) -> None:
        self.result, self.answered_text = result, text
        self.model.set_rows(result.patients if result else [], date.today())
        self.resultsChanged.emit()

    def _set_searching(self, searching: bool) -> None:
        if searching != self.searching:
            self.searching = searching
            self.searchingChanged.emit(searching)

    def clear(self) -> None:
        """Next patient: the typed text and the results leave the screen."""
        self._pause.stop()
        self._asked += 1
        self.text = ""
        self._set_searching(False)
        self._show(None, "")
