"""The `accord` console script: Django's manage.py with Accord's settings chosen.

accord bootstrap FILE --yes
accord parse FILE --format json
accord runserver
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    for i in range(2 if args[:1] == ["help"] else 1):  # `accord demo-data`, `accord help demo-data`
        if len(args) > i and not args[i].startswith("-"):
            args[i] = args[i].replace("-", "_")
    execute_from_command_line(["accord", *args])


if __name__ == "__main__":
    main()
