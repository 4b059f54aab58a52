"""Fixtures of the registry desk's tests: a demo portal of their own (the desk books and
changes appointments) and desks signed in through the real SMART flow, with
`demo_portal.autologin` playing the browser."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

DESK = "desk@demo.medcard"
DESK2 = "desk2@demo.medcard"
PASSWORD = "demo1234"
SERGEY, OLGA = "ivanov-sergey", "smirnova-olga"


def browser_for(email: str, password: str = PASSWORD) -> Callable[[str], str]:
    from demo_portal import autologin

    return lambda url: autologin.follow(url, email, password)


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


def local_now() -> datetime:
    return datetime.now().astimezone()
