"""One search parameter's definition, and short constructors for the tables."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Param:
    kind: str  # compartment | status | token | reference | date | string | uri | special
    paths: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()  # reference: only references to these types
    contact: str = ""  # token over ContactPoint: only this ContactPoint.system (phone, email)


def token(*paths: str) -> Param:
    return Param("token", paths)


def ref(*paths: str, to: tuple[str, ...] = ()) -> Param:
    return Param("reference", paths, targets=to)


def date(*paths: str) -> Param:
    return Param("date", paths)


def string(*paths: str) -> Param:
    return Param("string", paths)


def uri(*paths: str) -> Param:
    return Param("uri", paths)


def phone(path: str = "telecom") -> Param:
    return Param("token", (path,), contact="phone")


def email(path: str = "telecom") -> Param:
    return Param("token", (path,), contact="email")


# The compartment: which patient's card; also checked against what the caller may see.
PATIENT = Param("compartment")
STATUS = Param("status")
IDENTIFIER = token("identifier")
