"""run.py: the Qt platform-library check before `demo`, and what each command installs."""

from __future__ import annotations

import importlib.util
import os
import stat
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("run_py", ROOT / "run.py")
assert _spec is not None and _spec.loader is not None
run_py = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run_py)

LDD_WITH_GAPS = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
"""


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libfontconfig.so.1.12.0", "libfontconfig1"),
    ],
)
def test_debian_package_names_follow_the_policy_rule(soname, package):
    assert run_py.debian_package_for(soname) == package


def test_missing_libraries_are_read_from_ldd_each_once():
    assert run_py.missing_libraries(LDD_WITH_GAPS) == [
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libxkbcommon-x11.so.0",
    ]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and xcb are Linux's")
def test_demo_names_the_debian_packages_qt_is_missing(tmp_path, monkeypatch):
    # A venv whose xcb plugin lacks two libraries, seen through a stand-in ldd.
    python = tmp_path / "venv" / "bin" / "python"
    plugins = tmp_path / "venv/lib/python3.11/site-packages/PySide6/Qt/plugins/platforms"
    plugins.mkdir(parents=True)
    (plugins / "libqxcb.so").write_bytes(b"")
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    ldd = fake_bin / "ldd"
    ldd.write_text(f"#!/bin/sh\ncat <<'EOF'\n{LDD_WITH_GAPS}EOF\n")
    ldd.chmod(ldd.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake_bin}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(run_py, "_loadable", lambda soname: soname != "libxcb-cursor.so.0")

    message = run_py.check_qt_platform_libraries(python, {"DISPLAY": ":0"})

    assert message is not None
    assert (
        "sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-cursor0"
        in message
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and xcb are Linux's")
def test_the_offscreen_plugin_of_this_venv_has_all_it_needs():
    # What the test suite itself runs on: .ci/run installs these libraries.
    assert (
        run_py.check_qt_platform_libraries(Path(sys.executable), {"QT_QPA_PLATFORM": "offscreen"})
        is None
    )


def test_demo_installs_no_test_tools_and_keeps_extras_already_there(tmp_path, monkeypatch):
    calls: list[list[str]] = []
    monkeypatch.setattr(run_py.subprocess, "check_call", lambda args: calls.append(args))
    venv_dir = tmp_path / "venv"
    python = run_py.venv_python(venv_dir)
    python.parent.mkdir(parents=True)
    python.write_text("")  # exists: no venv is created

    run_py.ensure_venv((), where=venv_dir)
    assert calls[-1][-1] == str(ROOT)  # the app alone, no [test]

    run_py.ensure_venv(("test",), where=venv_dir)
    assert calls[-1][-1] == f"{ROOT}[test]"

    calls.clear()
    run_py.ensure_venv((), where=venv_dir)  # the test tools are there already: no reinstall
    assert calls == []
