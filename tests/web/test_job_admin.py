"""The task worker's jobs in the back office (issue 12): an administrator lists the upload
and report jobs (kind, status, progress, who asked, when), opens one read only, cannot
add or change one, and may delete one (its stored file with it); a coordinator, whom the
permissions module keeps out of the admin, is refused."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.accounts import permissions
from accord.documents.models import UploadJob
from accord.reports.models import ReportJob
from accord.reports.tasks import start_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def jobs(client, world, settings, tmp_path):
    """One upload job (a refused file) and one report job, each asked for by a user."""
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.coordinator)
    client.post(
        reverse("resolution-upload", args=[world.framework.slug]),
        {"file": SimpleUploadedFile("notes.txt", b"Minutes of a lunch.")},
    )
    report = start_report(
        kind=ReportJob.Kind.SG_REPORT,
        fmt="html",
        lang="en",
        user=world.coordinator,
        params={"framework": world.framework.slug, "start": "2018-09-01", "end": "2020-08-31"},
    )
    client.logout()
    return UploadJob.objects.get(), report


@pytest.mark.parametrize("model", ["documents_uploadjob", "reports_reportjob"])
def test_an_administrator_lists_and_opens_jobs_read_only(client, world, jobs, model):
    job = jobs[0] if model.startswith("documents") else jobs[1]
    client.force_login(world.admin)
    listing = client.get(reverse(f"admin:{model}_changelist"))
    page = listing.content.decode()
    assert listing.status_code == 200
    for shown in (job.get_kind_display(), job.get_status_display(), f"{job.percent} %"):
        assert str(shown) in page
    assert world.coordinator.username in page
    assert reverse(f"admin:{model}_add") not in page  # no "Add" link

    opened = client.get(reverse(f"admin:{model}_change", args=[job.pk]))
    assert opened.status_code == 200
    assert 'name="_save"' not in opened.content.decode()  # read only: nothing to save
    assert client.get(reverse(f"admin:{model}_add")).status_code == 403
    posted = client.post(reverse(f"admin:{model}_change", args=[job.pk]), {"status": "queued"})
    assert posted.status_code == 403
    assert type(job).objects.get(pk=job.pk).status == job.status


def test_an_administrator_deletes_a_job_and_its_file(client, world, jobs):
    report = jobs[1]
    assert report.file and report.file.storage.exists(report.file.name)
    client.force_login(world.admin)
    url = reverse("admin:reports_reportjob_delete", args=[report.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"post": "yes"})
    assert not ReportJob.objects.filter(pk=report.pk).exists()
    assert not report.file.storage.exists(report.file.name)


def test_a_coordinator_is_refused_the_jobs_of_the_admin(client, world, jobs):
    assert not permissions.can_use_admin(world.coordinator)
    client.force_login(world.coordinator)  # who asked for both jobs
    for model in ("documents_uploadjob", "reports_reportjob"):
        listing = client.get(reverse(f"admin:{model}_changelist"), follow=True)
        assert listing.redirect_chain and listing.redirect_chain[-1][0] == reverse("home")
        assert "are for administrators" in listing.content.decode()
        job = jobs[0] if model.startswith("documents") else jobs[1]
        delete = client.post(reverse(f"admin:{model}_delete", args=[job.pk]), {"post": "yes"})
        assert delete.status_code == 302 and type(job).objects.filter(pk=job.pk).exists()
