"""Test helper: change printed values in a pipe-layout report, as a careless clerk would."""

from __future__ import annotations


def set_row(text: str, label: str, values: tuple[object, ...]) -> tuple[str, int]:
    """Replace the values after the first row whose cells include ``label``; return its line."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        cells = [c.strip() for c in line.split("|")]
        if label in cells:
            at = cells.index(label) + 1
            cells[at : at + len(values)] = ["" if v is None else str(v) for v in values]
            lines[i] = " | ".join(cells)
            return "\n".join(lines), i + 1
    raise KeyError(label)


def set_values_row(text: str, values: tuple[object, ...]) -> tuple[str, int]:
    """Replace 表四's label-less row of values."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        cells = [c.strip() for c in line.split("|")]
        if len(cells) >= 15 and all(c.isdigit() or c == "" for c in cells) and cells[0]:
            lines[i] = " | ".join(str(v) for v in values) + " |"
            return "\n".join(lines), i + 1
    raise KeyError("values row")
