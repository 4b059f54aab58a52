"""AppContext: what every tab gets from the main window (`create_tab(ctx)`).

It carries the current session (account, client, cache read API), the person whose card
is open, the task runner, and signals that tell tabs what changed so each one refreshes
only what it shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.models.session import PatientInfo, Session
from desktop.models.tasks import TaskRunner


class AppContext(QObject):
    patientChanged = Signal(str)  # patient id ("" when nobody is signed in)
    synced = Signal()  # a sync finished and wrote new data
    syncStarted = Signal()
    syncFinished = Signal(bool)  # True when the sync succeeded
    syncProgress = Signal(int, int)  # done, total (total 0 = unknown)
    onlineChanged = Signal(bool)
    accountChanged = Signal()  # signed in, switched, or signed out
    errorOccurred = Signal(str)  # translated, user-facing message

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session: Session | None = None
        self.patient_id = ""
        self.settings: Any = None  # desktop.services.profile settings (plain values)
        self.profile_dir: Any = None
        runner.failed.connect(self.errorOccurred)

    # -- session ----------------------------------------------------------------------
    @property
    def cache(self) -> Any:
        return self.session.cache if self.session else None

    @property
    def client(self) -> Any:
        return self.session.client if self.session else None

    @property
    def account(self) -> Any:
        return self.session.account if self.session else None

    @property
    def online(self) -> bool:
        return self.session.online if self.session else False

    @property
    def patients(self) -> list[PatientInfo]:
        return self.session.patients if self.session else []

    @property
    def patient(self) -> PatientInfo | None:
        return next((p for p in self.patients if p.patient_id == self.patient_id), None)

    @property
    def patient_name(self) -> str:
        p = self.patient
        return p.display_name if p else ""

    def set_session(self, session: Session | None, patient_id: str = "") -> None:
        """Switch to another account's session (None = signed out)."""
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
        # Names/ages arrived (after the first sync), or access to a child ended: tell the
        # header and tabs, and leave a card that is no longer ours for the holder's own.
        self.accountChanged.emit()
        ids = [p.patient_id for p in self.patients]
        if self.session is not None and ids and self.patient_id not in ids:
            self.set_patient(self.session.own_patient_id)
