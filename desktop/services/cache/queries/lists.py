"""Appointments, family members and requests: small lists read whole."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..types import AppointmentRow, FamilyMember, RequestRow

if TYPE_CHECKING:
    from ..core import Cache


class AppointmentQueries:
    """`cache.appointments`."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def list(self, patient_id: str) -> list[AppointmentRow]:
        """The person's appointments by start time (names resolved from the directory)."""
        sql = """
            SELECT a.resource_id, a.patient_id, a.status, a.start, a."end", a.service_kind,
                   a.specialty, coalesce(a.practitioner, d.name), a.room,
                   a.clinic_name, a.clinic_address, a.join_url, a.slot_id, a.identifier,
                   a.last_updated
            FROM appointments a LEFT JOIN directory d ON d.id = a.practitioner_id
            WHERE a.patient_id = ? ORDER BY a.start, a.resource_id"""
        with self._cache.read() as conn:
            rows = conn.exec_driver_sql(sql, (patient_id,)).all()
        return [AppointmentRow(*row) for row in rows]


class FamilyQueries:
    """`cache.family`."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def members(self, account_patient_id: str | None = None) -> list[FamilyMember]:
        """Linked persons and access requests (optionally only one account holder's)."""
        sql = (
            "SELECT resource_type, resource_id, patient_id, account_patient_id, name,"
            " birth_date, relationship, access_status, reason, task_id, requested_at"
            " FROM family"
        )
        params: tuple[str, ...] = ()
        if account_patient_id is not None:
            sql += " WHERE account_patient_id = ? OR account_patient_id IS NULL"
            params = (account_patient_id,)
        sql += " ORDER BY requested_at DESC, resource_id"
        with self._cache.read() as conn:
            rows = conn.exec_driver_sql(sql, params).all()
        return [FamilyMember(*row) for row in rows]


class RequestQueries:
    """`cache.requests`."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def list(self, patient_id: str) -> list[RequestRow]:
        sql = (
            "SELECT resource_type, resource_id, patient_id, kind, status, authored, reason,"
            " description FROM requests WHERE patient_id = ?"
            " ORDER BY authored DESC, resource_id"
        )
        with self._cache.read() as conn:
            rows = conn.exec_driver_sql(sql, (patient_id,)).all()
        return [RequestRow(*row) for row in rows]
