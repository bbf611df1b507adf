"""What every operation of the API shares: the caller's view of a queryset, one visible
row or 404, pages (limit and offset), the ``ETag`` of a row and the version an
``If-Match`` names.

Reads only what it is given; asks ``accord.accounts.permissions`` for every row.
"""

from __future__ import annotations

from typing import Annotated

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja import Field, Header, Path, Schema

from accord.accounts.permissions import viewable
from accord.api.auth import caller
from accord.api.errors import ApiError, ErrorOut, not_found
from accord.cooperation.models import Framework

# The error answers every operation may give (documented in the OpenAPI document).
READ_ERRORS: dict[int, type] = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 429: ErrorOut}
WRITE_ERRORS: dict[int, type] = {
    **READ_ERRORS,
    403: ErrorOut,
    409: ErrorOut,
    412: ErrorOut,
    428: ErrorOut,
}


# Ids the databases can hold (beyond them SQLite overflows); text without control characters
# (PostgreSQL refuses NUL); slugs as frameworks have them.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Pk = Annotated[int, Path(ge=1, le=MAX_ID)]
Slug = Annotated[str, Path(pattern=r"^[-a-zA-Z0-9_]+$", max_length=60)]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description='the ETag read, e.g. "3" (428 without it)'),
]
PLAIN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"


def text(max_length: int, **kwargs):
    """A text field of at most ``max_length`` characters, without control characters."""
    return Field(pattern=PLAIN, max_length=max_length, **kwargs)


class PageQuery(Schema):
    limit: int = Field(50, ge=1, le=settings.ACCORD_API_MAX_LIMIT)
    offset: int = Field(0, ge=0, le=10_000_000)


def user_of(request):
    return caller(request).user


def seen(request, queryset: QuerySet) -> QuerySet:
    """The rows of ``queryset`` the caller may read (the permissions module's viewable)."""
    return viewable(user_of(request), queryset)


def one(request, queryset: QuerySet, **lookup):
    """The row of ``queryset`` matching ``lookup`` if the caller may read it, else 404
    (as the pages: a 403 would tell that an unpublished row exists)."""
    row = seen(request, queryset).filter(**lookup).first()
    if row is None:
        raise not_found()
    return row


def detail(request, response, queryset: QuerySet, pk: int):
    """The row ``pk`` of ``queryset`` (404 when the caller may not read it), with its ETag."""
    row = one(request, queryset, pk=pk)
    tag(response, row)
    return row


def page(queryset: QuerySet, query: PageQuery) -> dict:
    """One page of ``queryset``: ``{"count", "limit", "offset", "items"}``."""
    return {
        "count": queryset.count(),
        "limit": query.limit,
        "offset": query.offset,
        "items": list(queryset[query.offset : query.offset + query.limit]),
    }


def framework_of(request, slug: str) -> Framework:
    return one(request, Framework.objects.select_related("un_organization", "partner"), slug=slug)


def tag(response, obj) -> None:
    """Set the ``ETag`` of the answer to the row's version."""
    response["ETag"] = f'"{obj.version}"'


def if_match(request) -> int:
    """The version named by ``If-Match`` (``"3"`` or ``W/"3"``); 428 when it is missing,
    412 when it names no version."""
    version = if_match_given(request)
    if version is None:
        raise ApiError(
            428,
            _("Send If-Match with the ETag you read, so that nobody's change is overwritten."),
        )
    return version


def if_match_given(request) -> int | None:
    """The version ``If-Match`` names, or None without the header (412 when it names none)."""
    raw = request.headers.get("If-Match", "").strip()
    if not raw:
        return None
    value = raw.split(",")[0].strip().removeprefix("W/").strip('"')
    if not value.isdigit() or len(value) > 9:
        raise ApiError(
            412, _("If-Match names no version of this object: %(value)s") % {"value": raw[:40]}
        )
    return int(value)
