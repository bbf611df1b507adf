"""The matrix through .xlsx and .csv: export, preview, apply, every problem reported by
row and column, nothing written unless the whole file is valid, round trip safe."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from accord.accounts.models import Membership
from accord.cooperation.models import Activity
from accord.reports import matrix_csv, matrix_xlsx
from accord.reports.matrix import export_matrix, import_matrix
from accord.reports.matrix_import import ImportRejected
from accord.reports.matrix_table import COLUMNS


def history_count() -> int:
    """History records of every kind (activities, their many-to-many links, the rest)."""
    from django.apps import apps

    return sum(
        model.objects.count()
        for model in apps.get_models()
        if model.__name__.startswith("Historical")
    )


def edit_xlsx(
    data: bytes, edits: dict[tuple[int, str], object], extra_rows: list[list] | None = None
) -> bytes:
    """Change cells of the Matrix sheet: ``{(row, header): value}``."""
    wb = load_workbook(io.BytesIO(data))
    ws = wb["Matrix"]
    headers = [c.value for c in ws[1]]
    for (row, header), value in edits.items():
        ws.cell(row=row, column=headers.index(header) + 1, value=value)
    for extra in extra_rows or []:
        ws.append(extra)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def row_of(data: bytes, code: str) -> int:
    ws = load_workbook(io.BytesIO(data))["Matrix"]
    for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
        if row[0] == code:
            return number
    raise AssertionError(code)


def test_the_workbook_has_a_frozen_header_lists_and_one_row_per_activity(world):
    data = export_matrix(world.biennium, "xlsx", user=world.admin)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Matrix", "Lists", "Codes"]
    ws = wb["Matrix"]
    assert ws.freeze_panes == "B2"
    assert [c.value for c in ws[1]] == [c.header for c in COLUMNS]
    codes = [r[0] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert sorted(codes) == sorted(a.code for a in world.activities)
    assert ws.column_dimensions["B"].width >= 40
    assert ws.column_dimensions["O"].hidden  # version
    assert wb["Lists"].sheet_state == "hidden"
    validations = {
        str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation
    }
    assert validations["D2"].startswith("Lists!")  # priority area
    assert validations["E2"].startswith("Lists!")  # status
    assert validations["F2"].startswith("Lists!")  # UN lead
    codes_sheet = list(wb["Codes"].iter_rows(values_only=True))
    assert ("priority area", "peace", "Peace and security") in codes_sheet


def test_importing_an_unedited_export_changes_nothing(world):
    for fmt in ("xlsx", "csv"):
        before = history_count()
        data = export_matrix(world.biennium, fmt, user=world.admin)
        plan = import_matrix(data, fmt, user=world.admin, apply=True)
        assert plan.is_valid, plan.problems
        assert plan.count("unchanged") == len(world.activities)
        assert plan.count("update") == plan.count("create") == 0
        assert history_count() == before


def test_the_preview_shows_field_changes_and_writes_nothing(world):
    data = export_matrix(world.biennium, "xlsx", user=world.admin)
    code = world.activities[0].code
    row = row_of(data, code)
    edited = edit_xlsx(data, {(row, "Title"): "A renamed workshop", (row, "Status"): "cancelled"})
    before = history_count()
    plan = import_matrix(edited, "xlsx", user=world.admin)
    assert plan.is_valid and not plan.applied
    (changed,) = [r for r in plan.rows if r.action == "update"]
    assert changed.code == code
    assert {(c.field, c.new) for c in changed.changes} == {
        ("title", "A renamed workshop"),
        ("status", "cancelled"),
    }
    assert history_count() == before
    assert Activity.objects.get(code=code).title != "A renamed workshop"


def test_applying_updates_matched_rows_and_creates_new_codes(world):
    data = export_matrix(world.biennium, "xlsx", user=world.admin)
    first = world.activities[0]
    row = row_of(data, first.code)
    new = [
        "NEW-1",
        "Regional seminar",
        "",
        "Human rights",
        "planned",
        "OHCHR",
        "IPHRC",
        "UNICEF; WHO",
        datetime.date(2019, 5, 1),
        datetime.date(2019, 5, 3),
        "",
        "16.6; 5.1",
        "2018-2019",
        "un-oic",
        None,
    ]
    edited = edit_xlsx(data, {(row, "End"): datetime.date(2019, 12, 31)}, extra_rows=[new])
    plan = import_matrix(edited, "xlsx", user=world.admin, apply=True)
    assert plan.applied, plan.problems
    first.refresh_from_db()
    assert first.end_on == datetime.date(2019, 12, 31)
    assert first.version == 2
    created = Activity.objects.get(code="NEW-1")
    assert created.priority_area.code == "human-rights"
    assert sorted(e.acronym for e in created.participants.all()) == ["UNICEF", "WHO"]
    assert sorted(t.code for t in created.sdg_targets.all()) == ["16.6", "5.1"]
    assert created.history.first().history_user == world.admin


def test_every_problem_is_reported_by_row_and_column_and_nothing_is_written(world):
    data = export_matrix(world.biennium, "xlsx", user=world.admin)
    a, b, c = world.activities[:3]
    ra, rb, rc = row_of(data, a.code), row_of(data, b.code), row_of(data, c.code)
    edited = edit_xlsx(
        data,
        {
            (ra, "Title"): "This change must not be saved",
            (rb, "UN lead"): "UNKNOWNO",
            (rb, "Start"): "31/12/2019",
            (rc, "Status"): "finished",
            (rc, "Priority area"): "Space exploration",
        },
        extra_rows=[
            [
                a.code,
                "A duplicate",
                "",
                "Health",
                "planned",
                "",
                "",
                "",
                None,
                None,
                "",
                "",
                "2018-2019",
                "un-oic",
                None,
            ]
        ],
    )
    before = history_count()
    with pytest.raises(ImportRejected) as caught:
        import_matrix(edited, "xlsx", user=world.admin, apply=True)
    found = {(p.row, p.column) for p in caught.value.plan.problems}
    last = len(world.activities) + 2
    assert {
        (rb, "UN lead"),
        (rb, "Start"),
        (rc, "Status"),
        (rc, "Priority area"),
        (last, "Code"),
    } <= found
    messages = " ".join(p.message for p in caught.value.plan.problems)
    assert "unknown entity “UNKNOWNO”" in messages
    assert (
        "not a date" in messages and "duplicated code" in messages and "not in the list" in messages
    )
    assert history_count() == before
    assert Activity.objects.get(pk=a.pk).title == a.title


def test_a_row_changed_in_accord_since_the_export_is_a_conflict(world):
    data = export_matrix(world.biennium, "csv", user=world.admin)
    activity = world.activities[1]
    from accord.cooperation.services import activity_update

    activity_update(
        activity=activity,
        user=world.admin,
        expected_version=activity.version,
        title="Edited online",
    )
    header, rows = matrix_csv.read_rows(data)
    text = data.decode("utf-8-sig").replace(
        f"{activity.code},{world.activities[1].title}", f"{activity.code},Edited in the file"
    )
    with pytest.raises(ImportRejected) as caught:
        import_matrix(text.encode(), "csv", user=world.admin, apply=True)
    (problem,) = caught.value.plan.problems
    assert problem.column == "Version" and "conflict" in problem.message
    assert Activity.objects.get(pk=activity.pk).title == "Edited online"


def test_a_stale_but_unedited_row_is_not_a_conflict(world):
    data = export_matrix(world.biennium, "xlsx", user=world.admin)
    activity = world.activities[2]
    from accord.cooperation.services import activity_update

    activity_update(
        activity=activity,
        user=world.admin,
        expected_version=activity.version,
        title="Edited online",
    )
    activity_update(
        activity=activity,
        user=world.admin,
        expected_version=activity.version + 1,
        title=activity.title,
    )
    plan = import_matrix(data, "xlsx", user=world.admin)
    assert plan.is_valid and plan.count("unchanged") == len(world.activities)


def test_a_focal_point_may_only_change_the_rows_of_their_entity(world):
    user = get_user_model().objects.create_user("fp")
    entity = world.un_entities[0]
    Membership.objects.create(
        user=user, role="focal_point", framework=world.framework, entity=entity
    )
    data = export_matrix(world.biennium, "xlsx", user=world.admin)
    mine = next(a for a in world.activities if a.un_lead_id == entity.pk)
    other = next(
        a
        for a in world.activities
        if entity.pk not in (a.un_lead_id, a.partner_lead_id)
        and not a.participants.filter(pk=entity.pk)
    )
    ok = edit_xlsx(data, {(row_of(data, mine.code), "Status"): "completed"})
    assert import_matrix(ok, "xlsx", user=user).is_valid
    bad = edit_xlsx(
        data,
        {
            (row_of(data, mine.code), "Status"): "completed",
            (row_of(data, other.code), "Status"): "cancelled",
        },
    )
    plan = import_matrix(bad, "xlsx", user=user)
    assert [(p.row, p.message) for p in plan.problems] == [
        (row_of(data, other.code), f"you may not edit activity {other.code}")
    ]
    unchanged_by_viewer = import_matrix(data, "xlsx", user=user)
    assert unchanged_by_viewer.is_valid


def test_csv_round_trips_accents_arabic_and_line_breaks(world):
    activity = world.activities[0]
    from accord.cooperation.services import activity_update

    activity_update(
        activity=activity,
        user=world.admin,
        expected_version=1,
        title="Séminaire « droits » — حقوق الإنسان",
        description='line one\nline two, with "quotes"',
    )
    data = export_matrix(world.biennium, "csv", user=world.admin)
    assert data.startswith("\ufeff".encode())
    header, rows = matrix_csv.read_rows(data)
    assert header[0] == "Code"
    plan = import_matrix(data, "csv", user=world.admin)
    assert plan.is_valid and plan.count("unchanged") == len(world.activities)
    # a problem on the row after the one with line breaks is reported on its spreadsheet row
    assert "\n" in rows[0][1][2]
    rows[1][1][4] = "someday"
    out = io.StringIO()
    csv.writer(out).writerows([header] + [cells for _, cells in rows])
    plan = import_matrix(out.getvalue().encode(), "csv", user=world.admin)
    assert [(p.row, p.column) for p in plan.problems] == [(3, "Status")]


def test_a_file_that_is_not_a_workbook_is_a_clear_problem(world):
    plan = import_matrix(b"not a zip file", "xlsx", user=world.admin)
    assert len(plan.problems) == 1 and "not an Excel .xlsx workbook" in plan.problems[0].message
    with pytest.raises(ValueError):
        matrix_xlsx.read_rows(b"\x00\x01")


def test_the_cli_exports_previews_and_applies(world, tmp_path, capsys):
    out = tmp_path / "m.xlsx"
    call_command(
        "matrix", "export", "--framework", "un-oic", "--biennium", "2018-2019", "-o", str(out)
    )
    data = out.read_bytes()
    code = world.activities[3].code
    out.write_bytes(edit_xlsx(data, {(row_of(data, code), "Funding source"): "UNDP trust fund"}))
    call_command("matrix", "import", str(out))
    printed = capsys.readouterr().out
    assert f"update {code}" in printed and "Funding source" in printed and "Preview" in printed
    assert Activity.objects.get(code=code).funding_source != "UNDP trust fund"
    call_command("matrix", "import", str(out), "--apply", "--user", "report-admin")
    assert Activity.objects.get(code=code).funding_source == "UNDP trust fund"


def test_the_cli_fails_with_the_problems_on_an_invalid_file(world, tmp_path, capsys):
    out = tmp_path / "m.csv"
    call_command("matrix", "export", "--biennium", "2018-2019", "-o", str(out))
    text = out.read_text(encoding="utf-8-sig").replace(",2018-2019,", ",2031-2032,", 1)
    out.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("matrix", "import", str(out), "--apply")
    assert "nothing was written" in str(caught.value)
    assert "unknown biennium “2031-2032”" in capsys.readouterr().err
    with pytest.raises(CommandError, match="no biennium"):
        call_command("matrix", "export", "--biennium", "1999-2000", "-o", str(tmp_path / "x.xlsx"))
    with pytest.raises(CommandError, match=".xlsx or .csv"):
        call_command("matrix", "export", "--biennium", "2018-2019", "-o", str(tmp_path / "x.ods"))


def test_new_rows_need_the_right_to_create_activities(world):
    data = export_matrix(world.biennium, "xlsx", user=world.admin)
    new = [
        "NEW-9",
        "Expert meeting",
        "",
        "Health",
        "planned",
        "WHO",
        "",
        "",
        None,
        None,
        "",
        "",
        "2018-2019",
        "un-oic",
        None,
    ]
    focal = get_user_model().objects.create_user("focal")
    Membership.objects.create(
        user=focal, role="focal_point", framework=world.framework, entity=world.un_entities[5]
    )
    plan = import_matrix(edit_xlsx(data, {}, extra_rows=[new]), "xlsx", user=focal)
    assert [p.message for p in plan.problems] == ["you may not create activity NEW-9 in un-oic"]
    coordinator = get_user_model().objects.create_user("coordinator")
    Membership.objects.create(
        user=coordinator,
        role="coordinator",
        framework=world.framework,
        organization=world.framework.un_organization,
    )
    plan = import_matrix(
        edit_xlsx(data, {}, extra_rows=[new]), "xlsx", user=coordinator, apply=True
    )
    assert (
        plan.applied
        and Activity.objects.get(code="NEW-9").history.first().history_user == coordinator
    )


def test_a_hand_made_csv_without_framework_and_biennium_columns_is_imported_into_a_biennium(
    world, tmp_path, capsys
):
    path = tmp_path / "new.csv"
    path.write_text(
        "Code;Title;Priority area;UN lead\nHM-1;Desk review of curricula;education;UNESCO\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError):
        call_command("matrix", "import", str(path))
    assert "does not say which framework" in capsys.readouterr().err
    call_command(
        "matrix", "import", str(path), "--framework", "un-oic", "--biennium", "2020-2021", "--apply"
    )
    made = Activity.objects.get(code="HM-1")
    assert (
        made.biennium == world.next_biennium
        and made.un_lead.acronym == "UNESCO"
        and made.status == "planned"
    )
