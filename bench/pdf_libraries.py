"""Compare PDF text extractors on the corpus: time, and fidelity to the corpus text layers.

    .venv/bin/python bench/pdf_libraries.py                 # all 350 PDFs; pdfplumber on the 40 with a text layer
    .venv/bin/python bench/pdf_libraries.py --plumber-all    # pdfplumber on all 350 too (about 6 minutes)
    .venv/bin/python bench/pdf_libraries.py --only pdfplumber --limit 40

Extractors:
  pypdfium2-bare    pdfium's text of each page, as is (textpage.get_text_range)
  pypdfium2-layout  what resolutions.read gives: pdfium plus the layout fixes of page_lines()
  pdfplumber        page.extract_text() (pdfminer.six underneath)

Fidelity is measured on the PDFs that have a text layer in ../shared/corpus/text
(the cleaner is written for those files):
  lines     share of the corpus's non-blank lines (whitespace-normalized) found in the output
  breaks    F1 of "a blank line follows this line" (paragraph breaks the segmenter uses)
  words     F1 of the word multisets (all text present, whatever the order)
  markers   share of the corpus's "word,N" / "word N" footnote markers rendered the same way
Time is wall time on one core (this process), over the selected PDFs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"


def pdfium_bare(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    out = []
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        out.append(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return "\n".join(out).replace("\r\n", "\n")


def pdfium_layout(path: Path) -> str:
    from resolutions.read import read_document

    return read_document(path).text


def plumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


EXTRACTORS = {
    "pypdfium2-bare": pdfium_bare,
    "pypdfium2-layout": pdfium_layout,
    "pdfplumber": plumber,
}

_WS = re.compile(r"\s+")
_MARKER = re.compile(r"[A-Za-z)][,.;]?\s?\d{1,2}(?=\s|$)")


def _norm_lines(text: str) -> list[str]:
    return [_WS.sub(" ", line).strip() for line in text.split("\n")]


def fidelity(extracted: str, reference: str) -> dict[str, float]:
    ref_lines, out_lines = _norm_lines(reference), _norm_lines(extracted)
    ref_nonblank = Counter(line for line in ref_lines if line)
    out_nonblank = Counter(line for line in out_lines if line)
    lines = sum((ref_nonblank & out_nonblank).values()) / max(1, sum(ref_nonblank.values()))

    def breaks(lines_: list[str]) -> Counter:
        return Counter(a for a, b in zip(lines_, lines_[1:], strict=False) if a and not b)

    rb, ob = breaks(ref_lines), breaks(out_lines)
    hit = sum((rb & ob).values())
    precision = hit / max(1, sum(ob.values()))
    recall = hit / max(1, sum(rb.values()))
    f1 = 2 * precision * recall / (precision + recall) if hit else 0.0

    rw, ow = Counter(reference.split()), Counter(extracted.split())
    common = sum((rw & ow).values())
    wp, wr = common / max(1, sum(ow.values())), common / max(1, sum(rw.values()))
    words = 2 * wp * wr / (wp + wr) if common else 0.0

    ref_markers = Counter(_MARKER.findall(reference))
    out_markers = Counter(_MARKER.findall(extracted))
    markers = sum((ref_markers & out_markers).values()) / max(1, sum(ref_markers.values()))
    return {"lines": lines, "breaks": f1, "words": words, "markers": markers}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(EXTRACTORS), action="append")
    parser.add_argument(
        "--limit", type=int, help="the first N PDFs only (those with a text layer first)"
    )
    parser.add_argument(
        "--plumber-all", action="store_true", help="run pdfplumber on every PDF, not only the 40"
    )
    args = parser.parse_args()
    pdf_dir, text_dir = CORPUS / "pdf", CORPUS / "text"
    if not pdf_dir.is_dir():
        sys.exit(f"the corpus is absent: {pdf_dir}")
    pdfs = sorted(
        pdf_dir.glob("*.pdf"), key=lambda p: (not (text_dir / f"{p.stem}.txt").exists(), p.name)
    )
    if args.limit:
        pdfs = pdfs[: args.limit]
    with_text = [p for p in pdfs if (text_dir / f"{p.stem}.txt").exists()]
    pages = _count_pages(pdfs)
    print(
        f"{len(pdfs)} PDFs, {pages} pages; {len(with_text)} with a corpus text layer for fidelity"
    )
    print(
        f"{'extractor':<18} {'time s':>8} {'ms/page':>8} {'lines':>7} {'breaks':>7} {'words':>7} {'markers':>8}"
    )
    for name in args.only or list(EXTRACTORS):
        extract = EXTRACTORS[name]
        scores: list[dict[str, float]] = []
        selected = pdfs if name != "pdfplumber" or args.plumber_all else with_text
        selected_pages = pages if selected is pdfs else _count_pages(selected)
        start = time.perf_counter()
        for path in selected:
            text = extract(path)
            if path in with_text:
                scores.append(
                    fidelity(text, (text_dir / f"{path.stem}.txt").read_text(encoding="utf-8"))
                )
        elapsed = time.perf_counter() - start
        mean = {
            k: sum(s[k] for s in scores) / max(1, len(scores))
            for k in ("lines", "breaks", "words", "markers")
        }
        label = name if selected is pdfs else f"{name} ({len(selected)})"
        print(
            f"{label:<18} {elapsed:8.2f} {1000 * elapsed / selected_pages:8.2f} {mean['lines']:7.3f} "
            f"{mean['breaks']:7.3f} {mean['words']:7.3f} {mean['markers']:8.3f}",
            flush=True,
        )
    print(
        "(time includes the fidelity scoring of the text-layer files, the same for each extractor)"
    )


def _count_pages(pdfs: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for path in pdfs:
        pdf = pdfium.PdfDocument(path)
        total += len(pdf)
        pdf.close()
    return total


if __name__ == "__main__":
    main()
