"""`accord bootstrap FILE [--yes] [--framework SLUG] [--user NAME]`: set up a framework
from a resolution (see docs/bootstrap.md).

Reads the resolution file; writes the framework and everything the resolution names,
recorded in history under the system user "bootstrap" (or --user). Proposals the
parser is unsure of go to the review list unless --yes. A refused file ends with a
one-line error and exit status 1, and nothing written.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from accord.accounts.permissions import SYSTEM
from accord.documents.bootstrap.proposals import REVIEW_THRESHOLD


class Command(BaseCommand):
    help = (
        "Set up (or extend) the framework of a 'Cooperation between the United Nations and ...' "
        "resolution: organizations, entities, priority areas, agreements, meetings, mandates and the "
        "report as an action item. Unsure proposals go to the review list unless --yes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="the resolution: PDF, .docx, HTML or text")
        parser.add_argument(
            "--yes", action="store_true", help="confirm every proposal, the unsure ones too"
        )
        parser.add_argument(
            "--framework",
            metavar="SLUG",
            help='the framework to add to (e.g. "un-oic"); default: the one of the partner '
            "the title names",
        )
        parser.add_argument(
            "--user",
            metavar="NAME",
            help="record the changes under this user, who must be an administrator or a coordinator "
            'of the framework (default: the system user "bootstrap")',
        )
        parser.add_argument(
            "--threshold",
            type=float,
            default=REVIEW_THRESHOLD,
            help=f"confidence below which a proposal needs review (default {REVIEW_THRESHOLD})",
        )

    def handle(self, *args, **options):
        from accord.documents.services import BootstrapError, resolution_import

        if not 0 <= options["threshold"] <= 1:
            raise CommandError("--threshold is a confidence between 0 and 1")
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user named {options['user']!r}")
        else:
            user = SYSTEM  # the operator: every right, recorded as the user "bootstrap"
        try:
            result = resolution_import(
                source=options["file"],
                user=user,
                framework=options["framework"],
                confirm_all=options["yes"],
                threshold=options["threshold"],
            )
        except (BootstrapError, PermissionDenied) as exc:
            raise CommandError(str(exc)) from exc
        self._report(result)

    def _report(self, result) -> None:
        out = self.stdout
        out.write(
            f"{result.resolution.symbol} -> framework {result.framework.slug} ({result.framework.name})"
        )
        for kind in (
            "organization",
            "entity",
            "priority_area",
            "agreement",
            "meeting",
            "mandate",
            "action_item",
            "paragraph",
            "citation",
        ):
            counts = result.counts.get(kind)
            if counts:
                out.write(
                    f"  {kind.replace('_', ' ')}: "
                    + ", ".join(f"{n} {what}" for what, n in sorted(counts.items()))
                )
        if result.lineage.linked:
            out.write("  series: " + "; ".join(f"{a} -> {b}" for a, b in result.lineage.linked))
        if result.lineage.repeated or result.lineage.dropped:
            out.write(
                f"  older mandates superseded: {result.lineage.repeated} repeated, "
                f"{result.lineage.dropped} no longer repeated"
            )
        if result.confirmed:
            out.write(f"  review items confirmed: {result.confirmed}")
        if result.queued:
            out.write(f"  to review ({len(result.queued)}):")
            for item in result.queued:
                out.write(
                    f"    [{item.confidence:.2f}] {item.kind}: {item.label} ({item.paragraph or '-'}) {item.reason}"
                )
