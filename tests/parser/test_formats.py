"""Word and HTML resolutions go through the same stages as the seed: italics give the verbs."""

from __future__ import annotations

from datetime import date

from resolutions import parse

HEADING = [
    "General Assembly",
    "Distr.: General",
    "9 January 2019",
    "Seventy-third session",
    "Agenda item 128 (b)",
    "Resolution adopted by the General Assembly on 13 December 2018",
    "[without reference to a Main Committee (A/73/L.45)]",
    "73/135. Cooperation between the United Nations and the Organization of Islamic Cooperation",
    "The General Assembly,",
]
HTML = (
    "<!DOCTYPE html><html><body>"
    + "".join(f"<p>{line}</p>" for line in HEADING)
    + "<p>Recalling its resolution 3369 (XXX) of 10 October 1975, by which it decided to invite the"
    " Organization of the Islamic Conference<sup>1</sup> to participate,</p>"
    "<p>1. <i>Takes note with satisfaction</i> of the report of the Secretary-General;</p>"
    "<p>2. <i>Requests</i> the Secretary-General to report at its seventy-fifth session;</p>"
    "<p>3. <i>Decides to include the sub-item in the provisional agenda of its seventy-fifth session.</i></p>"
    "<p><i>52nd plenary meeting<br>13 December 2018</i></p>"
    "<hr><p><sup>1</sup> On 28 June 2011, the Organization changed its name.</p>"
    "</body></html>"
)


def test_an_html_resolution_gives_heading_verbs_and_an_anchored_footnote(tmp_path):
    path = tmp_path / "resolution.html"
    path.write_text(HTML, encoding="utf-8")
    r = parse(path)
    assert (r.source_format, r.symbol, r.adopted_on) == ("html", "A/RES/73/135", date(2018, 12, 13))
    assert [(p.number, p.verb) for p in r.operative] == [
        (1, "Takes note with satisfaction"), (2, "Requests"), (3, "Decides"),
    ]  # fmt: skip
    assert [(f.marker, f.paragraph) for f in r.footnotes] == [("1", "pre-1")]
    assert "Conference to participate" in r.preamble[0].text
    assert r.meeting == "52nd plenary meeting"
    assert r.warnings == ()


def test_a_word_resolution_reads_its_italic_verbs(tmp_path):
    import docx

    document = docx.Document()
    for line in HEADING:
        document.add_paragraph(line)
    document.add_paragraph(
        "Noting with appreciation the cooperation between the two organizations,"
    )
    for number, verb, rest in [
        (1, "Further welcomes", " the memorandum of understanding signed on 24 January 2016;"),
        (2, "Requests", " the Secretary-General to report at its seventy-fifth session."),
    ]:
        paragraph = document.add_paragraph(f"{number}. ")
        paragraph.add_run(verb).italic = True
        paragraph.add_run(rest)
    document.add_paragraph("52nd plenary meeting")
    document.add_paragraph("13 December 2018")
    path = tmp_path / "resolution.docx"
    document.save(path)
    r = parse(path)
    assert r.source_format == "docx"
    assert [p.phrase for p in r.preamble] == ["Noting with appreciation"]
    assert [(p.number, p.verb) for p in r.operative] == [(1, "Further welcomes"), (2, "Requests")]
    assert r.meeting == "52nd plenary meeting"
