"""The rooms of DESIGN.md that import-linter cannot see: raw SQL, the one door, the tabs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
SQL = re.compile(
    r"\b(SELECT\b.+\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b", re.S
)  # SQL is written in capitals here


def _modules(*parts: str) -> list[Path]:
    return sorted(p for p in DESKTOP.joinpath(*parts).rglob("*.py"))


def test_raw_sql_lives_only_in_the_cache_package() -> None:
    cache = DESKTOP / "services" / "cache"
    offenders = []
    for path in _modules():
        if cache in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if SQL.search(node.value):
                    offenders.append(f"{path.relative_to(DESKTOP)}:{node.lineno}")
    assert offenders == []


def test_the_sql_check_would_see_a_query() -> None:
    assert SQL.search("SELECT json FROM resources WHERE id = ?")
    assert SQL.search("INSERT OR REPLACE INTO links (a) VALUES (?)")
    assert not SQL.search("Select the records to print from the list")


def test_tabs_reach_the_account_only_through_the_session_door() -> None:
    """No view or feature model touches an account's client or cache directly; only the
    session (and the sign-in code that builds it) holds them."""
    allowed = {DESKTOP / "models" / name for name in ("session.py", "door.py", "signin.py")}
    allowed.add(DESKTOP / "models" / "desk" / "door.py")  # the registry desk's one door
    offenders = []
    for path in _modules("views") + _modules("models"):
        if path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("cache", "client"):
                offenders.append(f"{path.relative_to(DESKTOP)}:{node.lineno} .{node.attr}")
    assert offenders == []


def test_every_registered_tab_has_a_command_line_name_and_a_package() -> None:
    from desktop.app import TAB_NAMES
    from desktop.views.tabs import TABS

    assert tuple(spec.name for spec in TABS) == TAB_NAMES
    for spec in TABS:
        assert (DESKTOP / "views" / spec.name / "__init__.py").exists()
        assert spec.create.__module__.startswith(f"desktop.views.{spec.name}")
