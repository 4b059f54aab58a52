"""Window header: whose card is open (one click to switch), sync status, Sync now, account."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from desktop.models.context import AppContext
from desktop.models.formats import datetime_format, time_format
from desktop.models.people import PatientInfo


class Header(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.ctx = ctx
        self.whose_label = QLabel(self)
        self.whose_label.setObjectName("whoseCard")
        # One button per person: the open card is the checked one, switching is one click.
        self.people = QWidget(self)
        self.people_layout = QHBoxLayout(self.people)
        self.people_layout.setContentsMargins(0, 0, 0, 0)
        self.people_layout.setSpacing(0)
        self.person_group = QButtonGroup(self)
        self.person_group.setExclusive(True)
        self.person_group.idClicked.connect(self._on_person_clicked)
        self._person_ids: list[str] = []

        self.status_label = QLabel(self)
        self.status_label.setObjectName("syncStatus")
        # May shrink on narrow windows (the full text is in the tooltip too).
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_label.setMinimumWidth(60)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.offline_badge = QLabel(self)
        self.offline_badge.setObjectName("offlineBadge")
        self.offline_badge.hide()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncProgress")
        self.progress.setFixedWidth(140)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.sync_button = QPushButton(self)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(ctx.sync_now)
        self.account_button = QToolButton(self)
        self.account_button.setObjectName("accountButton")
        self.account_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.account_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(10)
        layout.addWidget(self.whose_label)
        layout.addWidget(self.people)
        layout.addWidget(self.status_label, 1)  # takes the free space, text on the right
        layout.addWidget(self.offline_badge)
        layout.addWidget(self.progress)
        layout.addWidget(self.sync_button)
        layout.addWidget(self.account_button)

        ctx.accountChanged.connect(self.rebuild_people)
        ctx.patientChanged.connect(self._on_patient_changed)
        ctx.syncStarted.connect(self._on_sync_started)
        ctx.syncProgress.connect(self._on_sync_progress)
        ctx.syncFinished.connect(self._on_sync_finished)
        ctx.onlineChanged.connect(self._on_online_changed)
        self.retranslate()
        self.rebuild_people()

    # -- people -----------------------------------------------------------------------
    def person_text(self, p: PatientInfo) -> str:
        age = p.age()
        if age is None:
            return p.display_name
        return self.tr("%1, %n years", "", age).replace("%1", p.display_name)

    def rebuild_people(self) -> None:
        for button in self.person_group.buttons():
            self.person_group.removeButton(button)
            button.deleteLater()
        patients = self.ctx.patients
        self._person_ids = [p.patient_id for p in patients]
        for i, p in enumerate(patients):
            b = QToolButton(self.people)
            b.setObjectName("personButton")
            b.setCheckable(True)
            b.setText(self.person_text(p))
            b.setToolTip(self.tr("Open this person's card"))
            b.setChecked(p.patient_id == self.ctx.patient_id)
            self.person_group.addButton(b, i)
            self.people_layout.addWidget(b)
        self.people.setVisible(bool(patients))
        self.sync_button.setEnabled(self.ctx.session is not None)
        full = self._account_text()
        # Long Russian full names (with patronymic) must not push the header wider.
        self.account_button.setText(
            self.account_button.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, 200)
        )
        self.account_button.setToolTip(full)
        self._show_status()

    def _account_text(self) -> str:
        account = self.ctx.account
        name = getattr(account, "display_name", None) or getattr(account, "name", None)
        return str(name) if name else self.tr("Account")

    def _on_person_clicked(self, button_id: int) -> None:
        if 0 <= button_id < len(self._person_ids):
            self.ctx.set_patient(self._person_ids[button_id])

    def _on_patient_changed(self, patient_id: str) -> None:
        for i, pid in enumerate(self._person_ids):
            button = self.person_group.button(i)
            if button is not None:
                button.setChecked(pid == patient_id)

    # -- sync status ------------------------------------------------------------------
    def _on_sync_started(self) -> None:
        self.progress.setRange(0, 0)  # busy until the first page says how much
        self.progress.show()
        self.sync_button.setEnabled(False)
        self.status_label.setText(self.tr("Syncing…"))

    def _on_sync_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _on_sync_finished(self, _ok: bool) -> None:
        self.progress.hide()
        self.sync_button.setEnabled(self.ctx.session is not None)
        self._show_status()

    def _on_online_changed(self, _online: bool) -> None:
        self._show_status()

    def _show_status(self) -> None:
        session = self.ctx.session
        offline = session is not None and not session.online
        self.offline_badge.setVisible(offline)
        if session is not None and session.syncing:
            return
        when = session.last_synced if session is not None else None
        if when is None:
            self.status_label.setText(self.tr("Not synced yet") if session else "")
        else:
            self.status_label.setText(self.tr("Synced %1").replace("%1", _format_when(when)))
        self.status_label.setToolTip(self.status_label.text())

    # -- language ---------------------------------------------------------------------
    def retranslate(self) -> None:
        self.whose_label.setText(self.tr("Card of:"))
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Fetch new records from the portal (F5)"))
        self.offline_badge.setText(self.tr("Offline"))
        self.offline_badge.setToolTip(
            self.tr("The portal cannot be reached. The saved card is still available.")
        )
        self.rebuild_people()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _format_when(when: QDateTime) -> str:
    locale = QLocale()
    if when.date() == QDateTime.currentDateTime().date():
        return locale.toString(when.time(), time_format(locale))
    return locale.toString(when, datetime_format(locale))
