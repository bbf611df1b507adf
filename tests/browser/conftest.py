"""Browser tests: Playwright for Python drives Debian's Chromium (never a browser
downloaded by Playwright) against the app served by pytest-django's ``live_server``: its
headless shell (package chromium-headless-shell, the same Blink and V8 without the
desktop browser around them, what Playwright itself runs for headless tests) when it is
installed, else /usr/bin/chromium. Over the axe walk, the phone widths and the forms the
shell takes a third less CPU (17.5 s of user time against 26.5 s, 36 s wall against 45 s).
Skipped, with the reason printed, when neither is there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import snapshot

BROWSERS = (Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium"))
CHROMIUM = next((path for path in BROWSERS if path.exists()), BROWSERS[-1])
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WORLDS = snapshot.Worlds()  # the browser tests' world, per worker (on SQLite)
LIVE_SERVER: list[str] = []  # the live server's URL, for the cookie of sign_in
SCREENSHOTS_ENV = "ACCORD_SCREENSHOTS"  # 1: a screenshot of every page checked
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

# The sync Playwright API runs an event loop in this thread; Django's ORM then refuses
# to run unless told it is safe (the test process does nothing else at the time).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        print(
            f"\nbrowser tests skipped: {' and '.join(map(str, BROWSERS))} are absent"
            " (make browser installs Debian's chromium-headless-shell)"
        )
        pytest.skip("Chromium is absent (make browser installs Debian's chromium-headless-shell)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def world(transactional_db, live_server, settings):
    """The scenario of tests/web, written where the live server reads it (on SQLite built
    once per worker and written back for each test: tests/snapshot.py)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from tests.world import build_world

    return WORLDS.get("pages", lambda: build_world(activities=8))


@pytest.fixture
def new_page(browser, live_server):
    """Open pages in fresh browser contexts (one per person); closed after the test, which
    then fails if the browser refused anything of a page under its Content Security Policy
    (an inline style or script, a file from elsewhere) or a page's script raised an error:
    what a person's browser would silently leave out (the status colours were, once)."""
    contexts = []
    refused: list[str] = []
    LIVE_SERVER[:] = [live_server.url]

    def make(locale: str = "en-GB", javascript: bool = True):
        context = browser.new_context(
            base_url=live_server.url,
            locale=locale,
            viewport={"width": 1280, "height": 900},
            java_script_enabled=javascript,
        )
        context.set_default_timeout(15000)
        watch(context, refused)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    assert not refused, "in the browser:\n" + "\n".join(refused)


def watch(context, refused: list[str]) -> None:
    """Record in `refused` what the browser refuses or fails at in the context's pages."""
    context.on("console", lambda message: _csp_refusal(message, refused))
    context.on("weberror", lambda e: refused.append(f"{_url(e.page)}: script error {e.error}"))


def _csp_refusal(message, refused: list[str]) -> None:
    """Chromium reports each refusal of the policy as a console error naming it."""
    if message.type == "error" and "Content Security Policy" in message.text:
        refused.append(f"{_url(message.page)}: {message.text[:160]}")


def _url(page) -> str:
    return page.url if page is not None else "?"


def sign_in(page, username: str) -> None:
    """Sign ``username`` in for the page's browser context without opening the login form:
    a session made as Django's test client makes one (``force_login``: the same
    ``user_logged_in`` signal), its cookie given to the context. The page stays where it
    is (about:blank for a new one): the test opens its own page next. Saves the login
    page, its POST and the redirect to "my work" (0.6-0.8 s a sign-in, over 30 of them);
    the form itself is submitted by ``sign_in_by_form`` (test_whole_cycle.py, the second
    factor in test_more_forms.py, the page without JavaScript)."""
    from urllib.parse import urlsplit

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    assert LIVE_SERVER, "sign_in signs in a page of the new_page fixture"
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    cookie = {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "domain": urlsplit(LIVE_SERVER[0]).hostname,
        "path": "/",
        "httpOnly": True,
        "secure": settings.SESSION_COOKIE_SECURE,
        "sameSite": "Lax",
    }
    page.context.add_cookies([cookie])


def sign_in_by_form(page, username: str) -> None:
    """Sign in as a person does: the login form, then the page it leads to."""
    from tests.world import PASSWORD

    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def screenshot(page, name: str, *, failed: bool = False) -> Path | None:
    """The page as a person sees it, in test-artifacts/screenshots/NAME.jpg, when the
    check it illustrates ``failed`` (as Playwright's ``--screenshot only-on-failure``),
    or for every page when the run has ACCORD_SCREENSHOTS=1. Taking them all was a tenth
    of the browser tests' time (116 captures, about 2 s a part of the axe walk). JPEG,
    which Chromium encodes in two thirds of the time of a PNG; docs/ stays PNG."""
    if not (failed or os.environ.get(SCREENSHOTS_ENV)):
        return None
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.jpg"
    page.screenshot(path=str(path), full_page=False, type="jpeg", quality=80)
    return path


# --- which views the browser suite sends a POST to (tests/browser/test_post_coverage.py) ---
POSTED: set[str] = set()  # url names the live server answered a POST for, this session
LANGUAGE_PREFIX = ("/fr/", "/ar/")


def _record_post(sender, environ=None, **kwargs) -> None:
    if not environ or environ.get("REQUEST_METHOD") != "POST":
        return
    from django.urls import Resolver404, resolve

    path = environ.get("PATH_INFO", "")
    if path.startswith(LANGUAGE_PREFIX):
        path = path[3:]
    try:
        match = resolve(path)
    except Resolver404:
        return
    POSTED.add(match.view_name)
    folder = os.environ.get("ACCORD_TEST_POSTS")  # tests/post_coverage.py reads them
    if folder:
        with open(Path(folder) / f"{os.getpid()}.txt", "a") as record:
            record.write(match.view_name + "\n")


@pytest.fixture(scope="session", autouse=True)
def _post_recorder():
    """Record the POSTs every browser test makes, through Django's request_started."""
    from django.core.signals import request_started

    request_started.connect(_record_post, dispatch_uid="accord-post-recorder")
    yield POSTED
    request_started.disconnect(dispatch_uid="accord-post-recorder")
