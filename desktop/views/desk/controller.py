"""DeskController: the desk's flows between its window and its models.

Start of shift (sign-in), the search and the patient on screen, booking and printing,
the day board, "Next patient", the idle lock and unlock, the end of the shift. Nothing
of a patient is written anywhere: the models hold the patient on screen in memory, and
every way off the screen (next patient, lock, end of shift) clears them and the
clipboard.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog

from desktop.models.desk.board import DayBoardModel
from desktop.models.desk.booking import DeskBooking
from desktop.models.desk.clipboard import clear_patient_clipboard
from desktop.models.desk.idle import (
    LOCK_MINUTES_DEFAULT,
    SIGN_OUT_MINUTES_DEFAULT,
    IdleWatch,
    minutes_setting,
)
from desktop.models.desk.patient import CurrentPatient
from desktop.models.desk.search import PatientSearch
from desktop.models.desk.shift import DeskShift
from desktop.models.tasks import TaskRunner, user_message_for
from desktop.services.desk.documents import (
    PageImage,
    ReadyDocument,
    document_pdf,
    render_pdf,
)
from desktop.services.desk.staff import StaffMember
from desktop.services.profile import Profile
from desktop.views.desk.printing import DeskPrinter, save_document_as_pdf
from desktop.views.desk.settings_dialog import DeskSettingsDialog
from desktop.views.desk.visit_flows import VisitFlows
from desktop.views.desk.window import DeskWindow
from desktop.views.language import LanguageManager

log = logging.getLogger(__name__)
MINUTE_MS = 60_000


def render_documents(
    client: Any, documents: list[ReadyDocument]
) -> list[tuple[ReadyDocument, list[PageImage]]]:
    """Network pool: each document's PDF, checked, rendered for the printer in memory."""
    return [(d, render_pdf(document_pdf(client, d))) for d in documents]


class DeskController(QObject):
    shiftStarted = Signal()  # signed in: the desk is working
    shiftEnded = Signal(bool)  # signed out (True: the portal confirmed the revocation)
    signInFailed = Signal(str)

    def __init__(
        self,
        base_url: str,
        open_url: Callable[[str], object],
        profile: Profile,
        language: LanguageManager,
        printer: DeskPrinter | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.language = language
        self.runner = TaskRunner(self)
        self.shift = DeskShift(self.runner, base_url, open_url, self)  # base_url may be ""
        door = self.shift.door
        self.search = PatientSearch(door, self)
        self.patient = CurrentPatient(door, self)
        self.board = DayBoardModel(door, self)
        self.booking = DeskBooking(door, self)
        self.printer = printer or DeskPrinter()
        self.window = DeskWindow(self.search, self.patient, self.board)
        settings = profile.settings
        self.idle = IdleWatch(
            minutes_setting(settings.get("desk_lock_minutes"), LOCK_MINUTES_DEFAULT) * MINUTE_MS,
            minutes_setting(settings.get("desk_sign_out_minutes"), SIGN_OUT_MINUTES_DEFAULT)
            * MINUTE_MS,
            self.window,
        )
        self.visits = VisitFlows(self)
        self._reopen = ""  # the patient on screen when the desk locked (id only, in memory)
        self._demo: Any = None  # demo mode: the running demo portal (stopped at shutdown)
        self._shut_down = False
        self._wire()

    def _wire(self) -> None:
        w, a, shift = self.window, self.window.desk_actions, self.shift
        shift.signedIn.connect(self._on_signed_in)
        shift.signInFailed.connect(self._on_sign_in_failed)
        shift.unlockFailed.connect(lambda m: w.lock_page.set_busy(False, m))
        shift.lockedChanged.connect(self._on_locked_changed)
        shift.staffChanged.connect(self._on_staff_changed)
        shift.finished.connect(self._on_finished)
        shift.door.errorOccurred.connect(w.set_status)
        w.retry.clicked.connect(self.start)
        w.lock_page.unlockRequested.connect(self.unlock)
        w.lock_page.finishRequested.connect(self.finish_shift)
        w.search_panel.openRequested.connect(self.open_patient)
        w.board_page.openPatient.connect(self.open_patient)
        w.closing.connect(self.shutdown)
        self.patient.failed.connect(w.set_status)
        self.board.failed.connect(w.set_status)
        self.idle.lockDue.connect(self.lock)
        self.idle.signOutDue.connect(self.finish_shift)
        a.find.triggered.connect(w.focus_search)
        a.next_patient.triggered.connect(self.next_patient)
        a.reload.triggered.connect(self.reload)
        a.board.triggered.connect(self.show_board)
        a.lock.triggered.connect(self.lock)
        a.settings.triggered.connect(self.show_settings)
        a.finish.triggered.connect(self.finish_shift)
        a.print_documents.triggered.connect(self.print_documents)
        a.save_document.triggered.connect(self.save_document)
        w.tabs.currentChanged.connect(self._on_tab_changed)
        self.visits.wire()

    # -- the shift ---------------------------------------------------------------------
    def start(self) -> None:
        """Sign in at the portal given (or remembered); without one, ask for its address."""
        portal = self.shift.portal or str(self.profile.settings.get("desk_portal") or "")
        typed = self.window.portal_field.text().strip()
        if self.window.portal_field.isVisible() and typed:
            portal = typed
        if not portal:
            self.window.show_start(
                self.tr("The registry desk: the portal's address, then sign in as staff."),
                ask_portal=True,
            )
            return
        if portal != self.shift.portal:
            self.shift.set_portal(portal)
            self.profile.settings.set("desk_portal", portal)  # an address, nobody's data
        self.window.portal_field.setText(portal)
        self.window.show_start(self.tr("Signing in at the portal… (finish it in the browser)"))
        self.shift.sign_in()

    def start_demo(self, starter: Callable[[], Any]) -> None:
        """Demo mode: start the demo portal off the GUI thread, then sign in as its desk."""
        self.window.show_start(self.tr("Starting the demo portal…"))
        self.runner.submit(starter, on_done=self._on_demo_ready, on_error=self._on_demo_failed)

    def _on_demo_ready(self, demo: Any) -> None:
        self._demo = demo
        self.shift.set_portal(demo.base_url, demo.open_url)
        self.window.show_start(self.tr("Signing in at the portal… (finish it in the browser)"))
        self.shift.sign_in()

    def _on_demo_failed(self, exc: BaseException) -> None:
        self._on_sign_in_failed(user_message_for(exc))

    def _on_signed_in(self, member: StaffMember) -> None:
        self._apply_staff(member)
        self.window.show_work()
        self.window.set_status(self.tr("Shift started."))
        self.window.focus_search()
        self.idle.start()
        self.board.load()
        self.shiftStarted.emit()

    def _apply_staff(self, member: StaffMember) -> None:
        self.window.set_staff(member.display, member.clinic)
        for model in (self.board, self.booking):
            model.organization_id = member.organization_id
        self.search.set_organization(member.organization_id)
        self.patient.staff = member
        self.booking.catalog = None  # the clinic's catalog is read again for this staff

    def _on_sign_in_failed(self, message: str) -> None:
        self.window.show_start(message, can_retry=True)
        self.signInFailed.emit(message)

    def _on_staff_changed(self, member: StaffMember) -> None:
        """Someone else unlocked the desk: the previous patient is not theirs to see."""
        self._reopen = ""
        self._apply_staff(member)

    def finish_shift(self) -> None:
        if not self.shift.active and not self.shift.busy:
            return
        self._clear_screen()
        self._reopen = ""
        self.idle.stop()
        self.shift.finish()
        self.window.show_start(self.tr("Ending the shift…"))

    def _on_finished(self, confirmed: bool) -> None:
        message = (
            self.tr("The shift is over: you are signed out at the portal.")
            if confirmed
            else self.tr(
                "The shift is over. The portal could not be told; the sign-in expires soon."
            )
        )
        self.window.show_start(message, can_retry=True)
        self.shiftEnded.emit(confirmed)

    # -- lock --------------------------------------------------------------------------
    def lock(self) -> None:
        if not self.shift.active or self.shift.locked:
            return
        self._reopen = self.patient.patient_id
        self._clear_screen()
        self.shift.set_locked(True)

    def unlock(self) -> None:
        self.window.lock_page.set_busy(True, self.tr("Sign in at the portal in the browser…"))
        self.shift.unlock()

    def _on_locked_changed(self, locked: bool) -> None:
        self.idle.set_locked(locked)
        staff = self.shift.staff
        if locked:
            self.window.show_locked(staff.display if staff else "")
            return
        self.window.show_work()
        self.window.focus_search()
        self.board.load()
        if self._reopen:
            self.patient.open(self._reopen)
        self._reopen = ""

    def _clear_screen(self) -> None:
        """Lock, next patient, end of shift: no patient data on screen, in the models or
        in the clipboard."""
        for dialog in self.window.findChildren(QDialog):  # a booking dialog names the patient
            if dialog.isVisible():
                dialog.reject()
        traces = self.patient.traces() + [p.name for p in self.search.model.rows]
        traces += [r.patient_name for r in self.board.rows if r.patient_name]
        clear_patient_clipboard(traces)
        self.patient.clear()
        self.window.search_panel.clear()
        self.board.clear()
        self.window.set_status("")

    # -- the patient -------------------------------------------------------------------
    def open_patient(self, patient_id: str) -> None:
        self.window.show_reception()
        self.window.patient_panel.show_upcoming()
        self.patient.open(patient_id)
        self.window.patient_panel.upcoming.setFocus()

    def next_patient(self) -> None:
        clear_patient_clipboard(self.patient.traces())
        self.patient.clear()
        self.window.search_panel.clear()
        self.window.set_status(self.tr("Ready for the next patient."))
        self.window.focus_search()

    def reload(self) -> None:
        if self.window.on_board():
            self.board.load()
        else:
            self.patient.reload()

    def show_board(self) -> None:
        self.window.show_board()
        self.board.load()

    def _on_tab_changed(self, _index: int) -> None:
        if not self.window.on_board():
            self.window.search_panel.field.setFocus()

    # -- documents ---------------------------------------------------------------------
    def print_documents(self) -> None:
        documents = self.window.patient_panel.selected_documents()
        if not documents:
            self.window.set_status(self.tr("No documents are ready for this patient."))
            return
        self.window.set_status(self.tr("Preparing the documents for the printer…"))
        self.shift.door.fetch(render_documents, documents, on_done=self._print_rendered, owner=self)

    def _print_rendered(self, rendered: list[tuple[ReadyDocument, list[PageImage]]]) -> None:
        printed = [
            document.title
            for document, pages in rendered
            if self.printer.print_pages(pages, document.title, self.window)
        ]
        if printed:
            self.window.set_status(self.tr("Printed: %1.").replace("%1", "; ".join(printed)))

    def save_document(self) -> None:
        documents = self.window.patient_panel.selected_documents()
        if documents:
            self.shift.door.fetch(document_pdf, documents[0], on_done=self._save_pdf, owner=self)

    def _save_pdf(self, data: bytes) -> None:
        documents = self.window.patient_panel.selected_documents()
        if documents and save_document_as_pdf(data, documents[0].title, self.window):
            self.window.set_status(self.tr("The document was saved as PDF."))

    # -- settings ----------------------------------------------------------------------
    def show_settings(self) -> None:
        settings = self.profile.settings
        dialog = DeskSettingsDialog(
            self.idle.lock_after_ms // MINUTE_MS,
            self.idle.sign_out_after_ms // MINUTE_MS,
            str(settings.get("language") or "system"),
            self.window,
        )
        dialog.changed.connect(self._apply_settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _apply_settings(self, lock_minutes: int, sign_out_minutes: int, language: str) -> None:
        self.profile.settings.update(
            {
                "desk_lock_minutes": lock_minutes,
                "desk_sign_out_minutes": sign_out_minutes,
                "language": None if language == "system" else language,
            }
        )
        self.idle.set_times(lock_minutes * MINUTE_MS, sign_out_minutes * MINUTE_MS)
        self.language.apply(None if language == "system" else language)

    # -- showcase (screenshots) ----------------------------------------------------------
    def showcase(self, text: str) -> None:
        """Type a search and open the first patient found, as a receptionist would."""
        self.window.focus_search()
        self.window.search_panel.field.setText(text)
        self.search.set_text(text)
        self.window.search_panel.open_chosen()

    # -- shutdown ----------------------------------------------------------------------
    def shutdown(self) -> None:
        """Window closed or app quitting: the shift ends (tokens revoked), work stops."""
        if self._shut_down:
            return
        self._shut_down = True
        self._clear_screen()
        self.idle.stop()
        self.shift.finish()
        self.runner.stop()  # waits for the revocation in flight
        demo, self._demo = self._demo, None
        for step in demo.cleanup if demo is not None else []:
            try:
                step()
            except Exception as exc:  # noqa: BLE001 - closing goes on
                log.warning("demo cleanup failed", exc_info=exc)
