"""Issue 13: an OMS policy of any of the three kinds, each checked by its own format — in
the shared rules and in the child-access form that asks for one."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from desktop.services.family.form import AccessRequestForm, normalize, validate
from desktop.services.family.service import build_request_task, task_inputs
from desktop.services.oms_policy import PolicyKind, luhn_valid, normalize_number, number_error

VALID_NEW = "7724126549192154"  # Sergey's (the demo portal's numbers carry a Luhn digit)
TODAY = date(2026, 11, 25)


def test_luhn_catches_one_wrong_digit_and_swapped_neighbours():
    assert luhn_valid(VALID_NEW)
    assert not luhn_valid(VALID_NEW[:-1] + "5")
    assert not luhn_valid(VALID_NEW[:3] + VALID_NEW[4] + VALID_NEW[3] + VALID_NEW[5:])
    assert not luhn_valid("77241265491921x4")


@pytest.mark.parametrize(
    ("kind", "typed", "sent"),
    [
        (PolicyKind.NEW, "7724 1265 4919 2154", VALID_NEW),
        (PolicyKind.NEW, "7724-1265-4919-2154", VALID_NEW),
        (PolicyKind.OLD, "4512   1234567890", "4512 1234567890"),
        (PolicyKind.OLD, "45 12 № 1234567890", "4512 1234567890"),
        (PolicyKind.OLD, "ям 123456", "ЯМ 123456"),
        (PolicyKind.TEMPORARY, "123 456 789", "123456789"),
    ],
)
def test_each_kind_is_normalised_and_accepted(kind, typed, sent):
    assert normalize_number(kind, typed) == sent
    assert number_error(kind, sent) is None


@pytest.mark.parametrize(
    ("kind", "typed", "message"),
    [
        (PolicyKind.NEW, "", "Enter the insurance policy number."),
        (PolicyKind.NEW, "123456789012345", "A new-form policy number has 16 digits."),
        (PolicyKind.NEW, "7724126549192155", "typing error"),
        (PolicyKind.NEW, "123456789", "A new-form policy number has 16 digits."),
        (PolicyKind.OLD, VALID_NEW, "series and a number"),
        (PolicyKind.OLD, "4512", "series and a number"),
        (PolicyKind.TEMPORARY, VALID_NEW, "9 digits"),
        (PolicyKind.TEMPORARY, "12345678", "9 digits"),
        ("passport", "123456789", "Choose the kind of policy."),
    ],
)
def test_each_kind_refuses_another_kinds_number(kind, typed, message):
    assert message in (number_error(kind, normalize_number(kind, typed)) or "")


CHILD = AccessRequestForm(
    child_name="Иванов Пётр Сергеевич",
    birth_date=date(2019, 3, 1),
    insurance_policy="7700 0000 1234 5672",
    certificate_series="IV-МЮ",
    certificate_number="123456",
    certificate_issued=date(2019, 3, 12),
    certificate_place="Отдел ЗАГС г. Тверь",
    role="parent",
)


@pytest.mark.parametrize(
    ("kind", "number", "sent"),
    [
        (PolicyKind.NEW, "7700 0000 1234 5672", "7700000012345672"),
        (PolicyKind.OLD, "4512 1234567890", "4512 1234567890"),
        (PolicyKind.TEMPORARY, "123 456 789", "123456789"),
    ],
)
def test_the_child_access_form_takes_every_kind_and_sends_it(kind, number, sent):
    form = normalize(replace(CHILD, policy_kind=kind, insurance_policy=number))
    assert validate(form, TODAY) == {}
    task = build_request_task(form, "ivanov-sergey", datetime(2026, 11, 25, tzinfo=UTC), "x")
    inputs = task_inputs(task)
    assert inputs["insurance-policy"] == sent
    assert inputs["insurance-policy-kind"] == kind.value


def test_the_child_access_form_checks_the_number_by_the_chosen_kind():
    temporary_as_new = replace(CHILD, policy_kind=PolicyKind.NEW, insurance_policy="123456789")
    errors = validate(normalize(temporary_as_new), TODAY)
    assert errors == {"insurance_policy": "A new-form policy number has 16 digits."}
    mistyped = replace(CHILD, insurance_policy="7700 0000 1234 5673")
    assert "typing error" in validate(normalize(mistyped), TODAY)["insurance_policy"]
