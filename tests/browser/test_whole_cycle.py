"""The whole cooperation cycle in the pages (issue 8, "How it is shown"): from an empty
database, with only the users made by the fixture, a coordinator (who administers Accord,
since only an administrator may start a framework) and focal points do everything through
the pages, and the test reads what comes out (rows, pages, the downloaded reports)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accord.cooperation.models import Activity
from tests.bootstrap.conftest import DEMO
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(transactional_db, live_server, settings, tmp_path):
    """The users, and nothing else: no framework, no role, no row."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.contrib.auth import get_user_model

    from accord.cooperation.models import Framework
    from tests.web.scenario import PASSWORD

    assert not Framework.objects.exists()
    users = get_user_model().objects
    users.create_user(
        "nadia", password=PASSWORD, is_superuser=True, first_name="Nadia", last_name="Karim"
    )
    users.create_user("omar", password=PASSWORD, first_name="Omar", last_name="Haddad")
    users.create_user("lina", password=PASSWORD, first_name="Lina", last_name="Saleh")
    return users


def _confirm_all(page) -> int:
    """Confirm every pending proposal of the review list open in ``page``."""
    done = 0
    while True:
        buttons = page.get_by_role("button", name="Confirm")
        if buttons.count() == 0:
            return done
        buttons.first.click()
        page.wait_for_load_state()
        done += 1
        assert done < 300


def _start_framework(page) -> str:
    from accord.cooperation.models import Framework

    sign_in(page, "nadia")
    page.goto("/")
    page.locator("input[type=file]").set_input_files(str(DEMO))
    page.get_by_role("button", name="Upload and review").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Review list of A/RES/73/135")
    _confirm_all(page)
    expect(page.get_by_text("0 proposals wait for a decision.")).to_be_visible()
    return Framework.objects.get().slug


def _entity(acronym: str):
    from accord.registry.models import Entity

    return Entity.objects.get(acronym=acronym)


def _save(page) -> None:
    """Press Save; a form that comes back with errors fails the test, saying them."""
    page.locator("#edit-form").get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    errors = page.locator(".errorlist")
    assert errors.count() == 0, errors.all_inner_texts()


def _add_focal_point(page, slug, *, name, acronym, account, area) -> None:
    page.goto(f"/f/{slug}/registry/")
    page.get_by_role("link", name="New focal point").click()
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Entity", exact=True).select_option(str(_entity(acronym).pk))
    page.get_by_label("Priority areas", exact=True).select_option(label=area)
    page.get_by_label("User", exact=True).select_option(label=name)
    _save(page)
    expect(page.get_by_text("The focal point was added.")).to_be_visible()


def _new_biennium(page, slug) -> str:
    page.goto(f"/f/{slug}/matrix/")
    page.get_by_role("link", name="New biennium").click()
    _save(page)
    expect(page.get_by_text("The biennium was created.")).to_be_visible()
    return page.locator("#id_biennium option:checked").inner_text()


def _new_activity(page, slug, *, code, title, area, un_lead, partner_lead) -> None:
    page.goto(f"/f/{slug}/matrix/")
    page.get_by_role("link", name="New activity").click()
    page.get_by_label("Code", exact=True).fill(code)
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Priority area", exact=True).select_option(label=area)
    page.get_by_label("UN lead", exact=True).select_option(str(_entity(un_lead).pk))
    page.get_by_label("Partner lead", exact=True).select_option(str(_entity(partner_lead).pk))
    page.get_by_label("Status", exact=True).select_option("ongoing")
    page.get_by_label("Published", exact=True).check()
    _save(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)


def _import_from_excel(page, slug, label, tmp_path, rows: dict[str, str]) -> None:
    """Export the matrix to .xlsx from its page, add ``rows`` (code: title) copied from
    the first activity with openpyxl, import the file and confirm the preview."""
    import openpyxl

    page.goto(f"/f/{slug}/matrix/?biennium={label}")
    with page.expect_download() as info:
        page.get_by_role("link", name="Export to Excel (.xlsx)").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    first = [c.value for c in sheet[2]]
    for code, title in rows.items():
        row = list(first)
        row[header.index("Code")] = code
        row[header.index("Title")] = title
        row[header.index("Version")] = None
        sheet.append(row)
    path = tmp_path / "matrix.xlsx"
    book.save(path)
    page.goto(f"/f/{slug}/matrix/?biennium={label}")
    page.get_by_role("link", name=f"Import the matrix {label}").click()
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_role("button", name="Preview the changes").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Apply these changes").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Imported:")).to_be_visible()


def test_the_whole_cycle_in_the_pages(people, new_page, tmp_path):
    nadia = new_page()
    slug = _start_framework(nadia)
    assert slug == "un-oic"
    _add_focal_point(
        nadia, slug, name="Omar Haddad", acronym="OHCHR", account="omar", area="human rights"
    )
    _add_focal_point(
        nadia, slug, name="Lina Saleh", acronym="IPHRC", account="lina", area="human rights"
    )
    label = _new_biennium(nadia, slug)
    _new_activity(
        nadia,
        slug,
        code="HR-1",
        title="Joint training on treaty-body reporting",
        area="human rights",
        un_lead="OHCHR",
        partner_lead="IPHRC",
    )
    _new_activity(
        nadia,
        slug,
        code="HR-2",
        title="Regional workshop on the rights of women",
        area="human rights",
        un_lead="UN-Women",
        partner_lead="IPHRC",
    )
    imported = {
        "HR-3": "Translation of the human rights manual into Arabic",
        "HR-4": "Exchange of staff on the universal periodic review",
    }
    _import_from_excel(nadia, slug, label, tmp_path, imported)
    titles = {a.code: a.title for a in Activity.objects.filter(framework__slug=slug)}
    assert titles == {
        "HR-1": "Joint training on treaty-body reporting",
        "HR-2": "Regional workshop on the rights of women",
        **imported,
    }
