"""Laying out an issued document as a PDF with fpdf2.

fpdf2 over reportlab: pure Python with a small API, embeds (and subsets) a TrueType font
so Cyrillic shows everywhere, lets the creation date be set (the same content gives the
same bytes: cacheable, and the hash in DocumentReference stays stable), and is actively
kept (monthly releases). Licence LGPL-3.0, used as an unmodified library.

A page: the clinic's requisites (full name, address, phone, ОГРН, licence) and the form
number at the top; the title, number and date; the patient; the body (paragraphs and
dated rows); the doctor and the signature line; a stamp block ("М. П.") and the
electronic-signature block (owner, certificate serial, validity).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from demo_portal.documents.fonts import find_font

FAMILY = "MedcardSans"


@dataclass(frozen=True)
class Clinic:
    name: str
    address: str
    phone: str
    ogrn: str
    licence: str


@dataclass(frozen=True)
class SignatureStamp:
    owner: str
    serial: str
    valid: str  # "с 01.01.2020 по 01.01.2045"


@dataclass(frozen=True)
class Content:
    clinic: Clinic
    title: str
    form: str  # "027/у" or ""
    number: str
    issued: datetime
    patient: tuple[str, ...]  # lines: name and birth date, address, policy
    paragraphs: tuple[str, ...] = ()
    rows: tuple[tuple[str, str], ...] = ()  # (date, text)
    rows_title: str = ""
    doctor: str = ""  # "Врач-терапевт участковый Соколова Е. В."
    stamp: SignatureStamp | None = None
    notes: tuple[str, ...] = field(default=())


class _Page(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, size=7)
        self.cell(0, 5, f"Страница {self.page_no()} из {{nb}}", align="C")


def _line(pdf: FPDF, text: str, size: float = 10, bold: bool = False, align: str = "L") -> None:
    pdf.set_font(FAMILY, "B" if bold else "", size)
    pdf.multi_cell(0, size * 0.5, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


@lru_cache(maxsize=64)
def render(content: Content) -> bytes:
    """The PDF (cached: the same content renders to the same bytes)."""
    font = find_font()
    pdf = _Page(format="A4")
    pdf.set_margins(20, 15, 15)
    pdf.add_font(FAMILY, "", str(font.regular))
    pdf.add_font(FAMILY, "B", str(font.bold))
    pdf.set_creation_date(content.issued)
    pdf.set_title(content.title)
    pdf.set_author(content.clinic.name)
    pdf.set_creator("Medcard demo portal")
    pdf.alias_nb_pages()
    pdf.add_page()
    _requisites(pdf, content)
    pdf.ln(4)
    _line(pdf, content.title.upper(), 12, bold=True, align="C")
    date = content.issued.strftime("%d.%m.%Y")
    _line(pdf, f"№ {content.number} от {date}", 10, align="C")
    pdf.ln(3)
    for text in content.patient:
        _line(pdf, text)
    pdf.ln(2)
    for paragraph in content.paragraphs:
        _line(pdf, paragraph)
        pdf.ln(1)
    if content.rows:
        _rows(pdf, content)
    for note in content.notes:
        _line(pdf, note, 9)
    pdf.ln(6)
    _signatures(pdf, content)
    return bytes(pdf.output())


def _requisites(pdf: FPDF, content: Content) -> None:
    clinic = content.clinic
    top = pdf.get_y()
    pdf.set_x(pdf.l_margin)
    pdf.set_font(FAMILY, "B", 9)
    pdf.multi_cell(110, 4.5, clinic.name, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 8)
    for text in (
        clinic.address,
        f"Телефон регистратуры: {clinic.phone}",
        f"ОГРН {clinic.ogrn}",
        f"Лицензия на осуществление медицинской деятельности № {clinic.licence}",
    ):
        pdf.multi_cell(110, 4, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    bottom = pdf.get_y()
    if content.form:
        pdf.set_xy(135, top)
        pdf.set_font(FAMILY, "", 8)
        pdf.multi_cell(
            60,
            4,
            f"Медицинская документация\nУчётная форма № {content.form}",
            align="R",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    pdf.set_y(max(bottom, pdf.get_y()))
    pdf.line(pdf.l_margin, pdf.get_y() + 1, 195, pdf.get_y() + 1)
    pdf.ln(2)


def _rows(pdf: FPDF, content: Content) -> None:
    if content.rows_title:
        _line(pdf, content.rows_title, 10, bold=True)
    pdf.set_font(FAMILY, "", 9)
    for when, text in content.rows:
        y = pdf.get_y()
        if y > 260:
            pdf.add_page()
            y = pdf.get_y()
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(24, 4.5, when)
        pdf.multi_cell(0, 4.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)


def _signatures(pdf: FPDF, content: Content) -> None:
    if pdf.get_y() > 225:
        pdf.add_page()
    if content.doctor:
        _line(pdf, f"{content.doctor}     ____________ (подпись)")
    _line(pdf, f"Дата выдачи: {content.issued.strftime('%d.%m.%Y')}")
    pdf.ln(3)
    top = pdf.get_y()
    pdf.rect(pdf.l_margin, top, 40, 26)
    pdf.set_xy(pdf.l_margin, top + 10)
    pdf.set_font(FAMILY, "", 9)
    pdf.cell(40, 5, "М. П.", align="C")
    if content.stamp is not None:
        stamp = content.stamp
        pdf.set_draw_color(40, 70, 160)
        pdf.rect(70, top, 110, 26)
        pdf.set_xy(72, top + 1.5)
        pdf.set_text_color(40, 70, 160)
        pdf.set_font(FAMILY, "B", 8)
        pdf.multi_cell(106, 4, "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ", align="C")
        pdf.set_font(FAMILY, "", 7)
        for text in (
            f"Владелец: {stamp.owner}",
            f"Сертификат: {stamp.serial}",
            f"Действителен: {stamp.valid}",
        ):
            pdf.set_x(72)
            pdf.multi_cell(106, 4, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
        pdf.set_draw_color(0, 0, 0)
    pdf.set_y(top + 28)
