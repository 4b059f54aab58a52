"""AppContext: what every tab gets (`create_tab(ctx)`).

It carries the current `AccountSession` (the tabs' one door to the account's data), the
person whose card is open, the task runner and the profile's settings, and signals that
tell tabs what changed so each one refreshes only what it shows. It holds no widget.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.models.people import PatientInfo
from desktop.models.session import AccountSession
from desktop.models.tasks import TaskRunner
from desktop.services.accounts import Account
from desktop.services.portal.capabilities import Capabilities
from desktop.services.profile import Settings


class AppContext(QObject):
    patientChanged = Signal(str)  # patient id ("" when nobody is signed in)
    synced = Signal()  # a sync finished and wrote new data
    syncStarted = Signal()
    syncFinished = Signal(bool)  # True when the sync succeeded
    syncProgress = Signal(int, int)  # done, total (total 0 = unknown)
    onlineChanged = Signal(bool)
    accountChanged = Signal()  # signed in, switched, or signed out
    errorOccurred = Signal(str)  # translated, user-facing message
    capabilitiesChanged = Signal()  # what the portal offers (session.capabilities) changed
    # A running sync committed new records of this patient's card (a few times a second
    # at most): the card merges them in; tabs that summarise (labs) wait for `synced`.
    cardChanged = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session: AccountSession | None = None
        self.patient_id = ""
        self.settings: Settings | None = None
        self.profile_dir: Path | None = None
        runner.failed.connect(self.errorOccurred)

    # -- session ----------------------------------------------------------------------
    @property
    def account(self) -> Account | None:
        return self.session.account if self.session else None

    @property
    def online(self) -> bool:
        return self.session.online if self.session else False

    @property
    def patients(self) -> list[PatientInfo]:
        return self.session.patients if self.session else []

    @property
    def capabilities(self) -> Capabilities:
        """What the portal offers; everything while signed out or not known yet."""
        return self.session.capabilities if self.session else Capabilities.unknown()

    @property
    def patient(self) -> PatientInfo | None:
        return next((p for p in self.patients if p.patient_id == self.patient_id), None)

    @property
    def patient_name(self) -> str:
        p = self.patient
        return p.display_name if p else ""

    def set_session(self, session: AccountSession | None, patient_id: str = "") -> None:
        """Switch to another account's session (None = signed out); never blocks."""
        old = self.session
        if old is not None:
            old.disconnect(self)  # nothing the old account still reports reaches the tabs
            old.close()
            old.setParent(None)
            old.deleteLater()  # its pending task callbacks are dropped (owner deleted)
        self.session = session
        if session is not None:
            session.setParent(self)
            session.syncStarted.connect(self.syncStarted)
            session.syncProgress.connect(self.syncProgress)
            session.syncFinished.connect(self._on_sync_finished)
            session.onlineChanged.connect(self.onlineChanged)
            session.errorOccurred.connect(self.errorOccurred)
            session.patientsChanged.connect(self._on_patients_changed)
            session.capabilitiesChanged.connect(self.capabilitiesChanged)
            session.cardChanged.connect(self.cardChanged)
        ids = [p.patient_id for p in self.patients]
        if patient_id not in ids:
            patient_id = ids[0] if ids else (session.own_patient_id if session else "")
        self.patient_id = patient_id
        self.accountChanged.emit()
        self.patientChanged.emit(self.patient_id)

    def set_patient(self, patient_id: str) -> None:
        if patient_id == self.patient_id:
            return
        self.patient_id = patient_id
        self.patientChanged.emit(patient_id)

    def sync_now(self) -> None:
        if self.session is not None:
            self.session.start_sync()

    def _on_sync_finished(self, ok: bool) -> None:
        self.syncFinished.emit(ok)
        if ok:
            self.synced.emit()

    def _on_patients_changed(self) -> None:
        # Names/ages arrived, a child was added, or access to a child ended: tell the
        # header and tabs, and leave a card that is no longer ours for the holder's own.
        self.accountChanged.emit()
        if self.session is not None and not self.session.roster.has(self.patient_id):
            self.set_patient(self.session.own_patient_id)
