"""Services tab with ten years of a chronic patient's services: time to open.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/services_tab.py [--lines 5000] [--runs 7]

Builds an encrypted cache (SQLCipher, the real ingest path) holding ExplanationOfBenefits
shaped like the demo portal's — visits, lab panels, studies, a hospital stay a year, ОМС /
ДМС / paid — about `--lines` service lines over ten years, then opens the real tab on a real
AccountSession over that cache, `--runs` times. "Open" is from creating the tab to its
tree showing the newest visits and the totals (the cache read runs off the GUI thread, as
in the app). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PATIENT = "chronic-patient"
NOMENCLATURE = "urn:oid:1.2.643.5.1.13.13.11.1070"
PAYER_KIND = "https://demo.medcard/fhir/StructureDefinition/payer-kind"
SERVICES = [
    ("B01.047.002", "Приём (осмотр, консультация) врача-терапевта повторный", 740),
    ("B01.058.002", "Приём (осмотр, консультация) врача-эндокринолога повторный", 990),
    ("B01.015.002", "Приём (осмотр, консультация) врача-кардиолога повторный", 990),
    ("A09.05.083", "Исследование уровня гликированного гемоглобина в крови", 290),
    ("B03.016.004", "Анализ крови биохимический общетерапевтический", 860),
    ("B03.016.003", "Общий (клинический) анализ крови развернутый", 250),
    ("A11.12.009", "Взятие крови из периферической вены", 110),
    ("A05.10.006", "Регистрация электрокардиограммы", 420),
    ("A04.16.001", "Ультразвуковое исследование органов брюшной полости (комплексное)", 1650),
]
CLINICS = [("org-gp", "ГБУЗ «Городская поликлиника № 12 ДЗМ»"), ("org-lab", "ООО «МедЛаб»")]


def eob(number: int, day: date, rng: random.Random) -> dict:
    payer = rng.choices(["oms", "vhi", "patient"], weights=[85, 8, 7])[0]
    clinic_id, clinic = rng.choice(CLINICS)
    items = []
    total = 0
    for seq in range(1, rng.randint(1, 7) + 1):
        code, name, price = rng.choice(SERVICES)
        quantity = 1 if seq > 1 or rng.random() > 0.05 else rng.randint(2, 12)
        net = price * quantity
        total += net
        items.append(
            {
                "sequence": seq,
                "productOrService": {
                    "coding": [{"system": NOMENCLATURE, "code": code}],
                    "text": name,
                },
                "servicedDate": day.isoformat(),
                "quantity": {"value": quantity},
                "unitPrice": {"value": price, "currency": "RUB"},
                "net": {"value": net, "currency": "RUB"},
                "careTeamSequence": [1],
            }
        )
    return {
        "resourceType": "ExplanationOfBenefit",
        "id": f"bench-eob-{number}",
        "meta": {"lastUpdated": f"{day.isoformat()}T12:00:00Z", "versionId": "1"},
        "extension": [{"url": PAYER_KIND, "valueCoding": {"code": payer}}],
        "status": "active",
        "type": {"coding": [{"code": "professional"}]},
        "patient": {"reference": f"Patient/{PATIENT}"},
        "billablePeriod": {"start": day.isoformat(), "end": day.isoformat()},
        "created": f"{day.isoformat()}T12:00:00+03:00",
        "insurer": {"reference": "Organization/org-smo", "display": "АО «МедСтрах»"},
        "provider": {"reference": f"Organization/{clinic_id}", "display": clinic},
        "careTeam": [{"sequence": 1, "provider": {"reference": "Practitioner/pr-1"}}],
        "item": items,
        "total": [
            {
                "category": {"coding": [{"code": "submitted"}]},
                "amount": {"value": total, "currency": "RUB"},
            }
        ],
    }


def build(path: Path, key: str, lines: int) -> int:
    from desktop.services.cache import Cache

    rng = random.Random(7)
    resources: list[dict] = [
        {
            "resourceType": "Patient",
            "id": PATIENT,
            "name": [{"family": "Петров", "given": ["Иван"]}],
        },
        {
            "resourceType": "Practitioner",
            "id": "pr-1",
            "name": [{"text": "Соколова Елена Викторовна"}],
        },
        {"resourceType": "Organization", "id": "org-smo", "name": "АО «МедСтрах»"},
        *({"resourceType": "Organization", "id": i, "name": n} for i, n in CLINICS),
    ]
    start = date(2016, 1, 1)
    made = number = 0
    while made < lines:
        number += 1
        day = start + timedelta(days=rng.randint(0, 3650))
        resource = eob(number, day, rng)
        made += len(resource["item"])
        resources.append(resource)
    with Cache.open(path, key) as cache:
        cache.ingest(resources)
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from offline import OfflineClient  # benchmarks/offline.py
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop.models.context import AppContext
    from desktop.models.session import AccountSession, SessionParts
    from desktop.models.tasks import TaskRunner
    from desktop.services.accounts import Account
    from desktop.services.cache import Cache
    from desktop.views.services import ServicesTab

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="medcard-bench-services-"))
    key = Cache.new_key()
    started = time.perf_counter()
    lines = build(folder / "cache.db", key, args.lines)
    print(f"cache with {lines} service lines built in {time.perf_counter() - started:.1f} s")

    timings: list[float] = []
    cpu_ms: list[float] = []
    for _run in range(args.runs):
        runner = TaskRunner()
        cache = Cache.open(folder / "cache.db", key)
        account = Account("bench", "http://127.0.0.1:9/fhir", "Bench", PATIENT, (PATIENT,))
        parts = SessionParts(account, OfflineClient(), cache, PATIENT, [PATIENT])  # type: ignore[arg-type]
        ctx = AppContext(runner)
        ctx.set_session(AccountSession(runner, parts))
        settle = time.perf_counter() + 0.3  # the session's own first reads are done
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.01)
        loop = QEventLoop()
        cpu = time.process_time()  # every thread of this process: the open's own work
        begin = time.perf_counter()
        tab = ServicesTab(ctx)
        tab.model.changed.connect(lambda t=tab, wait=loop: t.model.shown and wait.quit())
        tab.resize(1280, 760)
        tab.show()
        if not tab.model.shown:
            loop.exec()  # the GUI thread idles while the read runs, as in the app
        tab.repaint()  # the first screenful drawn
        timings.append((time.perf_counter() - begin) * 1000)
        cpu_ms.append((time.process_time() - cpu) * 1000)
        shown = tab.model.totals
        tab.close()
        tab.deleteLater()
        ctx.set_session(None)
        runner.stop()
        app.processEvents()
        QCoreApplication.sendPostedEvents()
    print(
        f"{shown.visits} visits, {shown.lines} lines; open: median {statistics.median(timings):.0f} ms,"
        f" min {min(timings):.0f} ms, max {max(timings):.0f} ms over {len(timings)} runs;"
        f" CPU of the open (all threads) median {statistics.median(cpu_ms):.0f} ms;"
        f" load average {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
