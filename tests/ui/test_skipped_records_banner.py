"""Records the app cannot read are skipped, and the window says how many, in the
window's language with the right plural (issue 15), over a real sync of the demo portal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from demo_portal import autologin
from desktop.services.accounts import AccountManager
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from desktop.views.language import LanguageManager
from tests.ui.conftest import TabHarness

SERGEY = "ivanov-sergey"
UNREADABLE = [
    {"resourceType": {"not": "a type"}, "id": "bad-type"},
    {"resourceType": "Observation", "id": {"not": "an id"}},
    {"resourceType": "Observation", "id": "../../etc/passwd"},
]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", "Не удалось прочитать 3 записи, они пропущены."),
        ("en", "3 records could not be read and were skipped."),
    ],
)
def test_the_window_says_how_many_records_were_skipped(
    qtbot: Any, fresh_portal: Any, tmp_path: Path, lang: str, expected: str
) -> None:
    accounts = AccountManager(Profile(tmp_path / "profile"), MemorySecretStore())
    account = accounts.sign_in(
        fresh_portal.base_url,
        timeout=30,
        open_url=lambda url: autologin.follow(url, "family@demo.medcard", "demo1234"),
    )
    with accounts.client(account.id) as client:
        page = next(iter(client.everything(SERGEY)))
    page["entry"] = [*page["entry"], *({"resource": r} for r in UNREADABLE)]
    fresh_portal.faults.add(status=200, body=orjson.dumps(page), path_contains="/$everything")
    language = LanguageManager()
    language.apply(lang)
    harness = TabHarness(qtbot, accounts, account)
    messages: list[str] = []
    harness.ctx.session.errorOccurred.connect(messages.append)
    try:
        harness.sync()
        assert expected in messages
    finally:
        harness.ctx.set_session(None)
        harness.runner.stop()
        language.apply("en")
