"""Deterministic synthetic FHIR R4 data in Russian for the demo portal.

``generate(seed, scale, today)`` returns the same resources for the same (seed, today):
each part draws from its own seeded random stream and dates are relative to ``today``
(so the demo people keep their ages). Every resource has ``id`` and
``meta.lastUpdated`` (UTC, before ``today`` began); clinical times are Moscow time.

What the screens can rely on (the vocabulary lives in ``codes.py``):

- People: ``ivanov-sergey`` (45, E11.9 + I10), ``ivanova-masha`` (8, his daughter,
  linked to family@), ``petrova-anna`` (72, hospital stay), ``smirnova-olga`` and her son
  ``smirnov-artem`` (other@), ``kuznetsov-dmitry`` (unverified@), ``egorova-tatiana``
  (region@, Chukotka), ``ivanov-petr`` (12, Sergey's son born in Tula, linked to nobody).
- Every CodeableConcept has Russian ``text``; codings keep the code system's display.
  Quantities: ``unit`` is the Russian display, ``code`` the UCUM code (convert with it).
- Patient identifiers: СНИЛС ``SNILS_SYSTEM``, полис ОМС ``OMS_SYSTEM`` (16 digits),
  свидетельство о рождении ``BIRTH_CERT_SYSTEM`` (children; ``assigner.display`` is the
  registry office, ``period.start`` the issue date). Identifier ``type.text`` names each.
- Labs: DiagnosticReport (category v2-0074 ``LAB``) + Observations (LOINC, interpretation
  H/L/N, referenceRange in the result's own unit). The second lab ``org-medlab`` reports
  glucose, lipids and creatinine in mg/dL under the same LOINC codes.
- Studies: DiagnosticReport with v2-0074 ``EC`` (ECG), ``US`` (abdomen), ``CUS`` (echo),
  ``conclusion`` and the protocol as a text/plain ``presentedForm``; ultrasound has an
  ImagingStudy. COVID-19 PCR: LOINC 94500-6, SNOMED detected / not detected.
- Visit protocols: Composition (sections Жалобы, Анамнез, Объективно, Диагноз,
  Рекомендации) or a text/plain DocumentReference, both pointing at the Encounter.
  Discharge summary: LOINC 18842-5 as Composition and DocumentReference; the
  DocumentReference's ``context.related`` names the Composition (show it once).
- Diary: Observations with performer = the Patient and the meta.tag ``self-measured``.
- Appointments: ``serviceCategory`` visit-kind ``clinic|video|home``; ticket identifier
  ``TICKET_SYSTEM``; video ones carry ``JOIN_URL_EXT``; home visits ``HOME_ADDRESS_EXT``.
  Schedules (Practitioner + Location, or + HealthcareService ``hs-video``) with Slots on
  the working days of the next four weeks; slot ids ``slot-<doctor>[-video]-YYYYMMDD-HHMM``.
- Costs: ExplanationOfBenefit in RUB; ``insurance`` is ``cov-oms-<patient>`` (free for the
  patient) or ``cov-self-<patient>`` (paid); adjudication submitted / benefit / copay.
- Requests done: Task (code system ``REQUEST_TYPE``: certificate, extract) completed,
  ``output`` = the issued DocumentReference.
"""

from __future__ import annotations

import gc
from datetime import date

from .billing import appointment_history, bill_labs, bill_visits, demo_appointments
from .builder import Builder
from .child import build_masha, build_petr
from .clinic_history import build_clinic_history
from .clinics import build_clinics
from .desk_day import book_today
from .directory import build_directory
from .elder import build_anna
from .model import DemoDataset, DemoLink, DemoUser
from .others import build_others
from .patients import LINKS, build_people, users
from .population import build_population
from .requests import build_requests
from .scale import add_scale
from .schedule import Appointments, build_schedules
from .sergey import build_sergey
from .services import build_services
from .staff import build_staff

__all__ = ["DemoDataset", "DemoLink", "DemoUser", "generate"]

MAIN_PATIENT = "ivanov-sergey"
CHILD_PATIENT = "ivanova-masha"
ELDER_PATIENT = "petrova-anna"


def generate(seed: int = 42, scale: int = 0, today: date | None = None) -> DemoDataset:
    """The demo dataset for ``today`` (default: the local date); ``scale`` extra records."""
    collecting = gc.isenabled()
    gc.disable()  # only acyclic dicts are built; collections would just rescan them
    try:
        return _generate(seed, scale, today or date.today())
    finally:
        if collecting:
            gc.enable()


def _generate(seed: int, scale: int, today: date) -> DemoDataset:
    b = Builder(seed, today)
    directory = build_directory(b)
    build_clinics(b, directory)
    persons = build_people(b, directory)
    staff = build_staff(b, directory)
    townspeople = build_population(
        b, directory.org_names, {k: v.name for k, v in directory.doctors.items()}
    )
    slots = build_schedules(b, directory)
    sergey_labs = build_sergey(b, directory, persons[MAIN_PATIENT])
    build_masha(b, directory, persons[CHILD_PATIENT])
    build_petr(b, directory, persons["ivanov-petr"])
    build_anna(b, directory, persons[ELDER_PATIENT])
    build_others(b, directory, persons)
    build_requests(b, directory, persons[MAIN_PATIENT], persons[CHILD_PATIENT])
    build_clinic_history(b, directory, persons)
    bill_visits(b, directory)
    bill_labs(b, directory, persons[MAIN_PATIENT], sergey_labs)
    build_services(b, directory, persons)
    appts = Appointments(b, directory)
    appointment_history(b, directory, appts)
    demo_appointments(b, directory, persons, slots, appts)
    book_today(b, directory, slots, appts, townspeople)
    add_scale(b, scale)
    return DemoDataset(resources=b.resources, users=users(persons) + staff, links=list(LINKS))
