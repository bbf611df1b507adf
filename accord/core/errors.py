"""Errors raised by Accord's services; views and the admin show their message as is."""

from __future__ import annotations


class AccordError(Exception):
    """Base of the errors a user can be told about."""


class StaleEdit(AccordError):
    """The object changed since the version the user saw; nothing was saved.

    ``changes`` lists what others changed since then, one dict per history record:
    ``{"version": 3, "user": "alice", "when": datetime, "fields": ["title", ...]}``.
    """

    def __init__(
        self, message: str, *, obj=None, expected_version=None, current_version=None, changes=None
    ):
        super().__init__(message)
        self.obj = obj
        self.expected_version = expected_version
        self.current_version = current_version
        self.changes = changes or []


class NotDeleted(AccordError):
    """Restore was asked for an object that is not deleted."""


class AlreadyDeleted(AccordError):
    """Soft delete was asked for an object that is already deleted."""
