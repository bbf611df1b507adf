"""The link between the upload form and the documents app's bootstrap service.

``bootstrap_service()`` returns a callable ``(request, framework, uploaded_file) ->
HttpResponse`` when the documents app offers a service that imports an uploaded
resolution, else None (then the upload page says so and saves nothing).
"""

from __future__ import annotations

import importlib

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from accord.core.errors import AccordError


def bootstrap_service():
    try:
        services = importlib.import_module("accord.documents.services")
    except ImportError:
        return None
    upload = getattr(services, "resolution_upload", None) or getattr(services, "bootstrap_upload", None)
    if upload is None:
        return None

    def run(request, framework, uploaded):
        try:
            result = upload(framework=framework, user=request.user, file=uploaded)
        except AccordError as exc:
            messages.error(request, str(exc))
            return redirect("resolutions", slug=framework.slug)
        messages.success(request, _("The resolution was read; check the proposals below."))
        review_url = getattr(result, "review_url", None)
        return redirect(review_url or "resolutions", **({} if review_url else {"slug": framework.slug}))

    return run
