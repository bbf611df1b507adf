"""accord reindex: rebuild the search index from every row (after an upgrade, a restore,
or rows written around Accord)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from accord.search.index import reindex


class Command(BaseCommand):
    help = "Rebuild the search index from the rows."

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = reindex()
        total = sum(counts.values())
        detail = ", ".join(f"{kind} {n}" for kind, n in counts.items())
        seconds = time.perf_counter() - started
        self.stdout.write(f"Indexed {total} entries in {seconds:.1f} s ({detail}).")
