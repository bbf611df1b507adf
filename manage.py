#!/usr/bin/env python
"""Django's command-line utility; `accord` (installed in .venv/bin) is the same thing."""

from accord.cli import main

if __name__ == "__main__":
    main()
