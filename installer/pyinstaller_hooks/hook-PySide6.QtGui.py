# Replaces PyInstaller's own hook for PySide6.QtGui (hooks given with hookspath win): the
# same collection minus Qt plugins a desktop app never loads whose libraries would be
# bundled with them. The GTK 3 theme drags in cairo, pango, gdk-pixbuf and friends but
# not GTK itself, so on a GNOME desktop it would mix the system's GTK with our copies of
# its libraries; Medcard draws with Fusion and its own stylesheet anyway. The others are
# for embedded boards (EGLFS, framebuffer, VNC, evdev input), and image formats nothing in
# a medical card arrives in (PNG is built into Qt; SVG, JPEG, GIF and ICO stay).
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED_PLUGINS = (
    "platformthemes/libqgtk3",
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqvnc",
    "platforms/libqvkkhrdisplay",
    "platforms/libqminimalegl",
    "egldeviceintegrations/",
    "generic/",
    *("imageformats/libqtiff", "imageformats/libqwebp", "imageformats/libqtga"),
    *("imageformats/libqwbmp", "imageformats/libqicns"),
)

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [
    (src, dest)
    for src, dest in binaries
    if not any(unused in src.replace("\\", "/") for unused in UNUSED_PLUGINS)
]
