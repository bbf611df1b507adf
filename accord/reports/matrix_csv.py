"""The matrix as CSV (UTF-8 with a byte-order mark so that Excel opens accents and
Arabic right), and back: the same columns as the workbook, Framework and Version
included.

``write_csv(table)`` reads a ``MatrixTable``, returns bytes. ``read_rows(data)`` reads
CSV bytes (comma or semicolon separated), returns ``(header, rows)`` numbered as a
spreadsheet numbers them. Writes nothing.
"""

from __future__ import annotations

import csv
import io

from accord.reports.matrix_table import MatrixTable, cell_text


class UnreadableFile(ValueError):
    """The bytes are not CSV text."""


def write_csv(table: MatrixTable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow([cell_text(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def read_rows(data: bytes) -> tuple[list, list[tuple[int, list]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"not UTF-8 text (byte {exc.start}); save the CSV as UTF-8") from exc
    if "\x00" in text:
        raise UnreadableFile("not a CSV text file")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, [])
    # Row numbers count records, as a spreadsheet shows them (a cell with line breaks
    # is still one row), the header being row 1.
    return header, list(enumerate(reader, start=2))
