"""Uploaded files read in the task worker (issue 12): the ``UploadJob`` row and the one
way to start one and record its outcome.

``start_upload_job(kind=, file=, user=, params=, task=)`` stores the upload (streamed to
the storage backend, size-checked while it streams), writes the row and enqueues
``task`` (a django-tasks task taking the job's id): the resolution parse
(``accord.documents.tasks.parse_resolution``) or the matrix plan
(``accord.reports.matrix_jobs.plan_matrix``). The task reads the file within the job
limits (``core.limits.run_limited``), records each stage it reaches with ``stage`` (a
label of ``STAGES`` and its percentage, through ``job.record``; ``running`` opens the task
at its first stage) and ends with
``job_done`` (a result the page goes on to) or ``job_failed`` (the refusal message, in
the requester's language). With the immediate backend (tests, development) the job is
done when ``start_upload_job`` returns.

Reads: the upload. Writes: the ``documents_uploadjob`` table, the file under
MEDIA_ROOT/uploads/ (removed once the work no longer needs it, or after a day).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accord.core.models import BackgroundJob
from accord.core.uploads import check_size

# What a job is doing, as its page says it, and how far along that is. A resolution is
# read, parsed, then stored (the search index follows each stored row, in the same
# transaction); a matrix file is read and planned, then, once confirmed, applied.
STAGES = {
    "read": (_("Reading the file"), 0.1),
    "parse": (_("Parsing the resolution"), 0.2),
    "store": (_("Storing the rows and indexing them for search"), 0.5),
    "apply": (_("Applying the changes"), 0.1),
}


class UploadJob(BackgroundJob):
    """One uploaded file waiting for, being read by, or read by the task worker.
    ``result`` holds, besides what the job led to, the stage it is at (``stage``) and the
    stages it went through (``stages``: [key, progress] in order)."""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("resolution")
        MATRIX = "matrix", _("matrix import")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to="uploads/", blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="upload_jobs",
        verbose_name=_("requested by"),
    )

    class Meta(BackgroundJob.Meta):
        verbose_name = _("upload job")
        verbose_name_plural = _("upload jobs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.file_name} {self.get_status_display()}"

    @property
    def stage_label(self) -> str:
        """The stage the job is at, in words ("" when it has none)."""
        key = (self.result or {}).get("stage", "")
        return str(STAGES[key][0]) if key in STAGES else ""


def stage(job: UploadJob, key: str) -> None:
    """Record that ``job`` reached the stage ``key`` (its percentage from ``STAGES``)."""
    progress = STAGES[key][1]
    stages = [*job.result.get("stages", []), [key, progress]]
    job.record(progress=progress, result={**job.result, "stage": key, "stages": stages})


@contextmanager
def running(job_id: int, first: str = "read") -> Iterator[UploadJob]:
    """The job a task works on, marked running at its ``first`` stage, in the language of
    who asked for it (its refusal messages are theirs)."""
    job = UploadJob.objects.get(pk=job_id)
    with translation.override(job.lang):
        job.record(status=UploadJob.Status.RUNNING)
        stage(job, first)
        yield job


def job_done(job: UploadJob, result: dict, *, keep_file: bool = False) -> None:
    """The job's outcome (``result``, with the stages it went through), for its page."""
    if not keep_file:
        discard_file(job)
    job.record(
        status=UploadJob.Status.DONE,
        progress=1.0,
        result={**result, "stages": job.result.get("stages", [])},
        finished_at=timezone.now(),
    )


def job_failed(job: UploadJob, message: str) -> None:
    """The refusal, recorded for the page; the stored file is removed (nothing of it was
    written)."""
    discard_file(job)
    job.record(status=UploadJob.Status.FAILED, error=message, finished_at=timezone.now())


def discard_file(job: UploadJob) -> None:
    if job.file:
        job.file.delete(save=False)
        job.record(file="")


@contextmanager
def job_file_path(job: UploadJob) -> Iterator[Path]:
    """The stored file as a local path (a copy, so that any storage backend serves)."""
    suffix = Path(job.file_name).suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as local, job.file.open("rb") as stored:
        shutil.copyfileobj(stored, local)
        local.flush()
        yield Path(local.name)


PENDING_HOURS = 24


def _discard_stale() -> None:
    """Remove the files of jobs older than a day (a preview never applied), but not of a
    job queued or running (an apply pressed just before the day ended reads its file)."""
    cutoff = timezone.now() - timedelta(hours=PENDING_HOURS)
    waiting = (UploadJob.Status.QUEUED, UploadJob.Status.RUNNING)
    old_jobs = UploadJob.objects.filter(created_at__lt=cutoff).exclude(status__in=waiting)
    for old in old_jobs.exclude(file=""):
        discard_file(old)


def start_upload_job(*, kind: str, file, user, params: dict, task) -> UploadJob:
    """Store ``file`` (an UploadedFile, never read whole), record the job and enqueue
    ``task`` with its id; the job (done already with the immediate backend)."""
    check_size(file)
    _discard_stale()
    name = Path(getattr(file, "name", "") or "upload").name[:255]
    job = UploadJob(
        kind=kind,
        params=params,
        lang=(get_language() or settings.LANGUAGE_CODE)[:8],
        file_name=name,
        requested_by=user if getattr(user, "is_authenticated", False) else None,
    )
    job.file.save(name, file, save=False)
    job.save()
    result = task.enqueue(job.pk)
    UploadJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job
