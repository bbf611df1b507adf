"""accord export iati: the matrix of a biennium as an IATI 2.03 activity file.

    accord export iati --framework un-oic --biennium 2018-2019 -o matrix.xml
    accord export iati --framework un-oic --biennium 2018-2019 --user alice -o all.xml

Without --user the file holds what the public may read (the published activities), which
is what an IATI publisher publishes; with --user, what that user may read. Exits with
status 1, and one line, when the framework, biennium or user is unknown or the biennium
has no activity to publish.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError

from accord.accounts.management.commands._roles import existing_user
from accord.cooperation.models import Biennium
from accord.reports import iati
from accord.reports.matrix import find_biennium


class Command(BaseCommand):
    help = "Export open data: 'iati' writes a biennium's matrix as an IATI 2.03 XML file."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True, metavar="iati")
        out = sub.add_parser("iati", help="a biennium's activities as IATI 2.03 XML")
        out.add_argument("--framework", default="un-oic", help="framework slug (default: un-oic)")
        out.add_argument("--biennium", required=True, help="e.g. 2018-2019")
        out.add_argument("-o", "--output", required=True, help="the .xml file to write")
        out.add_argument(
            "--user", help="export what this user may read (default: what the public may read)"
        )

    def handle(self, *args, **options):
        try:
            biennium = find_biennium(options["framework"], options["biennium"])
        except Biennium.DoesNotExist as exc:
            raise CommandError(str(exc)) from exc
        user = existing_user(options["user"]) if options["user"] else AnonymousUser()
        try:
            body, _type, _name = iati.activity_file(biennium, user)
        except iati.NoActivities as exc:
            raise CommandError(str(exc)) from exc
        path = Path(options["output"])
        path.write_bytes(body)
        count = body.count(b"<iati-activity ")
        self.stdout.write(
            f"{path}: {count} IATI activities of {biennium.framework.slug} {biennium.label}"
        )
