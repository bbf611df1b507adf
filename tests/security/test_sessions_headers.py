"""What had no test (issue 12, items 6 and 8): the TOTP second factor of an
administrator, the idle session expiry, the security headers on pages, /healthz when the
database is unreachable (``check --deploy`` with the production settings, at the INFO
level: tests/test_settings.py)."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.accounts.middleware import SEEN
from tests.world import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
LOGIN = "/accounts/login/"


def _code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows (``steps_ahead`` periods later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def _wait_out_the_throttle(device: TOTPDevice) -> None:
    """Move the last wrong code back by the wait django-otp asks (1, 2, 4... seconds after
    the 1st, 2nd, 3rd... wrong code): the same as waiting, without the test sleeping."""
    device.refresh_from_db()
    wait = datetime.timedelta(seconds=2 ** (device.throttling_failure_count - 1))
    assert not device.verify_is_allowed()[0]  # refused within the wait
    device.throttling_failure_timestamp -= wait
    device.save(update_fields=["throttling_failure_timestamp"])


def _idle_for(client, seconds: int) -> None:
    """Move the session's last request back by ``seconds``: as if the user had left the
    page open that long (the idle middleware compares that time with the clock)."""
    session = client.session
    session[SEEN] -= seconds
    session.save()


def _sign_in(client, username: str):
    return client.post(LOGIN, {"username": username, "password": PASSWORD})


@pytest.mark.django_db
def test_an_administrator_enrols_totp_then_signs_in_with_a_code(client, world):
    assert _sign_in(client, "admin").status_code == 302
    page = client.get(reverse("otp-setup"))
    assert page.status_code == 200 and b"<svg" in page.content
    device = TOTPDevice.objects.get(user=world.admin, confirmed=False)
    wrong = client.post(reverse("otp-setup"), {"token": "000000"})
    assert b"This code is wrong or has expired." in wrong.content
    _wait_out_the_throttle(device)  # django-otp: no second try within a second of a wrong code
    client.post(reverse("otp-setup"), {"token": _code(device)})
    assert TOTPDevice.objects.get(user=world.admin).confirmed
    client.post(reverse("logout"))

    assert _sign_in(client, "admin").status_code == 302
    held = client.get("/")
    assert held.status_code == 302 and held["Location"].startswith(reverse("otp-verify"))
    refused = client.post(reverse("otp-verify"), {"token": "123456"})
    assert b"This code is wrong or has expired." in refused.content
    assert client.get("/").status_code == 302  # still held at the code page
    _wait_out_the_throttle(device)  # two wrong codes so far: the throttle waits two seconds
    ok = client.post(reverse("otp-verify") + "?next=/", {"token": _code(device, 1)})
    assert ok.status_code == 302 and ok["Location"] == "/"
    page = client.get("/", follow=True)
    assert page.status_code == 200
    assert not any(reverse("otp-verify") in url for url, _ in page.redirect_chain)


@pytest.mark.django_db
def test_a_session_idle_past_the_limit_is_signed_out(client, world, settings):
    settings.ACCORD_SESSION_IDLE_SECONDS = 1800
    _sign_in(client, "coordinator")
    assert "_auth_user_id" in client.session
    _idle_for(client, 1799)
    client.get("/")
    assert "_auth_user_id" in client.session  # within the limit: still signed in
    _idle_for(client, 1801)
    client.get("/")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_session_in_use_stays_signed_in(client, world, settings):
    settings.ACCORD_SESSION_IDLE_SECONDS = 1800
    _sign_in(client, "coordinator")
    client.get("/")
    for _ in range(3):  # 3,000 s in all, more than the limit, but never 1,800 s without a request
        _idle_for(client, 1000)
        client.get("/")
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
def test_pages_carry_csp_permissions_and_referrer_policies(client, world):
    client.force_login(world.coordinator)
    for url in ("/", reverse("resolutions", args=[world.framework.slug]), LOGIN):
        response = client.get(url, follow=True)
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "object-src 'none'" in csp
        assert "frame-ancestors 'none'" in csp and "http" not in csp
        assert "camera=()" in response.headers["Permissions-Policy"]
        assert response.headers["Referrer-Policy"] == "same-origin"


def _child(code: str, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, **env}
    environ.pop("DATABASE_URL", None)
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


HEALTHZ = """
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
import django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response.content.decode())
"""


def test_healthz_is_503_when_the_database_is_unreachable(tmp_path):
    down = _child(
        HEALTHZ,
        ACCORD_VAR_DIR=str(tmp_path),
        DATABASE_URL="sqlite:////nonexistent-dir/accord.sqlite3",
    )
    assert down.stdout.strip() == "503 database unavailable", down.stderr[-2000:]
    up = _child(HEALTHZ, ACCORD_VAR_DIR=str(tmp_path))
    assert up.stdout.strip() == "200 ok", up.stderr[-2000:]
