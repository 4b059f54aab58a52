"""FHIR R4 REST client for any SMART-on-FHIR portal (Qt-free, thread-friendly).

Every request has connect and read timeouts, TLS verification stays on, answers are
validated (a JSON object of the expected resourceType) and failures become typed errors
from ``desktop.services.errors``. Paging follows the server's ``next`` links exactly as
given: they are opaque. The bearer token is only ever sent to the portal's own origin.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from importlib import metadata
from typing import Any, Protocol
from urllib.parse import urlencode, urlsplit

import orjson
import requests

from desktop.services.errors import (
    InsecureConnection,
    MalformedAnswer,
    NotFound,
    OperationNotSupported,
    PortalUnreachable,
    ValidationFailed,
)
from desktop.services.portal.address import check_base_url, scrub_url
from desktop.services.portal.answers import PagingGuard, next_link, parse_answer
from desktop.services.portal.outcome import error_for_response
from desktop.services.portal.throttle import Throttle
from desktop.services.portal.transport import (
    CONNECTION_ERRORS,
    Limits,
    RetryPolicy,
    send_with_retries,
)
from desktop.services.portal.watchdog import WatchedAdapter
from desktop.services.threads import check_blocking_allowed

Params = Mapping[str, Any] | Sequence[tuple[str, str]] | None

FHIR_JSON = "application/fhir+json"
# Requests one client keeps on the wire at once (a sync's streams): a few, as browsers and
# bulk clients do. The connection pool keeps at least that many alive (keep-alive), with
# room for the window's own reads that share a session.
PARALLEL_REQUESTS = 6
POOL_SIZE = 16
OAUTH_URIS_EXTENSION = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris"


class TokenProvider(Protocol):
    """What the client needs from sign-in: a current token, and a way to renew it."""

    def access_token(self) -> str: ...

    def refresh(self, rejected_token: str | None = None) -> object: ...


def _user_agent() -> str:
    try:
        version = metadata.version("medcard")
    except metadata.PackageNotFoundError:
        version = "0"
    return f"medcard/{version}"


def new_session() -> requests.Session:
    """A requests session with our User-Agent and a pool big enough for parallel sync."""
    session = requests.Session()
    session.verify = True  # explicit: never turned off, whatever the environment says
    session.headers["User-Agent"] = _user_agent()
    # Its connections report to the request's deadline watchdog (see watchdog.py).
    adapter = WatchedAdapter(pool_connections=4, pool_maxsize=POOL_SIZE)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _dicts(value: Any) -> list[dict[str, Any]]:
    """The JSON objects of a list that should hold only objects (a portal may send anything)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _instant(value: str | datetime) -> str:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value


class FhirClient:
    def __init__(
        self,
        base_url: str,
        token_provider: TokenProvider | None = None,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (5, 30),
        retry: RetryPolicy | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.base_url = check_base_url(base_url)
        self.token_provider = token_provider
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.limits = limits or Limits()
        self._session = session or new_session()
        self._owns_session = session is None
        self._capabilities: dict[str, Any] | None = None
        # Shared by every thread using this client: a busy portal slows all of them down.
        self.throttle = Throttle(PARALLEL_REQUESTS)

    # -- lifetime -----------------------------------------------------------------------

    def close(self) -> None:
        if self._owns_session:
            self._session.close()

    def __enter__(self) -> FhirClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- discovery ----------------------------------------------------------------------

    def capabilities(self) -> dict[str, Any]:
        """The server's CapabilityStatement (fetched once per client)."""
        if self._capabilities is None:
            self._capabilities = self.get("metadata", expect="CapabilityStatement")
        return self._capabilities

    def smart_configuration(self) -> dict[str, Any]:
        """SMART endpoints: ``.well-known/smart-configuration``, else the oauth-uris extension."""
        try:
            config = self._request(
                "GET", ".well-known/smart-configuration", accept="application/json"
            )
        except (NotFound, MalformedAnswer):
            config = None
        if (
            isinstance(config, dict)
            and config.get("authorization_endpoint")
            and config.get("token_endpoint")
        ):
            return config
        return self._smart_from_capabilities()

    def _smart_from_capabilities(self) -> dict[str, Any]:
        names = {
            "authorize": "authorization_endpoint",
            "token": "token_endpoint",
            "revoke": "revocation_endpoint",
            "manage": "management_endpoint",
        }
        config: dict[str, Any] = {}
        for rest in _dicts(self.capabilities().get("rest")):
            security = rest.get("security")
            for ext in _dicts(security.get("extension") if isinstance(security, dict) else None):
                if ext.get("url") != OAUTH_URIS_EXTENSION:
                    continue
                for item in _dicts(ext.get("extension")):
                    if item.get("url") in names and isinstance(item.get("valueUri"), str):
                        config[names[item["url"]]] = item["valueUri"]
        if "authorization_endpoint" not in config or "token_endpoint" not in config:
            raise MalformedAnswer("the server announces no SMART authorization endpoints")
        return config

    def supports_everything(self) -> bool | None:
        """Whether the CapabilityStatement lists Patient/$everything (None: cannot tell)."""
        try:
            statement = self.capabilities()
        except (NotFound, MalformedAnswer):
            return None
        for rest in _dicts(statement.get("rest")):
            operations = list(_dicts(rest.get("operation")))
            for resource in _dicts(rest.get("resource")):
                if resource.get("type") == "Patient":
                    operations += _dicts(resource.get("operation"))
            for op in operations:
                if op.get("name") in ("everything", "patient-everything") or str(
                    op.get("definition", "")
                ).endswith("Patient-everything"):
                    return True
        return False

    # -- reading ------------------------------------------------------------------------

    def read(self, resource_type: str, resource_id: str) -> dict[str, Any]:
        return self.get(f"{resource_type}/{resource_id}", expect=resource_type)

    def get(
        self, url_or_path: str, params: Params = None, expect: str | None = None
    ) -> dict[str, Any]:
        """GET a path under the base URL or an absolute URL on the portal's origin."""
        answer = self._request("GET", url_or_path, params=params, expect=expect)
        assert answer is not None
        return answer

    def search(self, resource_type: str, params: Params = None) -> Iterator[dict[str, Any]]:
        """Yield the Bundle pages of a search, following ``next`` links as given."""
        first = self.get(resource_type, params=params, expect="Bundle")
        return self._pages(first)

    def resource_types(self) -> list[str]:
        """The resource types the CapabilityStatement lists (empty: cannot tell)."""
        try:
            statement = self.capabilities()
        except (NotFound, MalformedAnswer):
            return []
        return [
            str(resource["type"])
            for rest in _dicts(statement.get("rest"))
            for resource in _dicts(rest.get("resource"))
            if isinstance(resource.get("type"), str)
        ]

    def everything(
        self,
        patient_id: str,
        since: str | datetime | None = None,
        count: int = 1000,
        types: Sequence[str] | None = None,
        ask: bool = True,
    ) -> Iterator[dict[str, Any]]:
        """Pages of Patient/$everything (`types`: only those, R4's `_type`). Raises
        OperationNotSupported (before any page) when the server lacks the operation, so
        the caller can fall back to type searches. `ask=False`: without reading the
        CapabilityStatement first (a 404 or 400 then means "not supported")."""
        declared = self.supports_everything() if ask else None
        if declared is False:
            raise OperationNotSupported("Patient/$everything is not in the CapabilityStatement")
        params: list[tuple[str, str]] = [("_count", str(count))]
        if since is not None:
            params.append(("_since", _instant(since)))
        if types:
            params.append(("_type", ",".join(types)))
        try:
            first = self.get(f"Patient/{patient_id}/$everything", params=params, expect="Bundle")
        except (NotFound, ValidationFailed) as exc:
            if declared:
                raise
            raise OperationNotSupported(
                "Patient/$everything answered " + str(exc.status), portal_texts=exc.portal_texts
            ) from exc
        return self._pages(first)

    def resume(self, next_url: str) -> Iterator[dict[str, Any]]:
        """Pages of a search from a next link saved earlier (an interrupted sync goes on
        where it stopped); the link must be on the portal's origin, like any next link."""
        first = self.get(next_url, expect="Bundle")
        return self._pages(first)

    def _pages(self, page: dict[str, Any]) -> Iterator[dict[str, Any]]:
        guard = PagingGuard(page, self.limits)
        while True:
            yield page
            next_url = next_link(page)
            if next_url is None:
                return
            guard.follow(next_url)
            page = self.get(next_url, expect="Bundle")
            guard.page(page)

    # -- writing ------------------------------------------------------------------------

    def create(
        self, resource: dict[str, Any], if_none_exist: str | Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """POST a new resource; with ``if_none_exist`` the create is conditional (and safe
        to retry). Returns the server's version of the resource."""
        headers = {"Prefer": "return=representation"}
        if if_none_exist is not None:
            query = if_none_exist if isinstance(if_none_exist, str) else urlencode(if_none_exist)
            headers["If-None-Exist"] = query
        return self._written(
            "POST", resource["resourceType"], resource, headers, resource["resourceType"]
        )

    def update(self, resource: dict[str, Any], if_match: str | None = None) -> dict[str, Any]:
        """PUT a resource; ``if_match`` is its versionId (or a full ETag) for a version check."""
        headers = {"Prefer": "return=representation"}
        if if_match is not None:
            headers["If-Match"] = (
                if_match if if_match.startswith(("W/", '"')) else f'W/"{if_match}"'
            )
        path = f"{resource['resourceType']}/{resource['id']}"
        return self._written("PUT", path, resource, headers, resource["resourceType"])

    def patch(
        self,
        resource_type: str,
        resource_id: str,
        operations: list[dict[str, Any]],
        if_match: str | None = None,
    ) -> dict[str, Any]:
        """JSON Patch a resource (not retried: a patch may not be repeatable)."""
        headers = {"Prefer": "return=representation", "Content-Type": "application/json-patch+json"}
        if if_match is not None:
            headers["If-Match"] = (
                if_match if if_match.startswith(("W/", '"')) else f'W/"{if_match}"'
            )
        path = f"{resource_type}/{resource_id}"
        return self._written("PATCH", path, operations, headers, resource_type)

    def delete(self, resource_type: str, resource_id: str) -> None:
        self._request("DELETE", f"{resource_type}/{resource_id}", allow_empty=True)

    def _written(
        self, method: str, path: str, body: Any, headers: dict[str, str], resource_type: str
    ) -> dict[str, Any]:
        answer, response = self._request_full(
            method, path, body=body, headers=headers, expect=resource_type, allow_empty=True
        )
        if answer is not None:
            return answer
        # The server chose not to return the resource: fetch it from where it says it is.
        location = response.headers.get("Content-Location") or response.headers.get("Location")
        if not location:
            raise MalformedAnswer(f"{method} {resource_type}: no resource and no Location")
        return self.get(location, expect=resource_type)

    # -- plumbing -----------------------------------------------------------------------

    def _resolve(self, url_or_path: str) -> str:
        if "://" not in url_or_path:
            return f"{self.base_url}/{url_or_path.lstrip('/')}"
        if _origin(url_or_path) != _origin(self.base_url):
            # Never carry the bearer token to a host the user did not sign in to.
            raise MalformedAnswer("the server pointed to a link on another host")
        return url_or_path

    def _request(self, method: str, url_or_path: str, **kwargs: Any) -> dict[str, Any] | None:
        return self._request_full(method, url_or_path, **kwargs)[0]

    def _request_full(
        self,
        method: str,
        url_or_path: str,
        *,
        params: Params = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
        expect: str | None = None,
        allow_empty: bool = False,
        accept: str = FHIR_JSON,
    ) -> tuple[dict[str, Any] | None, requests.Response]:
        check_blocking_allowed("a portal request")
        url = self._resolve(url_or_path)
        where = f"{method} {scrub_url(url)}"
        all_headers = {"Accept": accept, **(headers or {})}
        data = None
        if body is not None:
            data = orjson.dumps(body)
            all_headers.setdefault("Content-Type", FHIR_JSON)
        refreshed = False
        while True:
            token = None
            if self.token_provider is not None:
                token = self.token_provider.access_token()
                all_headers["Authorization"] = f"Bearer {token}"
            try:
                response = send_with_retries(
                    self._session,
                    method,
                    url,
                    policy=self.retry,
                    timeout=self.timeout,
                    params=params,
                    headers=all_headers,
                    body=data,
                    limits=self.limits,
                    throttle=self.throttle,
                )
            except requests.exceptions.SSLError:
                raise InsecureConnection(f"{where}: TLS verification failed") from None
            except CONNECTION_ERRORS as exc:
                raise PortalUnreachable(f"{where}: {type(exc).__name__}") from None
            if response.status_code == 401 and self.token_provider is not None and not refreshed:
                # The token may have been revoked or expired early: renew once and retry.
                refreshed = True
                response.close()
                self.token_provider.refresh(rejected_token=token)
                continue
            break
        if not response.ok:
            raise error_for_response(response, where)
        return parse_answer(response, where, expect, allow_empty, self.limits), response
