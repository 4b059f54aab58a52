"""Every desk action once, with its key: the menus show them (and their shortcuts), the
pages' tool bars reuse them. Function keys for what is done dozens of times an hour."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


class DeskActions(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)

        def make(name: str, *keys: str) -> QAction:
            action = QAction(window)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            window.addAction(action)  # works wherever the focus is in the window
            return action

        # Patient
        self.find = make("deskFind", "F3", "Ctrl+F")
        self.next_patient = make("deskNextPatient", "F2")
        self.print_documents = make("deskPrintDocuments", "Ctrl+Shift+P")
        self.save_document = make("deskSaveDocument")
        self.reload = make("deskReload", "F5")
        # Visit
        self.book = make("deskBook", "Ctrl+B", "F6")
        self.move = make("deskMove", "Ctrl+M")
        self.cancel = make("deskCancel", "Ctrl+Del")
        self.print_ticket = make("deskPrintTicket", "Ctrl+P")
        self.save_ticket = make("deskSaveTicket", "Ctrl+Shift+S")
        self.home_visit = make("deskHomeVisit", "Ctrl+H")
        # Day board
        self.board = make("deskBoard", "F4")
        self.arrived = make("deskArrived", "F7")
        self.noshow = make("deskNoShow", "F8")
        self.undo_status = make("deskBackToBooked", "Shift+F7")
        self.walk_in = make("deskWalkIn", "F9")
        # Shift
        self.lock = make("deskLock", "Ctrl+L")
        self.settings = make("deskSettings", "Ctrl+,")
        self.finish = make("deskFinishShift", "Ctrl+Shift+Q")
        self.retranslate()

    def fill_menus(self, bar: QMenuBar) -> None:
        self.patient_menu = _menu(
            bar,
            [self.find, self.next_patient, self.reload, None],
            [self.print_documents, self.save_document],
        )
        self.visit_menu = _menu(
            bar,
            [self.book, self.move, self.cancel, None, self.print_ticket, self.save_ticket],
            [None, self.home_visit],
        )
        self.day_menu = _menu(
            bar,
            [self.board, None, self.arrived, self.noshow, self.undo_status],
            [None, self.walk_in],
        )
        self.shift_menu = _menu(bar, [self.lock, self.settings], [None, self.finish])
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            self.find: self.tr("&Find a patient"),
            self.next_patient: self.tr("&Next patient"),
            self.reload: self.tr("&Refresh"),
            self.print_documents: self.tr("Print the &documents"),
            self.save_document: self.tr("Save the document as PDF…"),
            self.book: self.tr("&Book a visit…"),
            self.move: self.tr("&Move the visit…"),
            self.cancel: self.tr("&Cancel the visit"),
            self.print_ticket: self.tr("&Print the ticket"),
            self.save_ticket: self.tr("Save the ticket as PDF…"),
            self.home_visit: self.tr("Call a doctor &home…"),
            self.board: self.tr("&Day board"),
            self.arrived: self.tr("Mark &arrived"),
            self.noshow: self.tr("Mark &no-show"),
            self.undo_status: self.tr("Back to &booked"),
            self.walk_in: self.tr("&Walk-in: next free time…"),
            self.lock: self.tr("&Lock the desk"),
            self.settings: self.tr("&Settings…"),
            self.finish: self.tr("&Finish the shift"),
        }
        for action, text in texts.items():
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            plain = text.replace("&", "").rstrip("…")
            action.setToolTip(f"{plain} ({keys})" if keys else plain)
        if hasattr(self, "patient_menu"):
            self.patient_menu.setTitle(self.tr("&Patient"))
            self.visit_menu.setTitle(self.tr("&Visit"))
            self.day_menu.setTitle(self.tr("&Day"))
            self.shift_menu.setTitle(self.tr("&Shift"))


def _menu(bar: QMenuBar, *groups: list[QAction | None]) -> QMenu:
    menu = bar.addMenu("")
    for group in groups:
        for action in group:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
    return menu
