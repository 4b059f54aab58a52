"""FHIR errors as OperationOutcome: English diagnostics plus Russian details.text."""

from __future__ import annotations

import orjson

_ISSUE_CODE = {
    400: "invalid",
    401: "login",
    403: "forbidden",
    404: "not-found",
    405: "not-supported",
    409: "conflict",
    410: "deleted",
    412: "conflict",
    422: "processing",
    428: "required",
    429: "throttled",
    500: "exception",
    503: "transient",
}


# Why the portal refused, for clients that explain it (OperationOutcome.issue.details.coding).
REASON_SYSTEM = "https://demo.medcard/fhir/CodeSystem/refusal-reason"


class FhirError(Exception):
    """Raised anywhere in request handling (also by write rules); becomes an OperationOutcome.
    `reason` (a code of REASON_SYSTEM) marks a business rule the client can explain."""

    def __init__(
        self,
        status: int,
        en: str,
        ru: str,
        headers: dict[str, str] | None = None,
        reason: str | None = None,
    ):
        super().__init__(en)
        self.status = status
        self.en = en
        self.ru = ru
        self.headers = headers or {}
        self.reason = reason

    def outcome(self) -> dict:
        outcome = operation_outcome(self.status, self.en, self.ru)
        if self.reason:
            issue = outcome["issue"][0]
            if self.status != 403:  # a refused account stays `forbidden`; a rule is a rule
                issue["code"] = "business-rule"
            issue["details"]["coding"] = [{"system": REASON_SYSTEM, "code": self.reason}]
        return outcome

    def body(self) -> bytes:
        return orjson.dumps(self.outcome())


def operation_outcome(status: int, en: str, ru: str) -> dict:
    return {
        "resourceType": "OperationOutcome",
        "issue": [
            {
                "severity": "error" if status >= 400 else "information",
                "code": _ISSUE_CODE.get(status, "processing"),
                "diagnostics": en,
                "details": {"text": ru},
            }
        ],
    }


def not_found(rtype: str, rid: str) -> FhirError:
    return FhirError(404, f"{rtype}/{rid} not found", f"Ресурс {rtype}/{rid} не найден")


def bad_request(en: str, ru: str) -> FhirError:
    return FhirError(400, en, ru)


def forbidden(
    en: str = "Access to this patient is not allowed",
    ru: str = "Нет доступа к данным этого пациента",
) -> FhirError:
    return FhirError(403, en, ru)
