"""Accord's settings plus one URL for ``bench.load``: ``/bench/bare/``, the ceiling."""

from accord.settings import *  # noqa: F403

ROOT_URLCONF = "bench.load_urls"
