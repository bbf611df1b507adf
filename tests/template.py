"""The migrated SQLite file every test database is copied from (tests/conftest.py).

`accord migrate` (the installed console script, as a user runs it) migrates it in a
subprocess, about 11 s of one core; it is kept in pytest's cache under a digest of what
makes it (the migrations, the SDG data, Django) until one of them changes. Whoever
builds it holds ``migrated.lock``; the others wait on the lock and copy the file.

On a run that finds it missing (a fresh clone, a changed migration), the xdist controller
starts building it before the workers start (``start_building``, at configure time): the
workers collect meanwhile, and they take the files that need no database first
(tests/ordering.py reads ``COLD`` in their workerinput), so that no core waits for the
migration while there is work it could do."""

from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACCORD = Path(sys.executable).with_name("accord")
LOCK = "migrated.lock"
COLD = "accord_template_cold"  # in an xdist worker's workerinput: the template was missing

# What a migrated database is made of: the migrations, the data the SDG migration loads,
# and Django. The migrated file is kept in pytest's cache under a digest of these.
MIGRATION_INPUTS = (
    "accord/*/migrations/*.py",
    "accord/cooperation/sdg.py",
    "accord/cooperation/data/*",
)


def accord_command() -> list[str]:
    """The installed `accord` script, or the same entry point through the interpreter."""
    return [str(ACCORD)] if ACCORD.exists() else [sys.executable, "-m", "accord.cli"]


def sqlite_env(path: Path) -> dict[str, str]:
    """The environment of an `accord` subprocess working on the SQLite file ``path``."""
    return {**os.environ, "DATABASE_URL": f"sqlite:///{path}", "ACCORD_VAR_DIR": str(path.parent)}


def migrations_digest() -> str:
    import django

    digest = hashlib.sha256(django.__version__.encode())
    for pattern in MIGRATION_INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def template_in(folder: Path) -> Path:
    return folder / f"{migrations_digest()}.sqlite3"


def build(folder: Path) -> Path:
    """The template in ``folder``: built here unless it is there, waiting for whoever
    is building it (another worker, the controller's ``start_building``)."""
    template = template_in(folder)
    with open(folder / LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            _migrate(folder, template)
    return template


def _migrate(folder: Path, template: Path) -> None:
    building = folder / f"migrating-{os.getpid()}.sqlite3"
    subprocess.run(
        [*accord_command(), "migrate", "--noinput", "-v0"],
        env=sqlite_env(building),
        check=True,
        capture_output=True,
        timeout=900,
    )
    for old in folder.glob(f"{'?' * 16}.sqlite3"):  # older migrations' files
        old.unlink()
    building.rename(template)


def start_building(folder: Path) -> threading.Thread | None:
    """When the template is missing from ``folder``, take the lock now and build it in a
    thread, which lets the lock go when done (built or failed: a worker then builds it
    again itself and fails with the migration's error). Returns the thread, or None when
    the template is there."""
    if template_in(folder).exists():
        return None
    lock = open(folder / LOCK, "w")  # noqa: SIM115 (closed by the thread)
    fcntl.flock(lock, fcntl.LOCK_EX)
    template = template_in(folder)
    if template.exists():  # built by another run while this one waited
        lock.close()
        return None

    def run() -> None:
        try:
            _migrate(folder, template)
        except (OSError, subprocess.SubprocessError):
            pass  # the workers' build says why
        finally:
            lock.close()  # releases the lock

    thread = threading.Thread(target=run, name="accord-template", daemon=True)
    thread.start()
    return thread
