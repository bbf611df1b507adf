"""One JSON shape for every refusal of the API:
``{"error": {"code": "not_found", "message": "...", "fields": {...}}}`` (``fields`` only
for invalid values), with the message translated in the caller's language.

``install(api)`` maps Accord's errors (``AccordError``, ``StaleEdit``, ``Invalid``),
Django's (``Http404``, ``PermissionDenied``) and django-ninja's (validation, 401, 429) to it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
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
    412: "precondition_failed",
    428: "precondition_required",
    429: "throttled",
}


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
