"""Merging a fresh read of the card into the rows on screen (issue 19).

While a sync commits pages, the card re-reads its first rows and merges them in with row
insert/remove notifications instead of a model reset, so a view keeps its selection
(persistent indexes move with their rows) and can keep the row the user looks at in view.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex

from desktop.services.cache import TimelineRow


def record_key(row: TimelineRow) -> tuple[str, str]:
    """What names a record across re-reads (its row id changes when it is re-projected)."""
    return (row.resource_type, row.resource_id)


def merge_rows(
    model: QAbstractTableModel,
    current: list[TimelineRow],
    fresh: list[TimelineRow],
    window_full: bool,
) -> None:
    """Make `current` (the model's rows) equal to `fresh` + the rows beyond its window,
    with row insert/remove notifications, so views keep their selection and position.

    `fresh` is the first rows of the query now; when it filled its window, rows held but
    not in it lie further down (kept at the end, where they still belong); otherwise a
    row missing from it is gone."""
    wanted = {record_key(r) for r in fresh}
    target = list(fresh)
    if window_full:
        target += [r for r in current if record_key(r) not in wanted]
    keep = {record_key(r) for r in target}
    row = len(current) - 1
    while row >= 0:  # removals, bottom up, a run at a time
        if record_key(current[row]) in keep:
            row -= 1
            continue
        end = row
        while row >= 0 and record_key(current[row]) not in keep:
            row -= 1
        model.beginRemoveRows(QModelIndex(), row + 1, end)
        del current[row + 1 : end + 1]
        model.endRemoveRows()
    held = {record_key(r) for r in current}
    position = 0
    while position < len(target):  # insertions, a run at a time, where they belong
        if record_key(target[position]) in held:
            position += 1
            continue
        end = position
        while end < len(target) and record_key(target[end]) not in held:
            end += 1
        model.beginInsertRows(QModelIndex(), position, end - 1)
        current[position:position] = target[position:end]
        model.endInsertRows()
        position = end
    if [record_key(r) for r in current] != [record_key(r) for r in target]:
        _reorder(model, current, target)  # a record's date changed: same rows, new order
        return
    changed = [i for i, r in enumerate(target) if r != current[i]]
    current[:] = target
    if changed:
        last = model.columnCount() - 1
        model.dataChanged.emit(model.index(min(changed), 0), model.index(max(changed), last))


def _reorder(
    model: QAbstractTableModel, current: list[TimelineRow], target: list[TimelineRow]
) -> None:
    model.layoutAboutToBeChanged.emit()
    where = {record_key(r): i for i, r in enumerate(target)}
    moved_from, moved_to = [], []
    for index in model.persistentIndexList():
        if 0 <= index.row() < len(current):
            moved_from.append(index)
            moved_to.append(model.index(where[record_key(current[index.row()])], index.column()))
    current[:] = target
    model.changePersistentIndexList(moved_from, moved_to)
    model.layoutChanged.emit()
