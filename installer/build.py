"""Build the self-contained Medcard app for this system, package it, then smoke-test it.

Run through `python3 run.py bundle [options]`, which first installs the project (not
editable, as a wheel would) with PyInstaller into .venv-bundle/; this script then runs

1. PyInstaller on installer/medcard.spec -> dist/Medcard/ (Medcard.app on macOS);
2. the platform's package: a .deb (dpkg-deb) on Linux, a per-user setup .exe (Inno
   Setup's iscc) on Windows, a .dmg (hdiutil) on macOS -> dist/;
3. installer/smoke_test.py on the bundle and on the package installed into a scratch
   folder (install_package).

It prints the build time, the bundle's unpacked size and the package's size (the budgets
in installer/README.md). Needs the Python of a venv where the project is installed.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
VERSION = version("medcard")  # pyproject.toml's, from the install being bundled
APP_NAME = "Medcard"
# Linux layout of the .deb: the bundle under /opt, a launcher on PATH, desktop integration.
DEB_PREFIX = Path("opt/medcard")
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Qt loads it with dlopen (so `ldd` does not list it) and will not start on X11 without it.
DEB_DLOPENED = ("libxcb-cursor0",)


def bundle_dir() -> Path:
    """The folder with the executable: dist/Medcard, or inside Medcard.app on macOS."""
    if sys.platform == "darwin":
        return DIST / f"{APP_NAME}.app" / "Contents" / "MacOS"
    return DIST / APP_NAME


def bundle_root() -> Path:
    """What a user gets: Medcard.app on macOS, the folder elsewhere."""
    return DIST / f"{APP_NAME}.app" if sys.platform == "darwin" else DIST / APP_NAME


def bundle_executable(folder: Path | None = None) -> Path:
    folder = folder or bundle_dir()
    return folder / ("medcard.exe" if sys.platform == "win32" else "medcard")


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def run_pyinstaller(clean: bool) -> None:
    import desktop

    if Path(desktop.__file__).resolve().is_relative_to(ROOT / "desktop"):
        sys.exit("desktop is imported from the source tree: run through `python3 run.py bundle`")
    args = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        *(["--clean"] if clean else []),
        str(INSTALLER / "medcard.spec"),
    ]
    # From a scratch folder: nothing in the current directory may shadow the installed package.
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.check_call(args, cwd=scratch)


def strip_symbols(bundle: Path) -> int:
    """Strip the bundle's Linux libraries that still carry symbols or debug info; bytes saved.

    libpython, the sqlcipher3 extension and cryptography's Rust library ship with theirs
    (~45 MB together). PyInstaller's own strip option strips every file, and breaks the
    OpenBLAS that numpy's wheel carries in numpy.libs/ ("ELF load command ... not
    page-aligned"): libraries that auditwheel rewrote (in a *.libs folder) are left alone.
    """
    if shutil.which("strip") is None or shutil.which("readelf") is None:
        print("strip/readelf not found (binutils): the bundle keeps its debug info")
        return 0
    before = tree_size(bundle)
    for elf in _elf_files(bundle):
        if any(part.endswith(".libs") for part in elf.relative_to(bundle).parts):
            continue
        sections = subprocess.run(["readelf", "-S", "-W", str(elf)], capture_output=True, text=True)
        if ".symtab" in sections.stdout or ".debug_info" in sections.stdout:
            subprocess.check_call(["strip", str(elf)])
    return before - tree_size(bundle)


# --- Linux: .deb -------------------------------------------------------------------------


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def deb_depends(bundle: Path) -> list[str]:
    """Debian packages providing the libraries the bundle links to but does not carry.

    What dpkg-shlibdeps would find, without a Debian source tree: `ldd` on every ELF file,
    the libraries resolved outside the bundle mapped to their packages with `dpkg -S`,
    ones not installed here named by Debian's soname rule (as run.py does).
    """
    sys.path.insert(0, str(ROOT))
    from run import debian_package_for, missing_libraries

    outside: set[str] = set()
    packages: set[str] = set(DEB_DLOPENED)
    # As at run time: PyInstaller's launcher puts its library folder on the search path.
    contents = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    env = {**os.environ, "LD_LIBRARY_PATH": str(contents)}
    for elf in _elf_files(bundle):
        out = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, env=env).stdout
        packages.update(debian_package_for(name) for name in missing_libraries(out))
        for match in re.finditer(r"=>\s+(/\S+)", out):
            lib = Path(match.group(1))
            if not lib.resolve().is_relative_to(bundle.resolve()):
                # Merged /usr: ldd may say /lib/... where dpkg recorded /usr/lib/..., or back.
                outside.update({str(lib), str(lib).removeprefix("/usr"), "/usr" + str(lib)})
    if outside:
        found = subprocess.run(
            ["dpkg", "-S", *sorted(outside)], capture_output=True, text=True
        ).stdout
        for line in found.splitlines():
            names = line.split(": ", 1)[0]
            packages.update(name.split(":")[0] for name in names.split(", "))
    return sorted(packages)


def desktop_entry() -> str:
    return (INSTALLER / "linux" / "medcard.desktop").read_text(encoding="utf-8")


def build_deb(bundle: Path) -> Path:
    arch = subprocess.check_output(["dpkg", "--print-architecture"], text=True).strip()
    target = DIST / f"medcard_{VERSION}_{arch}.deb"
    with tempfile.TemporaryDirectory() as staging_name:
        staging = Path(staging_name)
        staging.chmod(0o755)  # the package's "./": a private temporary folder is 0700
        shutil.copytree(bundle, staging / DEB_PREFIX, symlinks=True)
        launcher = staging / "usr" / "bin" / "medcard"
        launcher.parent.mkdir(parents=True)
        # Relative, so the package also runs when unpacked under another root.
        launcher.symlink_to(Path("../..") / DEB_PREFIX / "medcard")
        applications = staging / "usr" / "share" / "applications"
        applications.mkdir(parents=True)
        (applications / "medcard.desktop").write_text(desktop_entry(), encoding="utf-8")
        icons = staging / "usr" / "share" / "icons" / "hicolor"
        for size in HICOLOR_SIZES:
            folder = icons / f"{size}x{size}" / "apps"
            folder.mkdir(parents=True)
            shutil.copy2(
                ROOT / "resources" / "icons" / f"medcard-{size}.png", folder / "medcard.png"
            )
        (icons / "scalable" / "apps").mkdir(parents=True)
        shutil.copy2(ROOT / "resources/icons/medcard.svg", icons / "scalable/apps/medcard.svg")
        control = staging / "DEBIAN" / "control"
        control.parent.mkdir()
        control.write_text(
            f"Package: medcard\n"
            f"Version: {VERSION}\n"
            f"Architecture: {arch}\n"
            f"Maintainer: Medcard developers <medcard@localhost>\n"
            f"Installed-Size: {tree_size(staging) // 1024}\n"
            f"Depends: {', '.join(deb_depends(bundle))}\n"
            f"Section: misc\n"
            f"Priority: optional\n"
            f"Description: electronic medical card on the desktop (FHIR R4 + SMART)\n"
            f" Visit protocols, lab results, prescriptions, vaccinations and appointments\n"
            f" from the patient portal, kept in an encrypted offline copy.\n",
            encoding="utf-8",
        )
        # zstd: 1 s and 82 MB against 35 s and 85 MB for gzip -9, 19 s and 70 MB for xz -1
        # (measured here). dpkg reads it from 1.21.18 on (Debian 12, Ubuntu 22.04), and the
        # bundle needs the build machine's glibc or newer anyway (2.36 from Debian 12).
        subprocess.check_call(
            ["dpkg-deb", "--root-owner-group", "-Zzstd", "--build", str(staging), str(target)],
            stdout=subprocess.DEVNULL,
        )
    return target


# --- Windows and macOS -------------------------------------------------------------------


def build_windows_setup() -> Path:
    iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
    subprocess.check_call(
        [
            iscc,
            f"/DAppVersion={VERSION}",
            f"/DSourceDir={DIST / APP_NAME}",
            f"/DIconFile={ROOT / 'resources' / 'icons' / 'medcard.ico'}",
            f"/O{DIST}",
            str(INSTALLER / "windows" / "medcard.iss"),
        ]
    )
    return DIST / f"{APP_NAME}-{VERSION}-setup.exe"


def build_dmg() -> Path:
    target = DIST / f"{APP_NAME}-{VERSION}.dmg"
    subprocess.check_call(
        [
            "hdiutil",
            "create",
            "-volname",
            APP_NAME,
            "-srcfolder",
            str(DIST / f"{APP_NAME}.app"),
            "-ov",
            "-format",
            "UDZO",
            str(target),
        ]
    )
    return target


def install_package(package: Path, scratch: Path) -> Path:
    """Install the package as a user would, but into `scratch`; returns the app to run.

    .deb: dpkg into a root of its own (an empty package database, so its Depends cannot
    be checked there; the libraries are this machine's as after a real install). Setup
    .exe: silently, per user, into a chosen folder. .dmg: mounted, Medcard.app copied
    out as a user drags it to Applications.
    """
    if package.suffix == ".deb":
        admin = scratch / "var" / "lib" / "dpkg"
        for folder in ("info", "updates", "triggers"):
            (admin / folder).mkdir(parents=True)
        (admin / "status").touch()
        dpkg = ["dpkg", f"--root={scratch}", "--force-not-root", "--force-depends"]
        subprocess.run([*dpkg, "--install", str(package)], check=True, capture_output=True)
        return scratch / "usr" / "bin" / "medcard"
    if package.suffix == ".exe":
        target = scratch / APP_NAME
        quiet = ["/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", f"/DIR={target}"]
        subprocess.run([str(package), *quiet], check=True)
        return target / "medcard.exe"
    if package.suffix == ".dmg":
        mount = scratch / "dmg"
        mount.mkdir()
        attach = ["hdiutil", "attach", "-nobrowse", "-readonly", "-mountpoint", str(mount)]
        subprocess.run([*attach, str(package)], check=True, stdout=subprocess.DEVNULL)
        try:
            applications = scratch / "Applications"
            applications.mkdir()
            # ditto keeps the bundle's symlinks and signatures as the Finder's copy does.
            app = f"{APP_NAME}.app"
            subprocess.run(["ditto", str(mount / app), str(applications / app)], check=True)
        finally:
            subprocess.run(["hdiutil", "detach", str(mount)], check=True, stdout=subprocess.DEVNULL)
        return applications / f"{APP_NAME}.app" / "Contents" / "MacOS" / "medcard"
    raise ValueError(f"no way to install {package}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    parser.add_argument("--no-package", action="store_true", help="only the bundle folder")
    parser.add_argument("--no-smoke", action="store_true", help="skip the smoke test")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    run_pyinstaller(args.clean)
    bundle = bundle_dir()
    if sys.platform.startswith("linux"):
        print(f"stripped {megabytes(strip_symbols(bundle))} of symbols and debug info")
    bundle_seconds = time.perf_counter() - started
    print(
        f"bundle: {bundle_root()} — {megabytes(tree_size(bundle_root()))} unpacked, "
        f"built in {bundle_seconds:.0f} s on {os.cpu_count()} cores ({platform.machine()})"
    )

    package: Path | None = None
    if not args.no_package:
        started = time.perf_counter()
        if sys.platform.startswith("linux"):
            package = build_deb(bundle)
        elif sys.platform == "win32":
            package = build_windows_setup()
        elif sys.platform == "darwin":
            package = build_dmg()
        if package is not None:
            print(
                f"package: {package} — {megabytes(package.stat().st_size)}, "
                f"made in {time.perf_counter() - started:.0f} s"
            )

    if args.no_smoke:
        return 0
    smoke = [sys.executable, str(INSTALLER / "smoke_test.py"), str(bundle_executable(bundle))]
    with tempfile.TemporaryDirectory(prefix="medcard-installed-") as scratch:
        if package is not None:
            installed = install_package(package, Path(scratch))
            print(f"installed {package.name} into {scratch}: {installed}")
            smoke += ["--installed", str(installed)]
        return subprocess.call(smoke)


if __name__ == "__main__":
    raise SystemExit(main())
