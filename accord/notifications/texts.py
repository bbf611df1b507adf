"""What a notification says, in the language active when it is rendered (the reader's
page, or ``translation.override(recipient's language)`` for a mail)."""

from __future__ import annotations

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accord.notifications.models import Kind


def _date(value: str | None) -> str:
    if not value:
        return "—"
    return date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")


def headline(kind: str, obj, params: dict) -> str:
    """One line naming the event and its object."""
    name = str(obj) if obj is not None else _("(deleted)")
    values = {"obj": name, "due": _date(params.get("due")), "days": params.get("days", "")}
    values.update({"session": params.get("session", ""), "count": params.get("count", "")})
    values["entity"] = params.get("entity", "")
    if kind == Kind.ASSIGNED:
        return _("Action item assigned to %(entity)s: “%(obj)s”") % values
    if kind == Kind.DUE_SOON:
        return _("Action item due on %(due)s: “%(obj)s”") % values
    if kind == Kind.OVERDUE:
        return _("Action item overdue since %(due)s: “%(obj)s”") % values
    if kind == Kind.MANDATE_DUE:
        return _("Report due at session %(session)s of the General Assembly: %(obj)s") % values
    if kind == Kind.AGREEMENT_EXPIRING:
        return _("Agreement expiring on %(due)s (in %(days)s days or less): “%(obj)s”") % values
    if kind == Kind.STALE_EDIT:
        return _("Your edit of “%(obj)s” was not saved: someone saved it first") % values
    if kind == Kind.RESOLUTION_UPLOADED:
        return _("Resolution uploaded into your framework: %(obj)s") % values
    values.update({"start": _date(params.get("start")), "end": _date(params.get("end"))})
    if kind == Kind.CONTRIBUTION_REQUESTED:
        return (
            _(
                "Contribution of %(entity)s to the report on %(start)s – %(end)s "
                "requested by %(due)s"
            )
            % values
        )
    if kind == Kind.CONTRIBUTION_DUE:
        return (
            _("Contribution of %(entity)s to the report on %(start)s – %(end)s due on %(due)s")
            % values
        )
    if kind == Kind.REVIEW_WAITING:
        count = int(params.get("count") or 0)
        return ngettext(
            "%(count)s proposal of %(obj)s waits for your decision",
            "%(count)s proposals of %(obj)s wait for your decision",
            count,
        ) % {**values, "count": count}
    return name
