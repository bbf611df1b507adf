"""accord report sg|review-pack: the Secretary-General's report and the review pack of
a general meeting, as Word, PDF or HTML, in English, French or Arabic.

    accord report sg --framework un-oic --from 2018-09 --to 2020-08 --format docx --lang fr -o sg.docx
    accord report sg --all-frameworks --from 2018-09 --to 2020-08 --format pdf -o combined.pdf
    accord report review-pack --meeting 12 --format pdf -o pack.pdf

Reads the framework's data (see ``accord.reports.sg_report`` and ``review_pack``);
writes the file (default name: sg-<framework>-<from>-<to>-<lang>.<format>).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accord.cooperation.models import Framework, Meeting
from accord.reports.combined import build_combined_report
from accord.reports.phrases import LANGUAGES
from accord.reports.render import render
from accord.reports.review_pack import build_review_pack
from accord.reports.sg_report import build_sg_report, parse_month


class Command(BaseCommand):
    help = "Generate the Secretary-General's report (sg) or a general meeting's review pack (review-pack)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="sg|review-pack")
        sg = sub.add_parser(
            "sg", help="The draft report of the Secretary-General on the state of cooperation."
        )
        sg.add_argument("--framework", default="un-oic", help="framework slug (default: un-oic)")
        sg.add_argument(
            "--all-frameworks",
            action="store_true",
            help="the combined report: one chapter per framework, in agenda sub-item order",
        )
        sg.add_argument("--from", dest="start", required=True, help="first month, YYYY-MM")
        sg.add_argument("--to", dest="end", required=True, help="last month, YYYY-MM")
        pack = sub.add_parser("review-pack", help="The review pack of a general meeting.")
        pack.add_argument("--meeting", required=True, type=int, help="the meeting's id")
        for p in (sg, pack):
            p.add_argument("--format", choices=("docx", "pdf", "html"), default="docx")
            p.add_argument("--lang", choices=LANGUAGES, default="en")
            p.add_argument("-o", "--output", help="the file to write")

    def handle(self, *args, **options):
        fmt, lang = options["format"], options["lang"]
        if options["action"] == "sg":
            doc, name = self._sg(options, fmt, lang)
        else:
            meeting = Meeting.objects.filter(pk=options["meeting"]).first()
            if meeting is None:
                raise CommandError(f"no meeting with id {options['meeting']}")
            doc = build_review_pack(meeting, lang)
            name = f"review-pack-{meeting.pk}-{lang}.{fmt}"
        out = Path(options["output"] or name)
        out.write_bytes(render(doc, fmt))
        self.stdout.write(f"Wrote {out}.")

    def _sg(self, options, fmt: str, lang: str):
        try:
            start, end = parse_month(options["start"]), parse_month(options["end"], end=True)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if end < start:
            raise CommandError("--to is before --from")
        period = f"{options['start']}-{options['end']}-{lang}.{fmt}"
        if options["all_frameworks"]:
            return build_combined_report(start, end, lang), f"sg-combined-{period}"
        framework = Framework.objects.filter(slug=options["framework"]).first()
        if framework is None:
            raise CommandError(f"no framework “{options['framework']}”")
        return build_sg_report(framework, start, end, lang), f"sg-{framework.slug}-{period}"
