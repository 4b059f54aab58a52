"""Documents tab end to end over the embedded demo portal (loopback HTTP, SQLCipher):
originals open from memory and verify; a tampered PDF or a wrong hash is flagged; every
kind the portal offers can be ordered and is followed to ready (or rejected) with the
operator commands; a double click orders once; a paper copy carries the chosen records."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel

from demo_portal.embedded import DemoPortal
from desktop.services.documents.orders import IN_PROGRESS, READY, REJECTED
from desktop.services.documents.signature import CHANGED, FILE_HASH_MISMATCH, INTACT
from desktop.views.card import CardTab
from desktop.views.documents import DocumentsTab
from tests.ui.conftest import CHILD, MAIN, SyncedSeed, TabHarness, seed_from
from tests.ui.seeded import run_operator, seeded_account

ORDER_CODES = ("document-order", "paper-copy")


class Documents(TabHarness):
    def __init__(self, qtbot: Any, seed: SyncedSeed, tmp_path: Path) -> None:
        self.profile = tmp_path / "profile"
        accounts, account = seeded_account(seed, self.profile)
        super().__init__(qtbot, accounts, account)
        self.show_tab(DocumentsTab(self.ctx), 1100, 700)
        qtbot.waitUntil(
            lambda: self.tab.model.loaded and bool(self.tab.model.table.rows), timeout=20_000
        )
        qtbot.waitUntil(lambda: bool(self.tab.sender_.kinds), timeout=20_000)

    def open(self, key: str) -> Any:
        """Select a document in the list; wait until its original is checked."""
        viewer = self.tab.viewer
        self.tab.table.clearSelection()
        assert self.tab.select_document(key), key
        self.qtbot.waitUntil(
            lambda: (
                viewer.original is not None
                and viewer.original.document.key == key
                and not viewer.original.missing
            ),
            timeout=30_000,
        )
        self.settle()
        return viewer.original

    def issued(self) -> Any:
        return next(d for d in self.tab.model.table.rows if d.issued and d.pdf is not None)


@pytest.fixture
def documents(qtbot: Any, synced_seed: SyncedSeed, tmp_path: Path) -> Iterator[Documents]:
    harness = Documents(qtbot, synced_seed, tmp_path)
    yield harness
    harness.close()


def pdf_files_under(*folders: Path) -> set[Path]:
    found = set()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix != ".db" and "-wal" not in path.name:
                with path.open("rb") as handle:
                    if handle.read(5) == b"%PDF-":
                        found.add(path)
    return found


def test_the_issued_extract_opens_from_memory_and_verifies(
    qtbot: Any, documents: Documents, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "temp"  # where Python and Qt put temporary files during the test
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    before = pdf_files_under(documents.profile, temp)
    extract = documents.issued()
    original = documents.open(extract.key)
    assert original.signature.state == INTACT
    assert original.file_state == "ok"
    viewer = documents.tab.viewer
    assert "Signed by ГБУЗ «Городская поликлиника № 12 ДЗМ»" in viewer.verdict.text()
    assert "intact" in viewer.verdict.text()
    assert viewer.verdict.property("state") == "intact"
    qtbot.waitUntil(lambda: viewer.rendered_pages() == len(viewer.page_labels), timeout=10_000)
    assert (
        viewer.page_labels[0].pixmap() is not None and not viewer.page_labels[0].pixmap().isNull()
    )
    # Nothing unencrypted on disk: no PDF in the profile or the temp folder.
    assert pdf_files_under(documents.profile, temp) - before == set()
    # Saving is the one way out, owner-only, byte for byte the signed original.
    saved = documents.profile.parent / "saved.pdf"
    assert viewer.write_file(str(saved))
    assert saved.read_bytes() == original.data and saved.stat().st_mode & 0o777 == 0o600


def test_the_downloaded_original_opens_offline(
    qtbot: Any, documents: Documents, portal: DemoPortal
) -> None:
    extract = documents.issued()
    documents.open(extract.key)
    documents.tab.viewer.clear()
    portal.faults.add(drop=True, count=1000)  # the portal cannot be reached any more
    try:
        again = documents.open(extract.key)
    finally:
        portal.faults.clear()
    assert again.signature.state == INTACT and again.data is not None


@pytest.fixture
def clinic(qtbot: Any, tmp_path: Path) -> Iterator[tuple[Documents, DemoPortal, Path]]:
    """A portal of the test's own (orders and tampering change it)."""
    db = tmp_path / "portal.db"
    with DemoPortal(db_path=db, access_token_ttl=3600) as portal:
        seed = seed_from(portal.base_url, tmp_path / "seed")
        harness = Documents(qtbot, seed, tmp_path)
        yield harness, portal, db
        harness.close()


def tamper(portal: DemoPortal, rtype: str, rid: str, change: Any) -> None:
    with portal.store.write_lock:
        resource = portal.store.get(rtype, rid)
        portal.store.put(change(resource))


def test_a_tampered_pdf_or_a_wrong_hash_is_flagged(
    qtbot: Any, clinic: tuple[Documents, DemoPortal, Path]
) -> None:
    import base64

    documents, portal, _db = clinic
    docs = [d for d in documents.tab.model.table.rows if d.pdf is not None and d.pdf.binary_id]
    changed, rehashed = docs[0], docs[1]

    def altered_pdf(binary: dict) -> dict:
        data = base64.b64decode(binary["data"]) + b"%% one more line\n"  # still a valid PDF
        return {**binary, "data": base64.b64encode(data).decode()}

    tamper(portal, "Binary", changed.pdf.binary_id, altered_pdf)

    reference_id = rehashed.original_of or rehashed.resource_id

    def wrong_hash(document: dict) -> dict:
        content = [dict(c) for c in document["content"]]
        for entry in content:
            if entry["attachment"].get("contentType") == "application/pdf":
                entry["attachment"] = {
                    **entry["attachment"],
                    "hash": "AAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                }
        return {**document, "content": content}

    tamper(portal, "DocumentReference", reference_id, wrong_hash)
    documents.sync()  # the changed DocumentReference arrives
    qtbot.waitUntil(
        lambda: any(
            a.hash.startswith("AAAA")
            for d in documents.tab.model.table.rows
            if d.key == rehashed.key
            for a in d.attachments
        ),
        timeout=10_000,
    )
    original = documents.open(changed.key)
    assert original.signature.state == CHANGED
    assert original.file_state == FILE_HASH_MISMATCH
    text = documents.tab.viewer.verdict.text()
    assert "does not match the document's checksum" in text
    assert "changed after it was signed" in text
    assert documents.tab.viewer.verdict.property("state") == "warning"
    original = documents.open(rehashed.key)
    assert original.file_state == FILE_HASH_MISMATCH
    assert original.signature.state == INTACT  # the file is the signed one; its record lies
    assert documents.tab.viewer.verdict.property("state") == "warning"


def orders_on(portal: DemoPortal) -> list[dict]:
    tasks = []
    for patient in (MAIN, CHILD):
        tasks += [
            t
            for t in portal.store.search("Task", patient=patient, limit=10_000)
            if t["code"]["coding"][0]["code"] in ORDER_CODES
        ]
    return tasks


def order(qtbot: Any, documents: Documents, kind_code: str, person: str, delivery: str) -> Any:
    dialog = documents.tab.open_order_dialog()
    dialog.person.setCurrentIndex(dialog.person.findData(person))
    index = dialog.kind.findData(kind_code)
    assert index >= 0, kind_code
    dialog.kind.setCurrentIndex(index)
    (dialog.paper if delivery == "paper" else dialog.electronic).setChecked(True)
    dialog.purpose.setText("для работы")
    with qtbot.waitSignal(documents.tab.sender_.sent, timeout=30_000) as sent:
        dialog.order_button.click()
        dialog.order_button.click()  # a double click: the second one sends nothing
    assert dialog.outcome.isVisible() and dialog.outcome.text()
    dialog.close()
    return sent.args[0]


def test_each_kind_is_ordered_followed_to_ready_and_its_pdf_verifies(
    qtbot: Any, clinic: tuple[Documents, DemoPortal, Path]
) -> None:
    documents, portal, db = clinic
    tab = documents.tab
    kinds = tab.sender_.kinds
    assert {k.code for k in kinds} >= {"extract-027u", "vaccinations-063u", "camp-079u", "pool"}
    before = len(orders_on(portal))
    for kind in kinds:
        person = CHILD if kind.age == "child" else MAIN
        placed = order(qtbot, documents, kind.code, person, "electronic")
        assert len(orders_on(portal)) == before + 1  # the double click made one Task
        before += 1
        task = portal.store.get("Task", placed.task_id)
        assert task["for"]["reference"] == f"Patient/{person}"
        if kind.immediate:
            assert placed.stage == READY
        else:
            assert placed.stage == IN_PROGRESS and placed.due is not None
            qtbot.waitUntil(
                lambda p=placed: any(o.task_id == p.task_id for o in tab.tracker.orders),
                timeout=10_000,
            )
            code, _out = run_operator(db, "issue-document", placed.task_id)
            assert code == 0
            with qtbot.waitSignal(tab.tracker.finished, timeout=30_000) as finished:
                tab.tracker.poll()
            ready = finished.args[0]
            assert ready.task_id == placed.task_id and ready.stage == READY
            assert "Document ready" in tab.message.text()
        document_id = portal.store.get("Task", placed.task_id)["output"][0]["valueReference"][
            "reference"
        ]
        if person != documents.ctx.patient_id:
            documents.ctx.set_patient(person)
        key = document_id
        qtbot.waitUntil(lambda k=key: tab.model.table.row_of(k) >= 0, timeout=20_000)
        original = documents.open(key)
        assert original.signature.state == INTACT, kind.code
        assert original.file_state == "ok"
        if documents.ctx.patient_id != MAIN:
            documents.ctx.set_patient(MAIN)


def test_a_rejected_order_says_why(qtbot: Any, clinic: tuple[Documents, DemoPortal, Path]) -> None:
    documents, _portal, db = clinic
    tab = documents.tab
    placed = order(qtbot, documents, "sanatorium-070u", MAIN, "paper")
    assert placed.stage == IN_PROGRESS
    assert "Регистратура" in placed.pickup or "Получить" in placed.pickup  # where to pick up
    qtbot.waitUntil(lambda: any(o.task_id == placed.task_id for o in tab.tracker.orders))
    code, _out = run_operator(
        db, "reject-document", placed.task_id, "--reason", "Нужен осмотр терапевта"
    )
    assert code == 0
    with qtbot.waitSignal(tab.tracker.finished, timeout=30_000) as finished:
        tab.tracker.poll()
    rejected = finished.args[0]
    assert rejected.stage == REJECTED and rejected.reason == "Нужен осмотр терапевта"
    assert "Order rejected" in tab.message.text()
    assert "Нужен осмотр терапевта" in tab.message.text()


def test_a_lost_answer_still_orders_once(
    qtbot: Any, clinic: tuple[Documents, DemoPortal, Path]
) -> None:
    documents, portal, _db = clinic
    before = len(orders_on(portal))
    portal.faults.add(drop_answer=True, count=1, path_contains="/Task")
    placed = order(qtbot, documents, "extract-027u", MAIN, "electronic")
    assert placed.stage == READY
    assert len(orders_on(portal)) == before + 1


def test_a_paper_copy_carries_the_chosen_records(
    qtbot: Any, clinic: tuple[Documents, DemoPortal, Path]
) -> None:
    documents, portal, _db = clinic
    card = CardTab(documents.ctx)
    card.resize(1100, 700)
    card.show()
    try:
        qtbot.waitUntil(lambda: card.model.rowCount() > 5, timeout=20_000)
        selection = card.table.selectionModel()
        chosen = [1, 3, 4]
        for row in chosen:
            selection.select(
                card.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        records = card.selected_records()
        assert len(records) == len(chosen)
        dialog = card.request_paper_copy()
        copyable = [ref for ref, _title in dialog.records]
        assert copyable and dialog.list.count() == len(copyable)
        with qtbot.waitSignal(dialog.orders.sent, timeout=30_000) as sent:
            dialog.send_button.click()
        placed = sent.args[0]
        task = portal.store.get("Task", placed.task_id)
        sent_records = [
            i["valueReference"]["reference"] for i in task["input"] if "valueReference" in i
        ]
        assert sent_records == copyable
        assert placed.stage == IN_PROGRESS
        # Where and when: the clinic's registry, its address and hours, due today.
        assert "Часы работы" in dialog.outcome.text()
        assert placed.due is not None
        dialog.close()
    finally:
        card.close()
        card.deleteLater()
