"""A/RES/73/135, the founding resolution, read from both renderings (corpus README facts)."""

from __future__ import annotations

import re
from datetime import date

from resolutions.model import Resolution

VERBS = [
    "Takes note with satisfaction", "Urges", "Notes with satisfaction", "Affirms", "Requests",
    "Welcomes", "Also welcomes", "Invites", "Requests", "Welcomes", "Affirms", "Welcomes",
    "Also welcomes", "Further welcomes", "Encourages", "Invites", "Welcomes with appreciation",
    "Welcomes", "Notes with satisfaction", "Expresses its appreciation", "Welcomes", "Encourages",
    "Invites", "Invites", "Requests", "Decides",
]  # fmt: skip

# Footnote marker -> paragraph, read by hand from the seed.
ANCHORS = {"1": "pre-2", "2": "pre-5", "3": "pre-7", "4": "pre-7", "5": "pre-12", "6": "pre-13"}

# The lineage recalled in the first preambular paragraph.
RECALLED = """37/4 1982-10-22, 38/4 1983-10-28, 39/7 1984-11-08, 40/4 1985-10-25, 41/3 1986-10-16,
42/4 1987-10-15, 43/2 1988-10-17, 44/8 1989-10-18, 45/9 1990-10-25, 46/13 1991-10-28,
47/18 1992-11-23, 48/24 1993-11-24, 49/15 1994-11-15, 50/17 1995-11-20, 51/18 1996-11-14,
52/4 1997-10-22, 53/16 1998-10-29, 54/7 1999-10-25, 55/9 2000-10-30, 56/47 2001-12-07,
57/42 2002-11-21, 59/8 2004-10-22, 61/49 2006-12-04, 63/114 2008-12-05, 65/140 2010-12-16,
67/264 2013-05-17, 69/317 2015-09-10, 72/74 2017-12-06"""


def test_it_reads_the_heading(founding: Resolution):
    assert founding.symbol == "A/RES/73/135"
    assert (founding.session, founding.number) == (73, "135")
    assert (
        founding.title
        == "Cooperation between the United Nations and the Organization of Islamic Cooperation"
    )
    assert founding.adopted_on == date(2018, 12, 13)
    assert founding.distributed_on == date(2019, 1, 9)
    assert founding.agenda_items == ("128 (b)",)
    assert founding.basis is not None and founding.basis.kind == "plenary"
    assert founding.documents == ("A/73/L.45",)
    assert founding.meeting == "52nd plenary meeting"


def test_it_finds_29_preambular_and_26_operative_paragraphs(founding: Resolution):
    assert len(founding.preamble) == 29
    assert [p.number for p in founding.operative] == list(range(1, 27))
    assert founding.warnings == ()


def test_it_reads_every_operative_verb_including_the_wholly_italic_last_one(founding: Resolution):
    assert [p.verb for p in founding.operative] == VERBS
    for p in founding.operative:
        assert p.text.startswith(p.verb)


def test_it_reads_the_opening_phrase_of_preambular_paragraphs(founding: Resolution):
    phrases = [p.phrase for p in founding.preamble]
    assert phrases[:6] == [
        "Recalling", "Recalling also", "Welcoming", "Noting", "Having considered", "Taking into account",
    ]  # fmt: skip
    assert phrases[23] == "Noting with appreciation"
    assert all(p.text.startswith(p.phrase) for p in founding.preamble)


def test_it_anchors_each_of_the_six_footnotes_to_its_paragraph(founding: Resolution):
    assert {f.marker: f.paragraph for f in founding.footnotes} == ANCHORS
    assert founding.footnotes[1].text == "A/73/328-S/2018/592."
    # Footnote 2 and 5 are cited again in operative paragraphs 1 and 9.
    assert founding.operative[0].footnotes == ("2",)
    assert founding.operative[8].footnotes == ("5",)


def test_it_joins_paragraphs_cut_by_a_page_break_and_a_footnote(founding: Resolution):
    fourth = founding.preamble[3].text
    assert (
        "and the adoption on 14 March 2008 by the Islamic Summit Conference at its eleventh session"
        in fourth
    )
    twelfth = founding.preamble[11].text
    assert (
        "international peace and security, science and technology, trade and development" in twelfth
    )
    assert twelfth.endswith("to be hosted by the United Nations,")


def test_it_drops_footnote_markers_from_the_text(founding: Resolution):
    assert (
        "Human Rights Council resolution 16/18 of 24 March 2011 to counter"
        in founding.preamble[12].text
    )
    assert "Organization of the Islamic Conference to participate" in founding.preamble[1].text


def test_it_finds_the_28_resolutions_recalled_in_the_first_preambular_paragraph(
    founding: Resolution,
):
    found = [
        (c.symbol, c.date.isoformat() if c.date else None)
        for c in founding.citations
        if c.paragraph == "pre-1" and c.kind == "ga-resolution"
    ]
    expected = [tuple(item.split()) for item in RECALLED.replace("\n", " ").split(", ")]
    assert found == expected


def test_citations_in_footnotes_are_credited_to_the_paragraph_the_footnote_hangs_from(
    founding: Resolution,
):
    found = {(c.kind, c.symbol, c.paragraph) for c in founding.citations}
    assert ("presidential-statement", "S/PRST/2013/16", "pre-7") in found  # footnote 4
    assert ("sc-meeting-record", "S/PV.7813", "pre-7") in found  # footnote 3
    assert ("document", "A/73/328-S/2018/592", "pre-5") in found  # footnote 2
    assert ("official-records", "A/66/53", "pre-13") in found  # footnote 6
    assert ("ga-resolution", "70/1", "pre-12") in found  # footnote 5: "See resolution 70/1."
    # In text order: a paragraph's own citations, then those of its footnotes.
    pre13 = [c.kind for c in founding.citations if c.paragraph == "pre-13"]
    assert pre13 == ["hrc-resolution", "official-records"]


def test_paragraph_25_is_a_mandate_to_the_secretary_general_due_at_session_75(founding: Resolution):
    mandates = [m for m in founding.mandates if m.paragraph == "op-25"]
    assert len(mandates) == 1
    mandate = mandates[0]
    assert "Secretary-General" in mandate.addressees
    assert (mandate.session, mandate.year) == (75, 2020)


def _normalized(text: str) -> str:
    # The PDF text layer flattens the typographic apostrophe of the seed's straight one
    # the other way round, and an en dash at a line end to a hyphen; both are print, not text.
    text = text.replace("\u2019", "'").replace("\u2013", "-")
    return re.sub(r"\s+", " ", text).strip()


def test_both_renderings_give_the_same_paragraphs(seed: Resolution, text_layer: Resolution):
    for a, b in zip(
        (*seed.preamble, *seed.operative),
        (*text_layer.preamble, *text_layer.operative),
        strict=True,
    ):
        assert _normalized(a.text) == _normalized(b.text), a.id
        assert a.footnotes == b.footnotes, a.id
    assert [p.verb for p in seed.operative] == [p.verb for p in text_layer.operative]
    assert [f.text for f in seed.footnotes] == [f.text for f in text_layer.footnotes]
    assert (seed.source_format, text_layer.source_format) == ("markdown", "text")
