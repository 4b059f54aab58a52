"""The kinds of documents the portal issues on request (issue 12), served as a FHIR
CodeSystem (`GET /fhir/CodeSystem/document-kinds`): the app lists what the portal offers
instead of knowing it.

Each concept has properties: `form` (the form's number, e.g. 027/у), `issue` (`immediate`:
issued when ordered; `doctor`: a doctor writes it, by the next working day), `period`
(a period must be given), `age` (`any | child | adult`), `delivery` (`electronic`,
`paper`: both allowed unless said).
"""

from __future__ import annotations

from dataclasses import dataclass

SYSTEM = "https://demo.medcard/fhir/CodeSystem/document-kind"
CODESYSTEM_ID = "document-kinds"


@dataclass(frozen=True)
class Kind:
    code: str
    name: str  # Russian, as on the document
    english: str
    form: str
    issue: str  # immediate | doctor
    needs_period: bool = False
    age: str = "any"  # any | child | adult


KINDS: dict[str, Kind] = {
    k.code: k
    for k in (
        Kind(
            "extract-027u",
            "Выписка из медицинской карты пациента, получающего медицинскую помощь в "
            "амбулаторных условиях",
            "Extract from the outpatient medical record",
            "027/у",
            "immediate",
            needs_period=True,
        ),
        Kind(
            "vaccinations-063u",
            "Сведения о профилактических прививках (карта профилактических прививок)",
            "Record of preventive vaccinations",
            "063/у",
            "doctor",
        ),
        Kind(
            "sanatorium-070u",
            "Справка для получения путёвки на санаторно-курортное лечение",
            "Certificate for a sanatorium voucher",
            "070/у",
            "doctor",
        ),
        Kind(
            "school-086u",
            "Медицинская справка (врачебное профессионально-консультативное заключение)",
            "Medical certificate for school, college or university admission",
            "086/у",
            "doctor",
        ),
        Kind(
            "camp-079u",
            "Медицинская справка о состоянии здоровья ребёнка, отъезжающего в организацию "
            "отдыха детей и их оздоровления",
            "Certificate for a children's summer camp",
            "079/у",
            "doctor",
            age="child",
        ),
        Kind(
            "pool",
            "Справка для посещения бассейна",
            "Certificate for a swimming pool",
            "",
            "doctor",
        ),
    )
}


def code_system() -> dict:
    """The CodeSystem resource (stored with the demo data, so it is searchable)."""
    concepts = []
    for kind in KINDS.values():
        properties = [
            {"code": "issue", "valueCode": kind.issue},
            {"code": "period", "valueBoolean": kind.needs_period},
            {"code": "age", "valueCode": kind.age},
            {"code": "delivery", "valueCode": "electronic"},
            {"code": "delivery", "valueCode": "paper"},
        ]
        if kind.form:
            properties.insert(0, {"code": "form", "valueString": kind.form})
        concepts.append(
            {
                "code": kind.code,
                "display": kind.name + (f" (форма {kind.form})" if kind.form else ""),
                "designation": [{"language": "en", "value": kind.english}],
                "property": properties,
            }
        )
    return {
        "resourceType": "CodeSystem",
        "id": CODESYSTEM_ID,
        "url": SYSTEM,
        "name": "MedcardDemoDocumentKinds",
        "title": "Документы, которые можно заказать на портале",
        "status": "active",
        "content": "complete",
        "caseSensitive": True,
        "language": "ru",
        "property": [
            {"code": "form", "type": "string", "description": "Номер учётной формы"},
            {"code": "issue", "type": "code", "description": "immediate | doctor"},
            {"code": "period", "type": "boolean", "description": "Нужен период"},
            {"code": "age", "type": "code", "description": "any | child | adult"},
            {"code": "delivery", "type": "code", "description": "electronic | paper"},
        ],
        "concept": concepts,
    }
