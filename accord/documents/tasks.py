"""The resolution upload read in the task worker (issue 12): ``parse_resolution(job_id)``
parses the stored file of an ``UploadJob`` (within the job limits: ``_read`` calls
``core.limits.run_limited``) and bootstraps it as the requester
(``services.resolution_upload``), then records on the job the resolution to review or the
refusal, in the requester's language; each stage it reaches (read, parse, store) is
recorded on the job with its percentage (``jobs.stage``). ``start_resolution_job`` is
what the pages call.

Reads: the job's stored file. Writes: what the bootstrap writes; the job row.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django_tasks import task

from accord.cooperation.models import Framework
from accord.core.errors import AccordError
from accord.documents.jobs import (
    UploadJob,
    job_done,
    job_failed,
    running,
    stage,
    start_upload_job,
)
from accord.documents.services import resolution_upload
from resolutions.errors import ResolutionError

log = logging.getLogger(__name__)


def start_resolution_job(*, framework: Framework | None, user, file) -> UploadJob:
    """Store the uploaded resolution and queue its parse (into ``framework``, or the
    framework its title names when None: the home page's "Start a framework")."""
    return start_upload_job(
        kind=UploadJob.Kind.RESOLUTION,
        file=file,
        user=user,
        params={"framework": framework.slug if framework else None},
        task=parse_resolution,
    )


@task()
def parse_resolution(job_id: int) -> str:
    with running(job_id) as job:
        slug = job.params.get("framework")
        try:
            framework = Framework.objects.get(slug=slug) if slug else None
            with job.file.open("rb") as stored:
                result = resolution_upload(
                    framework=framework,
                    user=job.requested_by,
                    file=stored,
                    name=job.file_name,
                    progress=lambda key: stage(job, key),
                )
        except (AccordError, ResolutionError, PermissionDenied) as exc:
            job_failed(job, _("The file was not imported: %(reason)s") % {"reason": exc})
        except Exception:  # recorded on the job for the page to show, never lost
            log.exception("upload job %s failed", job_id)
            job_failed(job, _("The file was not imported: an unexpected error occurred."))
        else:
            job_done(
                job,
                {"framework": result.framework.slug, "resolution": result.resolution.pk},
            )
    return job.status
