"""Browser test of the API tokens and the API's documentation: a focal point creates a
token on the token page (its key shown once), calls the API with it, revokes it and is
refused (401); the interactive documentation at /api/v1/docs renders from the project's
own static files under the Content-Security-Policy, with nothing from another host."""

import json
import re
import urllib.error
import urllib.request

from playwright.sync_api import expect

from accord.api.models import ApiToken
from tests.browser.conftest import sign_in


def call(live_server, path: str, key: str):
    request = urllib.request.Request(
        live_server.url + path, headers={"Authorization": f"Bearer {key}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())


def test_a_token_is_created_used_and_revoked_in_the_page(world, new_page, live_server):
    page = new_page()
    sign_in(page, "focal")
    page.goto("/")
    page.get_by_role("link", name="API tokens").click()
    page.get_by_label("Name of the token").fill("My dashboard")
    page.get_by_label("Scope").select_option("read-write")
    page.get_by_label("Valid for").select_option("30")
    page.get_by_role("button", name="Create the token").click()
    key = page.locator("#new-token-key").inner_text().strip()
    assert key.startswith("acc_")
    stored = ApiToken.objects.get(user=world.focal, name="My dashboard")
    assert stored.key_hash != key and key.startswith(stored.prefix)
    expect(page.get_by_role("cell", name=f"{stored.prefix}…")).to_be_visible()
    activity = world.activities[0]
    status, body = call(live_server, f"/api/v1/activities/{activity.pk}", key)
    assert (status, body["code"]) == (200, activity.code)
    page.reload()  # the key is not shown again
    expect(page.locator("#new-token-key")).to_have_count(0)
    page.get_by_role("button", name="Revoke My dashboard").click()
    expect(page.get_by_role("status")).to_contain_text("revoked")
    status, body = call(live_server, f"/api/v1/activities/{activity.pk}", key)
    assert status == 401 and body["error"]["code"] == "unauthorized"


def test_the_api_documentation_renders_from_this_site_under_the_csp(world, new_page):
    page = new_page()
    violations = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    answer = page.goto("/api/v1/docs")
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    html = page.content()
    outside = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html)
    assert outside == []
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Accord API")
    expect(page.get_by_text("/api/v1/frameworks/{slug}/activities").first).to_be_visible()
    assert violations == []
