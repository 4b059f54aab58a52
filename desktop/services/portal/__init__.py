"""Portal client: FHIR R4 REST over requests with retries and typed errors."""

from desktop.services.portal.client import FhirClient, TokenProvider, new_session, next_link
from desktop.services.portal.transport import RetryPolicy, retry_after_seconds

__all__ = [
    "FhirClient",
    "RetryPolicy",
    "TokenProvider",
    "new_session",
    "next_link",
    "retry_after_seconds",
]
