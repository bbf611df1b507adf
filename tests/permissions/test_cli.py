"""Users and roles from the command line: accord create-user, grant and revoke (through
call_command, and once through the installed `accord` script in a fresh database)."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from accord.accounts import permissions as P
from accord.accounts.models import Membership

ACCORD = Path(sys.executable).with_name("accord")


def run(*args, stdin: str | None = None) -> str:
    out = io.StringIO()
    if stdin is not None:
        old, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        call_command(*args, stdout=out)
    finally:
        if stdin is not None:
            sys.stdin = old
    return out.getvalue()


def test_create_user_makes_a_coordinator_who_may_edit_their_side(world):
    out = run(
        "create_user",
        "nadia",
        "--role",
        "coordinator",
        "--framework",
        "un-oic",
        "--organization",
        "oic",
    )
    assert "created user nadia" in out and "password: " in out
    nadia = get_user_model().objects.get(username="nadia")
    password = out.split("password: ")[1].strip()
    assert nadia.check_password(password) and not nadia.is_staff  # the pages, not the admin
    assert P.can_edit(nadia, world.iphrc) and not P.can_edit(nadia, world.ohchr)


def test_create_user_reads_the_password_from_stdin_and_prints_none(world):
    out = run(
        "create_user",
        "omar",
        "--role",
        "viewer",
        "--framework",
        "un-oic",
        "--password-stdin",
        stdin="a-long-password-1\n",
    )
    assert "password" not in out
    omar = get_user_model().objects.get(username="omar")
    assert omar.check_password("a-long-password-1") and not omar.is_staff
    assert P.can_view(omar, world.act_other) and not P.can_edit(omar, world.act_other)


def test_grant_then_revoke_a_focal_point(world):
    run("create_user", "pia")
    assert "granted" in run(
        "grant", "pia", "--role", "focal-point", "--framework", "un-oic", "--entity", "un.ohchr"
    )
    assert "already granted" in run(
        "grant", "pia", "--role", "focal-point", "--framework", "un-oic", "--entity", "un.ohchr"
    )
    pia = get_user_model().objects.get(username="pia")
    assert P.can_edit(pia, world.act_ohchr)
    run("revoke", "pia", "--role", "focal-point")
    pia = get_user_model().objects.get(username="pia")
    assert not P.can_edit(pia, world.act_ohchr)
    assert (
        Membership.all_objects.filter(user=pia, deleted_at__isnull=False).count() == 1
    )  # kept in history


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "coordinator", "--framework", "un-oic"], "organization"),
        (
            ["--role", "coordinator", "--framework", "un-oic", "--organization", "au"],
            "one of the two sides",
        ),
        (["--role", "viewer", "--framework", "no-such"], "No framework no-such"),
        (
            ["--role", "focal-point", "--framework", "un-oic", "--entity", "un.nothing"],
            "No entity un.nothing",
        ),
    ],
)
def test_a_bad_role_is_refused_with_one_line_and_nothing_written(world, args, message):
    with pytest.raises(CommandError, match=message):
        run("create_user", "quinn", *args)
    assert not get_user_model().objects.filter(username="quinn").exists()


def test_the_accord_script_creates_a_user_with_a_role(migrated_sqlite, tmp_path):
    """The installed console script: `accord migrate` made a fresh SQLite file (the
    session's template, shared with the test database) with every migration applied;
    on a copy of it, create-user."""
    if not ACCORD.exists():
        pytest.skip(
            f"the accord script is not installed beside {sys.executable} (run make install)"
        )
    from django.db.migrations.loader import MigrationLoader

    with sqlite3.connect(migrated_sqlite) as db:
        applied = set(db.execute("SELECT app, name FROM django_migrations").fetchall())
    leaves = MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes()
    assert leaves and set(leaves) <= applied  # the last migration of every app, so all of them
    shutil.copyfile(migrated_sqlite, tmp_path / "cli.sqlite3")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "ACCORD_VAR_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [str(ACCORD), "create-user", "rita", "--role", "administrator"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "created user rita" in done.stdout
    with sqlite3.connect(tmp_path / "cli.sqlite3") as db:
        row = db.execute(
            "SELECT u.is_staff, m.role FROM auth_user u JOIN accounts_membership m ON m.user_id = u.id "
            "WHERE u.username = 'rita'"
        ).fetchone()
    assert row == (1, "administrator")
    helped = subprocess.run(
        [str(ACCORD), "create-user", "--help"], env=env, capture_output=True, text=True, timeout=120
    )
    assert "--password-stdin" in helped.stdout
