"""Portal test fixtures: signed-in tokens on the shared session portal."""

from __future__ import annotations

import pytest
from oauth_helpers import FhirSession, sign_in


@pytest.fixture(scope="session")
def family_token(portal) -> dict:
    return sign_in(portal, "family@demo.medcard")


@pytest.fixture(scope="session")
def family(portal, family_token) -> FhirSession:
    """The demo family (Sergey, linked to his daughter Masha) on the session portal."""
    return FhirSession(portal, family_token["access_token"])


@pytest.fixture(scope="session")
def other(portal) -> FhirSession:
    """Another family's account, for access-control checks."""
    return FhirSession(portal, sign_in(portal, "other@demo.medcard")["access_token"])
