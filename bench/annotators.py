"""Time the annotators (citations, entities, mandates) on the corpus texts.

    .venv/bin/python bench/annotators.py

Each corpus text is parsed once by the pipeline; then find_citations,
find_entities and find_mandates run on its paragraphs (the heading block for
citations too), repeated, and the best of the repeats is kept, in CPU time of this
process (time.process_time), so other processes on a shared machine disturb
the figure less than wall time; on an idle core the two agree. Prints the figures for
A/RES/73/135 and the total over all texts, scaled to 15,000 characters of
paragraph text. Automata and patterns are built before timing (once per process).
"""

from __future__ import annotations

import sys
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resolutions import pipeline  # noqa: E402
from resolutions.citations import find_citations  # noqa: E402
from resolutions.entities import find_entities  # noqa: E402
from resolutions.mandates import find_mandates  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "text"


def best_ms(fn, number: int = 5, repeat: int = 5) -> float:
    """Best of `repeat` runs, in CPU milliseconds of this process per call."""
    times = timeit.repeat(fn, number=number, repeat=repeat, timer=time.process_time)
    return min(times) / number * 1000


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"the corpus is absent: {CORPUS}")
    rows = []
    for path in sorted(CORPUS.glob("*.txt")):
        res = pipeline.run_stage(pipeline.read(path))
        paragraphs = [(p.id, p.text) for p in (*res.preamble, *res.operative)]
        with_heading = [(None, res.title), *paragraphs]
        entities = find_entities(paragraphs)
        size = sum(len(t) for _, t in paragraphs)
        rows.append(
            (
                path.name,
                size,
                best_ms(lambda w=with_heading: find_citations(w)),
                best_ms(lambda p=paragraphs: find_entities(p)),
                best_ms(lambda o=res.operative, e=entities: find_mandates(o, e)),
            )
        )
    print(f"{'file':22} {'chars':>7} {'citations':>10} {'entities':>9} {'mandates':>9}  (ms)")
    for name, size, c, e, m in rows:
        if name == "A_RES_73_135.txt":
            print(f"{name:22} {size:7d} {c:10.3f} {e:9.3f} {m:9.3f}  total {c + e + m:.3f} ms")
    total_chars = sum(r[1] for r in rows)
    sums = [sum(r[i] for r in rows) for i in (2, 3, 4)]
    print(
        f"{'all ' + str(len(rows)) + ' texts':22} {total_chars:7d} "
        f"{sums[0]:10.2f} {sums[1]:9.2f} {sums[2]:9.2f}  total {sum(sums):.2f} ms"
    )
    per = [s / total_chars * 15000 for s in sums]
    print(
        f"{'per 15,000 chars':22} {'':7} {per[0]:10.3f} {per[1]:9.3f} {per[2]:9.3f}  "
        f"total {sum(per):.3f} ms"
    )


if __name__ == "__main__":
    main()
