"""The review pack of a general meeting: the matrix by priority area with status and
last progress, and the previous general meeting's recommendations with their action
items, in Word and PDF."""

from __future__ import annotations

import io

from django.core.management import call_command
from docx import Document as WordDocument

from accord.cooperation.models import ActionItem
from accord.reports.render import render
from accord.reports.review_pack import build_review_pack, previous_general_meeting
from tests.reports.test_sg_report import pdf_text


def test_the_previous_general_meeting_is_the_one_before(world):
    assert previous_general_meeting(world.meetings["next"]) == world.meetings["rabat"]
    assert previous_general_meeting(world.meetings["rabat"]) == world.meetings["istanbul"]
    assert previous_general_meeting(world.meetings["istanbul"]) is None


def test_the_pack_lists_every_activity_by_area_and_every_recommendation(world):
    word = WordDocument(io.BytesIO(render(build_review_pack(world.meetings["next"], "en"), "docx")))
    codes = {row.cells[0].text for table in word.tables for row in table.rows[1:]}
    assert {a.code for a in world.activities} <= codes
    area_headings = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert [h.split(" ", 1)[1] for h in area_headings] == [a.name_en for a in world.areas]
    progress = {
        row.cells[0].text: row.cells[4].text
        for table in word.tables
        if len(table.columns) == 5
        for row in table.rows[1:]
    }
    first = world.activities[0]
    assert progress[first.code].endswith(f"Progress note on {first.code}.")
    item = ActionItem.objects.filter(decision__meeting=world.meetings["rabat"]).first()
    statuses = {
        row.cells[0].text: row.cells[3].text
        for table in word.tables
        if len(table.columns) == 4
        for row in table.rows[1:]
    }
    assert statuses[item.title].startswith(
        {"open": "open", "in_progress": "in progress", "done": "done", "cancelled": "cancelled"}[
            item.status
        ]
    )
    recs = [p.text for p in word.paragraphs if p.text.startswith("Recommendation ")]
    assert len(recs) == world.meetings["rabat"].decisions.count()


def test_the_pack_prints_to_pdf_in_arabic(world, tmp_path):
    out = tmp_path / "pack.pdf"
    call_command(
        "report",
        "review-pack",
        "--meeting",
        str(world.meetings["next"].pk),
        "--format",
        "pdf",
        "--lang",
        "ar",
        "-o",
        str(out),
    )
    pages, text = pdf_text(out.read_bytes())
    assert pages >= 1
    assert world.activities[0].code in text
