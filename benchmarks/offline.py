"""A portal client for benchmarks of tabs over a ready cache: every call answers as an
unreachable portal does (a typed error the app handles quietly), so the session's own
portal reads (the CapabilityStatement) fail the way they do offline, not as a bug."""

from __future__ import annotations

from typing import Any

from desktop.services.errors import PortalUnreachable


class OfflineClient:
    def __getattr__(self, name: str) -> Any:
        def unreachable(*_args: Any, **_kwargs: Any) -> Any:
            raise PortalUnreachable(f"benchmark: no portal for {name}")

        return unreachable

    def close(self) -> None:
        pass
