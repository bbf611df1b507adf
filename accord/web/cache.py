"""Pieces of pages kept in Django's cache, never stale after a write.

Each piece is stored under a key made of what it depends on: the models it reads (a
*generation* token per model, replaced on every write of that model), the database, the
active language, the reader's grants (``permissions.grants_key``) and whatever else the
caller names (a framework, today's date). A write anywhere (services, admin, import,
fixtures, bulk creates, and querysets' update(): accord.core.signals) replaces the token
of its model as it happens and again when its transaction commits, so a reader that computed a piece from the data before the
commit cannot leave it under the new token: the next read misses and recomputes.

The pieces and the tokens live in the ``pages`` cache, which must therefore be shared by
the server's processes (settings: a file cache in ACCORD_VAR_DIR by default, see
docs/production.md), and which holds nothing else (a throttle or a rate limit counts in
``default``, never here).

Reads: the cache. Writes: the cache only.
"""

from __future__ import annotations

import hashlib
import random
import secrets
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from accord.core.signals import rows_bulk_created, rows_updated

T = TypeVar("T")
ALIAS = "pages"  # settings.CACHES: the pieces and tokens only (no throttle, no session)
TIMEOUT = 600  # seconds a piece is kept at most (a missed token only costs a recompute)
# Models whose writes change no page piece: sessions and sign-in bookkeeping.
IGNORED_APPS = {"sessions", "axes", "admin", "contenttypes", "otp_totp", "otp_static"}
# ... and the search index, notifications and simple_history's records (a history record
# is written with a save of its row, whose own token is replaced).
IGNORED_APPS |= {"search", "notifications"}
# Every piece depends on the framework table too: a test database created anew (same pk,
# other data) starts by writing its frameworks, which replaces every piece's token.
ALWAYS = ("cooperation.framework",)


def pages():
    """The cache of the pieces and tokens (``settings.CACHES["pages"]``)."""
    return caches[ALIAS]


def _token_key(label: str) -> str:
    return f"accord:gen:{connection.settings_dict['NAME']}:{label}"


def generation(labels: Iterable[str]) -> str:
    """The current tokens of the models ``labels`` (app_label.model), joined."""
    keys = [_token_key(label) for label in sorted({*labels, *ALWAYS})]
    found = pages().get_many(keys)
    for key in keys:
        if key not in found:
            found[key] = secrets.token_hex(8)
            pages().add(key, found[key], None)
            found[key] = pages().get(key, found[key])
    return ".".join(str(found[key]) for key in keys)


def bump(label: str) -> None:
    """Replace the token of model ``label`` now and, inside a transaction, again when it
    commits (outside one the write is already committed)."""
    key = _token_key(label)
    pages().set(key, secrets.token_hex(8), None)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: pages().set(key, secrets.token_hex(8), None))


class FileCache(FileBasedCache):
    """Django's file cache, culled at one write in ``CULL_EVERY`` rather than at every
    one (each cull lists the whole folder, which cost more than the write itself)."""

    CULL_EVERY = 50

    def _cull(self):
        if random.randrange(self.CULL_EVERY) == 0:
            super()._cull()


def digest(parts: Any) -> str:
    """A short key for ``parts`` (values whose ``repr`` is stable: ids, dates, tokens)."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def cached(name: str, labels: Iterable[str], vary: Iterable[Any], compute: Callable[[], T]) -> T:
    """``compute()``, kept under ``name``, the tokens of ``labels``, the language and
    ``vary`` (values whose ``repr`` is stable: ids, dates, grants keys)."""
    key = f"accord:piece:{name}:{digest((generation(labels), get_language(), tuple(vary)))}"
    value = pages().get(key)
    if value is None:
        value = compute()
        pages().set(key, value, TIMEOUT)
    return value


# Put in a kept piece where each page's own CSRF field goes (``with_csrf`` puts it back).
CSRF_MARK = "\x00csrf\x00"


def csrf_field(request) -> str:
    """The hidden CSRF field of a form, as ``{% csrf_token %}`` writes it."""
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )


def with_csrf(html: str, request) -> str:
    """A kept piece with the request's CSRF field in place of ``CSRF_MARK``."""
    return mark_safe(html.replace(CSRF_MARK, csrf_field(request)))


def _written(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label in IGNORED_APPS or meta.model_name.startswith("historical"):
        return
    bump(meta.label_lower)
    instance = kwargs.get("instance")
    if kwargs.get("signal") is m2m_changed and instance is not None:
        bump(type(instance)._meta.label_lower)


def connect() -> None:
    """Replace the tokens on every write (called once, from the app's ready())."""
    for signal in (post_save, post_delete, m2m_changed, rows_bulk_created, rows_updated):
        signal.connect(_written, dispatch_uid=f"accord-cache-{id(signal)}", weak=False)
