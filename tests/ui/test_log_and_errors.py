"""After a session that hit faults and a bug, the log explains without telling who; an
uncaught error shows a dialog with details to copy, and the app goes on."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QGuiApplication

from desktop.services.logs import setup_logging
from tests.ui.conftest import CHILD, MAIN, started_window


def _drop_handlers() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "medcard", False):
            root.removeHandler(handler)
            handler.close()


def test_log_after_faults_and_a_bug_holds_no_names_ids_or_tokens(
    qtbot, fresh_portal, tmp_path
) -> None:
    from tests.ui.conftest import seed_from

    profile = tmp_path / "profile"
    log_file = setup_logging(profile)
    try:
        controller = started_window(
            qtbot, profile, seed_from(fresh_portal.base_url, tmp_path / "seed")
        )
        session = controller.ctx.session
        # The portal misbehaves during a sync: errors, a dropped connection.
        fresh_portal.faults.add(status=503, count=2, retry_after=0)
        fresh_portal.faults.add(drop=True, count=1)
        fresh_portal.faults.add(status=500, count=30, path_contains="Observation")
        with qtbot.waitSignal(controller.ctx.syncFinished, timeout=60_000):
            controller.ctx.sync_now()
        fresh_portal.faults.clear()
        # A damaged record in the cache: opening it is a bug path (a traceback is logged).
        card = controller.window.tab_widget("card")
        row = card.model.row_at(0)
        with session.cache.write() as conn:
            conn.exec_driver_sql(
                "UPDATE resources SET json = ? WHERE type = ? AND id = ?",
                (b"{not json", row.resource_type, row.resource_id),
            )
        card.table.selectRow(0)
        controller.settle()
        tokens = session.client.token_provider.access_token()
        patient = fresh_portal.store.get("Patient", MAIN)
        controller.shutdown()
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = log_file.read_text(encoding="utf-8")
    finally:
        _drop_handlers()
    assert "Traceback (most recent call last)" in text  # the bug left its trace
    assert "record detail failed" in text
    names = [patient["name"][0]["family"], *patient["name"][0]["given"]]
    needles = [MAIN, CHILD, tokens, *names, "family@demo.medcard", row.resource_id]
    found = [n for n in needles if n and n in text]
    assert found == []


def test_an_uncaught_error_shows_details_to_copy_and_the_app_goes_on(qtbot, tmp_path) -> None:
    from desktop.views.error_dialog import UncaughtErrors

    hook = UncaughtErrors(tmp_path / "medcard.log")
    try:
        raise ValueError("Иванов ivanov-sergey")
    except ValueError:
        hook(*sys.exc_info())
    dialog = hook.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    details = dialog.details.toPlainText()
    assert "ValueError" in details and "Traceback" in details
    assert "Иванов" not in details and "ivanov-sergey" not in details
    assert str(tmp_path / "medcard.log") in dialog.message.text()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == details
    dialog.continue_button.click()
    assert hook.dialog is None  # closed; the application was not asked to quit
