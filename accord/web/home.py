"""The home page (issue 8): for a signed-in user "My work" (the activities they may
update, their action items overdue or due within 30 days, the agreements of their
entities that expire within 90 days, the next meetings, their frameworks); for an
anonymous visitor a public landing page listing the frameworks, with "Sign in". And its
write: an administrator starts a framework by uploading its founding resolution.

Reads through ``viewable``/``editable`` of the permissions module (a fixed number of
queries); writes through ``accord.documents.services`` only.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.accounts.permissions import can_create, can_view, editable, grants, require, viewable
from accord.cooperation.models import ActionItem, Activity, Framework, Meeting
from accord.core.errors import AccordError
from accord.core.uploads import upload_refusal
from accord.documents.models import Resolution
from accord.documents.tasks import start_resolution_job
from accord.registry.models import Agreement
from accord.web.forms import UploadForm

SOON = datetime.timedelta(days=30)
EXPIRING = datetime.timedelta(days=90)


def home(request: HttpRequest) -> HttpResponse:
    frameworks = [f for f in Framework.objects.order_by("name") if can_view(request.user, f)]
    if not request.user.is_authenticated:
        return render(request, "web/landing.html", {"frameworks": frameworks})
    context = {
        "frameworks": frameworks,
        "may_start": can_create(request.user, Resolution, framework=None),
        "form": UploadForm(),
        **my_work(request.user),
    }
    return render(request, "web/home.html", context)


def my_work(user) -> dict:
    """What the signed-in ``user`` has to do, each list short (first rows only)."""
    today = timezone.localdate()
    items = editable(user, ActionItem.objects.open()).select_related("owner", "framework")
    activities = (
        editable(user, Activity.objects.unfinished())
        .select_related("framework", "biennium")
        .order_by("end_on", "code")[:20]
    )
    agreements = viewable(
        user, Agreement.objects.filter(expires_on__gte=today, expires_on__lte=today + EXPIRING)
    )
    g = grants(user)
    if not g.is_admin and not g.coordinated:
        agreements = agreements.filter(parties__in=[entity for _fw, entity in g.focal])
    meetings = viewable(user, Meeting.objects.filter(start_on__gte=today))
    return {
        "today": today,
        "my_activities": list(activities),
        "overdue": list(
            items.overdue(today).order_by("due_on")[  # type: ignore[attr-defined]
                :20
            ]
        ),
        "due_soon": list(
            items.filter(due_on__gte=today, due_on__lte=today + SOON).order_by("due_on")[:20]
        ),
        "expiring": list(
            agreements.select_related("framework").distinct().order_by("expires_on")[:10]
        ),
        "next_meetings": list(meetings.select_related("framework").order_by("start_on")[:5]),
    }


@require_POST
@login_required
def framework_start(request: HttpRequest) -> HttpResponse:
    """Bootstrap a framework from an uploaded founding resolution, then open its review
    list; a refused file saves nothing and its one-line reason is shown."""
    require(can_create(request.user, Resolution, framework=None))
    form = UploadForm(request.POST, request.FILES)
    refusal = upload_refusal(request)  # the upload handler cut a file over the size limit
    if refusal or not form.is_valid():
        messages.error(request, refusal or _("Choose a file to upload."))
        return redirect("home")
    try:
        job = start_resolution_job(
            framework=None, user=request.user, file=form.cleaned_data["file"]
        )
    except AccordError as exc:
        messages.error(request, _("The file was not imported: %(reason)s") % {"reason": exc})
        return redirect("home")
    return redirect("upload-job", pk=job.pk)
