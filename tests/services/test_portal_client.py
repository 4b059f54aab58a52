"""FhirClient against the embedded demo portal over loopback HTTP."""

from __future__ import annotations

import pytest

from desktop.services.accounts import AccountManager
from desktop.services.errors import (
    AccessDenied,
    IdentityNotVerified,
    NotFound,
    OperationNotSupported,
    RegionNotServed,
    SessionExpired,
)
from desktop.services.portal import FhirClient, next_link
from tests.services.conftest import FAMILY, OTHER, REGION, UNVERIFIED, browser_for


def test_discovery_finds_smart_endpoints(portal):
    with FhirClient(portal.base_url) as client:
        statement = client.capabilities()
        config = client.smart_configuration()
    assert statement["resourceType"] == "CapabilityStatement"
    assert config["authorization_endpoint"].startswith("http://127.0.0.1")
    assert config["token_endpoint"].endswith("/token")


def test_discovery_falls_back_to_the_capability_statement(fresh_portal):
    fresh_portal.faults.add(status=404, count=1, path_contains="smart-configuration")
    with FhirClient(fresh_portal.base_url) as client:
        config = client.smart_configuration()
    assert config["authorization_endpoint"].endswith("/oauth/authorize")
    assert config["revocation_endpoint"].endswith("/oauth/revoke")
    assert fresh_portal.faults.pending() == 0


def test_read_own_patient(family_account, accounts: AccountManager):
    with accounts.client(family_account.id) as client:
        patient = client.read("Patient", "ivanov-sergey")
    assert patient["id"] == "ivanov-sergey"
    assert family_account.patient_ids[0] == "ivanov-sergey"
    assert "ivanova-masha" in family_account.patient_ids


def test_search_follows_next_links_to_the_end(family_account, accounts: AccountManager):
    with accounts.client(family_account.id) as client:
        pages = list(client.search("Observation", {"patient": "ivanov-sergey", "_count": "5"}))
        everything = client.search("Observation", {"patient": "ivanov-sergey", "_count": "500"})
        all_ids = {e["resource"]["id"] for page in everything for e in page.get("entry", [])}
    assert len(pages) > 1, "the demo patient has more than 5 observations"
    assert next_link(pages[-1]) is None
    paged_ids = [e["resource"]["id"] for page in pages for e in page.get("entry", [])]
    assert len(paged_ids) == len(set(paged_ids)) == len(all_ids)


def test_everything_pages_through_the_whole_card(family_account, accounts):
    with accounts.client(family_account.id) as client:
        assert client.supports_everything() is True
        pages = list(client.everything("ivanov-sergey", count=50))
    assert len(pages) > 1 and all(p["resourceType"] == "Bundle" for p in pages)
    keys = [
        (e["resource"]["resourceType"], e["resource"]["id"])
        for p in pages
        for e in p.get("entry", [])
    ]
    assert len(keys) == len(set(keys)) and ("Patient", "ivanov-sergey") in keys


def test_everything_missing_on_the_server_says_not_supported(fresh_portal, profile, memory_secrets):
    manager = AccountManager(profile, memory_secrets)
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    fresh_portal.faults.add(status=501, count=1, path_contains="$everything")
    with manager.client(account.id) as client, pytest.raises(OperationNotSupported):
        next(client.everything("ivanov-sergey", since="2026-01-01T00:00:00Z"))


def test_missing_resource_is_not_found(family_account, accounts):
    with accounts.client(family_account.id) as client, pytest.raises(NotFound):
        client.read("Observation", "no-such-observation")


def test_another_familys_patient_is_denied(portal, profile, memory_secrets):
    other = AccountManager(profile, memory_secrets)
    account = other.sign_in(portal.base_url, open_url=browser_for(OTHER), timeout=30)
    with other.client(account.id) as client, pytest.raises(AccessDenied) as caught:
        client.read("Patient", "ivanov-sergey")
    assert caught.value.portal_text("en") and caught.value.portal_text("ru")


@pytest.mark.parametrize(
    ("email", "english", "russian", "refusal", "next_step"),
    [
        (UNVERIFIED, "not verified", "СНИЛС", IdentityNotVerified, "Gosuslugi"),
        (REGION, "region", "регион", RegionNotServed, "your region's own portal"),
    ],
)
def test_access_denied_carries_the_portals_words_and_the_next_step(
    portal, profile, memory_secrets, email, english, russian, refusal, next_step
):
    manager = AccountManager(profile, memory_secrets)
    account = manager.sign_in(portal.base_url, open_url=browser_for(email), timeout=30)
    with manager.client(account.id) as client, pytest.raises(AccessDenied) as caught:
        client.read("Patient", account.patient_id or "unknown")
    error = caught.value
    assert english in (error.portal_text("en") or "")
    assert russian in (error.portal_text("ru") or "")
    # The portal named the rule (details.coding): the message says what to do next.
    assert isinstance(error, refusal)
    assert next_step in error.describe("en")


def test_without_a_token_the_session_counts_as_expired(portal):
    with FhirClient(portal.base_url) as client, pytest.raises(SessionExpired):
        client.read("Patient", "ivanov-sergey")
