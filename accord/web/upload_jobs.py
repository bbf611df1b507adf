"""The page of an uploaded file read in the task worker (issue 12): its progress while
queued or running (refreshing itself), then what the upload led to before: the review
list of the resolution, or the matrix import's preview (the page polls itself with htmx,
a local static file; without JavaScript its "Check again" link does the same); a refused file shows its reason
(the limit named) and the way back to upload another.

Reads: the ``UploadJob`` row, asking ``permissions.can_see_upload_job`` (the uploader
and administrators). Writes nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from accord.accounts.permissions import can_see_upload_job, require
from accord.cooperation.models import Biennium, Framework
from accord.documents.models import UploadJob


def _back(job: UploadJob) -> str:
    """Where the user uploads a file of this kind again."""
    if job.kind == UploadJob.Kind.MATRIX:
        return reverse("matrix-import", args=[job.params["biennium"]])
    slug = job.params.get("framework")
    return reverse("resolutions", args=[slug]) if slug else reverse("home")


def _result(request: HttpRequest, job: UploadJob) -> HttpResponse:
    if job.kind == UploadJob.Kind.MATRIX:
        biennium = get_object_or_404(Biennium, pk=job.params["biennium"])
        return redirect(reverse("matrix-import", args=[biennium.pk]) + f"?job={job.pk}")
    framework = get_object_or_404(Framework, slug=job.result["framework"])
    messages.success(request, _("The resolution was read; check the proposals below."))
    return redirect("resolution-review", slug=framework.slug, pk=job.result["resolution"])


def _polled(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


@login_required
def upload_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(UploadJob, pk=pk)
    require(can_see_upload_job(request.user, job))
    if job.status == UploadJob.Status.DONE:
        response = _result(request, job)
        # the page's poll (htmx, ACCORD_JOB_POLL_MS) moves the whole page on, not its fragment;
        # each answer still running brings the next poll (hx-trigger "load delay"), so none is
        # sent once this one is: a poll "every" N ms would set the location again while the
        # next page loads, and on a link slower than N never let it arrive
        return HttpResponseClientRedirect(response["Location"]) if _polled(request) else response
    context = {"job": job, "back": _back(job), "poll_ms": settings.ACCORD_JOB_POLL_MS}
    return render(request, "web/upload_job.html", context)
