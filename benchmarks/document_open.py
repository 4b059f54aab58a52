"""Opening a 5 MB signed PDF from the encrypted cache: read, hash and signature checks,
first page on screen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/document_open.py [--mb 5] [--runs 7]

Builds a PDF of about `--mb` megabytes (scanned-looking pages: photos that do not
compress), signs it the way the demo portal does (detached CMS, the demo CA), stores the
DocumentReference, the Binary, the Provenance and the CA certificate in an SQLCipher cache,
then opens it in the real documents tab on a real AccountSession over that cache. "Open"
is from the click (the document chosen) to the first page drawn with the verdict shown.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PATIENT = "pdf-patient"
SEED = 42


def make_pdf(megabytes: float) -> bytes:
    """Pages with a noisy photo each (JPEG does not shrink noise) until the size is reached."""
    from fpdf import FPDF
    from PIL import Image

    rng = random.Random(1)
    pdf = FPDF(format="A4")
    pdf.set_font("helvetica", size=14)
    target = int(megabytes * 1024 * 1024)
    size = 0
    page = 0
    while size < target:
        page += 1
        pixels = bytes(rng.getrandbits(8) for _ in range(900 * 700 * 3))
        photo = Image.frombytes("RGB", (900, 700), pixels)
        buffer = io.BytesIO()
        photo.save(buffer, "JPEG", quality=85)
        size += buffer.tell()
        pdf.add_page()
        pdf.cell(0, 10, f"Scanned page {page}")
        pdf.image(buffer, x=10, y=25, w=190)
    return bytes(pdf.output())


def resources_for(pdf: bytes) -> list[dict]:
    from demo_portal.documents.signing import ca_certificate_der, clinic_signer, sign_detached

    signer = clinic_signer(SEED, "org-bench", "ГБУЗ «Поликлиника для замеров»", "Замеры", "1")
    signature = sign_detached(pdf, signer, SEED)
    when = "2026-11-20T10:00:00+03:00"
    return [
        {"resourceType": "Patient", "id": PATIENT, "name": [{"text": "Пациент Замеров"}]},
        {
            "resourceType": "DocumentReference",
            "id": "doc-big",
            "status": "current",
            "type": {"text": "Выписной эпикриз со сканами"},
            "subject": {"reference": f"Patient/{PATIENT}"},
            "date": when,
            "content": [
                {
                    "attachment": {
                        "contentType": "application/pdf",
                        "url": "Binary/bin-big",
                        "size": len(pdf),
                        "hash": base64.b64encode(hashlib.sha1(pdf).digest()).decode(),
                    }
                }
            ],
        },
        {
            "resourceType": "Binary",
            "id": "bin-big",
            "contentType": "application/pdf",
            "data": base64.b64encode(pdf).decode(),
        },
        {
            "resourceType": "Provenance",
            "id": "prov-big",
            "target": [{"reference": "DocumentReference/doc-big"}, {"reference": "Binary/bin-big"}],
            "recorded": when,
            "signature": [
                {
                    "when": when,
                    "who": {"display": "ГБУЗ «Поликлиника для замеров»"},
                    "sigFormat": "application/pkcs7-signature",
                    "data": base64.b64encode(signature).decode(),
                }
            ],
        },
        {
            "resourceType": "Binary",
            "id": "demo-ca-certificate",
            "contentType": "application/pkix-cert",
            "data": base64.b64encode(ca_certificate_der(SEED)).decode(),
        },
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from offline import OfflineClient  # benchmarks/offline.py
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop.models.context import AppContext
    from desktop.models.session import AccountSession, SessionParts
    from desktop.models.tasks import TaskRunner
    from desktop.services.accounts import Account
    from desktop.services.cache import Cache
    from desktop.views.documents import DocumentsTab

    app = QApplication.instance() or QApplication([])
    pdf = make_pdf(args.mb)
    folder = Path(tempfile.mkdtemp(prefix="medcard-bench-pdf-"))
    key = Cache.new_key()
    resources = resources_for(pdf)
    with Cache.open(folder / "cache.db", key) as cache:
        cache.ingest(resources[:2] + resources[4:])
        cache.ingest(resources[2:4], owner=PATIENT)
    print(f"PDF of {len(pdf) / 1024 / 1024:.1f} MB in the encrypted cache")

    timings: list[float] = []
    cpu_ms: list[float] = []
    verdict = ""
    pages = 0
    for _run in range(args.runs):
        runner = TaskRunner()
        cache = Cache.open(folder / "cache.db", key)
        account = Account("bench", "http://127.0.0.1:9/fhir", "Bench", PATIENT, (PATIENT,))
        parts = SessionParts(account, OfflineClient(), cache, PATIENT, [PATIENT])  # type: ignore[arg-type]
        ctx = AppContext(runner)
        ctx.set_session(AccountSession(runner, parts))
        tab = DocumentsTab(ctx)
        tab.resize(1280, 760)
        tab.show()
        settle = time.perf_counter() + 0.5  # the list and the session's first reads
        while time.perf_counter() < settle or not tab.model.table.rows:
            app.processEvents()
            time.sleep(0.01)
        loop = QEventLoop()
        viewer = tab.viewer

        def drawn(_original: object, wait: QEventLoop = loop, shown: object = viewer) -> None:
            if shown.rendered_pages() >= 1:  # type: ignore[attr-defined]
                wait.quit()

        tab.model.opened.connect(drawn)
        cpu = time.process_time()
        begin = time.perf_counter()
        tab.select_document("DocumentReference/doc-big")
        if viewer.rendered_pages() < 1:
            loop.exec()
        viewer.repaint()
        timings.append((time.perf_counter() - begin) * 1000)
        cpu_ms.append((time.process_time() - cpu) * 1000)
        verdict = viewer.verdict.text()
        pages = len(viewer.page_labels)
        tab.close()
        tab.deleteLater()
        ctx.set_session(None)
        runner.stop()
        app.processEvents()
    print(f"verdict: {verdict!r}; {pages} pages")
    print(
        f"open: median {statistics.median(timings):.0f} ms, min {min(timings):.0f} ms,"
        f" max {max(timings):.0f} ms over {len(timings)} runs; CPU (all threads) median"
        f" {statistics.median(cpu_ms):.0f} ms; load average {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
