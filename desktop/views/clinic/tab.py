"""My clinic: where the open person is attached (clinic, registry, hours, district
doctor), their OMS policy with a warning when it ends soon, and the applications to
change the clinic (a parent applies for a child too)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.models.clinic.change import ClinicChangeActions
from desktop.models.clinic.model import ClinicModel
from desktop.models.context import AppContext
from desktop.services.clinic.change import ClinicChange, decision_message
from desktop.services.names import short_org_name
from desktop.views.clinic.applications import ApplicationList
from desktop.views.clinic.change_dialog import ChangeClinicDialog
from desktop.views.clinic.clinic_card import ClinicCard
from desktop.views.clinic.policy_card import PolicyCard
from desktop.views.clinic.rules_box import RulesBox
from desktop.views.language import tr_service
from desktop.views.style import show_note

_STYLE = """
#clinicCard, #policyCard, #clinicApplication, #clinicRules {
    border: 1px solid palette(mid); border-radius: 8px; background: palette(base);
}
#cardHeading, #sectionTitle { font-weight: 600; color: palette(placeholder-text); }
#clinicLegalName, #applicationWhen { color: palette(placeholder-text); }
#policyWarning { padding: 6px 8px; border-radius: 6px; background: #fff3e0; color: #6d3a00; }
#policyWarning[ended="true"] { background: #ffebee; color: #b71c1c; }
#applicationState { border-radius: 9px; padding: 2px 10px; font-weight: 600; }
#applicationState[state="review"] { background: #e3f2fd; color: #0d47a1; }
#applicationState[state="accepted"] { background: #e8f5e9; color: #1b5e20; }
#applicationState[state="rejected"] { background: #ffebee; color: #b71c1c; }
#applicationState[state="withdrawn"] { background: #eceff1; color: #37474f; }
#clinicMessage { padding: 6px 10px; border-radius: 6px; background: #e3f2fd; }
#clinicMessage[error="true"] { background: #ffebee; color: #b71c1c; }
"""


class ClinicTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clinicTab")
        self.setStyleSheet(_STYLE)
        self.ctx = ctx
        self.model = ClinicModel(ctx, self)
        self.change_actions = ClinicChangeActions(ctx, self)
        self.dialog: ChangeClinicDialog | None = None

        self.title = QLabel(self)
        self.title.setObjectName("tabTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.change_button = QPushButton(self)
        self.change_button.setObjectName("changeClinic")
        self.change_button.clicked.connect(self.open_change_dialog)
        self.message = QLabel(self)
        self.message.setObjectName("clinicMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.clinic_card = ClinicCard(self)
        self.policy_card = PolicyCard(self)
        self.rules = RulesBox(self)
        self.applications = ApplicationList(self)
        self.applications.withdrawRequested.connect(self.confirm_withdraw)

        content = QWidget()
        columns = QHBoxLayout()
        columns.setSpacing(12)
        left, right = QVBoxLayout(), QVBoxLayout()
        for column, widgets in (
            (left, (self.clinic_card, self.applications)),
            (right, (self.policy_card, self.rules)),
        ):
            column.setSpacing(12)
            for widget in widgets:
                column.addWidget(widget)
            column.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.addLayout(columns)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.scroll_area = scroll

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)

        self.model.changed.connect(self.refresh)
        self.model.noticesChanged.connect(self.refresh)
        self.change_actions.sent.connect(self._on_sent)
        self.change_actions.withdrawn.connect(self._on_withdrawn)
        self.change_actions.failed.connect(self._on_failed)
        self.change_actions.busyChanged.connect(self._update_change_button)
        ctx.capabilitiesChanged.connect(self._update_change_button)
        ctx.accountChanged.connect(self._update_change_button)
        ctx.patientChanged.connect(self._on_patient_changed)
        self.retranslate()
        self.model.reload()

    # -- showing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        overview = self.model.overview
        today = self.model.today()
        self.clinic_card.show_overview(overview, self.model.loading)
        policy = overview.policies[0] if overview and overview.policies else None
        notice = self.model.notices.get(self.ctx.patient_id)
        warning = self.model.notice_text(notice, self.ctx.patient_name) if notice else ""
        self.policy_card.show_policy(policy, notice, warning, today)
        self.applications.show_changes(
            overview.changes if overview else (),
            overview.next_by_choice(today) if overview else None,
        )
        self.applications.set_enabled_rows(not self.change_actions.busy)
        self.title.setText(self._title())
        self._update_change_button()

    def _title(self) -> str:
        name = self.ctx.patient_name
        return self.tr("My clinic — %1").replace("%1", name) if name else self.tr("My clinic")

    def _on_patient_changed(self, _patient_id: str) -> None:
        self.message.hide()  # it spoke of the person shown before

    def show_message(self, text: str, error: bool = False) -> None:
        show_note(self.message, text, error)

    # -- the change of clinic ---------------------------------------------------------------
    def change_block_reason(self) -> str:
        if self.ctx.session is not None and not self.ctx.capabilities.request("change-of-clinic"):
            return self.tr("This portal does not take applications to change the clinic online.")
        return ""

    def _update_change_button(self, *_args: object) -> None:
        reason = self.change_block_reason()
        ready = self.ctx.session is not None and not self.change_actions.busy
        self.change_button.setEnabled(ready and not reason)
        self.change_button.setToolTip(reason)
        self.applications.set_enabled_rows(not self.change_actions.busy)

    def open_change_dialog(self) -> ChangeClinicDialog:
        if self.dialog is None:
            overview = self.model.overview
            attachment = overview.attachment if overview else None
            self.dialog = ChangeClinicDialog(
                self.change_actions,
                self.ctx.patients,
                self.ctx.patient_id,
                attachment.clinic_id if attachment else "",
                overview.next_by_choice(self.model.today()) if overview else None,
                self,
            )
            self.dialog.finished.connect(self._on_dialog_closed)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _on_dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _on_sent(self, change: ClinicChange) -> None:
        names = {p.patient_id: p.display_name for p in self.ctx.patients}
        if change.patient_id != self.ctx.patient_id and change.patient_id in names:
            self.ctx.set_patient(change.patient_id)  # show the card the application is for
        where = short_org_name(change.clinic_name) if change.clinic_name else change.clinic_id
        texts = {
            "rejected": self.tr("The portal rejected the application: %1."),
            "completed": self.tr("The application was accepted: %1."),
        }
        text = texts.get(change.status, self.tr("The application was sent: %1.")).replace(
            "%1", where
        )
        decision = tr_service(decision_message(change))
        self.show_message(f"{text} {decision}".strip(), error=change.status == "rejected")
        self.model.reload()

    def _on_withdrawn(self) -> None:
        self.show_message(self.tr("The application was withdrawn."))
        self.model.reload()

    def _on_failed(self, text: str) -> None:
        if self.dialog is None:  # the dialog shows its own errors
            self.show_message(text, error=True)

    def confirm_withdraw(self, task_id: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw application"),
            self.tr("Withdraw this application? You stay attached to your present clinic."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.change_actions.withdraw(task_id)

    # -- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.change_button.setText(self.tr("Change clinic…"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def create_tab(ctx: AppContext) -> QWidget:
    return ClinicTab(ctx)
