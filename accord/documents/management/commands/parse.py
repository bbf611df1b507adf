"""`accord parse FILE [--format json|akn]`: the parser's own command line
(`python -m resolutions parse`), reachable from the `accord` script."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Parse a resolution (PDF, .docx, HTML, text) and print it as JSON or Akoma Ntoso."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--format", choices=("json", "akn"), default="json")
        parser.add_argument("-o", "--output", metavar="DIR", help="write one file per input here")

    def handle(self, *args, **options):
        from resolutions.__main__ import main

        argv = ["parse", *options["files"], "--format", options["format"]]
        if options["output"]:
            argv += ["-o", options["output"]]
        code = main(argv)
        if code:
            sys.exit(code)
