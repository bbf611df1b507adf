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
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")  # `accord demo-data` runs the demo_data command
    execute_from_command_line(["accord", *args])


if __name__ == "__main__":
    main()
