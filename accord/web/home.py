"""The home page's writes: an administrator starts a framework by uploading its
founding resolution ("Cooperation between the United Nations and <the partner>").

Writes through ``accord.documents.services`` only; the permissions module decides.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.core.errors import AccordError
from accord.documents import services as documents_services
from accord.documents.models import Resolution
from accord.web.access import can_create, refuse_unless
from accord.web.forms import UploadForm
from resolutions.errors import ResolutionError


@require_POST
@login_required
def framework_start(request: HttpRequest) -> HttpResponse:
    """Bootstrap a framework from an uploaded founding resolution, then open its review
    list; a refused file saves nothing and its one-line reason is shown."""
    refuse_unless(can_create(request.user, Resolution, framework=None))
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
        return redirect("home")
    try:
        result = documents_services.resolution_upload(
            framework=None, user=request.user, file=form.cleaned_data["file"]
        )
    except (AccordError, ResolutionError) as exc:
        messages.error(request, _("The file was not imported: %(reason)s") % {"reason": exc})
        return redirect("home")
    messages.success(request, _("The resolution was read; check the proposals below."))
    return redirect("resolution-review", slug=result.framework.slug, pk=result.resolution.pk)
