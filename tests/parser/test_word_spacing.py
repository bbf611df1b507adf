"""Issue 11 class 8: word spacing read from the glyph positions of a PDF.

pdfium generates a space wherever two glyphs stand apart. Inside a word of widely
spaced text the white space measures 0.12-0.16 em ("measure s", "huma nitarian"); between
two words it measures 0.20 em and more, even where an italic "f" or "g" overhangs the
next word, whose glyph boxes then nearly touch ("belief that", "Recalling further").
The tests build PDFs whose glyphs stand at chosen distances (Times, as the UN prints)
and read corpus PDFs where the faults occurred.
"""

from __future__ import annotations

import pytest

from resolutions import parse
from resolutions.read import read_document


def pdf(*operators: str) -> bytes:
    """A one-page PDF whose text is drawn by these operators (F1 Times-Roman, F2 Times-Italic)."""
    stream = "BT\n" + "\n".join(operators) + "\nET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic >>",
    ]
    out, offsets = "%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def lines(*operators: str) -> list[str]:
    """The lines of text the reader makes of such a PDF, one operator a line."""
    moves = [f"0 -14 Td {op}" if i else f"72 700 Td {op}" for i, op in enumerate(operators)]
    return [line for line in read_document(pdf(*moves)).text.splitlines() if line.strip()]


def test_a_gap_of_a_seventh_of_an_em_inside_a_word_is_closed_up():
    # TJ numbers are thousandths of an em: -130 opens 0.13 em between two glyphs
    assert lines(
        "/F1 10 Tf [(further measure) -130 (s in order to prevent)] TJ",
        "/F1 10 Tf [(huma) -140 (nitarian assistance and pro) -120 (sperity)] TJ",
        "/F1 10 Tf [(degree o) -150 (f economic development)] TJ",
    ) == [
        "further measures in order to prevent",
        "humanitarian assistance and prosperity",
        "degree of economic development",
    ]


def test_a_word_gap_under_an_overhanging_italic_letter_stays_a_space():
    # the italic f and g reach over the gap: their boxes nearly touch the next glyph,
    # but the advance of each ends 0.25 em before the next word starts
    assert lines(
        "/F2 10 Tf [(Reaffirming its belief)] TJ /F1 10 Tf [-250 (that the)] TJ",
        "/F2 10 Tf [(Recalling) -250 (further the endorsement)] TJ",
        "/F2 10 Tf [(Calls once again) -250] TJ /F1 10 Tf [(for the implementation)] TJ",
    ) == [
        "Reaffirming its belief that the",
        "Recalling further the endorsement",
        "Calls once again for the implementation",
    ]


def test_the_narrowest_word_gap_of_the_corpus_stays_a_space():
    """0.20 em is the narrowest gap between two words in the 502 corpus PDFs (79/117, 'and the')."""
    assert lines("/F1 10 Tf [(peace and) -200 (the law) -170 (s of war)] TJ") == [
        "peace and the laws of war"
    ]


@pytest.fixture(scope="module")
def pdfs(corpus):
    return corpus / "pdf"


@pytest.mark.parametrize(
    ("name", "printed", "misread"),
    [
        ("A_RES_79_176", "need for further measures in order to prevent", "measure s"),
        ("A_RES_79_18", "irrespective of their degree of economic", "degree o f"),
        ("A_RES_79_117", "Reaffirming its belief that the progressive", "beliefthat"),
        ("A_RES_79_37", "Expresses its firm belief that awareness", "beliefthat"),
    ],
)
def test_corpus_pdfs_read_with_their_printed_spacing(pdfs, name, printed, misread):
    r = parse(pdfs / f"{name}.pdf")
    texts = [p.text for p in (*r.preamble, *r.operative)]
    assert any(printed in t for t in texts)
    assert not any(misread in t for t in texts)


def test_an_opening_phrase_under_an_overhanging_g_is_its_own_paragraph(pdfs):
    """79/111: 'Recalling further' was read as one word, so it did not open a paragraph
    and the paragraph was glued to the one before."""
    r = parse(pdfs / "A_RES_79_111.pdf")
    recalls = [p for p in r.preamble if p.text.startswith("Recalling further the endorsement")]
    assert len(recalls) == 1 and recalls[0].phrase == "Recalling further"
    assert not any("Recallingfurther" in p.text for p in r.preamble)


def test_the_verb_of_a_paragraph_keeps_its_last_word(pdfs):
    """79/170: 'Calls once againfor' left the verb as 'Calls'."""
    r = parse(pdfs / "A_RES_79_170.pdf")
    assert any(p.verb == "Calls once again for" for p in r.operative)


def test_drafts_read_with_their_printed_spacing(corpus):
    drafts = corpus / "drafts"
    prosperity = parse(drafts / "A_C.2_80_L.25.pdf")
    assert any("resilient form of prosperity," in p.text for p in prosperity.preamble)
    bearing = parse(drafts / "A_C.1_80_L.31.pdf")
    assert any(p.phrase == "Bearing in mind" for p in bearing.preamble)
