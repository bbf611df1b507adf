"""One JSON shape for every refusal of the API:
``{"error": {"code": "not_found", "message": "...", "fields": {...}}}`` (``fields`` only
for invalid values), with the message translated in the caller's language.

``install(api)`` maps Accord's errors (``AccordError``, ``StaleEdit``, ``Invalid``),
Django's (``Http404``, ``PermissionDenied``, a body over the upload limit) and
django-ninja's (validation, 401, 429) to it, and any other exception to a 500 in it (logged);
``json_errors(view)`` gives the answers made outside the handlers (django-ninja's 405 for a
method a path does not answer) the same shape.
"""

from __future__ import annotations

import functools
import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from accord.core.errors import AccordError, Invalid, StaleEdit, error_text

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    405: "method_not_allowed",
    412: "precondition_failed",
    413: "too_large",
    428: "precondition_required",
    429: "throttled",
    500: "server_error",
}
log = logging.getLogger(__name__)


class ErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None


class ErrorOut(Schema):
    error: ErrorDetail


class ApiError(Exception):
    """A refusal with its HTTP status and a translated message."""

    def __init__(self, status: int, message: str, fields: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.fields = fields


def body(status: int, message: str, fields: dict | None = None) -> dict:
    detail: dict = {"code": CODES.get(status, "error"), "message": message}
    if fields:
        detail["fields"] = {k: [str(m) for m in v] for k, v in fields.items()}
    return {"error": detail}


def not_found() -> ApiError:
    return ApiError(404, _("There is no such object, or it is not public."))


def _validation_fields(errors) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for error in errors:
        loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path", "data")]
        fields.setdefault(".".join(loc) or "request", []).append(str(error.get("msg", "")))
    return fields


def install(api) -> None:
    """Register the handlers on the NinjaAPI ``api``."""

    def respond(request: HttpRequest, status: int, message: str, fields=None) -> HttpResponse:
        return api.create_response(request, body(status, message, fields), status=status)

    @api.exception_handler(ApiError)
    def _api_error(request, exc: ApiError):
        return respond(request, exc.status, exc.message, exc.fields)

    @api.exception_handler(StaleEdit)
    def _stale(request, exc: StaleEdit):
        return respond(request, 412, str(exc))

    @api.exception_handler(Invalid)
    def _invalid(request, exc: Invalid):
        fields = exc.message_dict if hasattr(exc, "error_dict") else None
        return respond(request, 400, error_text(exc), fields)

    @api.exception_handler(AccordError)
    def _refused(request, exc: AccordError):
        return respond(request, 409, error_text(exc))

    @api.exception_handler(Http404)
    def _missing(request, exc):
        return respond(request, 404, not_found().message)

    @api.exception_handler(PermissionDenied)
    def _denied(request, exc):
        return respond(request, 403, str(exc) or _("You may not do this."))

    @api.exception_handler(NinjaValidationError)
    def _bad_input(request, exc: NinjaValidationError):
        fields = _validation_fields(exc.errors)
        return respond(request, 400, _("Some values of the request are not valid."), fields)

    @api.exception_handler(HttpError)
    def _http(request, exc: HttpError):
        status = exc.status_code
        messages = {
            401: _("Give a valid API token: Authorization: Bearer <key>."),
            429: _("Too many requests: wait a little and try again."),
        }
        return respond(request, status, messages.get(status, str(exc)))

    @api.exception_handler(Exception)
    def _unexpected(request, exc: Exception):
        if isinstance(exc, RequestDataTooBig):
            return respond(request, 413, _("The request is too large."))
        log.exception("API error on %s %s", request.method, request.path)
        return respond(request, 500, _("The server could not answer: the error is recorded."))


def _message(request: HttpRequest, response: HttpResponse) -> str:
    if response.status_code == 405:
        return _("%(method)s is not an operation of this path; it answers %(allowed)s.") % {
            "method": request.method,
            "allowed": response.get("Allow", ""),
        }
    return _("The request could not be answered (HTTP %(status)s).") % {
        "status": response.status_code
    }


def json_errors(view):
    """``view`` with its error answers that are not JSON (django-ninja's 405) in the API's
    shape; the ``Allow`` header is kept."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        response = view(request, *args, **kwargs)
        kind = response.get("Content-Type", "")
        if response.status_code < 400 or kind.startswith("application/json"):
            return response
        translation.activate(translation.get_language_from_request(request))
        answer = JsonResponse(body(response.status_code, _message(request, response)))
        answer.status_code = response.status_code
        if response.has_header("Allow"):
            answer["Allow"] = response["Allow"]
        return answer

    return wrapped
