"""The combined report (``accord report sg --all-frameworks``): one chapter per
framework in the order of the agenda sub-items, each holding that framework's report."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from docx import Document as WordDocument

from accord.cooperation.models import Activity, Biennium, Framework, PriorityArea
from accord.documents.models import Mandate, Paragraph, Resolution
from accord.registry.models import Entity, Organization
from accord.reports.combined import build_combined_report
from accord.reports.sg_report import build_sg_report

START, END = datetime.date(2018, 9, 1), datetime.date(2020, 8, 31)


def african_union(world, *, un_lead=None, year: int = 2018) -> Framework:
    """A second framework whose agenda sub-item, 128 (b), comes before the OIC's (o);
    its one activity is led by ``un_lead`` (default: the world's first UN entity) in the
    biennium starting in ``year``."""
    au = Organization.objects.create(
        code="au", name_en="African Union", name_fr="Union africaine", name_ar="الاتحاد الأفريقي"
    )
    fw = Framework.objects.create(
        slug="un-au", name="UN-AU", un_organization=world.framework.un_organization, partner=au
    )
    commission = Entity.objects.create(
        organization=au, acronym="AUC", name_en="African Union Commission", kind="other"
    )
    area = PriorityArea.objects.create(
        framework=fw, code="peace", name_en="Peace", name_fr="Paix", name_ar="السلام", order=1
    )
    b = Biennium.objects.create(framework=fw, start_year=year, end_year=year + 1)
    res = Resolution.objects.create(
        framework=fw,
        symbol="A/RES/73/330",
        session=73,
        adopted_on=datetime.date(2019, 9, 3),
        agenda_items=["128 (b)"],
    )
    para = Paragraph.objects.create(
        resolution=res, pid="op-30", kind="operative", number=30, order=1, text="Requests a report"
    )
    Mandate.objects.create(
        resolution=res, paragraph=para, due_session=75, due_year=2020, action="submit a report"
    )
    Activity.objects.create(
        biennium=b,
        code="AU-1",
        title="Joint mediation training",
        priority_area=area,
        un_lead=un_lead or world.un_entities[0],
        partner_lead=commission,
        start_on=datetime.date(year + 1, 3, 1),
        end_on=datetime.date(year + 1, 3, 5),
        status="completed",
    )
    return fw


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_cli_writes_one_chapter_per_framework_in_agenda_order(world, tmp_path, lang):
    african_union(world)
    out = tmp_path / f"combined.{lang}.docx"
    call_command(
        "report", "sg", "--all-frameworks", "--from", "2018-09", "--to", "2020-08",
        "--format", "docx", "--lang", lang, "-o", str(out),
    )  # fmt: skip
    word = WordDocument(str(out))
    chapters = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert (
        chapters
        == {
            "en": ["I. African Union", "II. Organization of Islamic Cooperation"],
            "fr": ["I. Union africaine", "II. Organisation de la coopération islamique"],
        }[lang]
    )
    text = [p.text for p in word.paragraphs]
    assert {"en": "Item 128 of the preliminary list*", "fr": "Point 128 de la liste préliminaire*"}[
        lang
    ] in text
    # the OIC's chapter holds the OIC's own report, chapter by chapter
    own = build_sg_report(world.framework, START, END, lang)
    subsections = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert [t.split(" ", 1)[1] for t in subsections[-len(own.sections) :]] == [
        s.title for s in own.sections
    ]
    assert sum(1 for t in subsections if t.endswith("Introduction")) == 2
    assert any(p.style.name == "Heading 3" for p in word.paragraphs)
    assert "Joint mediation training" in "\n".join(text)


def test_the_combined_pdf_and_html_have_both_frameworks(world):
    african_union(world)
    from accord.reports.render import render

    doc = build_combined_report(START, END, "en")
    html = render(doc, "html").decode()
    assert html.index("African Union") < html.index("Organization of Islamic Cooperation</h2>")
    assert render(doc, "pdf").startswith(b"%PDF")
