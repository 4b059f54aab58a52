"""Record-kind icons drawn with QPainter: crisp at any DPI, nothing to ship or license.

Each kind gets a coloured disc with a simple white pictogram; colours are picked to stay
distinguishable for the common colour-vision deficiencies (the shapes differ too).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

_COLOURS = {
    "visit": "#1e88e5",
    "lab": "#8e24aa",
    "study": "#00897b",
    "discharge": "#6d4c41",
    "prescription": "#f4511e",
    "vaccination": "#43a047",
    "diagnosis": "#e53935",
    "procedure": "#3949ab",
    "allergy": "#fb8c00",
    "document": "#546e7a",
    "covid": "#d81b60",
}


def _person(p: QPainter) -> None:
    p.drawEllipse(QPointF(0, -0.28), 0.17, 0.17)
    path = QPainterPath()
    path.moveTo(-0.36, 0.42)
    path.cubicTo(-0.36, -0.05, 0.36, -0.05, 0.36, 0.42)
    p.drawPath(path)


def _flask(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(-0.12, -0.45)
    path.lineTo(-0.12, -0.1)
    path.lineTo(-0.38, 0.4)
    path.lineTo(0.38, 0.4)
    path.lineTo(0.12, -0.1)
    path.lineTo(0.12, -0.45)
    p.drawPath(path)


def _screen(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(-0.42, -0.36, 0.84, 0.56), 0.06, 0.06)
    p.drawLine(QPointF(0, 0.2), QPointF(0, 0.4))
    p.drawLine(QPointF(-0.2, 0.4), QPointF(0.2, 0.4))


def _page(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(-0.3, -0.45)
    path.lineTo(0.12, -0.45)
    path.lineTo(0.3, -0.27)
    path.lineTo(0.3, 0.45)
    path.lineTo(-0.3, 0.45)
    path.closeSubpath()
    p.drawPath(path)


def _lines_page(p: QPainter) -> None:
    _page(p)
    for y in (-0.12, 0.06, 0.24):
        p.drawLine(QPointF(-0.16, y), QPointF(0.16, y))


def _pill(p: QPainter) -> None:
    p.save()
    p.rotate(-45)
    p.drawRoundedRect(QRectF(-0.45, -0.17, 0.9, 0.34), 0.17, 0.17)
    p.drawLine(QPointF(0, -0.17), QPointF(0, 0.17))
    p.restore()


def _syringe(p: QPainter) -> None:
    p.save()
    p.rotate(45)
    p.drawRect(QRectF(-0.12, -0.3, 0.24, 0.5))
    p.drawLine(QPointF(0, 0.2), QPointF(0, 0.46))
    p.drawLine(QPointF(0, -0.3), QPointF(0, -0.44))
    p.drawLine(QPointF(-0.14, -0.44), QPointF(0.14, -0.44))
    p.restore()


def _cross(p: QPainter) -> None:
    p.drawLine(QPointF(0, -0.38), QPointF(0, 0.38))
    p.drawLine(QPointF(-0.38, 0), QPointF(0.38, 0))


def _scalpel(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(-0.4, 0.4)
    path.lineTo(0.05, -0.05)
    path.quadTo(0.4, -0.45, 0.42, -0.42)
    path.lineTo(0.1, 0.05)
    path.closeSubpath()
    p.drawPath(path)


def _exclamation(p: QPainter) -> None:
    p.drawLine(QPointF(0, -0.4), QPointF(0, 0.12))
    p.drawPoint(QPointF(0, 0.34))


def _virus(p: QPainter) -> None:
    p.drawEllipse(QPointF(0, 0), 0.22, 0.22)
    for angle in range(0, 360, 45):
        p.save()
        p.rotate(angle)
        p.drawLine(QPointF(0.22, 0), QPointF(0.4, 0))
        p.restore()


_PICTOGRAMS: dict[str, Callable[[QPainter], None]] = {
    "visit": _person,
    "lab": _flask,
    "study": _screen,
    "discharge": _lines_page,
    "prescription": _pill,
    "vaccination": _syringe,
    "diagnosis": _cross,
    "procedure": _scalpel,
    "allergy": _exclamation,
    "document": _page,
    "covid": _virus,
}


def _render(size: int, colour: str, draw: Callable[[QPainter], None] | None) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    if draw is not None:
        p.translate(size / 2, size / 2)
        p.scale(size * 0.62, size * 0.62)
        pen = QPen(QColor("white"), 0.1)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        draw(p)
    p.end()
    return pix


def kind_icon(kind: str) -> QIcon:
    icon = QIcon()
    for size in (16, 20, 24, 32, 48):
        icon.addPixmap(_render(size, _COLOURS.get(kind, "#757575"), _PICTOGRAMS.get(kind)))
    return icon


def flag_icon() -> QIcon:
    """The red "out of range" marker next to a record title."""
    icon = QIcon()
    for size in (12, 16, 24):
        icon.addPixmap(_render(size, "#c62828", _exclamation))
    return icon


def kind_icons() -> dict[str, QIcon]:
    icons = {kind: kind_icon(kind) for kind in _COLOURS}
    icons["flag"] = flag_icon()
    return icons
