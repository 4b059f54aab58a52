"""A protocol or a discharge summary as readable HTML: headings bold, paragraphs kept.

Structured documents (a Composition's sections) bring their headings; plain-text ones
(an attachment) carry them as lines: "Жалобы: …", "Рекомендации:", "ВЫПИСНОЙ ЭПИКРИЗ".
Those are recognised by their shape (a short line ending with a colon, a line in capitals)
or by the usual section names, so both kinds read alike. Everything is escaped: a
record is data, never markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

# The section names of Russian and English clinical documents, lower case.
KNOWN_HEADINGS = frozenset(
    {
        "жалобы",
        "анамнез",
        "анамнез заболевания",
        "анамнез жизни",
        "объективно",
        "объективный статус",
        "осмотр",
        "диагноз",
        "основной диагноз",
        "заключительный клинический диагноз",
        "сопутствующий диагноз",
        "заключение",
        "рекомендации",
        "назначения",
        "лечение",
        "проведённое лечение",
        "проведенное лечение",
        "течение заболевания и проведённое лечение",
        "результаты обследования",
        "состояние при выписке",
        "план",
        "план обследования",
        "план лечения",
        "complaints",
        "chief complaint",
        "history",
        "history of present illness",
        "examination",
        "physical examination",
        "assessment",
        "diagnosis",
        "plan",
        "recommendations",
        "treatment",
        "conclusion",
        "impression",
        "findings",
    }
)
_LABEL = re.compile(r"^(?P<label>[^:\n]{2,60}):\s+(?P<rest>\S.*)$")
_HEADING_STYLE = "margin-top:10px; margin-bottom:2px"


def is_heading(line: str) -> bool:
    """A line that names a section: "Рекомендации", "Диагноз:", "ВЫПИСНОЙ ЭПИКРИЗ"."""
    text = line.strip()
    if not text or len(text) > 70:
        return False
    if text.rstrip(":").strip().lower() in KNOWN_HEADINGS:
        return True
    if text.endswith(":") and ":" not in text[:-1] and not text[0].isdigit():
        return True
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _line_html(line: str) -> str:
    match = _LABEL.match(line.strip())
    if match and match.group("label").strip().lower() in KNOWN_HEADINGS:
        return f"<b>{escape(match.group('label'))}:</b> {escape(match.group('rest'))}"
    return escape(line)


def text_html(text: str) -> str:
    """Plain text: blank lines part paragraphs, line breaks stay, headings go bold."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines: list[str] = []
        for line in block.strip().splitlines():
            if is_heading(line):
                if lines:
                    out.append("<p>" + "<br>".join(lines) + "</p>")
                    lines = []
                out.append(f"<p style='{_HEADING_STYLE}'><b>{escape(line.strip())}</b></p>")
            elif line.strip():
                lines.append(_line_html(line))
        if lines:
            out.append("<p style='margin-top:2px'>" + "<br>".join(lines) + "</p>")
    return "".join(out)


def sections_html(sections: Iterable[tuple[str, str]]) -> str:
    """A structured document: each section's heading in bold above its paragraphs."""
    out: list[str] = []
    for heading, text in sections:
        if heading.strip():
            out.append(f"<p style='{_HEADING_STYLE}'><b>{escape(heading.strip())}</b></p>")
        if text.strip():
            out.append(text_html(text))
    return "".join(out)
