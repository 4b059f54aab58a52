"""The child-access request form: normalisation, every validation message, the Task."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.services.family import service as family
from desktop.services.family.form import (
    AccessRequestForm,
    normalize,
    normalize_series,
    validate,
)

TODAY = date(2026, 11, 25)
GOOD = AccessRequestForm(
    child_name="Иванов Пётр Сергеевич",
    birth_date=date(2019, 3, 1),
    insurance_policy="7700 0000 1234 5672",
    certificate_series="iv мю",
    certificate_number="123 456",
    certificate_issued=date(2019, 3, 12),
    certificate_place="Отдел ЗАГС Тверского района, Москва",
    role="parent",
)


def errors_of(**changes: object) -> dict[str, str]:
    form = AccessRequestForm(**{**GOOD.__dict__, **changes})
    return validate(normalize(form), TODAY)


def test_good_form_is_valid_and_normalised() -> None:
    clean = normalize(GOOD)
    assert validate(clean, TODAY) == {}
    assert clean.insurance_policy == "7700000012345672"
    assert clean.certificate_series == "IV-МЮ"
    assert clean.certificate_number == "123456"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("IV-МЮ", "IV-МЮ"),
        ("iv мю", "IV-МЮ"),
        ("ІV-мю", "IV-МЮ"),  # Cyrillic І typed on a Russian keyboard
        ("ХІІ СМ", "XII-СМ"),  # Cyrillic Х, І in the numeral; the letters stay Cyrillic
        ("IVМЮ", "IV-МЮ"),
        ("II-AB", "II-AB"),  # Latin letters are not touched (and then rejected)
    ],
)
def test_series_normalisation(typed: str, expected: str) -> None:
    assert normalize_series(typed) == expected


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("child_name", "", "Enter the child's full name."),
        ("child_name", "Пётр", "Enter the surname and the given name (and patronymic, if any)."),
        (
            "child_name",
            "Иванов П3тр",
            "The name may contain only letters, spaces, hyphens and apostrophes.",
        ),
        ("birth_date", None, "Enter the child's birth date."),
        ("birth_date", date(2026, 11, 26), "The birth date cannot be in the future."),
        ("birth_date", date(1890, 1, 1), "Check the birth date: it is too far in the past."),
        ("insurance_policy", "", "Enter the child's insurance policy number."),
        ("insurance_policy", "123456789012345", "A new-form policy number has 16 digits."),
        (
            "insurance_policy",
            "12345678901234AB",
            "A new-form policy number has 16 digits.",
        ),
        ("certificate_series", "", "Enter the birth certificate series."),
        (
            "certificate_series",
            "II-AB",
            "The series is a Roman numeral and two Cyrillic letters, for example IV-МЮ.",
        ),
        (
            "certificate_series",
            "IIII-МЮ",
            "The series is a Roman numeral and two Cyrillic letters, for example IV-МЮ.",
        ),
        ("certificate_number", "", "Enter the birth certificate number."),
        ("certificate_number", "12345", "The birth certificate number has 6 digits."),
        ("certificate_issued", None, "Enter the date the birth certificate was issued."),
        ("certificate_issued", date(2027, 1, 1), "The issue date cannot be in the future."),
        (
            "certificate_issued",
            date(2019, 2, 1),
            "The certificate cannot be issued before the child was born.",
        ),
        (
            "certificate_place",
            " ",
            "Enter where the certificate was issued (the registry office and town).",
        ),
        ("role", "", "Choose who you are to the child."),
        ("role", "uncle", "Choose who you are to the child."),
    ],
)
def test_each_message(field: str, value: object, message: str) -> None:
    assert errors_of(**{field: value}) == {field: message}


def test_today_is_not_the_future() -> None:
    assert errors_of(birth_date=TODAY, certificate_issued=TODAY) == {}


def test_task_round_trip() -> None:
    now = datetime(2026, 11, 25, 19, 0, tzinfo=UTC)
    task = family.build_request_task(normalize(GOOD), "ivanov-sergey", now, "req-1")
    assert task["status"] == "requested"
    assert task["for"] == task["requester"] == {"reference": "Patient/ivanov-sergey"}
    assert task["identifier"] == [{"system": family.IDENTIFIER_SYSTEM, "value": "req-1"}]
    inputs = family.task_inputs(task)
    assert inputs["birth-certificate-series"] == "IV-МЮ"
    assert inputs["child-birth-date"] == "2019-03-01"
    assert inputs["applicant-role"] == "parent"
    parsed = family.parse_request({**task, "id": "t1"})
    assert parsed is not None
    assert (parsed.task_id, parsed.status, parsed.child_name) == (
        "t1",
        "requested",
        GOOD.child_name,
    )
    assert parsed.pending and parsed.authored_on == now and parsed.child_patient_id is None


def test_parse_ignores_other_tasks_and_survives_garbage() -> None:
    assert family.parse_request({"resourceType": "Task", "code": {"text": "extract"}}) is None
    assert family.parse_request({"resourceType": "Patient"}) is None
    odd = {
        "resourceType": "Task",
        "id": "x",
        "code": {"coding": [{"code": "child-access-request"}]},
        "input": [
            "junk",
            {"type": None},
            {"type": {"coding": [{"code": "child-birth-date"}]}, "valueDate": "not a date"},
        ],
        "authoredOn": "yesterday",
        "statusReason": {"coding": ["bad"], "text": "Причина"},
        "focus": {"reference": "Group/1"},
    }
    parsed = family.parse_request(odd)
    assert parsed is not None
    assert parsed.child_birth_date is None and parsed.authored_on is None
    assert parsed.child_patient_id is None
    assert family.reason_message(parsed) == "Причина"  # unknown code: the portal's words


def test_reason_messages() -> None:
    base = family.parse_request(
        {"resourceType": "Task", "id": "t", "code": {"coding": [{"code": "child-access-request"}]}}
    )
    assert base is not None
    known = base.__class__(**{**base.__dict__, "reason_code": "age-15", "reason_text": "рус"})
    assert family.reason_message(known) == family.REASON_MESSAGES["age-15"]
    failed = base.__class__(
        **{**base.__dict__, "reason_code": "check-failed", "reason_text": "Нет документов"}
    )
    assert family.reason_message(failed) == "Нет документов"
