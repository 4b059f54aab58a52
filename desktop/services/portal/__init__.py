"""Portal client: FHIR R4 REST over requests with retries, limits and typed errors."""

from desktop.services.portal.answers import next_link
from desktop.services.portal.client import FhirClient, TokenProvider, new_session
from desktop.services.portal.transport import Limits, RetryPolicy, retry_after_seconds

__all__ = [
    "FhirClient",
    "Limits",
    "RetryPolicy",
    "TokenProvider",
    "new_session",
    "next_link",
    "retry_after_seconds",
]
