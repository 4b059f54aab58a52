#!/usr/bin/env python3
"""Set-up in one command: ``python3 run.py demo``, ``python3 run.py test``, ``python3 run.py bundle``.

demo    run the app in demo mode (``app`` runs it without --demo); installs only what the
        app needs into .venv/ and first checks that Qt's platform libraries are there
test    run the whole test suite; installs the app with its test extra into .venv/
bundle  build the self-contained app (installer/build.py) in .venv-bundle/ from a plain
        (non-editable) install, then smoke-test it; see installer/README.md
bench SCRIPT [ARGS]
        run benchmarks/SCRIPT.py with the test and benchmark extras (fhirpy) in .venv/

Each installs again only when pyproject.toml changed since the last install. Standard
library only, so it works on a fresh machine that has nothing but Python 3.11+.
"""

from __future__ import annotations

import ctypes
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BUNDLE_VENV = ROOT / ".venv-bundle"
STAMP_NAME = ".medcard-installed"


def venv_python(where: Path) -> Path:
    return where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _requirements_digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def _stamp(digest: str, extras: set[str]) -> str:
    return "\n".join([digest, *sorted(extras)])


def _installed(stamp: Path) -> tuple[str, set[str]]:
    """What the last install put into a venv: (pyproject digest, extras)."""
    if not stamp.exists():
        return "", set()
    digest, *extras = stamp.read_text().splitlines() or [""]
    return digest, set(extras)


def ensure_venv(extras: tuple[str, ...] = (), where: Path = VENV, editable: bool = True) -> Path:
    """A venv with Medcard and `extras` installed; returns its python.

    Extras accumulate: after `test` has installed the test tools, `demo` does not reinstall
    without them. A plain (non-editable) install is what wheels and bundles get.
    """
    if sys.version_info < (3, 11):  # noqa: UP036 - says so on an older python3
        sys.exit("Medcard needs Python 3.11 or newer")
    python = venv_python(where)
    if not python.exists():
        print(f"Creating {where.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(where)
    stamp = where / STAMP_NAME
    digest = _requirements_digest()
    have_digest, have_extras = _installed(stamp)
    if have_digest == digest and set(extras) <= have_extras:
        return python
    wanted = set(extras) | (have_extras if have_digest == digest else set())
    target = f"{ROOT}[{','.join(sorted(wanted))}]" if wanted else str(ROOT)
    print(
        f"Installing Medcard{' with ' + ', '.join(sorted(wanted)) if wanted else ''} "
        f"into {where.name}/ ...",
        flush=True,
    )
    subprocess.check_call([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    subprocess.check_call(
        [str(python), "-m", "pip", "install", "-q", *(["-e"] if editable else []), target]
    )
    stamp.write_text(_stamp(digest, wanted))
    return python


# --- Qt's platform libraries (Linux) --------------------------------------------------

LDD_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
# Loaded by the plugin at run time (dlopen), so `ldd` cannot see them: Qt 6.5+ refuses
# to start on X11 without libxcb-cursor.
DLOPENED_BY_PLUGIN = {"xcb": ("libxcb-cursor.so.0",)}


def debian_package_for(soname: str) -> str:
    """Debian's package name for a shared library, by the Policy's naming rule (§8.1).

    libxcb-cursor.so.0 -> libxcb-cursor0, libxkbcommon-x11.so.0 -> libxkbcommon-x11-0,
    libEGL.so.1 -> libegl1: the name lower-cased plus the soname version, with a hyphen
    between them when the name ends in a digit.
    """
    match = re.fullmatch(r"lib(.+)\.so\.(\d+)(?:\.\d+)*", soname)
    if match is None:
        return soname
    name, version = match.group(1).lower(), match.group(2)
    return f"lib{name}{'-' if name[-1].isdigit() else ''}{version}"


def missing_libraries(ldd_output: str) -> list[str]:
    """Sonames that `ldd` could not resolve, in order, each once."""
    return list(dict.fromkeys(LDD_NOT_FOUND.findall(ldd_output)))


def qt_platform_plugin(python: Path, platform: str) -> Path | None:
    """The Qt platform plugin (libq<platform>.so) inside the venv's PySide6, if any."""
    site = python.parent.parent / "lib"
    pattern = f"python3*/site-packages/PySide6/Qt/plugins/platforms/libq{platform}.so"
    found = sorted(glob.glob(str(site / pattern)))
    return Path(found[0]) if found else None


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def check_qt_platform_libraries(python: Path, env: dict[str, str]) -> str | None:
    """On Linux: what to install for Qt's platform plugin to load, or None when nothing.

    Qt's own message when a library is missing names one of them (and suggests a package
    name that is wrong for Debian); `ldd` on the plugin names all of them at once.
    """
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return None
    platform = (env.get("QT_QPA_PLATFORM") or "xcb").split(":")[0]
    plugin = qt_platform_plugin(python, platform)
    if plugin is None:  # wayland, eglfs...: Qt reports its own problems there
        return None
    done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False)
    missing = missing_libraries(done.stdout)
    missing += [name for name in DLOPENED_BY_PLUGIN.get(platform, ()) if not _loadable(name)]
    if not missing:
        return None
    packages = " ".join(dict.fromkeys(debian_package_for(name) for name in missing))
    return (
        f"Qt's '{platform}' platform plugin cannot load: missing {', '.join(missing)}.\n"
        f"On Debian or Ubuntu install them with:\n"
        f"    sudo apt-get install {packages}\n"
        f"(other distributions package the same libraries under similar names)."
    )


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test", "app", "bundle", "bench"} or argv == ["bench"]:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    env = dict(os.environ)
    if command == "bundle":
        python = ensure_venv(("bundle",), where=BUNDLE_VENV, editable=False)
        # Source changes since the last build must reach the installed copy being bundled.
        subprocess.check_call(
            [str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(ROOT)]
        )
        args = [str(python), str(ROOT / "installer" / "build.py"), *rest]
    elif command == "test":
        python = ensure_venv(("test",))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        args = [str(python), "-m", "pytest", *rest]
    elif command == "bench":
        python = ensure_venv(("test", "bench"))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        script = rest[0] if rest[0].endswith(".py") else f"{rest[0]}.py"
        args = [str(python), str(ROOT / "benchmarks" / script), *rest[1:]]
    else:
        python = ensure_venv()
        problem = check_qt_platform_libraries(python, env)
        if problem:
            print(problem, file=sys.stderr)
            return 1
        demo = ["--demo"] if command == "demo" else []
        args = [str(python), "-m", "desktop", *demo, *rest]
    return subprocess.call(args, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
