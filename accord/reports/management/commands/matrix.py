"""accord matrix export|import: the matrix of a biennium through a spreadsheet.

    accord matrix export --framework un-oic --biennium 2018-2019 -o matrix.xlsx
    accord matrix import matrix.xlsx                 # preview: what would change
    accord matrix import matrix.xlsx --apply --user alice

Export reads the biennium's activities and writes the file (.xlsx or .csv by its
extension). Import reads the file, prints every change (field by field) or every problem
(row, column, message), and writes only with --apply and only when the whole file is
valid. Exits with status 1 on an invalid file.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accord.accounts.permissions import SYSTEM
from accord.cooperation.models import Biennium, Framework
from accord.reports.matrix import (
    UnknownFormat,
    export_matrix,
    find_biennium,
    format_of,
    import_matrix,
)
from accord.reports.matrix_import import ImportRejected


class Command(BaseCommand):
    help = "Export the matrix of a biennium to .xlsx/.csv, or preview and apply the import of such a file."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="export|import")
        exp = sub.add_parser("export", help="Write a biennium's matrix to FILE (.xlsx or .csv).")
        exp.add_argument("--framework", default="un-oic", help="framework slug (default: un-oic)")
        exp.add_argument("--biennium", required=True, help="e.g. 2018-2019")
        exp.add_argument("-o", "--output", required=True, help="the file to write, .xlsx or .csv")
        imp = sub.add_parser("import", help="Preview (default) or apply the import of FILE.")
        imp.add_argument("file", help="an .xlsx or .csv file of the matrix")
        imp.add_argument(
            "--apply", action="store_true", help="write the changes (default: preview only)"
        )
        imp.add_argument(
            "--framework", help="framework slug, for a file without a Framework column"
        )
        imp.add_argument(
            "--biennium",
            help="e.g. 2018-2019: the biennium of rows whose Biennium cell is "
            "empty (in --framework, default un-oic)",
        )
        imp.add_argument(
            "--user",
            help="the user the changes are made as (their permissions apply); "
            "without it, the command-line operator, with every right",
        )

    def handle(self, *args, **options):
        if options["action"] == "export":
            return self._export(options)
        return self._import(options)

    def _export(self, options):
        try:
            fmt = format_of(options["output"])
            biennium = find_biennium(options["framework"], options["biennium"])
        except (UnknownFormat, Biennium.DoesNotExist) as exc:
            raise CommandError(str(exc)) from exc
        data = export_matrix(biennium, fmt, user=SYSTEM)
        Path(options["output"]).write_bytes(data)
        rows = biennium.activities.count()
        self.stdout.write(
            f"Wrote {options['output']}: {rows} activities of {biennium.framework.slug} {biennium.label}."
        )

    def _import(self, options):
        path = Path(options["file"])
        try:
            fmt = format_of(path.name)
        except UnknownFormat as exc:
            raise CommandError(str(exc)) from exc
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        user = SYSTEM  # no --user: the operator, with every right; history names nobody
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user “{options['user']}”")
        framework = biennium = None
        try:
            if options["biennium"]:
                biennium = find_biennium(options["framework"] or "un-oic", options["biennium"])
            elif options["framework"]:
                framework = Framework.objects.filter(slug=options["framework"]).first()
                if framework is None:
                    raise Biennium.DoesNotExist(f"no framework “{options['framework']}”")
        except Biennium.DoesNotExist as exc:
            raise CommandError(str(exc)) from exc
        try:
            plan = import_matrix(
                path.read_bytes(),
                fmt,
                user=user,
                apply=options["apply"],
                framework=framework,
                biennium=biennium,
            )
        except ImportRejected as exc:
            plan = exc.plan
        for problem in plan.problems:
            self.stderr.write(f"{path.name}: {problem}")
        if plan.problems:
            raise CommandError(
                f"{path.name}: {len(plan.problems)} problem(s); nothing was written.", returncode=1
            )
        for row in plan.rows:
            if row.action == "unchanged":
                continue
            self.stdout.write(f"row {row.row}: {row.action} {row.code}")
            for change in row.changes:
                self.stdout.write(f"    {change.column}: {change.old!r} -> {change.new!r}")
        verb = "Applied" if plan.applied else "Preview (nothing written; add --apply to write)"
        self.stdout.write(f"{verb}: {plan.summary()}.")
