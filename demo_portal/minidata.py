"""A tiny stand-in for `demo_portal.datagen` (same interface), used only while the real
generator is not importable; it keeps the portal and its tests runnable on their own."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta


@dataclass
class User:
    email: str
    password: str
    patient_id: str
    display_name: str
    snils_verified: bool = True
    region_available: bool = True


@dataclass
class Link:
    user_email: str
    patient_id: str
    status: str = "accepted"
    relationship: str = "parent"


@dataclass
class Dataset:
    resources: list[dict] = field(default_factory=list)
    users: list[User] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


_PEOPLE = [
    ("ivanov-sergey", "Иванов", "Сергей", "male", "1981-03-14"),
    ("ivanova-masha", "Иванова", "Мария", "female", "2018-06-02"),
    ("petrova-anna", "Петрова", "Анна", "female", "1954-09-30"),
    ("smirnov-oleg", "Смирнов", "Олег", "male", "1990-01-20"),
    ("kuznetsova-olga", "Кузнецова", "Ольга", "female", "1975-05-05"),
    ("popov-ilya", "Попов", "Илья", "male", "1988-11-11"),
]


def _stamp(day: date) -> str:
    return datetime(day.year, day.month, day.day, 9, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _glucose(i: int, patient: str, day: date) -> dict:
    return {
        "resourceType": "Observation", "id": f"{patient}-glu-{i}", "status": "final",
        "category": [{"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "laboratory"}]}],
        "code": {"coding": [{"system": "http://loinc.org", "code": "2345-7",
                             "display": "Glucose [Mass/volume] in Serum or Plasma"}],
                 "text": "Глюкоза"},
        "subject": {"reference": f"Patient/{patient}"},
        "performer": [{"reference": "Practitioner/dr-sokolova"}],
        "effectiveDateTime": _stamp(day),
        "valueQuantity": {"value": 5.0 + (i % 7) * 0.3, "unit": "mmol/L",
                          "system": "http://unitsofmeasure.org", "code": "mmol/L"},
        "meta": {"lastUpdated": _stamp(day)},
    }


def generate(seed: int = 42, scale: int = 0, today: date | None = None) -> Dataset:
    today = today or date.today()
    ds = Dataset()
    for pid, family, given, gender, born in _PEOPLE:
        ds.resources.append({
            "resourceType": "Patient", "id": pid, "gender": gender, "birthDate": born,
            "name": [{"use": "official", "family": family, "given": [given]}],
            "meta": {"lastUpdated": _stamp(today - timedelta(days=400))}})
    ds.resources.append({
        "resourceType": "Practitioner", "id": "dr-sokolova",
        "name": [{"family": "Соколова", "given": ["Елена"]}],
        "meta": {"lastUpdated": _stamp(today - timedelta(days=500))}})
    ds.resources.append({
        "resourceType": "Organization", "id": "clinic-1", "name": "Городская поликлиника № 1",
        "meta": {"lastUpdated": _stamp(today - timedelta(days=500))}})
    for pid in ("ivanov-sergey", "ivanova-masha", "petrova-anna", "popov-ilya"):
        for i in range(12):
            ds.resources.append(_glucose(i, pid, today - timedelta(days=30 * (12 - i))))
    for i in range(scale):
        ds.resources.append(_glucose(1000 + i, "ivanov-sergey",
                                     today - timedelta(days=i % 3650)))
    ds.resources.append({
        "resourceType": "Encounter", "id": "enc-sergey-1", "status": "finished",
        "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
        "subject": {"reference": "Patient/ivanov-sergey"},
        "participant": [{"individual": {"reference": "Practitioner/dr-sokolova"}}],
        "serviceProvider": {"reference": "Organization/clinic-1"},
        "period": {"start": _stamp(today - timedelta(days=20))},
        "meta": {"lastUpdated": _stamp(today - timedelta(days=20))}})
    ds.users = [
        User("family@demo.medcard", "demo1234", "ivanov-sergey", "Сергей Иванов"),
        User("elder@demo.medcard", "demo1234", "petrova-anna", "Анна Петрова"),
        User("unverified@demo.medcard", "demo1234", "smirnov-oleg", "Олег Смирнов",
             snils_verified=False),
        User("region@demo.medcard", "demo1234", "kuznetsova-olga", "Ольга Кузнецова",
             region_available=False),
        User("other@demo.medcard", "demo1234", "popov-ilya", "Илья Попов"),
    ]
    ds.links = [Link("family@demo.medcard", "ivanova-masha")]
    return ds
