"""The matrix as an Excel workbook (.xlsx, openpyxl), and back.

``write_xlsx(table)`` reads a ``MatrixTable`` and returns the workbook's bytes:
sheet "Matrix" (frozen bold header row, readable widths, wrapped text, one row per
activity, the hidden Framework and Version columns, drop-down lists for priority area,
status, the leads and the biennium), sheet "Codes" (the codes and names a row may use)
and the hidden sheet "Lists" the drop-downs point to.

``read_rows(data)`` reads the bytes of such a workbook (edited or not) and returns
``(header, rows)`` for ``matrix_import.plan_import``. Writes nothing.
"""

from __future__ import annotations

import datetime
import io

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from accord.core.text import FORMULA_START, strip_controls
from accord.core.uploads import FileRefused, check_zip
from accord.reports.matrix_limits import MAX_COLUMNS, bounded_rows
from accord.reports.matrix_table import COLUMNS, MatrixTable

MATRIX_SHEET = "Matrix"
LIST_SHEET = "Lists"
CODES_SHEET = "Codes"


class UnreadableFile(ValueError):
    """The bytes are not a workbook this module can read."""


_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


def write_xlsx(table: MatrixTable) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = MATRIX_SHEET
    n = _write_matrix_sheet(ws, table)
    _write_lists(wb, ws, table, last_row=max(n, 2) + 500)  # room for rows the user adds
    _write_codes(wb.create_sheet(CODES_SHEET), table)
    wb.properties.title = f"Matrix {table.framework.slug} {table.biennium.label}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _write_matrix_sheet(ws, table: MatrixTable) -> int:
    """The header and one row per activity, with widths, formats and the filter; returns
    the number of the last row written."""
    ws.append(table.header)
    for cell in ws[1]:
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for row in table.rows:
        _append(ws, row)
    n = len(table.rows) + 1
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        ws.column_dimensions[letter].hidden = column.hidden
        if column.name in ("start_on", "end_on"):
            for (cell,) in ws.iter_rows(min_row=2, max_row=n, min_col=index, max_col=index):
                cell.number_format = "yyyy-mm-dd"
        elif column.name in ("title", "description", "participants"):
            for (cell,) in ws.iter_rows(min_row=2, max_row=n, min_col=index, max_col=index):
                cell.alignment = wrap
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{n}"
    return n


def _write_lists(wb, ws, table: MatrixTable, *, last_row: int) -> None:
    """The hidden sheet of allowed values, and the drop-downs of ``ws`` pointing to it
    down to ``last_row``."""
    lists = wb.create_sheet(LIST_SHEET)
    for index, (name, values) in enumerate(table.lists.items(), start=1):
        letter = get_column_letter(index)
        lists.cell(row=1, column=index, value=name)
        for r, value in enumerate(values, start=2):
            lists.cell(row=r, column=index, value=value)
        column = next((c for c in COLUMNS if c.list_name == name), None)
        if column is None or not values:
            continue
        target = get_column_letter(COLUMNS.index(column) + 1)
        dv = DataValidation(
            type="list",
            formula1=f"{LIST_SHEET}!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=column.header,
            error=f"Choose a value from the list ({column.header}).",
        )
        dv.add(f"{target}2:{target}{last_row}")
        ws.add_data_validation(dv)
    lists.sheet_state = "hidden"


def _write_codes(codes, table: MatrixTable) -> None:
    """The reference sheet: the codes and names a row may use, then what each column
    takes."""
    codes.append(["Kind", "Code", "Name"])
    for cell in codes[1]:
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
    for kind, code, name in table.codes:
        _append(codes, [kind, code, name])
    codes.append([])
    codes.append(["column", "Column", "What to write"])
    for column in COLUMNS:
        codes.append(["column", column.header, _HELP.get(column.name, "")])
    for letter, width in (("A", 26), ("B", 22), ("C", 70)):
        codes.column_dimensions[letter].width = width
    codes.freeze_panes = "A2"


def _append(ws, row) -> None:
    """Append ``row`` with every text cell kept as text: control characters removed
    (an .xlsx cannot hold them) and a text starting like a formula stored as a string,
    never as a formula (OWASP's CSV-injection advice)."""
    ws.append([strip_controls(v) if isinstance(v, str) else v for v in row])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
            cell.data_type = "s"


_HELP = {
    "code": "Stable code of the activity; a new code creates an activity.",
    "priority_area": "A priority area from the list (its name or code).",
    "status": "planned, ongoing, completed, postponed or cancelled.",
    "un_lead": "The UN-side lead entity (acronym or name).",
    "partner_lead": "The partner-side lead entity (acronym or name).",
    "participants": "Other entities, separated by semicolons.",
    "start_on": "A date, YYYY-MM-DD.",
    "end_on": "A date, YYYY-MM-DD.",
    "sdg_targets": "SDG target codes separated by semicolons, e.g. 16.6; 17.a.",
    "biennium": "The biennium, e.g. 2018-2019.",
    "version": "Hidden: the version exported; do not edit.",
}


def read_rows(source) -> tuple[list, list[tuple[int, list]]]:
    """The header and the rows (with their row numbers) of the first sheet, or of the
    sheet named "Matrix" when there is one. ``source`` is bytes, a path or a binary
    file; the zip is checked (``check_zip``) before anything is extracted and rows are
    streamed (openpyxl read-only), at most ``ACCORD_MAX_IMPORT_ROWS`` of them."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    check_zip(source)
    try:
        wb = load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a bad file
        raise UnreadableFile(
            f"not an Excel .xlsx workbook ({exc.__class__.__name__}: {exc})"
        ) from exc
    try:
        ws = wb[MATRIX_SHEET] if MATRIX_SHEET in wb.sheetnames else wb.worksheets[0]
        rows = ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)
        header = list(next(rows, []) or [])
        body = bounded_rows([_plain(c) for c in cells] for cells in rows)
    except FileRefused:
        raise
    except Exception as exc:  # a broken sheet fails while it streams
        raise UnreadableFile(
            f"not an Excel .xlsx workbook ({exc.__class__.__name__}: {exc})"
        ) from exc
    finally:
        wb.close()
    return header, body


def _plain(value):
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        return value.date()
    return value
