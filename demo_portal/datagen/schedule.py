"""Doctors' schedules and slots for the next four weeks, and the demo appointments.

Slot ids name the doctor and the local start (``slot-morozov-20261203-0940``), so they
stay the same for a given day whatever else changes in the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from . import codes as c
from .builder import Builder, local_dt
from .directory import SPECIALTIES, Directory, specialty_concept
from .patients import Person
from .visits import visit_title

HORIZON_DAYS = 28
DESK_CLINIC = "org-gp12"  # where desk@demo.medcard works: its schedules start today

# practitioner id -> (shift, slot minutes); shift "am" 09:00–13:00, "pm" 14:00–19:00,
# "alt" alternates by the parity of the day (the Moscow "even/odd days" practice)
IN_PERSON: dict[str, tuple[str, int]] = {
    "pr-sokolova": ("alt", 20),
    "pr-orlov": ("am", 20),
    "pr-morozov": ("alt", 20),
    "pr-volkova": ("pm", 30),
    "pr-lebedev": ("am", 30),
    "pr-kozlova": ("pm", 30),
    "pr-novikov": ("am", 30),
    "pr-fedorova": ("alt", 20),
    "pr-zaitseva": ("am", 30),
    "pr-belova": ("alt", 20),
    "pr-gusev": ("alt", 20),
    "pr-grigoriev": ("pm", 30),
}
# video consultations: practitioner id -> (first hour, last hour, minutes)
VIDEO: dict[str, tuple[int, int, int]] = {"pr-orlov": (17, 19, 20), "pr-morozov": (15, 17, 30)}

# Non-working public holidays of Russia (Labour Code art. 112), as (month, day)
HOLIDAYS = frozenset(
    [(1, d) for d in range(1, 9)] + [(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)]
)


def is_working_day(day: date) -> bool:
    """Clinics take appointments Monday to Friday, except public holidays."""
    return day.weekday() < 5 and (day.month, day.day) not in HOLIDAYS


KIND_NAMES = {
    "clinic": "Приём в поликлинике",
    "video": "Телемедицинская консультация",
    "home": "Вызов врача на дом",
}


def kind_concept(kind: str) -> dict:
    return c.concept(c.VISIT_KIND, kind, kind, KIND_NAMES[kind])


@dataclass
class SlotBook:
    """Slots by schedule id, so appointments can take (and mark busy) a real slot."""

    slots: dict[str, list[dict]] = field(default_factory=dict)
    schedule_of: dict[str, str] = field(default_factory=dict)  # (pid, kind) key -> schedule id

    def take(self, practitioner_id: str, kind: str, after: datetime) -> dict:
        """The first free slot of the doctor at or after ``after``; marks it busy."""
        for slot in self.slots[self.schedule_of[f"{practitioner_id}:{kind}"]]:
            if slot["status"] == "free" and datetime.fromisoformat(slot["start"]) >= after:
                slot["status"] = "busy"
                return slot
        raise LookupError(f"no free slot for {practitioner_id} after {after}")


def _hours(shift: str, day_index: int) -> tuple[int, int]:
    if shift == "alt":
        shift = "am" if day_index % 2 == 0 else "pm"
    return (9, 13) if shift == "am" else (14, 19)


def build_schedules(b: Builder, d: Directory) -> SlotBook:
    rng = b.rng("slots")
    book = SlotBook()
    created = b.days_ago(35, 8)  # the clinic opened these weeks for booking a while ago
    first_day = b.today + timedelta(days=1)
    days = [first_day + timedelta(days=i) for i in range(HORIZON_DAYS)]
    work_days = [day for day in days if is_working_day(day)]
    for pid, (shift, minutes) in IN_PERSON.items():
        # The registry desk's clinic also shows today (its day board, issue 14); today's
        # slots draw nothing from the stream, so the coming weeks stay as they were.
        today = [b.today] if d.doctor(pid).org_id == DESK_CLINIC and is_working_day(b.today) else []
        times = [(day, _hours(shift, day.toordinal()), minutes) for day in today + work_days]
        _schedule(b, d, book, rng, pid, "clinic", times, created)
    for pid, (first, last, minutes) in VIDEO.items():
        times = [(day, (first, last), minutes) for day in work_days]
        _schedule(b, d, book, rng, pid, "video", times, created)
    return book


def _schedule(
    b: Builder,
    d: Directory,
    book: SlotBook,
    rng,
    pid: str,
    kind: str,
    times: list,
    created: datetime,
) -> None:
    doc = d.doctor(pid)
    short = pid.removeprefix("pr-")
    sched_id = f"sched-{short}" if kind == "clinic" else f"sched-{short}-{kind}"
    service = (
        c.text_only(visit_title(doc.specialty, False).replace(" повторный", ""))
        if kind == "clinic"
        else c.concept(
            c.SNOMED,
            "448337001",
            "Telemedicine consultation with patient",
            f"Телемедицинская консультация: {SPECIALTIES[doc.specialty][3].lower()}",
        )
    )
    actors = [c.ref("Practitioner", pid, doc.name)]
    if kind == "clinic":
        actors.append(doc.location_ref())
    else:
        actors.append(
            c.ref("HealthcareService", "hs-video", "Телемедицинская консультация (видеосвязь)")
        )
    b.add(
        {
            "resourceType": "Schedule",
            "id": sched_id,
            "active": True,
            "serviceCategory": [kind_concept(kind)],
            "serviceType": [service],
            "specialty": [specialty_concept(doc.specialty)],
            "actor": actors,
            "planningHorizon": {
                "start": local_dt(b.at(times[0][0] if times else b.today + timedelta(days=1), 0)),
                "end": local_dt(b.at(b.today + timedelta(days=HORIZON_DAYS), 23, 59)),
            },
            "comment": f"{doc.name}, {d.org_names[doc.org_id]}",
        },
        created,
    )
    book.schedule_of[f"{pid}:{kind}"] = sched_id
    slots: list[dict] = []
    for day, (first, last), minutes in times:
        moment = b.at(day, first)
        end_of_day = b.at(day, last)
        while moment + timedelta(minutes=minutes) <= end_of_day:
            end = moment + timedelta(minutes=minutes)
            slot = {
                "resourceType": "Slot",
                "id": f"slot-{short}{'' if kind == 'clinic' else '-' + kind}-"
                f"{moment.strftime('%Y%m%d-%H%M')}",
                "serviceCategory": [kind_concept(kind)],
                "serviceType": [service],
                "specialty": [specialty_concept(doc.specialty)],
                "schedule": c.ref("Schedule", sched_id),
                # a quarter of the times are already taken by other patients; today's are
                # taken by townspeople with real appointments (desk_day.py)
                "status": "free" if day == b.today or rng.random() >= 0.25 else "busy",
                "start": local_dt(moment),
                "end": local_dt(end),
            }
            slots.append(b.add(slot, created))
            moment = end
    book.slots[sched_id] = slots


class Appointments:
    """Creates Appointments with ticket numbers in creation order (MC-00001, ...)."""

    def __init__(self, b: Builder, d: Directory) -> None:
        self.b, self.d = b, d
        self.count = 0

    def add(
        self,
        p: Person,
        pid: str,
        start: datetime,
        minutes: int,
        status: str,
        created: datetime,
        kind: str = "clinic",
        slot: dict | None = None,
        reason: str | None = None,
        cancel_reason: str | None = None,
        extensions: list[dict] | None = None,
        description: str | None = None,
    ) -> dict:
        b, d = self.b, self.d
        doc = d.doctor(pid)
        self.count += 1
        participants = [
            {
                "actor": c.ref("Patient", p.id, p.full_name),
                "required": "required",
                "status": "accepted",
            },
            {
                "actor": c.ref("Practitioner", pid, doc.name),
                "required": "required",
                "status": "accepted",
            },
        ]
        if kind == "clinic":
            participants.append(
                {"actor": doc.location_ref(), "required": "required", "status": "accepted"}
            )
        appt = {
            "resourceType": "Appointment",
            "id": b.new_id(f"appt-{p.id}"),
            "status": status,
            "identifier": [{"system": c.TICKET_SYSTEM, "value": f"MC-{self.count:05d}"}],
            "serviceCategory": [kind_concept(kind)],
            "serviceType": [
                c.text_only(visit_title(doc.specialty, False).replace(" повторный", ""))
            ],
            "specialty": [specialty_concept(doc.specialty)],
            "start": local_dt(start),
            "end": local_dt(start + timedelta(minutes=minutes)),
            "minutesDuration": minutes,
            "created": local_dt(created),
            "participant": participants,
        }
        if slot is not None:
            appt["slot"] = [c.ref("Slot", slot["id"])]
        if reason:
            appt["reasonCode"] = [c.text_only(reason)]
        if description:
            appt["description"] = description
        if cancel_reason:
            appt["cancelationReason"] = c.concept(
                "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason",
                "pat",
                "Patient",
                cancel_reason,
            )
        if extensions:
            appt["extension"] = extensions
        changed = (
            min(start + timedelta(hours=1), b.cutoff)
            if status in ("fulfilled", "noshow")
            else created
        )
        if status == "cancelled":
            changed = created + (start - created) / 2
        return b.add(appt, changed, late=False)
