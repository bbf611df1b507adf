"""The system actor: who writes when no person does (the command line without --user).

``SYSTEM`` is not a user row. The permissions module (``accord.accounts.permissions``)
knows it and gives it every right, as ``manage.py shell`` has; the history records no
user for its writes (``recorded_user``). Nothing else decides anything about it.
"""

from __future__ import annotations


class SystemActor:
    """The operator at the command line, asked for explicitly (never a default)."""

    pk = None
    id = None
    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_superuser = False  # rights come from accord.accounts.permissions, not this flag
    username = "system"

    def get_username(self) -> str:
        return self.username

    def get_full_name(self) -> str:
        return ""

    def __str__(self) -> str:
        return "system"


SYSTEM = SystemActor()


def is_system(user) -> bool:
    return isinstance(user, SystemActor)


def recorded_user(user):
    """The user a history record names: None for the system actor."""
    return None if is_system(user) else user
