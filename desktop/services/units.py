"""Unit harmonisation for lab series, on top of pint.

Clinics report one analyte in different units (glucose in mmol/L or mg/dL, creatinine in
µmol/L or mg/dL). A chart must show one unit, so values are converted with pint's
``chemistry`` context and the analyte's molar mass; a value whose unit cannot be converted
to the chart's unit is returned apart and never plotted on the same axis.

UCUM (the unit syntax FHIR uses) differs from pint's syntax in a few tokens; those are
rewritten textually (``mm[Hg]`` -> ``mmHg``, ``10*9/L`` -> ``1/nL``) — no conversion factor
is written by hand here.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pint

from desktop.services.i18n import N_

# Molar masses (g/mol) by LOINC code: the only chemistry facts the conversions need.
_GLUCOSE = 180.16
_CHOLESTEROL = 386.65
_TRIGLYCERIDES = 885.7
_CREATININE = 113.12
_UREA = 60.06
_UREA_NITROGEN = 28.014  # BUN is reported as the mass of urea's two nitrogen atoms
_URIC_ACID = 168.11
_BILIRUBIN = 584.66

MOLAR_MASS_BY_LOINC: dict[str, float] = {
    # glucose: serum/plasma, blood, capillary, SI-coded variants
    "2345-7": _GLUCOSE,
    "2339-0": _GLUCOSE,
    "41653-7": _GLUCOSE,
    "15074-8": _GLUCOSE,
    "14749-6": _GLUCOSE,
    "14743-9": _GLUCOSE,
    # cholesterol: total, HDL, LDL (calculated, direct), SI-coded variants
    "2093-3": _CHOLESTEROL,
    "2085-9": _CHOLESTEROL,
    "13457-7": _CHOLESTEROL,
    "18262-6": _CHOLESTEROL,
    "2089-1": _CHOLESTEROL,
    "14647-2": _CHOLESTEROL,
    "14646-4": _CHOLESTEROL,
    "22748-8": _CHOLESTEROL,
    "39469-2": _CHOLESTEROL,
    # triglycerides
    "2571-8": _TRIGLYCERIDES,
    "14927-8": _TRIGLYCERIDES,
    # creatinine
    "2160-0": _CREATININE,
    "14682-9": _CREATININE,
    "38483-4": _CREATININE,
    # urea / urea nitrogen
    "3091-6": _UREA,
    "22664-7": _UREA,
    "3094-0": _UREA_NITROGEN,
    "14937-7": _UREA_NITROGEN,
    "6299-2": _UREA_NITROGEN,
    # uric acid, total bilirubin
    "3084-1": _URIC_ACID,
    "14933-6": _URIC_ACID,
    "1975-2": _BILIRUBIN,
    "14631-6": _BILIRUBIN,
}

# UCUM spellings pint does not parse, rewritten to pint syntax (same quantity).
_UCUM_TOKENS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"mm\[Hg\]"), "mmHg"),
    (re.compile(r"\bCel\b"), "degC"),
    (re.compile(r"\[degF\]"), "degF"),
    (re.compile(r"\{[^}]*\}"), "1"),  # UCUM annotations like {beats}/min carry no dimension
    (re.compile(r"\[IU\]"), "IU"),
    (re.compile(r"10\*12/L"), "1/pL"),
    (re.compile(r"10\*9/L"), "1/nL"),
    (re.compile(r"10\*6/uL"), "1/pL"),
    (re.compile(r"10\*3/uL"), "1/nL"),
    (re.compile(r"^%$"), "percent"),
    (re.compile(r"^/"), "1/"),
]

# Localised display spellings (valueQuantity.unit of Russian labs) -> UCUM. Caches and
# screens may carry the display text rather than the UCUM code.
_LOCAL_SPELLINGS = {
    "ммоль/л": "mmol/L",
    "мкмоль/л": "umol/L",
    "мг/дл": "mg/dL",
    "мг/л": "mg/L",
    "г/л": "g/L",
    "г/дл": "g/dL",
    "ед/л": "U/L",
    "ме/л": "[IU]/L",
    "мме/л": "m[IU]/L",
    "мкме/мл": "u[IU]/mL",
    "нг/л": "ng/L",
    "нг/мл": "ng/mL",
    "пг/мл": "pg/mL",
    "пмоль/л": "pmol/L",
    "нмоль/л": "nmol/L",
    "×10⁹/л": "10*9/L",
    "×10¹²/л": "10*12/L",
    "мм/ч": "mm/h",
    "мм рт. ст.": "mm[Hg]",
    "мм рт.ст.": "mm[Hg]",
    "уд/мин": "/min",
    "кг": "kg",
    "кг/м²": "kg/m2",
    "°c": "Cel",
    "°с": "Cel",
    "%": "%",
}

# Display spelling for units as patients read them (UCUM is for machines), in English and
# marked for translation (context "medcard"): the views show "ммоль/л" in Russian.
_DISPLAY = {
    "1": "",
    "[pH]": "",
    "mmol/L": N_("mmol/L"),
    "umol/L": N_("µmol/L"),
    "mg/dL": N_("mg/dL"),
    "mg/L": N_("mg/L"),
    "g/L": N_("g/L"),
    "g/dL": N_("g/dL"),
    "U/L": N_("U/L"),
    "[IU]/L": N_("IU/L"),
    "m[IU]/L": N_("mIU/L"),
    "u[IU]/mL": N_("µIU/mL"),
    "ng/L": N_("ng/L"),
    "ng/mL": N_("ng/mL"),
    "pg/mL": N_("pg/mL"),
    "pmol/L": N_("pmol/L"),
    "nmol/L": N_("nmol/L"),
    "10*9/L": N_("×10⁹/L"),
    "10*12/L": N_("×10¹²/L"),
    "mm/h": N_("mm/h"),
    "mm[Hg]": N_("mmHg"),
    "/min": N_("/min"),
    "{beats}/min": N_("/min"),
    "kg": N_("kg"),
    "kg/m2": N_("kg/m²"),
    "cm": N_("cm"),
    "mL/min/{1.73_m2}": N_("mL/min/1.73 m²"),
    "Cel": "°C",
    "%": "%",
}
# English display spellings met in records (and written by older app versions) -> UCUM.
_ENGLISH_SPELLINGS = {
    "µmol/l": "umol/L",
    "μmol/l": "umol/L",
    "mmhg": "mm[Hg]",
    "mm hg": "mm[Hg]",
    "°c": "Cel",
    "bpm": "/min",
    "beats/min": "/min",
    "iu/l": "[IU]/L",
    "miu/l": "m[IU]/L",
    "µiu/ml": "u[IU]/mL",
    "10⁹/l": "10*9/L",
    "×10⁹/l": "10*9/L",
    "10¹²/l": "10*12/L",
    "×10¹²/l": "10*12/L",
    "kg/m²": "kg/m2",
    "ml/min/1.73 m²": "mL/min/{1.73_m2}",
    "мл/мин/1,73 м²": "mL/min/{1.73_m2}",
    "мл/мин/1,73м²": "mL/min/{1.73_m2}",
    "см": "cm",
}
# UCUM as labs write it in other letter cases ("mmol/l"), for the display table.
_UCUM_BY_LOWER = {key.lower(): key for key in _DISPLAY}


# pint's registry is not thread-safe: entering a context changes the registry's state for
# every thread (two tabs reading series on the two read threads raised KeyError inside
# pint). One lock around every use; a conversion takes microseconds.
_REGISTRY_LOCK = threading.RLock()


class UnitMismatch(ValueError):
    """The value's unit cannot be expressed in the requested unit."""


def _registry() -> pint.UnitRegistry:
    with _REGISTRY_LOCK:  # built once, not twice by two threads at first use
        return _build_registry()


@lru_cache(maxsize=1)
def _build_registry() -> pint.UnitRegistry:
    # Building a registry takes a few hundred ms: do it once, on first use. pint (and the
    # numpy it brings, ~40 MB) is imported here, not when a date or a unit is formatted.
    import pint

    ureg: pint.UnitRegistry = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    # International units are analyte-specific: an own base dimension keeps them
    # convertible among themselves (mIU/L <-> IU/L) and never into mass or moles.
    ureg.define("international_unit = [international_unit] = IU")
    return ureg


def warm_up() -> None:
    """Build the registry now (about a second), e.g. in the background when a screen opens,
    so the first chart does not wait for it."""
    _registry()


def to_ucum(unit: str) -> str:
    """A unit as UCUM: localised and English display spellings ("ммоль/л", "µmol/L",
    "mmHg") are mapped, UCUM stays as is."""
    text = unit.strip()
    lower = text.lower()
    return _LOCAL_SPELLINGS.get(lower) or _ENGLISH_SPELLINGS.get(lower) or text


def to_pint(ucum: str) -> str:
    """UCUM unit text (or a known localised spelling) -> a pint unit expression."""
    text = to_ucum(ucum).replace("µ", "u").replace("μ", "u")
    for pattern, repl in _UCUM_TOKENS:
        text = pattern.sub(repl, text)
    return text


def display_unit(ucum: str) -> str:
    """The unit as shown to people, in English (µmol/L, mmHg, °C): the source string of
    its translation (context "medcard"). A unit not in the table is shown as given."""
    key = ucum.strip()
    key = _UCUM_BY_LOWER.get(key.lower(), key) if key not in _DISPLAY else key
    return _DISPLAY.get(key, key)


def same_unit(a: str, b: str) -> bool:
    return to_pint(a) == to_pint(b)


def molar_mass(code: str | None) -> float | None:
    return MOLAR_MASS_BY_LOINC.get(code or "")


def convert(value: float, from_unit: str, to_unit: str, code: str | None = None) -> float:
    """Convert ``value`` between units; moles <-> mass use the analyte's molar mass.

    Raises UnitMismatch when the units are unknown or of incompatible dimensions.
    """
    if same_unit(from_unit, to_unit):
        return value
    with _REGISTRY_LOCK:
        return _convert(_registry(), value, from_unit, to_unit, code)


def _convert(
    ureg: pint.UnitRegistry, value: float, from_unit: str, to_unit: str, code: str | None
) -> float:
    import pint

    try:
        quantity = ureg.Quantity(value, to_pint(from_unit))
        target = ureg.parse_units(to_pint(to_unit))
        if quantity.dimensionless or target.dimensionless:
            # Ratios look alike to pint but are not: HbA1c 7 % is 53 mmol/mol (IFCC),
            # not 70. Different dimensionless units are never converted.
            raise UnitMismatch(f"{from_unit} -> {to_unit}")
        mw = molar_mass(code)
        if mw is not None:
            with ureg.context("chemistry", mw=mw * ureg("g/mol")):
                return float(quantity.to(target).magnitude)
        return float(quantity.to(target).magnitude)
    except (pint.errors.PintError, ValueError, ArithmeticError, AttributeError, TypeError) as exc:
        raise UnitMismatch(f"{from_unit} -> {to_unit}") from exc


@dataclass(frozen=True)
class HarmonizedSeries:
    """A series brought to one unit.

    ``values[i]`` is the converted value of input point ``i`` or None when that point is
    apart (``apart`` lists those indexes). ``converted_from`` names the original units of
    converted points, for the chart's "converted from mg/dL" note.
    """

    unit: str
    values: list[float | None]
    apart: list[int] = field(default_factory=list)
    converted_from: tuple[str, ...] = ()


def choose_unit(units: Sequence[str]) -> str:
    """The unit most of the series is in; ties go to the latest point's unit."""
    if not units:
        return ""
    counts = Counter(to_pint(u) for u in units)
    best = max(counts.values())
    for unit in reversed(units):
        if counts[to_pint(unit)] == best:
            return unit
    return units[-1]  # pragma: no cover - unreachable


def harmonize(
    points: Sequence[tuple[float, str]], code: str | None = None, unit: str | None = None
) -> HarmonizedSeries:
    """Bring (value, unit) points (oldest first) to one unit; unconvertible ones go apart."""
    target = unit or choose_unit([u for _, u in points])
    values: list[float | None] = []
    apart: list[int] = []
    sources: list[str] = []
    for index, (value, point_unit) in enumerate(points):
        try:
            values.append(convert(value, point_unit, target, code))
        except UnitMismatch:
            values.append(None)
            apart.append(index)
            continue
        if not same_unit(point_unit, target) and display_unit(point_unit) not in sources:
            sources.append(display_unit(point_unit))
    return HarmonizedSeries(target, values, apart, tuple(sources))
