"""The report pages: the matrix export link, the import with preview then confirmation,
reports generated as background jobs with a progress page and a download, open data."""

from __future__ import annotations

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document as WordDocument
from openpyxl import load_workbook

from accord.accounts.models import Membership
from accord.cooperation.models import Activity, Framework
from accord.reports.matrix import export_matrix
from accord.reports.models import ReportJob
from tests.reports.test_matrix import edit_xlsx, row_of


@pytest.fixture
def admin_client(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    client.force_login(world.admin)
    return client


def test_the_export_link_downloads_the_workbook(admin_client, world):
    response = admin_client.get(reverse("matrix-export", args=[world.biennium.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="matrix-un-oic-2018-2019.xlsx"'
    ws = load_workbook(io.BytesIO(response.content))["Matrix"]
    assert ws.max_row == len(world.activities) + 1
    csv = admin_client.get(reverse("matrix-export", args=[world.biennium.pk]) + "?format=csv")
    assert csv["Content-Type"].startswith("text/csv")


def test_a_stranger_may_not_export_the_working_matrix(client, world):
    stranger = get_user_model().objects.create_user("stranger")
    client.force_login(stranger)
    assert client.get(reverse("matrix-export", args=[world.biennium.pk])).status_code == 403
    client.logout()
    assert (
        client.get(reverse("matrix-export", args=[world.biennium.pk])).status_code == 302
    )  # to sign in


def test_the_import_page_previews_then_applies(admin_client, world):
    data = export_matrix(world.biennium, "xlsx", user=world.admin)
    code = world.activities[0].code
    edited = edit_xlsx(data, {(row_of(data, code), "Title"): "Renamed on the page"})
    url = reverse("matrix-import", args=[world.biennium.pk])
    response = admin_client.post(
        url, {"action": "preview", "file": SimpleUploadedFile("m.xlsx", edited)}
    )
    assert response.status_code == 302 and "/uploads/" in response["Location"]
    response = admin_client.get(response["Location"], follow=True)  # the job's page, then
    assert response.status_code == 200  # the preview of the plan the job made
    page = response.content.decode()
    assert "Renamed on the page" in page and 'name="token"' in page
    assert Activity.objects.get(code=code).title != "Renamed on the page"
    token = response.context["token"]
    response = admin_client.post(url, {"action": "apply", "token": token})
    assert response.status_code == 302
    assert Activity.objects.get(code=code).title == "Renamed on the page"


def test_the_import_page_lists_problems_and_offers_no_apply(admin_client, world):
    data = export_matrix(world.biennium, "xlsx", user=world.admin)
    edited = edit_xlsx(data, {(2, "Status"): "finished"})
    response = admin_client.post(
        reverse("matrix-import", args=[world.biennium.pk]),
        {"action": "preview", "file": SimpleUploadedFile("m.xlsx", edited)},
        follow=True,
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "status “finished” is not in the list" in page and 'name="token"' not in page


def test_the_sg_report_runs_as_a_job_and_is_downloaded(admin_client, world):
    response = admin_client.post(
        reverse("report-sg"),
        {
            "framework": "un-oic",
            "start": "2018-09",
            "end": "2020-08",
            "format": "docx",
            "lang": "en",
        },
    )
    job = ReportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "report-job", args=[job.pk]
    )
    assert job.status == "done" and job.progress == 1.0 and job.task_id
    status = json.loads(
        admin_client.get(reverse("report-job", args=[job.pk]) + "?format=json").content
    )
    assert status["status"] == "done" and status["download"].endswith("?download=1")
    page = admin_client.get(reverse("report-job", args=[job.pk])).content.decode()
    assert "Download sg-un-oic-2018-09-2020-08-en.docx" in page
    download = admin_client.get(status["download"])
    word = WordDocument(io.BytesIO(b"".join(download.streaming_content)))
    assert any(p.text == "Report of the Secretary-General" for p in word.paragraphs)


def _combined_form() -> dict:
    return {"all_frameworks": "1", "start": "2018-09", "end": "2020-08", "format": "docx"}


def test_the_combined_report_runs_as_a_job_from_the_page(admin_client, world):
    from tests.reports.test_combined_report import african_union

    african_union(world)
    assert 'name="all_frameworks"' in admin_client.get(reverse("report-sg")).content.decode()
    response = admin_client.post(reverse("report-sg"), _combined_form() | {"lang": "fr"})
    job = ReportJob.objects.get()
    assert response.status_code == 302 and job.status == "done", job.error
    assert job.params["all_frameworks"] and job.filename == "sg-combined-2018-09-2020-08-fr.docx"
    word = WordDocument(job.file.path)
    chapters = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert chapters == ["I. Union africaine", "II. Organisation de la coopération islamique"]


def test_a_member_of_one_framework_is_not_offered_the_combined_report(client, world):
    from tests.reports.test_combined_report import african_union

    african_union(world)
    member = get_user_model().objects.create_user("oic-only")
    Membership.objects.create(user=member, role="viewer", framework=world.framework)
    client.force_login(member)
    page = client.get(reverse("report-sg")).content.decode()
    assert 'name="all_frameworks"' not in page and 'value="un-oic"' in page
    refused = client.post(reverse("report-sg"), _combined_form() | {"lang": "en"})
    assert refused.status_code == 403 and not ReportJob.objects.exists()
    Membership.objects.create(
        user=member, role="viewer", framework=Framework.objects.get(slug="un-au")
    )
    client.force_login(get_user_model().objects.get(pk=member.pk))  # grants read anew
    assert 'name="all_frameworks"' in client.get(reverse("report-sg")).content.decode()


def test_a_failed_job_says_why(admin_client, world):
    from accord.reports.tasks import start_report

    job = start_report(
        kind="sg_report",
        params={"framework": "nowhere", "start": "2018-09-01", "end": "2020-08-31"},
        fmt="docx",
        lang="en",
    )
    assert job.status == "failed" and "DoesNotExist" in job.error


def test_the_review_pack_page_starts_a_job(admin_client, world):
    response = admin_client.post(
        reverse("review-pack", args=[world.meetings["next"].pk]), {"format": "pdf", "lang": "fr"}
    )
    job = ReportJob.objects.get()
    assert response.status_code == 302 and job.status == "done" and job.filename.endswith("-fr.pdf")


def test_open_data_serves_only_published_activities_to_the_public(client, world):
    published = world.activities[0]
    Activity.objects.filter(pk=published.pk).update(is_published=True)
    body = json.loads(
        client.get(reverse("opendata-matrix", args=[world.biennium.pk, "json"])).content
    )
    assert [a["code"] for a in body["activities"]] == [published.code]
    viewer = get_user_model().objects.create_user("viewer")
    Membership.objects.create(user=viewer, role="viewer", framework=world.framework)
    client.force_login(viewer)
    csv = client.get(reverse("opendata-matrix", args=[world.biennium.pk, "csv"])).content.decode(
        "utf-8-sig"
    )
    assert csv.count("\r\n") == len(world.activities) + 1


def test_open_data_registry_and_resolutions(client, world):
    registry = json.loads(client.get(reverse("opendata-registry", args=["json"])).content)
    assert {e["acronym"] for e in registry["entities"]} >= {"OHCHR", "IPHRC"}
    csv = client.get(reverse("opendata-registry", args=["csv"])).content.decode("utf-8-sig")
    assert csv.startswith("organization,acronym,name_en")
    res = world.resolution
    body = json.loads(client.get(reverse("opendata-resolution", args=[res.pk, "json"])).content)
    assert body["symbol"] == "A/RES/73/135" and body["mandates"][0]["paragraph"] == "op-25"
    assert client.get(reverse("opendata-resolution", args=[res.pk, "akn"])).status_code == 404
    res.akn = '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>'
    res.save()
    response = client.get(reverse("opendata-resolution", args=[res.pk, "akn"]))
    assert response.status_code == 200 and b"akomaNtoso" in response.content
    index = client.get(reverse("opendata")).content.decode()
    assert reverse("opendata-resolution", args=[res.pk, "akn"]) in index
