"""Label/value rows of a framed card (the clinic, the policy): a row whose value is empty
hides with its label, and a label sits beside the first line of a wrapped value."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


def value_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class LabelledRows:
    def __init__(self, parent: QWidget, prefix: str, rows: tuple[str, ...]) -> None:
        self.rows = rows
        self.values = {row: value_label(parent, f"{prefix}_{row}") for row in rows}
        self.labels = {row: QLabel(parent) for row in rows}
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        for label in self.labels.values():
            label.setAlignment(top_left)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(top_left)
        self.form.setVerticalSpacing(6)
        for row in rows:
            self.form.addRow(self.labels[row], self.values[row])

    def show(self, values: dict[str, str]) -> None:
        """Each row's text; a row missing from `values` (or empty) is hidden."""
        for row in self.rows:
            text = values.get(row, "")
            self.values[row].setText(text)
            self.values[row].setVisible(bool(text))
            self.labels[row].setVisible(bool(text))

    def value(self, row: str) -> str:
        """The text shown in a row (empty when the row is hidden)."""
        label = self.values[row]
        return label.text() if not label.isHidden() else ""

    def set_labels(self, texts: dict[str, str]) -> None:
        for row, text in texts.items():
            self.labels[row].setText(text)
