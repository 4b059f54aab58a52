"""The command line as a newcomer meets it: the help lists every command, it speaks the
user's language, a wrong address or a read-only profile is explained (what and where),
and `sync --json` tells a script why it failed."""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from desktop.services.accounts import AccountManager
from desktop.services.cli import main
from desktop.services.i18n import environment_language, tr
from desktop.services.profile import Profile
from desktop.services.secrets import open_secret_store
from tests.services.conftest import FAMILY, browser_for

ROOT = Path(__file__).resolve().parents[2]
RU = {"LANG": "ru_RU.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


def medcard(*args: str, env: dict[str, str] | None = None, **kwargs: Any):
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


def run_cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_help_lists_every_command_and_the_secret_store() -> None:
    done = medcard("--help", env={"LANG": "C", "LANGUAGE": "", "LC_ALL": ""})
    assert done.returncode == 0
    for word in ("sign-in", "sync", "accounts", "sign-out", "--secret-store", "--profile"):
        assert word in done.stdout, word


def test_the_command_line_speaks_the_users_language(tmp_path: Path) -> None:
    assert environment_language(RU) == "ru"
    assert environment_language({"LANG": "C"}) == "en"
    assert environment_language({"LANGUAGE": "ru:en", "LANG": "en_US.UTF-8"}) == "ru"
    help_ru = medcard("--help", env=RU)
    assert help_ru.returncode == 0
    assert "параметры" in help_ru.stdout and "--secret-store" in help_ru.stdout
    listing = medcard("accounts", "--profile", str(tmp_path / "p"), env=RU)
    assert listing.returncode == 0
    assert listing.stdout.strip() == tr(
        "No accounts. Sign in with: medcard sign-in --portal URL", "ru"
    )
    assert "Учётн" in listing.stdout or "учётн" in listing.stdout
    wrong = medcard("sync", "--bogus", env=RU)
    assert wrong.returncode == 2 and "ошибка" in wrong.stderr
    assert "неизвестные аргументы: --bogus" in wrong.stderr
    sub = medcard("sync", "--help", env=RU)
    assert sub.stdout.count("параметры:") == 1  # the shared options under the same heading
    assert sub.stdout.startswith("использование: medcard sync") and "--secret-store" in sub.stdout


def test_a_non_url_portal_is_refused_before_any_browser(tmp_path: Path, capsys: Any) -> None:
    code, out = run_cli("sign-in", "--portal", "portal.example", "--profile", str(tmp_path / "p"))
    err = capsys.readouterr().err
    assert code == 2 and "Opening the browser" not in out
    assert "not a valid portal address" in err and "Traceback" not in err


def test_sync_json_failure_is_json(fresh_portal: Any, tmp_path: Path) -> None:
    profile = Profile(tmp_path / "p")
    accounts = AccountManager(profile, open_secret_store("keyring", profile.path))
    accounts.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    fresh_portal.stop()  # the portal is gone: the sync cannot reach it
    code, out = run_cli("sync", "--json", "--profile", str(tmp_path / "p"))
    assert code != 0, out
    error = orjson.loads(out)["error"]
    assert error["code"] == "portal_unreachable" and "cannot be reached" in error["message"]
    code, out = run_cli("sync", "--json", "--profile", str(tmp_path / "empty"))
    assert code == 1 and orjson.loads(out)["error"]["code"] == "no_accounts"


# -- a read-only profile folder ----------------------------------------------------------
# The superuser writes anywhere: when the tests run as root, the command runs as "nobody".


@pytest.fixture
def read_only_profile() -> Iterator[Path]:
    base = Path(tempfile.mkdtemp(prefix="medcard-ro-"))
    base.chmod(0o755)
    folder = base / "profile"
    folder.mkdir()
    (folder / "settings.json").write_text('{"schema_version": 1}')
    folder.chmod(
        stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH
    )
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(base, ignore_errors=True)


def as_someone_else() -> dict[str, Any]:
    if os.name != "posix" or os.geteuid() != 0:
        return {}
    home = tempfile.mkdtemp(prefix="medcard-nobody-")
    os.chmod(home, 0o777)
    return {"user": 65534, "group": 65534, "env_home": home}


def run_as_user(*args: str) -> subprocess.CompletedProcess[str]:
    who = as_someone_else()
    env = {"LANG": "C", "LANGUAGE": "", "LC_ALL": ""}
    if "env_home" in who:  # somewhere "nobody" may write its Python caches and keyring
        home = who.pop("env_home")
        env |= {
            "HOME": home,
            "XDG_DATA_HOME": home,
            "XDG_CONFIG_HOME": home,
            "XDG_CACHE_HOME": home,
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    return medcard(*args, env=env, **who)


def test_read_only_profile_is_named_on_the_command_line(read_only_profile: Path) -> None:
    done = run_as_user("accounts", "--profile", str(read_only_profile))
    assert done.returncode == 2, done.stderr
    assert str(read_only_profile) in done.stderr
    assert "no permission to write there" in done.stderr or "read-only" in done.stderr
    assert "disk full" not in done.stderr and "Traceback" not in done.stderr


def test_read_only_profile_is_named_by_the_window(read_only_profile: Path) -> None:
    done = run_as_user(
        "--profile", str(read_only_profile), "--screenshot", str(read_only_profile / "x.png")
    )
    assert done.returncode == 2, done.stderr
    assert str(read_only_profile) in done.stderr
    assert "Traceback" not in done.stderr and "PermissionError" not in done.stderr
