"""The Secretary-General's report in Word, PDF and HTML, in English, French and Arabic:
the heading block, numbered paragraphs, chapters, tables, real footnotes, charts, and
right to left in Arabic."""

from __future__ import annotations

import datetime
import functools
import io
import re
import unicodedata

import pypdfium2 as pdfium
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from accord.reports.docx_parts import NUM_ID, footnotes_xml
from accord.reports.render import render
from accord.reports.render_html import template_for
from accord.reports.sg_report import build_sg_report, parse_month

START, END = datetime.date(2018, 9, 1), datetime.date(2020, 8, 31)
CHAPTERS = {
    "en": [
        "Introduction",
        "Consultations and high-level meetings",
        "General meeting and follow-up of its recommendations",
        "Cooperation by priority area",
        "Cooperation by entity",
        "Agreements concluded",
        "Conclusions",
    ],
    "fr": [
        "Introduction",
        "Consultations et réunions de haut niveau",
        "Réunion générale et suite donnée à ses recommandations",
        "Coopération par domaine prioritaire",
        "Coopération par entité",
        "Accords conclus",
        "Conclusions",
    ],
    "ar": [
        "مقدمة",
        "المشاورات والاجتماعات الرفيعة المستوى",
        "الاجتماع العام ومتابعة توصياته",
        "التعاون حسب المجال ذي الأولوية",
        "التعاون حسب الكيان",
        "الاتفاقات المبرمة",
        "الاستنتاجات",
    ],
}


def build(world, lang):
    return build_sg_report(world.framework, START, END, lang, on=datetime.date(2020, 7, 15))


@pytest.fixture(scope="module")
def built(reports_world):
    """The report built from the world as built, once per language (the tests that read
    it change nothing)."""
    return functools.cache(lambda lang: build(reports_world, lang))


@pytest.fixture(scope="module")
def rendered(built):
    """``built`` rendered, once per language and format."""
    return functools.cache(lambda lang, fmt: render(built(lang), fmt))


def as_extracted(text: str) -> str:
    """The form in which pdfium gives back Arabic text: the lam-alef ligatures come out
    as alef then lam."""
    return re.sub("ل([اأإآ])", r"\1ل", text)


def pdf_text(data: bytes) -> tuple[int, str]:
    pdf = pdfium.PdfDocument(data)
    try:
        text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        return len(pdf), unicodedata.normalize("NFKC", text)
    finally:
        pdf.close()


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_word_report_has_chapters_numbered_paragraphs_tables_footnotes_and_charts(
    built, rendered, lang
):
    doc = built(lang)
    word = WordDocument(io.BytesIO(rendered(lang, "docx")))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert len(headings) == 7
    for heading, title in zip(headings, CHAPTERS[lang], strict=True):
        assert heading.endswith(title)
    numbered = [
        p
        for p in word.paragraphs
        if p._p.pPr is not None
        and p._p.pPr.numPr is not None
        and p._p.pPr.numPr.numId.val == NUM_ID
    ]
    assert len(numbered) == len(list(doc.paragraphs())) > 10
    numbering = word.part.numbering_part.element
    assert numbering.xpath(f'//w:abstractNum[@w:abstractNumId="{NUM_ID}"]//w:numFmt/@w:val') == [
        "decimal"
    ]
    assert len(word.tables) == 2  # heading block, agreements in force
    assert (
        word.tables[1].rows[0].cells[0].text
        == {"en": "Title", "fr": "Intitulé", "ar": "العنوان"}[lang]
    )
    notes = footnotes_xml(word).decode()
    refs = word.element.body.xpath(".//w:footnoteReference/@w:id")
    assert refs == [str(i) for i in range(1, len(refs) + 1)] and len(refs) >= 2
    assert notes.count("<w:footnote ") == len(refs) + 2  # the two separators
    assert "A/RES/73/135" in notes
    settings = [child.tag.split("}")[1] for child in word.settings.element]
    assert settings.index("footnotePr") < settings.index("compat")
    assert len(word.inline_shapes) == 2
    assert word.tables[0].rows[0].cells[1].text == "A/75/xxx"


def test_the_introduction_cites_the_paragraph_that_requests_the_report(world):
    doc = build(world, "en")
    first = next(doc.paragraphs())
    assert "pursuant to paragraph 25 of General Assembly resolution 73/135" in first.text
    assert "seventy-fifth session" in first.text
    world.mandate.paragraph.number = 26
    world.mandate.paragraph.save()
    assert "paragraph 26 of" in next(build(world, "en").paragraphs()).text


def test_there_is_a_subsection_per_un_entity_with_activities(world):
    doc = build(world, "en")
    by_entity = doc.sections[4]
    titles = [s.title for s in by_entity.blocks]
    involved = {
        a.un_lead.acronym for a in world.activities if a.start_on <= END and a.end_on >= START
    }
    assert all(any(f"({acronym})" in t for t in titles) for acronym in involved)
    assert not any("IPHRC" in t for t in titles)  # the partner's bodies are not UN entities


def test_the_arabic_word_report_is_right_to_left(rendered):
    word = WordDocument(io.BytesIO(rendered("ar", "docx")))
    body = [p for p in word.paragraphs if p.text.strip()]
    assert all(p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in body)
    runs = [r for p in body for r in p.runs if r.text.strip()]
    assert all(r._r.rPr.find(qn("w:rtl")) is not None for r in runs)
    assert any("التعاون بين الأمم المتحدة" in p.text for p in body)
    assert word.styles["Normal"].element.rPr.rFonts.get(qn("w:cs")) == "DejaVu Sans"
    assert word.tables[1]._tbl.tblPr.find(qn("w:bidiVisual")) is not None
    # in a bidi paragraph jc="right" means "end", i.e. the LEFT margin: never used
    assert not [
        p for p in body if p.alignment in (WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT)
    ]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_pdf_has_pages_and_the_report_text(rendered, lang):
    pages, text = pdf_text(rendered(lang, "pdf"))
    assert pages >= 2
    flat = re.sub(r"\s+", " ", text)
    title = {
        "en": "Report of the Secretary-General",
        "fr": "Rapport du Secrétaire général",
        "ar": "تقرير الأمين العام",
    }[lang]
    assert as_extracted(title) in flat
    assert "A/75/xxx" in flat
    for chapter in CHAPTERS[lang]:
        assert as_extracted(chapter) in flat


def test_the_arabic_pdf_runs_right_to_left(rendered):
    """The first chapter's title starts at the right margin in Arabic, at the left in
    English."""

    def title_x(lang):
        pdf = pdfium.PdfDocument(rendered(lang, "pdf"))
        try:
            page = pdf[0]
            textpage = page.get_textpage()
            text = unicodedata.normalize("NFKC", textpage.get_text_range())
            word = as_extracted(CHAPTERS[lang][0])
            index = text.index(word)
            boxes = [textpage.get_charbox(i) for i in range(index, index + len(word))]
            return (min(b[0] for b in boxes) + max(b[2] for b in boxes)) / 2 / page.get_width()
        finally:
            pdf.close()

    assert title_x("en") < 0.3
    assert title_x("ar") > 0.7


def test_html_is_picked_by_language_and_declares_its_direction(world):
    assert template_for("sg_report", "ar") == "reports/document/ar.html"
    assert template_for("sg_report", "fr") == "reports/document/default.html"
    html = render(build(world, "ar"), "html").decode()
    assert '<html lang="ar" dir="rtl">' in html and "DejaVu Sans" in html
    html = render(build(world, "en"), "html").decode()
    assert (
        '<html lang="en" dir="ltr">' in html
        and 'class="endnotes"' in html
        and "data:image/svg+xml" in html
    )


def test_the_cli_writes_the_report(world, tmp_path):
    out = tmp_path / "sg.docx"
    call_command(
        "report",
        "sg",
        "--framework",
        "un-oic",
        "--from",
        "2018-09",
        "--to",
        "2020-08",
        "--format",
        "docx",
        "--lang",
        "fr",
        "-o",
        str(out),
    )
    word = WordDocument(str(out))
    assert any(p.text == "Rapport du Secrétaire général" for p in word.paragraphs)
    with pytest.raises(CommandError, match="YYYY-MM"):
        call_command("report", "sg", "--from", "September", "--to", "2020-08", "-o", str(out))
    with pytest.raises(CommandError, match="no framework"):
        call_command("report", "sg", "--framework", "un-au", "--from", "2018-09", "--to", "2020-08")


def test_months_are_read_as_whole_months():
    assert parse_month("2020-02", end=True) == datetime.date(2020, 2, 29)
    assert parse_month("2018-12", end=True) == datetime.date(2018, 12, 31)
    assert parse_month("2018-09") == datetime.date(2018, 9, 1)


def test_chart_labels_are_drawn_by_matplotlib_not_left_to_the_pdf_renderer():
    """Matplotlib joins Arabic and orders it right to left; WeasyPrint would lay out SVG
    text letter by letter, so the SVG carries outlines, not text."""
    from accord.reports import charts

    png, svg = charts.stacked_bars(["حقوق الإنسان"], {"ongoing": [3]}, {"ongoing": "جارية"})
    assert png.startswith(b"\x89PNG")
    assert "<text" not in svg.decode()


def test_charts_of_an_empty_period_have_no_negative_axis():
    from accord.reports import charts

    fig = charts.paired_bars_figure(["2018 Q3", "2018 Q4"], [0, 0], [0, 0], "opened", "closed")
    assert fig.axes[0].get_ylim()[0] == 0 and fig.axes[0].get_ylim()[1] >= 1
    fig = charts.stacked_bars_figure(["Peace"], {"ongoing": [0]})
    assert fig.axes[0].get_xlim() == (0, 1)


def test_charts_leave_no_figure_in_pyplots_global_state():
    import matplotlib.pyplot as plt

    from accord.reports import charts

    before = plt.get_fignums()
    charts.stacked_bars(["Peace"], {"ongoing": [2]})
    charts.paired_bars(["2018 Q3"], [1], [0], "opened", "closed")
    assert plt.get_fignums() == before


def test_a_test_reading_only_a_module_world_is_given_the_test_database(request, built):
    """tests/conftest.py marks it: run alone (-k), it would otherwise read and write the
    database of the settings."""
    from django.db import connection

    assert request.node.get_closest_marker("django_db") is not None
    assert connection.settings_dict["NAME"] == connection.settings_dict["TEST"]["NAME"]


def test_a_chart_is_drawn_once_for_the_same_numbers_and_again_when_they_change():
    from accord.reports import charts

    charts._drawn.cache_clear()
    labels = {"ongoing": "Ongoing", "completed": "Completed"}
    first = charts.stacked_bars_image(["Peace", "Rights"], {"ongoing": [2, 1]}, labels, "png")
    again = charts.stacked_bars_image(["Peace", "Rights"], {"ongoing": [2, 1]}, labels, "png")
    assert again is first and charts._drawn.cache_info().hits == 1
    fresh = charts.save_as(
        charts.stacked_bars_figure(["Peace", "Rights"], {"ongoing": [2, 1]}, labels), "png"
    )
    assert fresh == first  # the image kept is the one a new drawing gives
    other = charts.stacked_bars_image(["Peace", "Rights"], {"ongoing": [2, 2]}, labels, "png")
    svg = charts.stacked_bars_image(["Peace", "Rights"], {"ongoing": [2, 1]}, labels, "svg")
    opened = charts.paired_bars_image(["2018 Q3"], [1], [0], "opened", "closed", "png")
    assert other != first and svg.lstrip().startswith(b"<?xml") and opened != first
    assert charts._drawn.cache_info().misses == 4


def test_figure_labels_go_past_fifteen():
    from accord.reports.phrases import figure_label

    assert figure_label(16, "en") == "Figure XVI"
    assert figure_label(40, "fr").endswith("XL")
    assert figure_label(16, "ar").endswith("16")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_word_file_keeps_the_schema_order_of_properties(rendered, lang):
    """Word refuses a file whose run, paragraph, table or section properties are out of
    order; every rPr, pPr, tblPr and sectPr of the body, styles and footnotes is checked."""
    import zipfile

    from lxml import etree

    from accord.reports.docx_parts import PPR_SEQ, RPR_SEQ, SECTPR_SEQ, TBLPR_SEQ

    sequences = {
        qn("w:rPr"): RPR_SEQ,
        qn("w:pPr"): PPR_SEQ,
        qn("w:tblPr"): TBLPR_SEQ,
        qn("w:sectPr"): SECTPR_SEQ,
    }
    data = rendered(lang, "docx")
    checked = 0
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in (
            "word/document.xml",
            "word/styles.xml",
            "word/footnotes.xml",
            "word/numbering.xml",
        ):
            root = etree.fromstring(z.read(name))
            for tag, seq in sequences.items():
                order = [qn(t) for t in seq]
                for element in root.iter(tag):
                    children = [c.tag for c in element if c.tag in order]
                    assert children == sorted(children, key=order.index), (
                        name,
                        etree.tostring(element)[:300],
                    )
                    checked += 1
    assert checked > 100


def test_dates_read_as_each_language_writes_them():
    from accord.reports.phrases import phrases

    d1, d3, d5 = datetime.date(2018, 9, 1), datetime.date(2018, 7, 3), datetime.date(2018, 7, 5)
    assert phrases("en").date(d1) == "1 September 2018"
    assert phrases("en").dates(d3, d5) == "3–5 July 2018"
    assert phrases("fr").date(d1) == "1er septembre 2018"
    assert phrases("fr").dates(d3, d5) == "du 3 au 5 juillet 2018"
    assert phrases("fr").dates(d3, None) == "le 3 juillet 2018"
    assert phrases("ar").date(d3) == "3 تموز/يوليه 2018"
    assert (
        phrases("fr").ordinal(75) == "soixante-quinzième"
        and phrases("ar").ordinal(75) == "الخامسة والسبعون"
    )
