"""The desk's service layer over a real demo portal: staff sign-in with `user/` scopes,
patient search, the patient's page, the day board, booking and status changes — each
checked by what lands on the portal."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from desk_helpers import DESK, OLGA, SERGEY, local_now

from desktop.services.booking.service import HomeVisitRequest
from desktop.services.desk.board import ARRIVED, BOOKED, FREE, load_board
from desktop.services.desk.documents import document_pdf, render_pdf
from desktop.services.desk.patient_file import (
    WARN_ELSEWHERE,
    WARN_POLICY_INVALID,
    load_patient_file,
)
from desktop.services.desk.people import POLICY_CHECKING, POLICY_INVALID, POLICY_VALID
from desktop.services.desk.search import parse_query, policies_of, search_patients
from desktop.services.desk.staff import DESK_SCOPE
from desktop.services.desk.visits import (
    VisitChanged,
    book_or_offer,
    clinic_catalog,
    first_free_slots,
    request_home_visit,
    set_status,
)
from desktop.services.errors import AccessDenied, SessionExpired


def test_typed_text_becomes_a_standard_patient_search():
    assert parse_query("иван серг 17.07.1981").params(20) == [
        ("family", "иван"),
        ("given", "серг"),
        ("birthdate", "1981-07-17"),
        ("_count", "20"),
    ]
    assert parse_query("7773831564104477").identifier == "7773831564104477"
    assert parse_query("+7 (916) 123-45-67").phone == "79161234567"
    assert parse_query("89161234567").phone == "89161234567"
    assert parse_query("4512 1234567890").identifier == "4512 1234567890"
    assert parse_query("  ") is None and parse_query("123") is None
    assert parse_query("bdfyjd").in_russian_layout().family == "иванов"


def test_staff_sign_in_asks_only_user_scopes_and_names_the_desk(shift, desk_portal):
    assert not any(s.startswith("patient/") or s == "launch/patient" for s in DESK_SCOPE.split())
    assert shift.staff.role_id == "role-desk-smirnova"
    assert shift.staff.organization_id == "org-gp12"
    assert "Смирнова" in shift.staff.name and "12" in shift.staff.clinic


def test_the_portal_refuses_the_desk_a_clinical_read(shift):
    with shift.client() as client, pytest.raises(AccessDenied):
        next(client.search("Observation", {"patient": SERGEY}))


def test_search_by_surname_prefix_policy_and_phone(shift, desk_portal):
    today = local_now().date()
    with shift.client() as client:
        by_name = search_patients(client, parse_query("смирн ольг"), today)
        assert [p.id for p in by_name.patients] == [OLGA]
        olga = by_name.patients[0]
        assert olga.policy.state == POLICY_CHECKING and len(olga.policy.number) == 16
        assert olga.attachment.organization_id == "org-gp12"
        policies = policies_of(client, [p.id for p in by_name.patients], today)
        assert policies[OLGA].state == POLICY_VALID
        assert policies[OLGA].number == olga.policy.number
        assert olga.age(today) >= 37
        by_policy = search_patients(client, parse_query(olga.policy.number), today)
        assert [p.id for p in by_policy.patients] == [OLGA]
        by_phone = search_patients(client, parse_query(olga.phone), today)
        assert OLGA in [p.id for p in by_phone.patients]
        wrong_layout = search_patients(client, parse_query("cvbhyjdf"), today)
        assert OLGA in [p.id for p in wrong_layout.patients]


def test_patient_page_warns_about_an_invalid_policy_and_another_clinic(shift):
    with shift.client() as client:
        ksenia = load_patient_file(client, "lebedeva-ksenia", shift.staff, local_now())
        sergey = load_patient_file(client, SERGEY, shift.staff, local_now())
    assert ksenia.summary.policy.state == POLICY_INVALID
    assert WARN_POLICY_INVALID in ksenia.warnings
    attached = sergey.summary.attachment
    assert (attached.organization_id == "org-gp12") == (WARN_ELSEWHERE not in sergey.warnings)
    assert sergey.past and all(v.info.patient_id == SERGEY for v in sergey.past)


def test_issued_documents_print_from_memory(shift, desk_portal):
    with shift.client() as client:
        page = load_patient_file(client, SERGEY, shift.staff, local_now())
        assert page.documents, "Sergey's extract was issued before today"
        pdf = document_pdf(client, page.documents[0])
    pages = render_pdf(pdf, dpi=50)
    assert (
        pages and pages[0].width > 100 and len(pages[0].pixels) == pages[0].stride * pages[0].height
    )


def test_booking_lands_on_the_portal_booked_by_the_desk(shift, desk_portal):
    with shift.client() as client:
        catalog = clinic_catalog(client, shift.staff.organization_id)
        therapy = next(s for s in catalog.specialties if s.code == "394814009")
        slots = first_free_slots(client, catalog, therapy.code)
        assert slots == sorted(slots, key=lambda s: s.start)
        outcome = book_or_offer(client, catalog, OLGA, slots[0], uuid.uuid4().hex)
    assert outcome.info is not None and outcome.info.patient_id == OLGA
    stored = desk_portal.store.get("Appointment", outcome.info.id)
    by = next(e for e in stored["extension"] if e["url"].endswith("/booked-by"))
    assert by["valueReference"]["reference"] == "PractitionerRole/role-desk-smirnova"
    audit = desk_portal.store.search(
        "AuditEvent", where={"patient": f"Patient/{OLGA}"}, limit=10000
    )
    assert any(
        e["subtype"][0]["code"] == "create" and e["agent"][0]["altId"] == DESK for e in audit
    )


def test_a_taken_slot_offers_the_next_free_ones(shift, desk_portal):
    from demo_portal.autologin import obtain_token

    with shift.client() as client:
        catalog = clinic_catalog(client, shift.staff.organization_id)
        slots = first_free_slots(client, catalog, "394814009")
        patient = obtain_token(desk_portal.base_url, "family@demo.medcard", "demo1234")
        import requests

        taken = requests.post(
            f"{desk_portal.base_url}/Appointment",
            headers={"Authorization": f"Bearer {patient['access_token']}"},
            json={
                "resourceType": "Appointment",
                "status": "booked",
                "slot": [{"reference": f"Slot/{slots[0].id}"}],
                "participant": [{"actor": {"reference": f"Patient/{SERGEY}"}}],
            },
            timeout=10,
        )
        assert taken.status_code == 201
        outcome = book_or_offer(client, catalog, OLGA, slots[0], uuid.uuid4().hex)
    assert outcome.info is None
    assert outcome.next_slots and slots[0].id not in {s.id for s in outcome.next_slots}


def test_day_board_and_arrival_with_if_match(shift, desk_portal):
    today = local_now().date()
    with shift.client() as client:
        board = load_board(client, shift.staff.organization_id, today)
        assert board.doctors and {BOOKED, FREE} <= set(board.counts())
        booked = next(r for r in board.rows if r.state == BOOKED and r.start > local_now())
        with pytest.raises(VisitChanged):
            set_status(client, booked.appointment_id, "999", "arrived")
        set_status(client, booked.appointment_id, booked.version_id, "arrived")
        again = load_board(client, shift.staff.organization_id, today)
    row = next(r for r in again.rows if r.appointment_id == booked.appointment_id)
    assert row.state == ARRIVED
    assert desk_portal.store.get("Appointment", booked.appointment_id)["status"] == "arrived"


def test_home_visit_on_the_patients_behalf(shift, desk_portal):
    with shift.client() as client:
        info = request_home_visit(
            client,
            HomeVisitRequest(
                OLGA, "г. Москва, ул. Островитянова, д. 9", "Кашель", 38.1, "+79161234567"
            ),
        )
    assert info.status == "proposed"
    stored = desk_portal.store.get("Appointment", info.id)
    assert any(e["url"].endswith("/booked-by") for e in stored["extension"])


def test_signed_out_shift_cannot_reach_the_portal(desk_portal):
    from desk_helpers import browser_for

    from desktop.services.desk.shift import StaffShift

    shift = StaffShift(desk_portal.base_url, browser_for(DESK), timeout=30)
    shift.sign_in()
    with shift.client() as client:
        client.read("Patient", OLGA)
        assert shift.sign_out() is True
        with pytest.raises(SessionExpired):
            client.read("Patient", OLGA)
    with pytest.raises(SessionExpired):
        shift.client()


def test_first_free_slots_skip_the_past(shift):
    with shift.client() as client:
        catalog = clinic_catalog(client, shift.staff.organization_id)
        slots = first_free_slots(client, catalog, "394814009", limit=5)
    assert all(s.start > local_now() - timedelta(minutes=1) for s in slots)
