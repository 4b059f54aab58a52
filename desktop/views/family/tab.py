"""Family tab: the account holder and each child, the state of access, and requests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
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

from desktop.models.context import AppContext
from desktop.models.family.model import FamilyModel
from desktop.services.family import service as svc
from desktop.views.family.member_card import MemberCard
from desktop.views.family.request_dialog import RequestAccessDialog
from desktop.views.language import tr_service
from desktop.views.style import show_note

# Accents by state; backgrounds from the palette so light and dark themes both work.
_STYLE = """
#familyMember, #familyRules {
    border: 1px solid palette(mid); border-radius: 8px; background: palette(base);
}
#familyMember[current="true"] { border: 2px solid #1e88e5; }
#memberState { border-radius: 9px; padding: 2px 10px; font-weight: 600; }
#memberState[state="holder"] { background: #eceff1; color: #37474f; }
#memberState[state="active"], #memberState[state="accepted"] {
    background: #e8f5e9; color: #1b5e20;
}
#memberState[state="requested"] { background: #e3f2fd; color: #0d47a1; }
#memberState[state="on-hold"] { background: #fff3e0; color: #8a4b00; }
#memberState[state="rejected"] { background: #ffebee; color: #b71c1c; }
#memberDetail { color: palette(text); }
#sectionTitle { font-weight: 600; margin-top: 8px; }
#emptyHint { color: palette(placeholder-text); }
#familyMessage { padding: 6px 10px; border-radius: 6px; background: #e3f2fd; }
#familyMessage[error="true"] { background: #ffebee; color: #b71c1c; }
"""


class FamilyTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("familyTab")
        self.setStyleSheet(_STYLE)
        self.ctx = ctx
        self.model = FamilyModel(ctx, self)
        self.dialog: RequestAccessDialog | None = None
        self.cards: list[MemberCard] = []
        self._section_widgets: list[QWidget] = []

        self.title = QLabel(self)
        self.title.setObjectName("tabTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.request_button = QPushButton(self)
        self.request_button.setObjectName("requestAccess")
        self.request_button.clicked.connect(self.open_request_dialog)
        self.message = QLabel(self)
        self.message.setObjectName("familyMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 8, 0)
        self.list_layout.setSpacing(10)
        self.list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.list_widget)

        self.rules_title = QLabel(self)
        self.rules_title.setObjectName("rulesTitle")
        bold = self.rules_title.font()
        bold.setBold(True)
        self.rules_title.setFont(bold)
        self.rules_text = QLabel(self)
        self.rules_text.setWordWrap(True)
        self.rules_text.setTextFormat(Qt.TextFormat.RichText)
        self.rules_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        rules = QFrame(self)
        rules.setObjectName("familyRules")
        rules.setFrameShape(QFrame.Shape.StyledPanel)
        rules_layout = QVBoxLayout(rules)
        rules_layout.setContentsMargins(14, 10, 14, 10)
        rules_layout.addWidget(self.rules_title)
        rules_layout.addWidget(self.rules_text)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.request_button)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(scroll, 3)
        columns.addWidget(rules, 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(columns, 1)

        self.model.changed.connect(self.rebuild)
        self.model.busyChanged.connect(self._on_busy)
        self.model.actionFailed.connect(self._on_failed)
        self.model.actionDone.connect(self.show_message)
        self.model.requestSent.connect(self._on_request_sent)
        ctx.patientChanged.connect(self._on_patient_changed)
        ctx.capabilitiesChanged.connect(self._update_request_button)
        ctx.accountChanged.connect(self._update_request_button)
        self.retranslate()
        self._update_request_button()
        self.model.reload()

    # -- list -----------------------------------------------------------------------------
    def rebuild(self) -> None:
        """People with open cards first, then the access requests (or a hint if none)."""
        for widget in self.cards + self._section_widgets:
            self.list_layout.removeWidget(widget)
            widget.deleteLater()
        self.cards = []
        self._section_widgets = []
        people = [e for e in self.model.entries if e.task_id is None]
        requests = [e for e in self.model.entries if e.task_id is not None]
        position = 0
        for entry in people:
            self.list_layout.insertWidget(position, self._card(entry))
            position += 1
        heading = QLabel(self.tr("Access requests"), self.list_widget)
        heading.setObjectName("sectionTitle")
        self._section_widgets.append(heading)
        self.list_layout.insertWidget(position, heading)
        position += 1
        for entry in requests:
            self.list_layout.insertWidget(position, self._card(entry))
            position += 1
        if not requests:
            hint = QLabel(
                self.tr(
                    "No requests. To add a child's card, send a request: most are answered at once."
                ),
                self.list_widget,
            )
            hint.setObjectName("emptyHint")
            hint.setWordWrap(True)
            self._section_widgets.append(hint)
            self.list_layout.insertWidget(position, hint)

    def _card(self, entry: svc.FamilyEntry) -> MemberCard:
        card = MemberCard(entry, entry.patient_id == self.ctx.patient_id, self.list_widget)
        card.openRequested.connect(self.open_card)
        card.withdrawRequested.connect(self.confirm_withdraw)
        card.giveUpRequested.connect(self.confirm_give_up)
        card.setEnabled(not self.model.busy)
        self.cards.append(card)
        return card

    def card_for(self, name: str) -> MemberCard | None:
        return next((c for c in self.cards if c.entry.name == name), None)

    # -- actions --------------------------------------------------------------------------
    def open_card(self, patient_id: str) -> None:
        """Every tab follows the current patient; the header says whose card it is."""
        if patient_id:
            self.ctx.set_patient(patient_id)

    def open_request_dialog(self) -> RequestAccessDialog:
        if self.dialog is None:
            self.dialog = RequestAccessDialog(self.model, self)
            self.dialog.finished.connect(self._on_dialog_closed)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _on_dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def confirm_withdraw(self, task_id: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw request"),
            self.tr("Withdraw this request for access? You can send a new one later."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.model.withdraw(task_id)

    def confirm_give_up(self, patient_id: str, name: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Give up access"),
            self.tr(
                "Give up access to %1's card? The card will be removed from this computer, "
                "and getting access again needs a new request."
            ).replace("%1", name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.model.give_up(patient_id)

    # -- feedback -------------------------------------------------------------------------
    def show_message(self, text: str, error: bool = False) -> None:
        show_note(self.message, text, error)

    def _on_failed(self, text: str) -> None:
        if self.dialog is None:  # the dialog shows its own errors
            self.show_message(text, error=True)

    def _on_request_sent(self, request: svc.AccessRequest) -> None:
        texts = {
            svc.ACCEPTED: self.tr("Access granted: %1's card is being added."),
            svc.REQUESTED: self.tr("Request for %1 sent. A check takes up to 5 days."),
            svc.ON_HOLD: self.tr("The request for %1 is on hold: see what to bring below."),
            svc.REJECTED: self.tr("The request for %1 was rejected."),
        }
        text = texts.get(request.status, self.tr("Request for %1 sent."))
        reason = tr_service(svc.reason_message(request)) if request.status == svc.REJECTED else ""
        self.show_message(f"{text.replace('%1', request.child_name)} {reason}".strip())

    def request_block_reason(self) -> str:
        if self.ctx.session is not None and not self.ctx.capabilities.request(
            "child-access-request"
        ):
            return self.tr("This portal does not take requests for a child's card online.")
        return ""

    def _update_request_button(self) -> None:
        reason = self.request_block_reason()
        self.request_button.setEnabled(not reason and not self.model.busy)
        self.request_button.setToolTip(reason)

    def _on_busy(self, busy: bool) -> None:
        self._update_request_button()
        for card in self.cards:
            card.setEnabled(not busy)

    def _on_patient_changed(self, _patient_id: str) -> None:
        self.rebuild()

    # -- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Family"))
        self.request_button.setText(self.tr("Request access to a child's card…"))
        self.rules_title.setText(self.tr("How access to a child's card works"))
        items = [
            self.tr(
                "A parent or adoptive parent can open a child's card until the child "
                "turns 15; from 15 a person holds their own access."
            ),
            self.tr("Guardians and trustees cannot get online access."),
            self.tr(
                "A birth certificate issued from 1 October 2018, or issued in Moscow, "
                "is checked at once."
            ),
            self.tr(
                "Otherwise the clinic checks your rights in person (up to 5 days): "
                "bring your passport, the child's insurance policy and birth "
                "certificate."
            ),
            self.tr(
                "When access ends, the child's card is removed from this computer at the next sync."
            ),
        ]
        self.rules_text.setText(
            "<ul style='margin-left:-20px'>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
        )
        self.rebuild()  # cards and section headings in the new language

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def create_tab(ctx: AppContext) -> QWidget:
    return FamilyTab(ctx)
