"""Embedding: stop really stops answering, a restart on the same port keeps a file
database, and the temporary database goes away."""

from __future__ import annotations

import pytest
import requests
from oauth_helpers import FhirSession, sign_in

from demo_portal.embedded import DemoPortal


def test_stop_refuses_requests_and_restart_keeps_data(tmp_path):
    portal = DemoPortal(db_path=tmp_path / "portal.db").start()
    try:
        fhir = FhirSession(portal, sign_in(portal, "family@demo.medcard")["access_token"])
        assert fhir.get("Patient/ivanov-sergey").status_code == 200
        port = portal.root_url.rsplit(":", 1)[1]
        portal.stop()
        with pytest.raises(requests.ConnectionError):
            fhir.get("Patient/ivanov-sergey")
        portal.port = int(port)
        portal.start()
        # Same address, same database: the token issued before the restart still works.
        assert fhir.get("Patient/ivanov-sergey").status_code == 200
    finally:
        portal.stop()
    portal.stop()  # idempotent


def test_temporary_database_is_removed_and_recreated():
    portal = DemoPortal().start()
    first_db = portal.db_path
    assert first_db.exists()
    portal.stop()
    assert not first_db.exists()
    with portal:
        assert portal.db_path.exists() and portal.db_path != first_db
        assert requests.get(f"{portal.base_url}/metadata", timeout=10).status_code == 200
    with pytest.raises(RuntimeError):
        _ = portal.base_url
