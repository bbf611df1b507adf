"""The pages' one door to the permissions module (accord.accounts.permissions).

Views never decide "may this user edit this" themselves: they call these names, which
are the permissions module's own functions. ``refuse`` turns a False answer into a 403.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from accord.accounts.permissions import (  # noqa: F401  (re-exported for the views)
    can_close,
    can_create,
    can_create_some,
    can_delete,
    can_edit,
    can_grant_focal_role,
    can_view,
    editable,
    viewable,
)


def refuse_unless(allowed: bool, message: str | None = None) -> None:
    """Raise PermissionDenied (HTTP 403) when ``allowed`` is false."""
    if not allowed:
        raise PermissionDenied(message or _("You may not do this."))


def visible_or_404(allowed: bool) -> None:
    """Raise Http404 when the reader may not see a row: a 403 would tell the public
    (or a non-member) that an unpublished row exists (issue 8)."""
    if not allowed:
        raise Http404(_("There is no such page, or it is not public."))


def public_read(view):
    """Mark a read-only page as open to the public: anyone may GET it, and it shows
    only what ``viewable()`` lets the visitor read (for an anonymous visitor: what is
    published). Any other method needs a sign-in; the writes live in other views."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapper.public_read = True  # type: ignore[attr-defined]
    return wrapper
