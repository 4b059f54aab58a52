"""Analytes the demo labs report: LOINC code, UCUM unit, reference range, other-lab unit.

The screens show ``unit`` (Russian); unit conversion must use the UCUM ``ucum`` code
(``valueQuantity.code``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Analyte:
    code: str
    display: str  # LOINC display
    name: str  # Russian
    ucum: str
    unit: str  # Russian display of the unit
    low: float | None
    high: float | None
    decimals: int
    # Another lab reports it as: (UCUM, Russian unit, factor from the main unit, decimals)
    alt: tuple[str, str, float, int] | None = None


_MG_DL = "мг/дл"
A: dict[str, Analyte] = {
    a.code: a
    for a in (
        Analyte(
            "4548-4",
            "Hemoglobin A1c/Hemoglobin.total in Blood",
            "Гликированный гемоглобин (HbA1c)",
            "%",
            "%",
            4.0,
            6.0,
            1,
        ),
        Analyte(
            "2345-7",
            "Glucose [Mass/volume] in Serum or Plasma",
            "Глюкоза",
            "mmol/L",
            "ммоль/л",
            3.9,
            6.1,
            1,
            ("mg/dL", _MG_DL, 18.016, 0),
        ),
        Analyte(
            "2093-3",
            "Cholesterol [Mass/volume] in Serum or Plasma",
            "Холестерин общий",
            "mmol/L",
            "ммоль/л",
            None,
            5.2,
            2,
            ("mg/dL", _MG_DL, 38.67, 0),
        ),
        Analyte(
            "13457-7",
            "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation",
            "Холестерин ЛПНП",
            "mmol/L",
            "ммоль/л",
            None,
            3.0,
            2,
            ("mg/dL", _MG_DL, 38.67, 0),
        ),
        Analyte(
            "2085-9",
            "Cholesterol in HDL [Mass/volume] in Serum or Plasma",
            "Холестерин ЛПВП",
            "mmol/L",
            "ммоль/л",
            1.0,
            None,
            2,
            ("mg/dL", _MG_DL, 38.67, 0),
        ),
        Analyte(
            "2571-8",
            "Triglyceride [Mass/volume] in Serum or Plasma",
            "Триглицериды",
            "mmol/L",
            "ммоль/л",
            None,
            1.7,
            2,
            ("mg/dL", _MG_DL, 88.57, 0),
        ),
        Analyte(
            "2160-0",
            "Creatinine [Mass/volume] in Serum or Plasma",
            "Креатинин",
            "umol/L",
            "мкмоль/л",
            62,
            106,
            0,
            ("mg/dL", _MG_DL, 1 / 88.42, 2),
        ),
        Analyte(
            "62238-1",
            "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in "
            "Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)",
            "СКФ (CKD-EPI)",
            "mL/min/{1.73_m2}",
            "мл/мин/1,73 м²",
            90,
            None,
            0,
        ),
        Analyte(
            "1742-6",
            "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma",
            "Аланинаминотрансфераза (АЛТ)",
            "U/L",
            "Ед/л",
            None,
            41,
            0,
        ),
        Analyte(
            "1920-8",
            "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma",
            "Аспартатаминотрансфераза (АСТ)",
            "U/L",
            "Ед/л",
            None,
            40,
            0,
        ),
        Analyte(
            "2823-3",
            "Potassium [Moles/volume] in Serum or Plasma",
            "Калий",
            "mmol/L",
            "ммоль/л",
            3.5,
            5.1,
            1,
        ),
        Analyte(
            "718-7", "Hemoglobin [Mass/volume] in Blood", "Гемоглобин", "g/L", "г/л", 130, 170, 0
        ),
        Analyte(
            "6690-2",
            "Leukocytes [#/volume] in Blood by Automated count",
            "Лейкоциты",
            "10*9/L",
            "×10⁹/л",
            4.0,
            9.0,
            1,
        ),
        Analyte(
            "789-8",
            "Erythrocytes [#/volume] in Blood by Automated count",
            "Эритроциты",
            "10*12/L",
            "×10¹²/л",
            4.3,
            5.7,
            2,
        ),
        Analyte(
            "777-3",
            "Platelets [#/volume] in Blood by Automated count",
            "Тромбоциты",
            "10*9/L",
            "×10⁹/л",
            150,
            400,
            0,
        ),
        Analyte(
            "4544-3",
            "Hematocrit [Volume Fraction] of Blood by Automated count",
            "Гематокрит",
            "%",
            "%",
            39,
            49,
            1,
        ),
        Analyte("30341-2", "Erythrocyte sedimentation rate", "СОЭ", "mm/h", "мм/ч", 2, 15, 0),
        Analyte(
            "5811-5",
            "Specific gravity of Urine by Test strip",
            "Относительная плотность мочи",
            "1",
            "",
            1.010,
            1.025,
            3,
        ),
        Analyte("2756-5", "pH of Urine by Test strip", "pH мочи", "[pH]", "", 5.0, 7.0, 1),
        Analyte(
            "2888-6", "Protein [Mass/volume] in Urine", "Белок в моче", "g/L", "г/л", None, 0.14, 2
        ),
        Analyte(
            "14957-5",
            "Microalbumin [Mass/volume] in Urine",
            "Микроальбумин в моче",
            "mg/L",
            "мг/л",
            None,
            20,
            1,
        ),
        Analyte(
            "3016-3",
            "Thyrotropin [Units/volume] in Serum or Plasma",
            "Тиреотропный гормон (ТТГ)",
            "m[IU]/L",
            "мМЕ/л",
            0.4,
            4.0,
            2,
        ),
        Analyte(
            "89579-7",
            "Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method",
            "Тропонин I (высокочувствительный)",
            "ng/L",
            "нг/л",
            None,
            16,
            1,
        ),
        Analyte(
            "33762-6",
            "Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma",
            "NT-proBNP",
            "pg/mL",
            "пг/мл",
            None,
            125,
            0,
        ),
    )
}

# Ranges that differ for women and children: code -> (low, high)
FEMALE_RANGES = {"718-7": (120, 150), "789-8": (3.8, 5.1), "2160-0": (44, 80), "4544-3": (35, 45)}
CHILD_RANGES = {
    "718-7": (110, 140),
    "6690-2": (4.5, 13.5),
    "789-8": (3.9, 5.3),
    "777-3": (150, 450),
    "4544-3": (33, 41),
    "30341-2": (2, 10),
}

# Report panels: key -> (LOINC, display, Russian title, analyte codes)
PANELS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "diabetes": (
        "55399-0",
        "Diabetes tracking panel",
        "Контроль углеводного обмена",
        ("4548-4", "2345-7"),
    ),
    "chemistry": (
        "24323-8",
        "Comprehensive metabolic 2000 panel - Serum or Plasma",
        "Биохимический анализ крови",
        ("2345-7", "2160-0", "62238-1", "1742-6", "1920-8", "2823-3"),
    ),
    "lipids": (
        "24331-1",
        "Lipid 1996 panel - Serum or Plasma",
        "Липидный профиль",
        ("2093-3", "13457-7", "2085-9", "2571-8"),
    ),
    "cbc": (
        "58410-2",
        "CBC panel - Blood by Automated count",
        "Общий (клинический) анализ крови",
        ("718-7", "6690-2", "789-8", "777-3", "4544-3", "30341-2"),
    ),
    "urine": (
        "24356-8",
        "Urinalysis complete panel - Urine",
        "Общий анализ мочи",
        ("5811-5", "2756-5", "2888-6", "14957-5"),
    ),
    "tsh": (
        "3016-3",
        "Thyrotropin [Units/volume] in Serum or Plasma",
        "Тиреотропный гормон (ТТГ)",
        ("3016-3",),
    ),
    "cardiac": (
        "89579-7",
        "Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method",
        "Кардиомаркеры",
        ("89579-7", "33762-6"),
    ),
}

# Service codes (номенклатура медицинских услуг) and prices for the cost of a lab panel
PANEL_SERVICES: dict[str, tuple[str, str, int]] = {
    "diabetes": ("A09.05.083", "Исследование уровня гликированного гемоглобина в крови", 650),
    "chemistry": ("B03.016.004", "Анализ крови биохимический общетерапевтический", 1900),
    "lipids": (
        "B03.016.005",
        "Анализ крови по оценке нарушений липидного обмена биохимический",
        1200,
    ),
    "cbc": ("B03.016.003", "Общий (клинический) анализ крови развернутый", 550),
    "urine": ("B03.016.006", "Общий (клинический) анализ мочи", 450),
    "tsh": ("A09.05.065", "Исследование уровня тиреотропного гормона (ТТГ) в крови", 600),
    "cardiac": ("A09.05.193", "Исследование уровня тропонинов I, T в крови", 1500),
}
