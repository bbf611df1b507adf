"""Reports generated in the background with django-tasks (the backend is the TASKS
setting: the immediate backend runs them inline, as in the tests).

``start_report(...)`` writes a ``ReportJob`` row and enqueues ``generate_report``;
``generate_report(job_id)`` reads the job, builds the Document (``sg_report``,
``combined`` or ``review_pack``) while recording progress on the row, renders it, and stores the file
in ``job.file`` (MEDIA_ROOT/reports/). A failure is recorded on the job (status
"failed" with the error), never lost.
"""

from __future__ import annotations

import datetime
import logging

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from accord.cooperation.models import Framework, Meeting
from accord.reports.models import ReportJob
from accord.reports.render import render

log = logging.getLogger(__name__)


@task()
def generate_report(job_id: int) -> str:
    job = ReportJob.objects.get(pk=job_id)
    job.record(status=ReportJob.Status.RUNNING, progress=0.05)

    def progress(fraction: float) -> None:
        job.record(progress=round(0.05 + 0.75 * fraction, 3))

    try:
        if job.kind == ReportJob.Kind.SG_REPORT:
            doc, name = _sg_document(job, progress)
        else:
            from accord.reports.review_pack import build_review_pack

            meeting = Meeting.objects.get(pk=job.params["meeting"])
            doc = build_review_pack(meeting, job.lang, progress=progress)
            name = f"review-pack-{meeting.pk}-{job.lang}.{job.fmt}"
        data = render(doc, job.fmt)
        job.record(progress=0.95)
        job.file.save(name, ContentFile(data), save=False)
        job.record(
            file=job.file.name,
            filename=name,
            status=ReportJob.Status.DONE,
            progress=1.0,
            finished_at=timezone.now(),
        )
    except Exception as exc:  # recorded on the job for the page to show
        log.exception("report job %s failed", job_id)
        job.record(
            status=ReportJob.Status.FAILED,
            error=f"{exc.__class__.__name__}: {exc}",
            finished_at=timezone.now(),
        )
    return job.status


def _sg_document(job: ReportJob, progress):
    """The Secretary-General's report the job asks for: one framework's, or the
    combined report of every framework (``params["all_frameworks"]``)."""
    start = datetime.date.fromisoformat(job.params["start"])
    end = datetime.date.fromisoformat(job.params["end"])
    period = f"{start:%Y-%m}-{end:%Y-%m}-{job.lang}.{job.fmt}"
    if job.params.get("all_frameworks"):
        from accord.reports.combined import build_combined_report

        doc = build_combined_report(start, end, job.lang, progress=progress)
        return doc, f"sg-combined-{period}"
    from accord.reports.sg_report import build_sg_report

    framework = Framework.objects.get(slug=job.params["framework"])
    doc = build_sg_report(framework, start, end, job.lang, progress=progress)
    return doc, f"sg-{framework.slug}-{period}"


def start_report(*, kind: str, params: dict, fmt: str, lang: str, user=None) -> ReportJob:
    """Record the job and hand it to the task backend; returns the job (already done
    with the immediate backend)."""
    job = ReportJob.objects.create(
        kind=kind,
        params=params,
        fmt=fmt,
        lang=lang,
        requested_by=user if getattr(user, "is_authenticated", False) else None,
    )
    result = generate_report.enqueue(job.pk)
    ReportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job
