"""How an order reads on screen: its stage, when it is due, where to pick it up."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.models.formats import format_datetime
from desktop.services.documents.kinds import DocumentKind
from desktop.services.documents.orders import (
    COPY,
    IN_PROGRESS,
    PAPER,
    READY,
    REJECTED,
    STAGE_TEXT,
    DocumentOrder,
)
from desktop.views.language import tr_service


def kind_name(kind: DocumentKind) -> str:
    language = QLocale().name().split("_")[0]
    name = kind.name(language)
    if kind.form and kind.form not in name:
        return f"{name} ({kind.form})"
    return name


def order_title(order: DocumentOrder, kinds: list[DocumentKind]) -> str:
    if order.code == COPY:
        return QCoreApplication.translate("medcard", "Paper copies of records")
    kind = next((k for k in kinds if k.code == order.kind_code), None)
    return kind_name(kind) if kind is not None else (order.title or order.kind_code)


def stage_text(order: DocumentOrder) -> str:
    return tr_service(STAGE_TEXT.get(order.stage, order.stage))


def order_summary(order: DocumentOrder) -> str:
    """One paragraph: what state it is in and what to do next."""
    locale = QLocale()
    parts = [stage_text(order)]
    if order.stage == READY:
        if order.delivery == PAPER or order.code == COPY:
            parts.append(
                QCoreApplication.translate("medcard", "Pick it up at the clinic's registry.")
            )
        else:
            parts.append(
                QCoreApplication.translate(
                    "medcard", "The document is in the list: open it to see the PDF."
                )
            )
    elif order.stage == IN_PROGRESS and order.due is not None:
        parts.append(
            QCoreApplication.translate("medcard", "Ready by %1.").replace(
                "%1", format_datetime(order.due.astimezone(), locale, "d MMMM, HH:mm")
            )
        )
    elif order.stage == REJECTED and order.reason:
        parts.append(
            QCoreApplication.translate("medcard", "Reason: %1").replace("%1", order.reason)
        )
    if order.pickup and order.stage not in (REJECTED,) and order.delivery == PAPER:
        parts.append(order.pickup)
    return " ".join(p.strip() for p in parts if p.strip())


def delivery_text(order: DocumentOrder) -> str:
    return (
        QCoreApplication.translate("medcard", "Paper, at the clinic")
        if order.delivery == PAPER
        else QCoreApplication.translate("medcard", "Electronic (PDF)")
    )
