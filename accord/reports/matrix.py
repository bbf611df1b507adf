"""The matrix through a spreadsheet, by file name: export a biennium to .xlsx or .csv,
preview or apply the import of such a file. The CLI and the pages call these.

Reads/writes: see ``matrix_table`` (export), ``matrix_import`` (plan and apply),
``matrix_xlsx`` and ``matrix_csv`` (the file formats).
"""

from __future__ import annotations

from pathlib import Path

from accord.cooperation.models import Biennium, Framework
from accord.core.limits import LimitExceeded, run_limited
from accord.reports import matrix_csv
from accord.reports.matrix_import import ImportPlan, Problem, apply_import, plan_import
from accord.reports.matrix_table import export_table

FORMATS = {".xlsx": "xlsx", ".csv": "csv"}
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


class UnknownFormat(ValueError):
    """The file name ends neither in .xlsx nor in .csv."""


def format_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in FORMATS:
        raise UnknownFormat(
            f"{name}: the matrix is exported and imported as .xlsx or .csv, not “{suffix or name}”"
        )
    return FORMATS[suffix]


def export_matrix(biennium: Biennium, fmt: str, *, user) -> bytes:
    from accord.reports import matrix_xlsx  # openpyxl (and numpy) only when a file is made

    table = export_table(biennium, user=user)
    return matrix_xlsx.write_xlsx(table) if fmt == "xlsx" else matrix_csv.write_csv(table)


def export_filename(biennium: Biennium, fmt: str) -> str:
    return f"matrix-{biennium.framework.slug}-{biennium.label}.{fmt}"


def import_matrix(
    data: bytes | Path,
    fmt: str,
    *,
    user,
    apply: bool = False,
    framework: Framework | None = None,
    biennium: Biennium | None = None,
    confirmed: dict[str, list] | None = None,
    limited: bool = False,
) -> ImportPlan:
    """Read ``data`` (bytes or a path) and return the plan; with ``apply``, write it (raising
    ``ImportRejected`` with the problems, nothing written, when the file is not valid).
    An unreadable file gives a plan with one problem. ``framework`` and ``biennium``
    serve files without those columns; ``confirmed`` is the preview the user accepted
    (see ``plan_import``); ``limited`` reads the file within the job limits
    (``core.limits.run_limited``: a child process with a time and memory cap)."""
    from accord.reports import matrix_xlsx  # openpyxl (and numpy) only when a file is read

    reader = matrix_xlsx if fmt == "xlsx" else matrix_csv
    try:
        if limited:
            header, rows = run_limited(reader.read_rows, data)
        else:
            header, rows = reader.read_rows(data)
    except (ValueError, LimitExceeded) as exc:
        plan = ImportPlan(framework=framework)
        plan.problems.append(Problem(0, "", str(exc)))
        if apply:
            apply_import(plan, user=user)
        return plan
    plan = plan_import(
        header, rows, user=user, framework=framework, biennium=biennium, confirmed=confirmed
    )
    if apply:
        apply_import(plan, user=user)
    return plan


def find_biennium(framework_slug: str, label: str) -> Biennium:
    """The biennium "2018-2019" of framework ``framework_slug``; ``Biennium.DoesNotExist``
    with a readable message otherwise."""
    framework = Framework.objects.filter(slug=framework_slug).first()
    if framework is None:
        known = ", ".join(Framework.objects.values_list("slug", flat=True)) or "none"
        raise Biennium.DoesNotExist(f"no framework “{framework_slug}” (known: {known})")
    start, _, end = label.partition("-")
    found = Biennium.objects.filter(
        framework=framework,
        start_year=start if start.isdigit() else -1,
        end_year=end if end.isdigit() else -1,
    ).first()
    if found is None:
        known = ", ".join(b.label for b in framework.bienniums.all()) or "none"
        raise Biennium.DoesNotExist(f"no biennium “{label}” in {framework_slug} (known: {known})")
    return found
