"""Small readers of FHIR R4 JSON shared by the projections (pure functions)."""

from __future__ import annotations

import base64
import binascii
import html
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

JSON = dict[str, Any]

_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def dicts(value: Any) -> list[JSON]:
    """The objects of a JSON list (a portal may send a string, a number or an object where
    FHIR has a list, or mix other things into it)."""
    if isinstance(value, list):
        return [item for item in value if isinstance(item, dict)]
    return []


def obj(value: Any) -> JSON:
    """A JSON object, or an empty one for anything else."""
    return value if isinstance(value, dict) else {}


def text_or_none(value: Any) -> str | None:
    """A JSON string as it is; anything else (a number, an object) is not text here."""
    return value if isinstance(value, str) else None


def ref_id(ref: Any) -> str | None:
    """The bare id of a Reference: "Practitioner/7" -> "7", "urn:uuid:ab" -> "ab"."""
    if not isinstance(ref, dict):
        return None
    value = ref.get("reference")
    if not isinstance(value, str) or not value:
        return None
    if value.startswith("urn:uuid:"):
        return value[9:]
    value = value.split("/_history/")[0]
    return value.rstrip("/").rsplit("/", 1)[-1] or None


def ref_type(ref: Any) -> str | None:
    """The resource type named in a relative/absolute reference, if any."""
    if not isinstance(ref, dict):
        return None
    value = ref.get("reference")
    if isinstance(value, str) and "/" in value and not value.startswith("urn:"):
        parts = value.split("/_history/")[0].rstrip("/").split("/")
        return parts[-2] if len(parts) >= 2 else None
    return ref.get("type") if isinstance(ref.get("type"), str) else None


def ref_display(ref: Any) -> str | None:
    if isinstance(ref, dict) and isinstance(ref.get("display"), str):
        return ref["display"]
    return None


def codings(concept: Any) -> list[JSON]:
    """The Codings of a CodeableConcept (hot path: no copy when the data is well-formed)."""
    if not isinstance(concept, dict):
        return []
    found = concept.get("coding")
    if not isinstance(found, list):
        return []
    for item in found:
        if not isinstance(item, dict):
            return [c for c in found if isinstance(c, dict)]
    return found


def concept_text(concept: Any) -> str:
    """Human text of a CodeableConcept: its text, else the first coding's display/code."""
    if not isinstance(concept, dict):
        return ""
    if isinstance(concept.get("text"), str) and concept["text"].strip():
        return concept["text"].strip()
    for coding in codings(concept):
        if coding.get("display"):
            return str(coding["display"])
    for coding in codings(concept):
        if coding.get("code"):
            return str(coding["code"])
    return ""


def first_text(concepts: Any) -> str:
    if isinstance(concepts, list):
        for concept in concepts:
            text = concept_text(concept)
            if text:
                return text
    return concept_text(concepts)


def has_code(concepts: Any, codes: frozenset[str] | set[str]) -> bool:
    items = concepts if isinstance(concepts, list) else [concepts]
    for item in items:
        for coding in codings(item):
            code = coding.get("code")
            if isinstance(code, str) and code in codes:
                return True
    return False


def primary_code(concept: Any) -> tuple[str, str | None]:
    """(code, system), preferring LOINC; ("", None) when the concept has no coding."""
    items = codings(concept)
    for coding in items:
        if coding.get("system") == "http://loinc.org" and coding.get("code"):
            return str(coding["code"]), "http://loinc.org"
    for coding in items:
        if coding.get("code"):
            system = coding.get("system")
            return str(coding["code"]), system if isinstance(system, str) else None
    text = concept_text(concept)
    return (text, None) if text else ("", None)


def normalize_datetime(value: Any) -> str:
    """A sortable ISO 8601 string: datetimes in UTC ("...Z"), dates as given ("" if none)."""
    if not isinstance(value, str) or not value:
        return ""
    if len(value) <= 10:  # "2024", "2024-05", "2024-05-01"
        return value
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value[:10]
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def epoch(value: Any) -> float | None:
    """UTC epoch seconds of a FHIR date/dateTime/instant (partial dates at their start)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        if len(value) <= 10:
            parts = [int(p) for p in value.split("-")] + [1, 1]
            return datetime(parts[0], parts[1], parts[2], tzinfo=UTC).timestamp()
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def first_of(resource: JSON, *fields: str) -> str:
    """The first present date among fields; Period values give their start."""
    for name in fields:
        value = resource.get(name)
        if isinstance(value, dict):
            value = value.get("start") or value.get("end")
        if isinstance(value, str) and value:
            return value
    return ""


def strip_html(text: str) -> str:
    text = re.sub(r"(?i)<br\s*/?>|</p>|</li>|</tr>|</div>", "\n", text)
    text = html.unescape(_TAGS.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def narrative(resource: JSON) -> str:
    div = (
        (resource.get("text") or {}).get("div") if isinstance(resource.get("text"), dict) else None
    )
    return strip_html(div) if isinstance(div, str) else ""


def attachment_text(attachment: Any, limit: int = 200_000) -> str:
    """Decoded text of an Attachment with inline data (text/*, HTML or UTF-8 bytes)."""
    if not isinstance(attachment, dict) or not isinstance(attachment.get("data"), str):
        return ""
    content_type = str(attachment.get("contentType") or "").lower()
    if content_type and not (
        content_type.startswith("text/") or "json" in content_type or "xml" in content_type
    ):
        return ""  # PDFs and images: shown as attachments, not as text
    try:
        raw = base64.b64decode(attachment["data"][: limit * 2], validate=False)
    except (binascii.Error, ValueError):
        return ""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    return strip_html(text) if "html" in content_type or text.lstrip().startswith("<") else text


def human_name(names: Any) -> str:
    if not isinstance(names, list):
        return ""
    for name in names:
        if not isinstance(name, dict):
            continue
        if isinstance(name.get("text"), str) and name["text"].strip():
            return name["text"].strip()
        given = " ".join(g for g in _strings(name.get("given")) if g)
        family = name.get("family") if isinstance(name.get("family"), str) else ""
        prefix = " ".join(p for p in _strings(name.get("prefix")) if p)
        full = " ".join(p for p in (prefix, given, family) if p)
        if full:
            return full
    return ""


def address_text(addresses: Any) -> str:
    items = addresses if isinstance(addresses, list) else [addresses]
    for addr in items:
        if not isinstance(addr, dict):
            continue
        if isinstance(addr.get("text"), str) and addr["text"].strip():
            return addr["text"].strip()
        parts = [*_strings(addr.get("line")), addr.get("city"), addr.get("state")]
        text = ", ".join(p for p in parts if isinstance(p, str) and p)
        if text:
            return text
    return ""


def _strings(value: Any) -> list[str]:
    """The strings of a JSON list of strings (a lone string counts as one)."""
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def today_iso() -> str:
    return date.today().isoformat()


def referenced_name(reference: Any, lookup: Callable[[str], JSON | None]) -> str:
    """A referenced Organization's or Practitioner's name as `lookup` ("Type/id" -> the
    stored resource) knows it, else the reference's display."""
    rid, rtype = ref_id(reference), ref_type(reference)
    if rid and rtype:
        found = lookup(f"{rtype}/{rid}")
        if isinstance(found, dict):
            name = found.get("name")
            if isinstance(name, str) and name.strip():
                return name.strip()
            person = human_name(name)
            if person:
                return person
    return ref_display(reference) or ""


def organization_alias(reference: Any, lookup: Callable[[str], JSON | None]) -> str:
    """A referenced Organization's short name (its first alias, e.g. ГП № 12), if any."""
    rid, rtype = ref_id(reference), ref_type(reference)
    found = lookup(f"{rtype}/{rid}") if rid and rtype == "Organization" else None
    aliases = found.get("alias") if isinstance(found, dict) else None
    if isinstance(aliases, list) and aliases and isinstance(aliases[0], str):
        return aliases[0]
    return ""
