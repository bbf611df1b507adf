"""Errors raised by Accord's services; views and the admin show their message as is.

``add_form_errors(form, error)`` is the one place a refusal becomes a form's errors
(the edit pages through ``web/edit.save_form``, and the admin).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError


class AccordError(Exception):
    """Base of the errors a user can be told about."""


class Invalid(AccordError, ValidationError):
    """A value the rules refuse: Django's ``ValidationError`` (from ``full_clean``, the
    model's ``clean()`` or a service's own check) as an ``AccordError``. Field errors
    stay a dict (``message_dict``), so a form shows each on its field; ``str()`` is the
    translated messages, one sentence after the other."""

    def __init__(self, error):
        ValidationError.__init__(self, getattr(error, "error_dict", None) or error)

    def __str__(self) -> str:
        return error_text(self)


def error_text(error: Exception) -> str:
    """What to tell the user about a refusal, as one line of translated messages."""
    if isinstance(error, ValidationError):
        return " ".join(str(m) for m in error.messages)
    return str(error)


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


def add_form_errors(form, error: Exception) -> None:
    """Show a service's refusal on ``form``: field errors on their fields when the form
    has them, the rest (and any other refusal) as errors of the whole form."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    elif isinstance(error, ValidationError):
        form.add_error(None, error.messages)
    else:
        form.add_error(None, str(error))
