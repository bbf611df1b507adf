"""Real corpus PDFs read into text laid out like the corpus text layers."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from resolutions.read import read_document
from resolutions.read_pdf import page_count


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, whitespace collapsed."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def test_79_9_reads_into_the_paragraphs_of_its_text_layer(corpus):
    stage = read_document(corpus / "pdf" / "A_RES_79_9.pdf")
    reference = (corpus / "text" / "A_RES_79_9.txt").read_text(encoding="utf-8")
    assert stage.source_format == "pdf"
    ours = " ".join(stage.text.split())
    for number in range(1, 31):  # every operative paragraph is there with its verb
        match = re.search(rf"(?m)^{number}\.\s*\n?(\w+)", reference)
        assert match, number
        assert f"{number}. {match.group(1)}" in ours, number
    wanted = [
        p for p in _paragraphs(reference) if p.startswith(("Recalling", "Noting", "Welcoming"))
    ]
    found = [p for p in wanted if p in _paragraphs(stage.text)]
    assert len(found) >= 0.7 * len(wanted), (len(found), len(wanted))


def test_footnote_markers_stay_beside_their_word(corpus):
    text = read_document(corpus / "pdf" / "A_RES_79_9.pdf").text
    assert (
        "Islamic Conference 1 to participate in the" in text
    )  # pdfium alone breaks the line after "1"
    assert "of 24 March 20116 and all its subsequent" in text
    assert (
        "high-\nlevel meeting" in text
    )  # the hyphen pdfium marks U+FFFE comes back as "-" and a line end


def test_page_furniture_comes_on_lines_of_its_own(corpus):
    lines = _lines(read_document(corpus / "pdf" / "A_RES_79_9.pdf").text)
    assert "2/8" in lines and "24-21657" in lines
    assert "United Nations" in lines and "A/RES/79/9" in lines


@pytest.mark.corpus
def test_every_pdf_with_a_text_layer_reads_like_it(corpus):
    scores = {}
    for pdf in sorted((corpus / "pdf").glob("*.pdf")):
        reference = corpus / "text" / f"{pdf.stem}.txt"
        if not reference.exists():
            continue
        ref = Counter(_lines(reference.read_text(encoding="utf-8")))
        ours = Counter(_lines(read_document(pdf).text))
        scores[pdf.stem] = sum((ref & ours).values()) / sum(ref.values())
    assert len(scores) >= 40
    poor = {name: round(score, 3) for name, score in scores.items() if score < 0.85}
    assert not poor, poor
    assert sum(scores.values()) / len(scores) > 0.93


def test_spaces_pdfium_adds_inside_words_and_beside_dashes_are_removed(corpus):
    humanitarian = " ".join(read_document(corpus / "pdf" / "A_RES_78_119.pdf").text.split())
    assert "huma nitarian" not in humanitarian and "sch ool" not in humanitarian
    assert "with humanitarian principles" in humanitarian
    disasters = read_document(corpus / "pdf" / "A_RES_79_13.pdf").text
    assert "2015 –2030" not in disasters and "2015–2030" in disasters


def test_real_spaces_between_words_stay(corpus):
    assert "Takes note of the appointment" in " ".join(
        read_document(corpus / "pdf" / "A_RES_78_220.pdf").text.split()
    )
    assert "62nd plenary meeting" in read_document(corpus / "pdf" / "A_RES_78_264.pdf").text
    gaza = " ".join(read_document(corpus / "pdf" / "A_RES_79_134.pdf").text.split())
    assert "Republic) – 24" in gaza


def test_paragraphs_from_the_pdf_equal_those_from_the_text_layer(corpus):
    """The cleaner and segmenter give the same paragraphs from our PDF text as from the corpus text layer."""
    import resolutions

    differ = {}
    for name in ("A_RES_79_9", "A_RES_78_119", "A_RES_80_190", "A_RES_79_13", "A_RES_78_220"):
        from_text = resolutions.parse(corpus / "text" / f"{name}.txt")
        from_pdf = resolutions.parse(corpus / "pdf" / f"{name}.pdf")
        a = [p.text for p in (*from_text.preamble, *from_text.operative)]
        b = [p.text for p in (*from_pdf.preamble, *from_pdf.operative)]
        if a != b:
            differ[name] = (
                next((x, y) for x, y in zip(a, b, strict=False) if x != y)
                if len(a) == len(b)
                else (len(a), len(b))
            )
    assert not differ, differ


def test_threads_reading_pdfs_at_once_each_get_what_one_alone_gets(corpus):
    """PDFium is not thread-safe and the reader keeps its out-arguments in module
    globals: threads (a threaded server, a pool) read their PDFs one at a time and
    each gets the text a lone reader gets."""
    from concurrent.futures import ThreadPoolExecutor

    names = ["A_RES_79_9.pdf", "A_RES_79_265.pdf", "A_RES_79_1.pdf", "A_RES_79_100.pdf"]
    files = [p for p in (corpus / "pdf" / n for n in names) if p.exists()]
    assert len(files) >= 3, "the corpus lacks the PDFs this test reads"
    alone = [read_document(path).text for path in files]
    pages = [page_count(path.read_bytes()) for path in files]
    with ThreadPoolExecutor(max_workers=2 * len(files)) as pool:
        for _ in range(3):
            counted = pool.map(lambda p: page_count(p.read_bytes()), files)  # uploads' check
            together = list(pool.map(lambda p: read_document(p).text, files))
            assert together == alone
            assert list(counted) == pages
    assert all(count and count > 0 for count in pages)
