"""The report pages' options are forms (issue 12): a bad format, language, month, period
or framework posted to the Secretary-General's report or to a review pack starts no job
and the page says which option is wrong, in the reader's language; good options start
the job."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accord.cooperation.models import Meeting
from accord.reports.models import ReportJob

pytestmark = pytest.mark.django_db

GOOD = {"framework": "un-oic", "start": "2018-09", "end": "2020-08", "format": "docx"}


def _refused(client, url: str, data: dict) -> str:
    response = client.post(url, data)
    assert response.status_code == 400 and not ReportJob.objects.exists()
    page = response.content.decode()
    assert 'role="alert"' in page
    return page


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        ({"format": "exe"}, "Format: Choose one of the formats offered: DOCX, PDF, HTML."),
        ({"lang": "de"}, "Language: Choose one of the languages offered."),
        ({"start": "2019-13"}, "“2019-13” is not a month: write it as YYYY-MM (e.g. 2018-09)."),
        ({"end": "2017-01"}, "to: The period ends before it starts."),
        ({"framework": "nowhere"}, "Framework: Choose a framework whose report you may draft."),
        ({"framework": ""}, "Framework: Choose a framework, or all frameworks."),
    ],
)
def test_a_bad_report_option_is_the_forms_error(client, world, bad, error):
    client.force_login(world.coordinator)
    page = _refused(client, reverse("report-sg"), GOOD | bad)
    assert error in page


def test_the_forms_errors_are_translated(client, world):
    client.force_login(world.coordinator)
    url = reverse("report-sg")  # before a /fr/ answer leaves French active here
    page = _refused(client, f"/fr{url}", GOOD | {"end": "2017-01"})
    assert "La période se termine avant de commencer." in page
    page = _refused(client, f"/ar{url}", GOOD | {"format": "exe"})
    assert "اختر أحد الأنساق المعروضة" in page


def test_a_review_pack_is_word_or_pdf(client, world):
    meeting = Meeting.objects.create(framework=world.framework, kind="general", title="Rabat")
    client.force_login(world.coordinator)
    url = reverse("review-pack", args=[meeting.pk])
    page = _refused(client, url, {"format": "html", "lang": "en"})
    assert "Choose one of the formats offered: DOCX, PDF." in page
    started = client.post(url, {"format": "pdf", "lang": "fr"})
    assert started.status_code == 302 and ReportJob.objects.get().fmt == "pdf"


def test_good_options_start_the_report(client, world):
    client.force_login(world.coordinator)
    started = client.post(reverse("report-sg"), GOOD | {"lang": "ar"})
    job = ReportJob.objects.get()
    assert started["Location"] == reverse("report-job", args=[job.pk])
    assert (job.fmt, job.lang, job.params["framework"]) == ("docx", "ar", "un-oic")
    assert (job.params["start"], job.params["end"]) == ("2018-09-01", "2020-08-31")


def test_the_report_commands_month_error_is_in_the_users_language():
    from django.utils import translation

    from accord.reports.sg_report import parse_month

    with translation.override("fr"), pytest.raises(ValueError, match="n’est pas un mois"):
        parse_month("2019-13")
