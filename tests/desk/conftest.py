"""Fixtures of the registry desk's tests: a demo portal of their own (the desk books and
changes appointments) and desks signed in through the real SMART flow, with
`demo_portal.autologin` playing the browser (helpers in `desk_helpers.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from desk_helpers import DESK, browser_for, start_desk, stop_desk


@pytest.fixture(scope="module")
def desk_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from demo_portal.embedded import DemoPortal

    home: Path = tmp_path_factory.mktemp("desk-portal")
    with DemoPortal(db_path=home / "portal.db", record_requests=True) as portal:
        yield portal


@pytest.fixture
def shift(desk_portal) -> Iterator[object]:
    """The first desk signed in (Смирнова, ГП № 12); signed out after the test."""
    from desktop.services.desk.shift import StaffShift

    shift = StaffShift(desk_portal.base_url, browser_for(DESK), timeout=30)
    shift.sign_in()
    yield shift
    shift.sign_out()


@pytest.fixture
def desk(qtbot, desk_portal, tmp_path: Path):
    desk = start_desk(qtbot, desk_portal, tmp_path / "profile", tmp_path / "printed")
    yield desk
    stop_desk(desk)
