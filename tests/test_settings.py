"""The settings: production refuses defaults, and `check --deploy` is clean."""

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PROD_ENV = {
    "ACCORD_DEBUG": "0",
    "ACCORD_SECRET_KEY": "a-real-secret-key-for-this-test-only-" + "x" * 40,
    "ACCORD_ALLOWED_HOSTS": "accord.example.org",
    "DJANGO_SETTINGS_MODULE": "accord.settings",
}


def _run(env_extra, *args):
    # A clean production environment: no ACCORD_* of the developer's, and not the
    # async-safety switch that the browser tests set for their own process.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("ACCORD_") and k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    }
    env.update(env_extra)
    env["ACCORD_VAR_DIR"] = str(ROOT / "var" / "test-settings")
    return subprocess.run(
        [sys.executable, "-m", "accord.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    """Not even an INFO message, and none silenced (the one `check --deploy` of the
    suite: tests/security/test_sessions_headers.py asked the same)."""
    result = _run(PROD_ENV, "check", "--deploy", "--fail-level", "INFO")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = dict(PROD_ENV)
    del env["ACCORD_SECRET_KEY"]
    result = _run(env, "check")
    assert result.returncode != 0
    assert "ACCORD_SECRET_KEY" in result.stderr


def test_a_bad_boolean_fails_loudly():
    result = _run({"ACCORD_DEBUG": "maybe"}, "check")
    assert result.returncode != 0
    assert "ACCORD_DEBUG" in result.stderr


def test_a_number_below_its_least_fails_loudly(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from accord.env import envint

    monkeypatch.setenv("ACCORD_JOB_POLL_MS", "0")
    with pytest.raises(ImproperlyConfigured, match="ACCORD_JOB_POLL_MS=0 is below 100"):
        envint("ACCORD_JOB_POLL_MS", 2000, minimum=100)
    monkeypatch.setenv("ACCORD_JOB_POLL_MS", "500")
    assert envint("ACCORD_JOB_POLL_MS", 2000, minimum=100) == 500
