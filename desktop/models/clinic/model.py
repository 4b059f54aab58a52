"""The "My clinic" tab's state: the open person's clinic, district doctor, OMS policy and
applications (read from the cache), the details the sync does not bring (fetched once
and kept), and the warnings about policies that end soon, for every person of the
account (shown in the tab and, once per session, in the window's banner).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.models.context import AppContext
from desktop.models.formats import format_date
from desktop.models.tasks import log_failure
from desktop.services.cache import Cache
from desktop.services.clinic.directory import fetch_missing
from desktop.services.clinic.overview import (
    ClinicOverview,
    Missing,
    clinic_overview,
    policy_notices,
)
from desktop.services.clinic.policy import PolicyNotice
from desktop.services.oms_policy import PolicyKind

log = logging.getLogger(__name__)


class ClinicModel(QObject):
    changed = Signal()  # `overview` is new (or the person changed)
    noticesChanged = Signal()  # `notices` is new

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self.overview: ClinicOverview | None = None
        self.notices: dict[str, PolicyNotice] = {}
        self.loading = False
        self._asked: set[Missing] = set()  # details asked of the portal this session
        self._announced: set[tuple[str, str, str]] = set()  # banners shown this session
        ctx.accountChanged.connect(self._on_account_changed)
        ctx.patientChanged.connect(self._on_patient_changed)
        ctx.synced.connect(self.reload)
        ctx.onlineChanged.connect(self._on_online_changed)

    def today(self) -> dt.date:
        return self._today()

    def _on_patient_changed(self, _patient_id: str) -> None:
        self.reload()

    def _on_online_changed(self, online: bool) -> None:
        if online:  # details that could not be fetched offline may be fetched now
            self.reload()

    def _on_account_changed(self) -> None:
        self._asked.clear()
        self._announced.clear()
        self.reload()

    def reload(self) -> None:
        """Re-read the open person's overview and everyone's policy warnings (read pool)."""
        session, patient_id = self._ctx.session, self._ctx.patient_id
        if session is None or not patient_id:
            self.overview, self.notices = None, {}
            self.changed.emit()
            self.noticesChanged.emit()
            return
        self.loading = True
        session.read(
            clinic_overview,
            patient_id,
            self.today(),
            on_done=self._on_overview,
            on_error=self._on_read_failed,
            owner=self,
        )
        session.read(
            policy_notices,
            [p.patient_id for p in self._ctx.patients],
            self.today(),
            on_done=self._on_notices,
            on_error=lambda exc: log_failure(log, "reading policy warnings failed", exc),
            owner=self,
        )

    def _on_read_failed(self, exc: BaseException) -> None:
        self.loading = False
        log_failure(log, "reading the clinic failed", exc)

    def _on_overview(self, overview: ClinicOverview) -> None:
        if overview.patient_id != self._ctx.patient_id:
            return  # another person was opened meanwhile; their read follows
        self.loading = False
        self.overview = overview
        self.changed.emit()
        if overview.missing:
            self._fetch(overview.missing)

    def _fetch(self, missing: Missing) -> None:
        """The clinic's registry hours and doctor, an insurer's phone: asked once a
        session, kept in the cache (so the tab shows them offline too), then re-read."""
        session = self._ctx.session
        if session is None or missing in self._asked or not session.online:
            return
        self._asked.add(missing)
        session.write(
            lambda client: fetch_missing(client, missing),
            store=_keep,
            on_done=lambda _kept: self.reload(),
            on_error=lambda exc: self._on_fetch_failed(missing, exc),
            owner=self,
        )

    def _on_fetch_failed(self, missing: Missing, exc: BaseException) -> None:
        self._asked.discard(missing)  # asked again when the portal is back (onlineChanged)
        log_failure(log, "fetching the clinic's details failed", exc)

    def _on_notices(self, notices: dict[str, PolicyNotice]) -> None:
        self.notices = notices
        self.noticesChanged.emit()
        names = {p.patient_id: p.display_name for p in self._ctx.patients}
        for patient_id, notice in notices.items():
            key = (patient_id, notice.policy.coverage_id, notice.state)
            if key not in self._announced:
                self._announced.add(key)
                self._ctx.errorOccurred.emit(self.notice_text(notice, names.get(patient_id, "")))

    def notice_text(self, notice: PolicyNotice, name: str) -> str:
        """The warning, translated: whose document, when it ends, and what to do."""
        temporary = notice.policy.kind == PolicyKind.TEMPORARY
        end = format_date(notice.policy.end) if notice.policy.end else ""
        if notice.state == "ended":
            text = self.tr(
                "%1 has no valid OMS policy since %2: visits under OMS cannot be booked. "
                "Apply for a policy, with a passport, at an МФЦ or the insurance company: %3."
            )
        elif notice.days == 0 and temporary:
            text = self.tr(
                "The temporary OMS certificate of %1 ends today. Collect the policy at the "
                "insurance company: %3."
            )
        elif notice.days == 0:
            text = self.tr(
                "The OMS policy of %1 ends today. Renew it at an МФЦ or the insurance company: %3."
            )
        elif temporary:
            text = self.tr(
                "The temporary OMS certificate of %1 is valid for %n more day(s), until %2. "
                "Collect the policy before then at the insurance company: %3.",
                "",
                notice.days,
            )
        else:
            text = self.tr(
                "The OMS policy of %1 ends in %n day(s), on %2. Renew it before then at an "
                "МФЦ or the insurance company: %3.",
                "",
                notice.days,
            )
        return text.replace("%1", name).replace("%2", end).replace("%3", _insurer(notice))


def _keep(cache: Cache, resources: list[dict[str, Any]]) -> int:
    return cache.ingest(resources) if resources else 0


def _insurer(notice: PolicyNotice) -> str:
    policy = notice.policy
    parts = [p for p in (policy.insurer, policy.insurer_phone) if p]
    return ", ".join(parts) or QCoreApplication.translate("medcard", "your insurance company")
