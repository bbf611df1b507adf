"""``/api/v1/``: the REST API (included by accord/urls.py, outside the language prefixes).
A path under it that names no operation answers the API's JSON 404, not the HTML page; a
method a path does not answer, its JSON 405 (``errors.json_errors``)."""

from django.http import HttpRequest, JsonResponse
from django.urls import re_path
from django.utils import translation
from django.utils.translation import gettext as _

from accord.api.api import api
from accord.api.errors import body, json_errors


def unknown_path(request: HttpRequest, rest: str = "") -> JsonResponse:
    translation.activate(translation.get_language_from_request(request))
    message = _("The API has no such path: see /api/v1/docs for the operations.")
    return JsonResponse(body(404, message), status=404)


app_name = api.urls_namespace
operations = api.urls[0]
for pattern in operations:
    pattern.callback = json_errors(pattern.callback)
urlpatterns = [*operations, re_path(r"^(?P<rest>.*)$", unknown_path, name="unknown-path")]
