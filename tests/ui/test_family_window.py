"""The family tab inside the real main window: one click opens a child's card in every
tab, and the header shows whose card is open."""

from __future__ import annotations

from typing import Any

CHILD = "ivanova-masha"


def test_open_child_card_from_family_tab(qtbot: Any, signed_in: Any) -> None:
    window, ctx = signed_in.window, signed_in.ctx
    assert window.show_tab("family")
    family = window.tab_widget("family")
    qtbot.waitUntil(lambda: any(c.entry.patient_id == CHILD for c in family.cards), timeout=30_000)
    card = next(c for c in family.cards if c.entry.patient_id == CHILD)
    with qtbot.waitSignal(ctx.patientChanged, timeout=5_000):
        card.open_button.click()
    assert ctx.patient_id == CHILD
    child_button = next(b for b in window.header.person_group.buttons() if "Мария" in b.text())
    assert child_button.isChecked()
    timeline = window.tab_widget("card")
    with ctx.session.cache.read() as conn:
        child_rows = conn.exec_driver_sql(
            "SELECT count(*) FROM timeline WHERE patient_id = ?", (CHILD,)
        ).scalar()
    qtbot.waitUntil(lambda: timeline.model.total == child_rows, timeout=10_000)
    # The family tab marks the open card and offers no second "open" for it.
    opened = next(c for c in family.cards if c.entry.patient_id == CHILD)
    assert opened.property("current") and not opened.open_button.isEnabled()
