"""Time the parser on text: text -> Resolution -> JSON and Akoma Ntoso.

    .venv/bin/python bench/parse_text.py            # figures
    .venv/bin/python bench/parse_text.py --profile  # and the 20 costliest functions

Reads the 44 text layers of ../shared/corpus/text (the files are read once,
before timing: this measures parsing, not the disk). Prints:

* the median time, over --runs runs, for the corpus resolution closest to
  15,000 characters (target: 5 ms or less on one core), split into parse,
  JSON and AKN;
* the median time, over 5 runs, for all 44 texts (target: under 1 s).

Runs in one process, so on one core. Figures taken while other work runs on
the machine are pessimistic.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resolutions import to_akn, to_json  # noqa: E402
from resolutions.pipeline import parse_text  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "text"
TARGET_CHARS = 15_000


def text_to_outputs(text: str, clock=time.process_time) -> tuple[float, float, float]:
    t0 = clock()
    resolution = parse_text(text)
    t1 = clock()
    to_json(resolution)
    t2 = clock()
    to_akn(resolution)
    t3 = clock()
    return t1 - t0, t2 - t1, t3 - t2


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: the corpus is absent ({CORPUS})")
        return 0
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    name = min(texts, key=lambda n: abs(len(texts[n]) - TARGET_CHARS))
    text = texts[name]
    for _ in range(10):  # warm up: imports, gazetteer, schema caches
        text_to_outputs(text)
    med = statistics.median
    print(f"one resolution: {name} ({len(text):,} characters), median of {args.runs} runs")
    for label, clock in (("CPU time", time.process_time), ("wall time", time.perf_counter)):
        parts = [text_to_outputs(text, clock) for _ in range(args.runs)]
        print(
            f"  {label}: parse {med(p[0] for p in parts) * 1e3:.2f} ms + JSON "
            f"{med(p[1] for p in parts) * 1e3:.2f} ms + AKN {med(p[2] for p in parts) * 1e3:.2f} ms"
            f" = {med(sum(p) for p in parts) * 1e3:.2f} ms (target <= 5 ms)"
        )
    chars = sum(len(t) for t in texts.values())
    for label, clock in (("CPU time", time.process_time), ("wall time", time.perf_counter)):
        passes = []
        for _ in range(5):
            t0 = clock()
            for t in texts.values():
                text_to_outputs(t, clock)
            passes.append(clock() - t0)
        print(
            f"all {len(texts)} texts ({chars:,} characters), {label}: {med(passes):.3f} s, median of 5 (target < 1 s)"
        )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for t in texts.values():
            text_to_outputs(t)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
