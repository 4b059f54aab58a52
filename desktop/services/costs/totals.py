"""Filters and totals of the services list (pure functions; the tab's numbers).

A visit is filtered as a whole: its date, clinic and payer are the visit's. Totals are
per currency (roubles and Synthea's dollars are never added together): for the period
shown and for each calendar year in it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .fhir import ServiceVisit


@dataclass(frozen=True)
class ServiceFilter:
    date_from: date | None = None
    date_to: date | None = None
    clinic_id: str | None = None  # None: every clinic
    payer: str | None = None  # None: anyone; else one of fhir.PAYERS

    def accepts(self, visit: ServiceVisit) -> bool:
        if self.date_from is not None and (visit.date is None or visit.date < self.date_from):
            return False
        if self.date_to is not None and (visit.date is None or visit.date > self.date_to):
            return False
        if self.clinic_id is not None and visit.clinic_id != self.clinic_id:
            return False
        return self.payer is None or visit.payer == self.payer


Amounts = dict[str, Decimal]  # currency -> amount


@dataclass(frozen=True)
class Totals:
    overall: Amounts = field(default_factory=dict)
    by_year: dict[int, Amounts] = field(default_factory=dict)
    visits: int = 0
    lines: int = 0
    unpriced: int = 0  # visits the server gave no amount for (not in the sums)


def apply(visits: Iterable[ServiceVisit], chosen: ServiceFilter) -> list[ServiceVisit]:
    """The visits the filter accepts, newest first (undated last)."""
    kept = [v for v in visits if chosen.accepts(v)]
    kept.sort(key=lambda v: (v.date is not None, v.date or date.min, v.key), reverse=True)
    return kept


def totals(visits: Iterable[ServiceVisit]) -> Totals:
    overall: dict[str, Decimal] = defaultdict(Decimal)
    by_year: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    count = lines = unpriced = 0
    for visit in visits:
        count += 1
        lines += visit.line_count
        if visit.total is None:
            unpriced += 1
            continue
        overall[visit.total.currency] += visit.total.amount
        if visit.date is not None:
            by_year[visit.date.year][visit.total.currency] += visit.total.amount
    return Totals(
        overall=dict(overall),
        by_year={year: dict(amounts) for year, amounts in sorted(by_year.items(), reverse=True)},
        visits=count,
        lines=lines,
        unpriced=unpriced,
    )


def clinics(visits: Iterable[ServiceVisit]) -> list[tuple[str, str]]:
    """(clinic id, name) of every clinic in the list, by name: the clinic filter's choices."""
    found = {v.clinic_id: v.clinic for v in visits if v.clinic_id}
    return sorted(found.items(), key=lambda item: item[1].casefold())


def payers(visits: Iterable[ServiceVisit]) -> list[str]:
    """The payer kinds present, in a fixed order: the payer filter's choices."""
    from .fhir import PAYERS

    present = {v.payer for v in visits}
    return [p for p in PAYERS if p in present]
