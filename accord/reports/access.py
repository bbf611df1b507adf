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
