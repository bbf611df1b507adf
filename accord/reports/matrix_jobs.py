"""The matrix import's plan made in the task worker (issue 12).

``start_matrix_job(biennium=, user=, file=)`` stores the uploaded .xlsx/.csv and queues
``plan_matrix``, which reads the file within the job limits (``import_matrix(...,
limited=True)``), plans it against the database as the requester and records on the job
the preview (``ImportPlan.preview()``: what the page shows and the ``confirmation`` the
user accepts by applying). ``queue_matrix_apply(job)`` hands the apply to the worker too
(the same job, queued again at its "apply" stage; once: a second apply finds it taken);
``apply_matrix`` then writes, as the uploader, exactly that plan or nothing
(``apply_matrix_job``: ``matrix_import.plan_import`` with ``confirmed``, a row changed
since is a conflict, in one transaction), discards the file and records the outcome: the
rows written (``applied``) or the conflicts that stopped it (``refused``), with the plan.

Reads: the job's stored file. Writes: the job row; activities through ``apply_import``.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _
from django_tasks import task

from accord.cooperation.models import Biennium
from accord.documents.jobs import (
    UploadJob,
    discard_file,
    job_done,
    job_failed,
    job_file_path,
    running,
    start_upload_job,
)
from accord.reports.matrix import format_of, import_matrix
from accord.reports.matrix_import import ImportPlan, ImportRejected

log = logging.getLogger(__name__)


def start_matrix_job(*, biennium: Biennium, user, file) -> UploadJob:
    """Store the spreadsheet and queue its plan; ``UnknownFormat`` for another file type."""
    fmt = format_of(getattr(file, "name", "") or "")
    return start_upload_job(
        kind=UploadJob.Kind.MATRIX,
        file=file,
        user=user,
        params={"biennium": biennium.pk, "fmt": fmt},
        task=plan_matrix,
    )


def _plan(job: UploadJob, user, *, apply: bool = False, confirmed=None) -> ImportPlan:
    biennium = Biennium.objects.select_related("framework").get(pk=job.params["biennium"])
    with job_file_path(job) as path:
        return import_matrix(
            path,
            job.params["fmt"],
            user=user,
            biennium=biennium,
            apply=apply,
            confirmed=confirmed,
            limited=True,
        )


@task()
def plan_matrix(job_id: int) -> str:
    with running(job_id) as job:
        try:
            preview = _plan(job, job.requested_by).preview()
        except Exception:  # recorded on the job for the page to show, never lost
            log.exception("matrix job %s failed", job_id)
            job_failed(job, _("The file could not be read: an unexpected error occurred."))
        else:
            job_done(job, {"preview": preview}, keep_file=preview["writes"])
    return job.status


def pending(job: UploadJob) -> bool:
    """Whether the job's plan may still be applied (done, with writes, not applied yet)."""
    return job.status == UploadJob.Status.DONE and bool(job.file)


def apply_matrix_job(job: UploadJob, *, user) -> ImportPlan:
    """Write the plan the job's preview showed, or nothing (``ImportRejected``); the file
    is discarded either way."""
    try:
        return _plan(job, user, apply=True, confirmed=job.result["preview"]["confirmation"])
    finally:
        discard_file(job)


def queue_matrix_apply(job: UploadJob) -> bool:
    """Queue the apply of the job's plan (``pending`` only, and only once: the row is
    claimed by its status); False when it was applied or queued already."""
    claimed = (
        UploadJob.objects.filter(pk=job.pk, status=UploadJob.Status.DONE)
        .exclude(file="")
        .update(status=UploadJob.Status.QUEUED, progress=0.0, finished_at=None)
    )
    if not claimed:
        return False
    job.refresh_from_db()
    job.record(result={**job.result, "stage": "apply"})  # its page says what it waits for
    result = apply_matrix.enqueue(job.pk)
    UploadJob.objects.filter(pk=job.pk, task_id=job.task_id).update(task_id=str(result.id))
    return True


@task()
def apply_matrix(job_id: int) -> str:
    """Write the plan the uploader confirmed, as the uploader; record what was written."""
    with running(job_id, first="apply") as job:
        try:
            plan = apply_matrix_job(job, user=job.requested_by)
        except ImportRejected as exc:
            job_done(job, {"preview": exc.plan.preview(), "refused": str(exc)})
        except Exception:  # recorded on the job for the page to show, never lost
            log.exception("matrix apply %s failed", job_id)
            job_failed(job, _("The changes were not applied: an unexpected error occurred."))
        else:
            job_done(job, {"preview": plan.preview(), "applied": plan.summary()})
    return job.status
