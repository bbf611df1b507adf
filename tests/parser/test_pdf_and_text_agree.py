"""A resolution read from its official PDF and from the PDF's text layer gives the same structure.

The corpus holds both for 40 resolutions: two independent extractions (the reader's
pypdfium2 layout and the extractor that made text/), so agreement is evidence that
neither the page furniture nor the footnotes leak into the paragraphs.
"""

from __future__ import annotations

import re

import pytest

from resolutions import parse

pytestmark = pytest.mark.corpus


def normalized(text: str) -> str:
    # Typographic variants that differ between extractors, not text.
    text = text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2011", "-")
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def pairs(corpus, parsed_pdf):
    texts = sorted((corpus / "text").glob("*.txt"))
    both = [
        (t, corpus / "pdf" / f"{t.stem}.pdf")
        for t in texts
        if (corpus / "pdf" / f"{t.stem}.pdf").exists()
    ]
    return [(t.stem, parse(t), parsed_pdf(p)) for t, p in both]


def test_there_are_forty_documents_in_both_renderings(pairs):
    assert len(pairs) == 40


def test_both_renderings_give_the_same_heading_counts_and_verbs(pairs):
    for name, text, pdf in pairs:
        assert (text.symbol, text.title, text.adopted_on, text.meeting) == (
            pdf.symbol, pdf.title, pdf.adopted_on, pdf.meeting,
        ), name  # fmt: skip
        assert (len(text.preamble), len(text.operative)) == (
            len(pdf.preamble),
            len(pdf.operative),
        ), name
        assert [p.verb for p in text.operative] == [p.verb for p in pdf.operative], name
        assert [p.phrase for p in text.preamble] == [p.phrase for p in pdf.preamble], name


def test_both_renderings_give_the_same_paragraph_texts_and_footnote_anchors(pairs):
    paragraphs = same = anchors = same_anchors = 0
    for _name, text, pdf in pairs:
        for a, b in zip(
            (*text.preamble, *text.operative), (*pdf.preamble, *pdf.operative), strict=True
        ):
            paragraphs += 1
            same += normalized(a.text) == normalized(b.text)
        pdf_anchors = {f.marker: f.paragraph for f in pdf.footnotes}
        for f in text.footnotes:
            anchors += 1
            same_anchors += pdf_anchors.get(f.marker) == f.paragraph
    # 80/110's op. 107 reads "recommendations 59": a marker in the PDF, a number in the text layer.
    assert paragraphs > 1800
    assert same >= paragraphs - 1, f"{paragraphs - same} of {paragraphs} paragraphs differ"
    assert same_anchors >= anchors - 1, f"{anchors - same_anchors} of {anchors} footnotes differ"
