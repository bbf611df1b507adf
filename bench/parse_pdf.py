"""All corpus PDFs to JSON and Akoma Ntoso with resolutions.parse, against bare pypdfium2 extraction of the same files.

    .venv/bin/python bench/parse_pdf.py                # all 350 PDFs of ../shared/corpus/pdf
    .venv/bin/python bench/parse_pdf.py --drafts       # the 152 drafts of ../shared/corpus/drafts
    .venv/bin/python bench/parse_pdf.py --corpus session79 drafts --workers 1
    .venv/bin/python bench/parse_pdf.py --workers 1 --out /tmp/json

Prints, in one run:
  bare      wall time of pdfium's text extraction of every page (textpage.get_text_range),
            in the same process pool, and on one core for reference; the pool extracts a
            batch of 20 files bare, then parses them, batch after batch, so that the
            machine's load weighs alike on both
  parse     wall time of read + clean + segment + annotate + JSON + Akoma Ntoso, with a progress bar
  ratio     parse / bare (target: at most 2); the target for parse is under 10 s wall on 2 cores
  memory    peak resident set size of this process and of the largest worker (target under 400 MB)
  parsed    documents parsed, refused (with the error's kind) and crashes (any other exception)
  numbering how many have operative paragraphs numbered 1..N as printed, irregular with a
            warning that says why, none (amendments), or irregular without a warning
Figures taken while other programs use the cores are pessimistic.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"


def bare_extract(path: str) -> tuple[int, float]:
    """pdfium's text of every page, as bare as it gets; returns the number of pages and the CPU time."""
    import pypdfium2 as pdfium

    cpu = time.process_time()
    pdf = pdfium.PdfDocument(path)
    pages = len(pdf)
    for index in range(pages):
        page = pdf[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()
    return pages, time.process_time() - cpu


def parse_to_json(job: tuple[str, str]) -> tuple[str, str | None, int, str, float]:
    """Parse one PDF and write its JSON and Akoma Ntoso; returns (name, error or None,
    number of warnings, how its operative paragraphs are numbered, CPU time)."""
    cpu = time.process_time()
    name, error, warnings, numbering = _parse_to_json(job)
    return name, error, warnings, numbering, time.process_time() - cpu


def _parse_to_json(job: tuple[str, str]) -> tuple[str, str | None, int, str]:
    import resolutions

    path, out_dir = job
    name = Path(path).stem
    try:
        resolution = resolutions.parse(Path(path))
    except resolutions.ResolutionError as exc:
        return name, f"{type(exc).__name__}: {exc}", 0, ""
    except Exception as exc:  # reported, not hidden: the bench counts them
        return name, f"UNEXPECTED {type(exc).__name__}: {exc}", 0, ""
    Path(out_dir, f"{name}.json").write_text(resolutions.to_json(resolution), encoding="utf-8")
    Path(out_dir, f"{name}.akn.xml").write_text(resolutions.to_akn(resolution), encoding="utf-8")
    return name, None, len(resolution.warnings), numbering(resolution)


def numbering(resolution) -> str:
    """'1..N' when the operative paragraphs run 1 to N (or are one unnumbered paragraph, as
    in 79/14 and a draft decision), 'none' when there are none (an amendment),
    'explained' when the numbering is irregular and a warning says why, else 'unexplained'."""
    numbers = [p.number for p in resolution.operative]
    if not numbers:
        return "none"
    if numbers == [None] or numbers == list(range(1, len(numbers) + 1)):
        return "1..N"
    return "explained" if any("number" in w for w in resolution.warnings) else "unexplained"


def _warm_up() -> None:
    import resolutions  # noqa: F401  (import the parser and its data once per worker, outside the timing)
    from resolutions import gazetteer  # noqa: F401


SETS = {
    "pdf": ("pdf", "*.pdf"),  # the 350 resolutions of ../shared/corpus/pdf
    "session79": ("pdf", "A_RES_79_*.pdf"),  # the 331 resolutions of the seventy-ninth session
    "drafts": ("drafts", "*.pdf"),  # the 152 drafts of the eightieth session
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--out", type=Path, help="folder for the JSON files (default: a temporary folder)"
    )
    parser.add_argument("--limit", type=int)
    parser.add_argument(
        "--corpus",
        nargs="+",
        choices=sorted(SETS),
        default=["pdf"],
        help="sets of PDFs, each measured apart",
    )
    parser.add_argument("--drafts", action="store_true", help="the same as --corpus drafts")
    args = parser.parse_args()
    for name in ["drafts"] if args.drafts else args.corpus:
        folder, pattern = SETS[name]
        if not (CORPUS / folder).is_dir():
            sys.exit(f"the corpus is absent: {CORPUS / folder}")
        paths = sorted(
            (str(p) for p in (CORPUS / folder).glob(pattern)), key=os.path.getsize, reverse=True
        )
        out_dir = args.out / name if args.out else Path(tempfile.mkdtemp(prefix="accord-json-"))
        out_dir.mkdir(parents=True, exist_ok=True)
        print(f"== {name}: {CORPUS / folder / pattern}")
        measure(paths[: args.limit] if args.limit else paths, args.workers, out_dir)


BATCH = 20  # files measured bare, then parsed, batch after batch


def measure(paths: list[str], workers: int, out_dir: Path) -> None:
    """Bare extraction and the whole parse of these PDFs, side by side in one pool; prints the figures.

    The pool extracts a batch of BATCH files bare, then parses the same batch, and so on:
    the machine's load changes within seconds on a shared machine, and measured in two
    passes of their own (all bare, then all parsed) the CPU ratio moved by 0.4 between runs.
    """
    from tqdm import tqdm

    start = time.perf_counter()
    pages = sum(bare_extract(p)[0] for p in paths)
    bare_one_core = time.perf_counter() - start

    bare = wall = bare_cpu = 0.0
    results: list = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
        list(pool.map(_noop, range(workers)))  # start the workers before timing
        progress = tqdm(total=len(paths), unit="pdf", desc="parse")
        for at in range(0, len(paths), BATCH):
            batch = paths[at : at + BATCH]
            chunk = max(1, len(batch) // (workers * 4))
            start = time.perf_counter()
            bare_cpu += sum(cpu for _, cpu in pool.map(bare_extract, batch, chunksize=chunk))
            bare += time.perf_counter() - start
            start = time.perf_counter()
            jobs = [(p, str(out_dir)) for p in batch]
            results.extend(pool.map(parse_to_json, jobs, chunksize=chunk))
            wall += time.perf_counter() - start
            progress.update(len(batch))
        progress.close()
    print(f"{len(paths)} PDFs, {pages} pages, {workers} workers; JSON in {out_dir}")
    print(f"bare extraction   {bare:6.2f} s wall in the pool   ({bare_one_core:.2f} s on one core)")
    print(f"parse to JSON+AKN {wall:6.2f} s wall              (target < 10 s)")
    print(
        f"ratio             {wall / bare:6.2f} x bare in the pool  ({wall / bare_one_core:.2f} x bare on one core; target <= 2)"
    )
    report(results, bare_cpu, workers)


def report(results: list, bare_cpu: float, workers: int) -> None:
    """CPU time, memory, what was parsed or refused, and how the paragraphs are numbered."""
    errors = Counter(error.split(":")[0] for _, error, *_ in results if error)
    warned = sum(1 for _, error, w, *_ in results if not error and w)
    numbered = Counter(n for _, error, _, n, _ in results if not error)
    parse_cpu = sum(cpu for *_, cpu in results)
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"per document      {1000 * parse_cpu / len(results):6.1f} ms CPU")
    print(
        f"CPU time          {parse_cpu:6.2f} s parse, {bare_cpu:.2f} s bare extraction: "
        f"{parse_cpu / bare_cpu:.2f} x (a ratio that load from other programs does not skew; target <= 1.3)"
    )
    print(
        f"peak memory       {self_mb:6.0f} MB this process, {child_mb:.0f} MB the largest worker, "
        f"{self_mb + workers * child_mb:.0f} MB at most together (target < 400 MB)"
    )
    crashes = sum(n for kind, n in errors.items() if kind.startswith("UNEXPECTED"))
    print(
        f"parsed            {len(results) - sum(errors.values())} ok ({warned} with warnings); "
        f"refused: {dict(errors) or 0}; crashes: {crashes}"
    )
    print(
        f"numbering         {numbered['1..N']} run 1..N as printed, {numbered['explained']} irregular "
        f"with a warning saying why, {numbered['none']} without operative paragraphs (amendments), "
        f"{numbered['unexplained']} unexplained"
    )
    for name, error, _, kind, _ in results:
        if (error and error.startswith("UNEXPECTED")) or kind == "unexplained":
            print(f"  {name}: {error or 'numbering unexplained'}")


def _noop(_: int) -> None:
    return None


if __name__ == "__main__":
    main()
