"""Issue 12, portal side: the document kinds the portal offers, ordering documents and
paper copies as Tasks, their lifecycle through the operator commands and the daily
clock, and the issued PDFs: readable, with the clinic's requisites, hashed and signed."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import uuid
from datetime import date, datetime

import pytest
from oauth_helpers import FhirSession, authorize_url, exchange, make_pkce, query_of, sign_in
from pypdf import PdfReader

from demo_portal import operator
from demo_portal.autologin import follow
from demo_portal.documents.signing import SignatureProblem, verify_detached
from demo_portal.embedded import DemoPortal
from demo_portal.rules.documents import MSK, issue_due, next_working_day

TASK = "https://medcard.app/fhir/CodeSystem/task-code"
INPUT = "https://medcard.app/fhir/CodeSystem/document-order-input"
KINDS = "https://demo.medcard/fhir/CodeSystem/document-kind"
SERGEY, MASHA = "ivanov-sergey", "ivanova-masha"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    home = tmp_path_factory.mktemp("documents")
    with DemoPortal(db_path=home / "portal.db") as portal:
        yield {
            "portal": portal,
            "db": home / "portal.db",
            "family": FhirSession(portal, sign_in(portal, "family@demo.medcard")["access_token"]),
        }


def order(patient: str, kind: str | None, *inputs: dict, code: str = "document-order") -> dict:
    items = list(inputs)
    if kind:
        items.insert(
            0,
            {
                "type": {"coding": [{"system": INPUT, "code": "kind"}]},
                "valueCoding": {"system": KINDS, "code": kind},
            },
        )
    return {
        "resourceType": "Task",
        "identifier": [{"system": "urn:medcard:client-request", "value": str(uuid.uuid4())}],
        "status": "requested",
        "intent": "order",
        "code": {"coding": [{"system": TASK, "code": code}]},
        "for": {"reference": f"Patient/{patient}"},
        "requester": {"reference": f"Patient/{SERGEY}"},
        "authoredOn": datetime.now(MSK).isoformat(timespec="seconds"),
        "input": items,
    }


def value(code: str, key: str, val: object) -> dict:
    return {"type": {"coding": [{"system": INPUT, "code": code}]}, key: val}


def send(fhir: FhirSession, task: dict) -> dict:
    guard = f"identifier=urn:medcard:client-request|{task['identifier'][0]['value']}"
    answer = fhir.post("Task", json=task, headers={"If-None-Exist": guard})
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


def run(world, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = operator.main(["--db", str(world["db"]), *argv])
    return code, out.getvalue()


def issued(fhir: FhirSession, task: dict) -> tuple[dict, bytes, bytes]:
    """(DocumentReference, the PDF, its detached signature) of a completed order."""
    ref = task["output"][0]["valueReference"]["reference"]
    document = fhir.get(ref).json()
    attachment = document["content"][0]["attachment"]
    pdf = fhir.get(attachment["url"], headers={"Accept": "application/pdf"})
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
    provenance = fhir.get("Provenance", params={"target": ref}).json()["entry"][0]["resource"]
    return document, pdf.content, base64.b64decode(provenance["signature"][0]["data"])


def ca(fhir: FhirSession) -> bytes:
    return base64.b64decode(fhir.get("Binary/demo-ca-certificate").json()["data"])


def text_of(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_portal_lists_the_kinds_it_offers(world):
    fhir = world["family"]
    by_id = fhir.get("CodeSystem/document-kinds").json()
    by_url = fhir.get("CodeSystem", params={"url": KINDS}).json()["entry"][0]["resource"]
    assert by_id == by_url
    kinds = {c["code"]: {p["code"]: p for p in c["property"]} for c in by_id["concept"]}
    assert {
        "extract-027u",
        "vaccinations-063u",
        "sanatorium-070u",
        "pool",
        "school-086u",
        "camp-079u",
    } <= set(kinds)
    assert kinds["extract-027u"]["issue"]["valueCode"] == "immediate"
    assert kinds["extract-027u"]["period"]["valueBoolean"] is True
    assert kinds["pool"]["issue"]["valueCode"] == "doctor"
    assert kinds["camp-079u"]["age"]["valueCode"] == "child"


def test_documents_ordered_before_today_come_with_their_pdfs(world):
    fhir = world["family"]
    tasks = fhir.get("Task", params={"patient": MASHA, "code": f"{TASK}|document-order"}).json()
    pool = next(e["resource"] for e in tasks["entry"] if e["resource"]["status"] == "completed")
    _, pdf, signature = issued(fhir, pool)
    assert "СПРАВКА ДЛЯ ПОСЕЩЕНИЯ БАССЕЙНА" in text_of(pdf)
    verify_detached(pdf, signature, ca(fhir))
    waiting = fhir.get(
        "Task",
        params={"patient": SERGEY, "code": f"{TASK}|document-order", "status": "in-progress"},
    ).json()
    assert any("санаторно" in e["resource"]["description"] for e in waiting["entry"])


def test_an_extract_is_issued_at_once_as_a_signed_pdf_with_the_clinic_s_requisites(world):
    fhir = world["family"]
    task = order(
        SERGEY,
        "extract-027u",
        value("purpose", "valueString", "для работодателя"),
        value("delivery", "valueCode", "electronic"),
        value("period", "valuePeriod", {"start": "2020-01-01", "end": date.today().isoformat()}),
    )
    done = send(fhir, task)
    assert send(fhir, task)["id"] == done["id"]  # a double click orders once
    assert done["status"] == "completed"
    assert done["statusReason"]["coding"][0]["code"] == "issued"
    document, pdf, signature = issued(fhir, done)
    attachment = document["content"][0]["attachment"]
    assert attachment["size"] == len(pdf)
    assert attachment["hash"] == base64.b64encode(hashlib.sha1(pdf).digest()).decode()
    assert document["subject"]["reference"] == f"Patient/{SERGEY}"
    text = text_of(pdf)
    for needle in (
        "Городская поликлиника № 12",
        "ОГРН",
        "Лицензия",
        "Иванов Сергей Александрович",
        "027/у",
        "М. П.",
        "ЭЛЕКТРОННОЙ ПОДПИСЬЮ",
    ):
        assert needle in text, needle
    signer = verify_detached(pdf, signature, ca(fhir))
    assert "поликлиника № 12" in signer.subject.rfc4514_string()
    with pytest.raises(SignatureProblem):
        verify_detached(pdf[:-10] + b"tampered!!", signature, ca(fhir))


def test_a_certificate_for_a_child_waits_for_the_doctor_then_the_operator_issues_it(world):
    fhir = world["family"]
    task = send(
        fhir,
        order(
            MASHA,
            "pool",
            value("delivery", "valueCode", "paper"),
            value("purpose", "valueString", "бассейн"),
        ),
    )
    assert task["status"] == "in-progress"
    assert task["statusReason"]["coding"][0]["code"] == "awaiting-doctor"
    due = datetime.fromisoformat(task["restriction"]["period"]["end"]).date()
    assert due == next_working_day(datetime.now(MSK).date())
    assert task["location"]["reference"] == "Location/loc-child94-main"  # pick it up there
    assert "окно 5" in task["note"][0]["text"] and "пн–пт 07:30–20:00" in task["note"][0]["text"]
    code, out = run(world, "document-orders")
    assert code == 0 and f"{task['id']}\tin-progress\tdocument-order" in out
    code, out = run(world, "issue-document", task["id"])
    assert code == 0, out
    done = fhir.get(f"Task/{task['id']}").json()
    assert (
        done["status"] == "completed"
        and done["statusReason"]["coding"][0]["code"] == "ready-for-pickup"
    )
    _, pdf, signature = issued(fhir, done)
    assert "Иванова Мария Сергеевна" in text_of(
        pdf
    ) and "Детская городская поликлиника № 94" in text_of(pdf)
    verify_detached(pdf, signature, ca(fhir))


def test_the_demo_clock_issues_doctors_documents_the_next_working_day(world):
    fhir, store = world["family"], world["portal"].store
    task = send(
        fhir, order(SERGEY, "sanatorium-070u", value("delivery", "valueCode", "electronic"))
    )
    assert task["status"] == "in-progress"
    issue_due(store, datetime.now(MSK).date())  # today: not yet
    assert store.get("Task", task["id"])["status"] == "in-progress"
    issue_due(store, next_working_day(datetime.now(MSK).date()))
    assert store.get("Task", task["id"])["status"] == "completed"


def test_refusals_withdrawal_and_the_clinic_s_rejection(world):
    fhir = world["family"]
    camp = send(fhir, order(SERGEY, "camp-079u", value("delivery", "valueCode", "electronic")))
    assert (
        camp["status"] == "rejected" and camp["statusReason"]["coding"][0]["code"] == "not-for-age"
    )
    no_period = fhir.post(
        "Task", json=order(SERGEY, "extract-027u", value("delivery", "valueCode", "electronic"))
    )
    assert (
        no_period.status_code == 422 and "период" in no_period.json()["issue"][0]["details"]["text"]
    )
    other = fhir.post(
        "Task", json=order("smirnova-olga", "pool", value("delivery", "valueCode", "paper"))
    )
    assert other.status_code == 403
    school = send(fhir, order(SERGEY, "school-086u", value("delivery", "valueCode", "electronic")))
    cancelled = fhir.put(
        f"Task/{school['id']}",
        json=dict(school, status="cancelled"),
        headers={"If-Match": f'W/"{school["meta"]["versionId"]}"'},
    )
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    shots = send(
        fhir, order(MASHA, "vaccinations-063u", value("delivery", "valueCode", "electronic"))
    )
    code, _ = run(
        world,
        "reject-document",
        shots["id"],
        "--reason",
        "Сведения о прививках в другой поликлинике",
    )
    assert code == 0
    refused = fhir.get(f"Task/{shots['id']}").json()
    assert refused["status"] == "rejected"
    assert refused["statusReason"]["text"] == "Сведения о прививках в другой поликлинике"
    code, out = run(world, "issue-document", shots["id"])
    assert code == 1 and "not open" in out


def test_a_paper_copy_of_chosen_records_is_due_the_same_day_and_lists_them(world):
    fhir, store = world["family"], world["portal"].store
    chosen = [
        f"Composition/{store.search('Composition', patient=SERGEY, limit=1)[0]['id']}",
        f"DiagnosticReport/{store.search('DiagnosticReport', patient=SERGEY, limit=1)[0]['id']}",
    ]
    records = [value("record", "valueReference", {"reference": r}) for r in chosen]
    task = send(fhir, order(SERGEY, None, *records, code="paper-copy"))
    assert task["status"] == "in-progress"
    due = datetime.fromisoformat(task["restriction"]["period"]["end"])
    assert due.date() == datetime.now(MSK).date() and due.hour == 20
    assert task["location"]["reference"] == "Location/loc-gp12-main"
    strangers = order(
        SERGEY,
        None,
        value(
            "record",
            "valueReference",
            {
                "reference": "Composition/"
                + store.search("Composition", patient="petrova-anna", limit=1)[0]["id"]
            },
        ),
        code="paper-copy",
    )
    assert fhir.post("Task", json=strangers).status_code == 422
    code, _ = run(world, "issue-document", task["id"])
    assert code == 0
    done = fhir.get(f"Task/{task['id']}").json()
    document, pdf, signature = issued(fhir, done)
    assert {r["reference"] for r in document["context"]["related"]} >= set(chosen)
    assert "КОПИИ МЕДИЦИНСКИХ ДОКУМЕНТОВ" in text_of(pdf)
    verify_detached(pdf, signature, ca(fhir))


def test_the_registry_desk_prints_issued_documents_but_not_the_card(world):
    portal = world["portal"]
    pkce = make_pkce()
    url = authorize_url(portal, pkce, scope="openid fhirUser user/*.rs")
    code = query_of(follow(url, "desk2@demo.medcard", "demo1234", deliver=False))["code"]
    desk = FhirSession(portal, exchange(portal, code, pkce.verifier).json()["access_token"])
    documents = desk.get("DocumentReference", params={"patient": MASHA}).json()["entry"]
    assert documents and all(e["resource"]["id"].startswith("doc-") for e in documents)
    binary = documents[0]["resource"]["content"][0]["attachment"]["url"]
    assert desk.get(binary, headers={"Accept": "application/pdf"}).content.startswith(b"%PDF")
    orders = desk.get("Task", params={"patient": MASHA}).json()["entry"]
    assert orders and all(
        e["resource"]["code"]["coding"][0]["code"] in ("document-order", "paper-copy")
        for e in orders
    )
    composition = portal.store.search("Composition", patient=MASHA, limit=1)[0]
    assert desk.get(f"Composition/{composition['id']}").status_code == 403


def test_the_clinics_text_documents_come_with_a_signed_pdf_original(world):
    fhir, portal = world["family"], world["portal"]
    document = fhir.get("DocumentReference/doc-ivanov-sergey-1").json()
    text, original = (c["attachment"] for c in document["content"])
    assert text["contentType"].startswith("text/plain")
    raw = base64.b64decode(text["data"])
    assert (
        text["size"] == len(raw)
        and text["hash"] == base64.b64encode(hashlib.sha1(raw).digest()).decode()
    )
    pdf = fhir.get(original["url"], headers={"Accept": "application/pdf"}).content
    assert original["size"] == len(pdf)
    assert original["hash"] == base64.b64encode(hashlib.sha1(pdf).digest()).decode()
    provenance = fhir.get(
        "Provenance", params={"target": "DocumentReference/doc-ivanov-sergey-1"}
    ).json()
    signature = base64.b64decode(provenance["entry"][0]["resource"]["signature"][0]["data"])
    verify_detached(pdf, signature, ca(fhir))
    assert raw.decode().splitlines()[0].strip() in text_of(pdf)
    # a clinical note's original is not for the registry desk
    pkce = make_pkce()
    url = authorize_url(portal, pkce, scope="openid user/*.rs")
    code = query_of(follow(url, "desk@demo.medcard", "demo1234", deliver=False))["code"]
    desk = FhirSession(portal, exchange(portal, code, pkce.verifier).json()["access_token"])
    assert desk.get(original["url"]).status_code == 403
