"""The pages' one door to the permissions module (accord.accounts.permissions).

Views never decide "may this user edit this" themselves: they call these names, which
are the permissions module's own functions. ``refuse`` turns a False answer into a 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accord.accounts.permissions import (  # noqa: F401  (re-exported for the views)
    can_close,
    can_create,
    can_delete,
    can_edit,
    can_view,
    editable,
    viewable,
)


def refuse_unless(allowed: bool, message: str | None = None) -> None:
    """Raise PermissionDenied (HTTP 403) when ``allowed`` is false."""
    if not allowed:
        raise PermissionDenied(message or _("You may not do this."))
