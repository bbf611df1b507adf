"""Who may read and write what, for the reports: every decision is asked of
``accord.accounts.permissions`` (the one permissions module of Accord).

Reads: the user and the object. Writes: nothing.

``user=None`` stands for the operator at the command line (``accord matrix import``
without ``--user``): like ``manage.py shell``, it may do everything, and the history
records no user. When the permissions module is not installed yet, only superusers
(and the command-line operator) may write, and only authenticated users may read.
"""

from __future__ import annotations

from typing import Any


def _permissions():
    try:
        from accord.accounts import permissions
    except ImportError:  # the permissions module is written by another part of Accord
        return None
    return permissions


def may_view(user, obj) -> bool:
    if user is None:
        return True
    perms = _permissions()
    if perms is None or not hasattr(perms, "can_view"):
        return bool(getattr(user, "is_authenticated", False))
    return bool(perms.can_view(user, obj))


def may_edit(user, obj) -> bool:
    if user is None:
        return True
    perms = _permissions()
    if perms is None or not hasattr(perms, "can_edit"):
        return bool(getattr(user, "is_superuser", False))
    return bool(perms.can_edit(user, obj))


def may_create(user, model, *, framework, **context: Any) -> bool:
    """May ``user`` create a ``model`` row in ``framework``; ``context`` names the row's
    fields that matter to the decision (e.g. ``un_lead``, ``partner_lead``,
    ``priority_area``)."""
    if user is None:
        return True
    perms = _permissions()
    if perms is None or not hasattr(perms, "can_create"):
        return bool(getattr(user, "is_superuser", False))
    try:
        return bool(perms.can_create(user, model, framework=framework, **context))
    except TypeError:  # a can_create that takes fewer keywords
        return bool(perms.can_create(user, model, framework=framework))


def viewable(user, queryset):
    """The rows of ``queryset`` that ``user`` may read (the public: what is published)."""
    if user is None:
        return queryset
    perms = _permissions()
    if perms is None or not hasattr(perms, "viewable"):
        return queryset if getattr(user, "is_authenticated", False) else queryset.none()
    return perms.viewable(user, queryset)


def may_report(user, framework) -> bool:
    """May ``user`` generate the reports and the working spreadsheet of ``framework``
    (which show unpublished rows): its administrators and members."""
    if user is None:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    perms = _permissions()
    if perms is None or not hasattr(perms, "grants"):
        return bool(user.is_superuser)
    g = perms.grants(user)
    return g.is_admin or framework.pk in g.frameworks
