"""The bounds of an import file (docs/files.md): rows, columns and characters per cell,
checked while the rows stream, so that a file past them is refused before it is held
in memory. Reads the settings; writes nothing."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import gettext as _

from accord.core.uploads import FileRefused

MAX_COLUMNS = 64  # the matrix has 15; more is a file of something else


def bounded_rows(rows: Iterable[list]) -> list[tuple[int, list]]:
    """``rows`` numbered from 2 (the header is row 1), refused past
    ``ACCORD_MAX_IMPORT_ROWS`` rows or ``ACCORD_MAX_CELL_CHARS`` characters in a cell."""
    limit = settings.ACCORD_MAX_IMPORT_ROWS
    chars = settings.ACCORD_MAX_CELL_CHARS
    body = []
    for number, cells in enumerate(rows, start=2):
        if number - 1 > limit:
            raise FileRefused(
                _("The file has more than %(limit)d rows, the limit; split it.") % {"limit": limit}
            )
        for value in cells:
            if isinstance(value, str) and len(value) > chars:
                raise FileRefused(
                    _("Row %(row)d has a cell of more than %(limit)d characters, the limit.")
                    % {"row": number, "limit": chars}
                )
        body.append((number, cells))
    return body
