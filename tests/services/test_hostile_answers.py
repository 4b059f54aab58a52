"""A hostile portal's answers end in a typed error, in bounded time and memory (issue 15):
endless and huge bodies, trickling bodies and headers, absurd pages, endless paging."""

from __future__ import annotations

import orjson
import pytest

from desktop.services.errors import (
    AnswerTooLarge,
    EndlessPaging,
    MalformedAnswer,
    PortalTooSlow,
)
from desktop.services.portal import FhirClient, Limits, RetryPolicy
from tests.hostile_server import HostileServer, Reply, endless, json_reply, trickle

ONCE = RetryPolicy(attempts=1)


@pytest.fixture
def hostile():
    with HostileServer() as server:
        yield server


def client_for(server: HostileServer, **limits: float) -> FhirClient:
    return FhirClient(server.base_url, retry=ONCE, limits=Limits(**limits))  # type: ignore[arg-type]


def bundle(entries: list[dict], total: int | None = None, next_url: str | None = None) -> dict:
    page: dict = {"resourceType": "Bundle", "type": "searchset", "entry": entries}
    if total is not None:
        page["total"] = total
    if next_url:
        page["link"] = [{"relation": "next", "url": next_url}]
    return page


def observation(n: int) -> dict:
    return {"resource": {"resourceType": "Observation", "id": f"o{n}"}}


def test_an_endless_body_stops_at_the_default_64_mb_limit(hostile):
    hostile.route("GET", "/fhir/Observation", Reply(body=endless()))
    with FhirClient(hostile.base_url, retry=ONCE) as client, pytest.raises(AnswerTooLarge):
        client.get("Observation")
    assert Limits().max_bytes == 64 * 1024 * 1024


def test_a_page_announced_at_200_mb_is_not_read(hostile):
    hostile.route(
        "GET",
        "/fhir/Observation",
        Reply(body=endless(), headers={"Content-Length": str(200 * 1024 * 1024)}),
    )
    with client_for(hostile, max_bytes=1024 * 1024) as client:
        with pytest.raises(AnswerTooLarge) as caught:
            client.get("Observation")
    assert "announced" in caught.value.detail


def test_a_compressed_bomb_is_measured_after_decompression(hostile):
    import gzip

    bomb = gzip.compress(b'{"resourceType": "Bundle", "entry": [' + b" " * (8 * 1024 * 1024))
    hostile.route(
        "GET", "/fhir/Observation", Reply(body=bomb, headers={"Content-Encoding": "gzip"})
    )
    with client_for(hostile, max_bytes=1024 * 1024) as client, pytest.raises(AnswerTooLarge):
        client.get("Observation")


def test_200_000_entries_in_one_page_are_refused(hostile):
    page = bundle([observation(i) for i in range(200_000)])
    hostile.route("GET", "/fhir/Observation", json_reply(page))
    with client_for(hostile) as client, pytest.raises(AnswerTooLarge) as caught:
        client.get("Observation", expect="Bundle")
    assert "entries" in caught.value.detail


def test_a_page_just_over_the_entry_limit_is_refused_after_parsing(hostile):
    page = bundle([observation(i) for i in range(101)])
    hostile.route("GET", "/fhir/Observation", json_reply(page))
    with client_for(hostile, max_entries=100) as client, pytest.raises(AnswerTooLarge) as caught:
        client.get("Observation", expect="Bundle")
    assert "101 entries" in caught.value.detail
    with client_for(hostile, max_entries=101) as client:
        assert len(client.get("Observation", expect="Bundle")["entry"]) == 101


def test_millions_of_empty_objects_are_refused_before_parsing(hostile):
    hostile.route("GET", "/fhir/Observation", Reply(body=b"[" + b"{}," * 2_100_000 + b"{}]"))
    with client_for(hostile) as client, pytest.raises(AnswerTooLarge):
        client.get("Observation")


def test_a_body_sent_a_byte_at_a_time_ends_at_the_deadline(hostile):
    body = orjson.dumps(bundle([observation(1)]))
    hostile.route("GET", "/fhir/Observation", Reply(body=trickle(body, every=0.2)))
    with client_for(hostile, deadline=1.0) as client, pytest.raises(PortalTooSlow) as caught:
        client.get("Observation")
    assert "too slowly" in caught.value.user_message


def test_headers_sent_a_byte_at_a_time_end_at_the_deadline(hostile):
    hostile.route("GET", "/fhir/Patient", Reply(body=b"{}", header_delay=0.1))
    with client_for(hostile, deadline=1.0) as client, pytest.raises(PortalTooSlow):
        client.get("Patient/p")


def test_counter_next_links_end_relative_to_the_total(hostile):
    def page(request):
        n = int(request.query.get("page", "0"))
        return json_reply(
            bundle(
                [observation(n)], total=5, next_url=f"{hostile.base_url}/Observation?page={n + 1}"
            )
        )

    hostile.route("GET", "/fhir/Observation", page)
    with client_for(hostile) as client, pytest.raises(EndlessPaging) as caught:
        for _ in client.search("Observation"):
            pass
    assert "total" in caught.value.detail or "announced 5" in caught.value.detail
    assert len(hostile.seen("/fhir/Observation")) < 200  # total 5 + one page of slack


def test_the_same_page_behind_new_links_is_a_loop(hostile):
    def page(request):
        n = int(request.query.get("page", "0"))
        next_url = f"{hostile.base_url}/Observation?page={n + 1}"
        return json_reply(bundle([observation(1), observation(2)], next_url=next_url))

    hostile.route("GET", "/fhir/Observation", page)
    with client_for(hostile) as client, pytest.raises(EndlessPaging) as caught:
        list(client.search("Observation"))
    assert "same page" in caught.value.detail


def test_empty_pages_that_keep_linking_end(hostile):
    def page(request):
        n = int(request.query.get("page", "0"))
        return json_reply(bundle([], next_url=f"{hostile.base_url}/Observation?page={n + 1}"))

    hostile.route("GET", "/fhir/Observation", page)
    with client_for(hostile) as client, pytest.raises(EndlessPaging):
        list(client.search("Observation"))
    assert len(hostile.seen("/fhir/Observation")) <= 5


def test_new_invented_pages_without_a_total_end_at_the_page_limit(hostile):
    def page(request):
        n = int(request.query.get("page", "0"))
        next_url = f"{hostile.base_url}/Observation?page={n + 1}"
        return json_reply(bundle([observation(n)], next_url=next_url))

    hostile.route("GET", "/fhir/Observation", page)
    with client_for(hostile, max_pages=40) as client, pytest.raises(EndlessPaging):
        list(client.search("Observation"))
    assert len(hostile.seen("/fhir/Observation")) == 40


def test_a_next_link_seen_before_is_a_circle(hostile):
    here = f"{hostile.base_url}/Observation?page=1"
    hostile.route("GET", "/fhir/Observation", json_reply(bundle([], next_url=here)))
    with client_for(hostile) as client, pytest.raises(EndlessPaging):
        list(client.search("Observation"))


def test_pages_within_the_total_are_all_read(hostile):
    def page(request):
        n = int(request.query.get("page", "0"))
        next_url = f"{hostile.base_url}/Observation?page={n + 1}" if n < 4 else None
        return json_reply(bundle([observation(n)], total=5, next_url=next_url))

    hostile.route("GET", "/fhir/Observation", page)
    with client_for(hostile) as client:
        assert len(list(client.search("Observation"))) == 5


@pytest.mark.parametrize(
    "body",
    [
        b'{"resourceType": {"nested": "object"}, "id": "p"}',
        b'{"resourceType": ["Patient"], "id": "p"}',
        b'"Patient"',
        b"",
        b'{"resourceType": "Patient", "id": NaN}',
    ],
)
def test_an_answer_of_the_wrong_shape_is_a_malformed_answer(hostile, body):
    hostile.route("GET", "/fhir/Patient", Reply(body=body))
    with client_for(hostile) as client, pytest.raises(MalformedAnswer):
        client.read("Patient", "p")


def test_a_number_beyond_a_double_does_not_make_the_answer_unreadable(hostile):
    body = b'{"resourceType": "Patient", "id": "p", "weight": 1e400}'
    hostile.route("GET", "/fhir/Patient", Reply(body=body))
    with client_for(hostile) as client:
        assert client.read("Patient", "p")["id"] == "p"


def test_malformed_capabilities_mean_no_sign_in_endpoints_not_a_traceback(hostile):
    hostile.route("GET", "/fhir/.well-known", Reply(404, b"{}"))
    hostile.route(
        "GET", "/fhir/metadata", json_reply({"resourceType": "CapabilityStatement", "rest": 5})
    )
    with client_for(hostile) as client:
        with pytest.raises(MalformedAnswer):
            client.smart_configuration()
        assert client.supports_everything() is False
