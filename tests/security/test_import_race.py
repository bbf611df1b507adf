"""The matrix import keeps other users' edits (issue 12, items 2, 3 and 8): the apply
writes the plan the user confirmed, a row without a version is a conflict, a missing
column leaves its field as it is, and a focal point cannot hand their row to another
lead. Runs on the test database (SQLite here, PostgreSQL in CI)."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.accounts.models import Membership
from accord.cooperation.models import Activity
from accord.cooperation.services import activity_update
from accord.reports.matrix import export_matrix, import_matrix
from accord.reports.matrix_import import ImportRejected
from tests.world import build_world


@pytest.fixture
def matrix(db, fast_hasher):
    return build_world(reports=True, activities=4, action_items=0)


def _csv_edit(data: bytes, code: str, edits: dict[str, str], drop=()) -> bytes:
    """The exported CSV with ``edits`` (header -> value) on ``code``'s row and the
    ``drop`` columns removed."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header = rows[0]
    for row in rows[1:]:
        if row[0] == code:
            for name, value in edits.items():
                row[header.index(name)] = value
    keep = [i for i, name in enumerate(header) if name not in drop]
    out = io.StringIO()
    csv.writer(out).writerows([[r[i] for i in keep] for r in rows])
    return out.getvalue().encode()


def _b_changes_the_title(activity: Activity, user) -> None:
    """What the activity page does for user B: save with the version B's form showed."""
    fresh = Activity.objects.get(pk=activity.pk)
    activity_update(activity=fresh, user=user, expected_version=fresh.version, title="B's title")


def _preview(client, biennium, name: str, data: bytes):
    url = reverse("matrix-import", args=[biennium.pk])
    # the upload goes to its job's page, which (done with the immediate backend) goes on
    # to the preview
    return client.post(
        url, {"action": "preview", "file": SimpleUploadedFile(name, data)}, follow=True
    )


def test_without_the_version_column_a_changed_row_is_a_conflict_and_b_keeps_the_title(
    client, matrix
):
    a = matrix.activities[0]
    client.force_login(matrix.admin)
    exported = export_matrix(matrix.biennium, "csv", user=matrix.admin)
    edited = _csv_edit(exported, a.code, {"Description": "A's description"}, drop=("Version",))
    response = _preview(client, matrix.biennium, "m.csv", edited)
    page = response.content.decode()
    assert response.status_code == 400 and 'name="token"' not in page
    assert "has no Version" in page and "Version" in page
    _b_changes_the_title(a, matrix.admin)
    with pytest.raises(ImportRejected):
        import_matrix(edited, "csv", user=matrix.admin, apply=True)
    now = Activity.objects.get(pk=a.pk)
    assert now.title == "B's title" and now.description != "A's description"


def test_with_the_version_column_the_apply_refuses_a_row_changed_since_the_preview(client, matrix):
    a = matrix.activities[0]
    client.force_login(matrix.admin)
    exported = export_matrix(matrix.biennium, "csv", user=matrix.admin)
    edited = _csv_edit(exported, a.code, {"Description": "A's description"})
    response = _preview(client, matrix.biennium, "m.csv", edited)
    assert response.status_code == 200, response.content.decode()
    token = response.context["token"]
    assert token and "A&#x27;s description" in response.content.decode()
    _b_changes_the_title(a, matrix.admin)
    url = reverse("matrix-import", args=[matrix.biennium.pk])
    response = client.post(url, {"action": "apply", "token": token}, follow=True)
    assert response.status_code == 400  # the job page goes on to the apply's conflicts
    assert "conflict" in response.content.decode()
    now = Activity.objects.get(pk=a.pk)
    assert now.title == "B's title" and now.description != "A's description"


def test_the_apply_refuses_a_row_that_was_unchanged_on_the_preview(client, matrix):
    """Row X is edited in the file; row Y unchanged. B edits Y after the preview: the
    apply must not write Y back (nor X: all or nothing)."""
    x, y = matrix.activities[0], matrix.activities[1]
    client.force_login(matrix.admin)
    exported = export_matrix(matrix.biennium, "csv", user=matrix.admin)
    edited = _csv_edit(exported, x.code, {"Description": "A's description"})
    token = _preview(client, matrix.biennium, "m.csv", edited).context["token"]
    _b_changes_the_title(y, matrix.admin)
    url = reverse("matrix-import", args=[matrix.biennium.pk])
    response = client.post(url, {"action": "apply", "token": token}, follow=True)
    assert response.status_code == 400  # the job page goes on to the apply's conflicts
    assert Activity.objects.get(pk=y.pk).title == "B's title"
    assert Activity.objects.get(pk=x.pk).description != "A's description"


def test_the_confirmed_plan_is_applied_when_nothing_moved(client, matrix):
    a = matrix.activities[0]
    client.force_login(matrix.admin)
    exported = export_matrix(matrix.biennium, "csv", user=matrix.admin)
    edited = _csv_edit(exported, a.code, {"Description": "A's description"})
    token = _preview(client, matrix.biennium, "m.csv", edited).context["token"]
    url = reverse("matrix-import", args=[matrix.biennium.pk])
    assert client.post(url, {"action": "apply", "token": token}).status_code == 302
    assert Activity.objects.get(pk=a.pk).description == "A's description"


def test_another_user_cannot_apply_someone_elses_preview(client, matrix):
    a = matrix.activities[0]
    client.force_login(matrix.admin)
    exported = export_matrix(matrix.biennium, "csv", user=matrix.admin)
    edited = _csv_edit(exported, a.code, {"Description": "A's description"})
    token = _preview(client, matrix.biennium, "m.csv", edited).context["token"]
    other = get_user_model().objects.create_superuser("other-admin")
    client.force_login(other)
    url = reverse("matrix-import", args=[matrix.biennium.pk])
    client.post(url, {"action": "apply", "token": token})
    assert Activity.objects.get(pk=a.pk).description != "A's description"


def test_a_missing_column_leaves_its_field_as_it_is(client, matrix):
    a = next(x for x in matrix.activities if x.un_lead_id and x.sdg_targets.exists())
    targets = set(a.sdg_targets.values_list("pk", flat=True))
    client.force_login(matrix.admin)
    exported = export_matrix(matrix.biennium, "csv", user=matrix.admin)
    edited = _csv_edit(
        exported,
        a.code,
        {"Description": "Only this"},
        drop=("UN lead", "Start", "End", "SDG targets", "Other participants"),
    )
    response = _preview(client, matrix.biennium, "m.csv", edited)
    page = response.content.decode()
    assert response.status_code == 200 and "Columns not in the file" in page
    assert "UN lead" in page.split("Columns not in the file")[1].split("</p>")[0]
    plan = response.context["plan"]  # the preview the job recorded
    assert [c["field"] for r in plan["rows"] for c in r["changes"]] == ["description"]
    url = reverse("matrix-import", args=[matrix.biennium.pk])
    client.post(url, {"action": "apply", "token": response.context["token"]})
    now = Activity.objects.get(pk=a.pk)
    assert now.description == "Only this" and now.un_lead_id == a.un_lead_id
    assert (now.start_on, now.end_on) == (a.start_on, a.end_on)
    assert set(now.sdg_targets.values_list("pk", flat=True)) == targets


def test_a_focal_point_cannot_move_their_row_to_another_lead(matrix):
    entity = matrix.un_entities[0]
    user = get_user_model().objects.create_user("fp-race")
    Membership.objects.create(
        user=user, role="focal_point", framework=matrix.framework, entity=entity
    )
    mine = Activity.objects.filter(framework=matrix.framework, un_lead=entity).first()
    if mine is None:
        mine = matrix.activities[0]
        activity_update(
            activity=mine, user=matrix.admin, expected_version=mine.version, un_lead=entity
        )
        mine.refresh_from_db()
    other = next(e for e in matrix.un_entities if e.pk != entity.pk)
    exported = export_matrix(matrix.biennium, "csv", user=matrix.admin)
    label = other.acronym or other.name_en
    moved = _csv_edit(exported, mine.code, {"UN lead": label})
    plan = import_matrix(moved, "csv", user=user)
    assert [p.message for p in plan.problems] == [f"you may not edit activity {mine.code}"]
    with pytest.raises(ImportRejected):
        import_matrix(moved, "csv", user=user, apply=True)
    assert Activity.objects.get(pk=mine.pk).un_lead_id == entity.pk
    kept = _csv_edit(exported, mine.code, {"Status": "completed"})
    assert import_matrix(kept, "csv", user=user).is_valid
