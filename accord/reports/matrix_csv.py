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
import itertools

from accord.core.text import spreadsheet_text, unescape_spreadsheet_text
from accord.reports.matrix_limits import MAX_COLUMNS, bounded_rows
from accord.reports.matrix_table import MatrixTable, cell_text


class UnreadableFile(ValueError):
    """The bytes are not CSV text."""


def write_csv(table: MatrixTable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow([spreadsheet_text(cell_text(v)) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def read_rows(source) -> tuple[list, list[tuple[int, list]]]:
    """``source`` is bytes, a path or a binary file; the text is read as a stream, at
    most ``ACCORD_MAX_IMPORT_ROWS`` rows."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    elif not hasattr(source, "read"):
        source = open(source, "rb")  # noqa: SIM115 (closed below)
    with source, io.TextIOWrapper(source, encoding="utf-8-sig", newline="") as text:
        try:
            first = text.readline()
            if "\x00" in first:
                raise UnreadableFile("not a CSV text file")
            delimiter = ";" if first.count(";") > first.count(",") else ","
            lines = itertools.chain([first], text)
            reader = csv.reader(lines, delimiter=delimiter)
            header = next(reader, [])
            # Row numbers count records, as a spreadsheet shows them (a cell with line
            # breaks is still one row), the header being row 1.
            rows = bounded_rows(_cells(reader))
        except UnicodeDecodeError as exc:
            raise UnreadableFile(
                f"not UTF-8 text (byte {exc.start}); save the CSV as UTF-8"
            ) from exc
        except csv.Error as exc:
            raise UnreadableFile(f"not a CSV text file ({exc})") from exc
    return header, rows


def _cells(reader):
    for cells in reader:
        if any("\x00" in c for c in cells):
            raise UnreadableFile("not a CSV text file")
        yield [unescape_spreadsheet_text(c) for c in cells[:MAX_COLUMNS]]
