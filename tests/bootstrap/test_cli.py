"""The commands: `accord bootstrap FILE [--yes] [--framework SLUG] [--user NAME]` and
`accord parse FILE [--format json|akn]`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from accord.cli import main
from accord.cooperation.models import Framework, Meeting
from accord.documents.models import Resolution
from accord.documents.review import ReviewItem
from tests.bootstrap.test_apply import _row_counts

ROOT = Path(__file__).resolve().parents[2]


def _accord(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "ACCORD_VAR_DIR": str(tmp_path),
    }
    return subprocess.run(
        [sys.executable, "-m", "accord.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_bootstrap_records_its_writes_under_the_system_user_bootstrap(db, demo_path):
    out = StringIO()
    call_command("bootstrap", str(demo_path), "--yes", stdout=out)
    assert "A/RES/73/135 -> framework un-oic" in out.getvalue()
    user = get_user_model().objects.get(username="bootstrap")
    assert not user.is_active and not user.has_usable_password()
    assert Resolution.history.filter(history_user=user).exists()
    assert Meeting.history.filter(history_user=user).count() == Meeting.objects.count()


def test_bootstrap_records_its_writes_under_the_user_given(db, demo_path, coordinator):
    coordinator.is_superuser = True
    coordinator.save()
    call_command("bootstrap", str(demo_path), "--yes", "--user", "nadia", stdout=StringIO())
    assert set(Resolution.history.values_list("history_user__username", flat=True)) == {"nadia"}
    assert not get_user_model().objects.filter(username="bootstrap").exists()


def test_bootstrap_without_yes_lists_what_waits_for_review(db, demo_path):
    out = StringIO()
    call_command("bootstrap", str(demo_path), stdout=out)
    pending = ReviewItem.objects.filter(status=ReviewItem.Status.PENDING).count()
    assert pending > 0
    assert f"to review ({pending})" in out.getvalue()


@pytest.fixture
def nadia(db):
    """A user without any role yet (the tests give her one)."""
    return get_user_model().objects.create_user("nadia", first_name="Nadia")


def test_bootstrap_refuses_a_user_who_may_not_add_to_the_framework(db, demo_path, nadia):
    with pytest.raises(CommandError, match="may not add a resolution"):
        call_command("bootstrap", str(demo_path), "--yes", "--user", "nadia", stdout=StringIO())
    assert not Resolution.objects.exists() and not Framework.objects.exists()


def test_a_coordinator_may_bootstrap_into_their_framework(db, demo_path, nadia):
    coordinator = nadia
    from accord.accounts.models import Membership

    call_command("bootstrap", str(demo_path), "--yes", stdout=StringIO())
    framework = Framework.objects.get()
    Membership.objects.create(
        user=coordinator,
        role=Membership.Role.COORDINATOR,
        framework=framework,
        organization=framework.partner,
    )
    before = _row_counts()
    out = StringIO()
    call_command("bootstrap", str(demo_path), "--yes", "--user", "nadia", stdout=out)  # allowed
    assert "A/RES/73/135 -> framework un-oic" in out.getvalue()
    assert "created" not in out.getvalue() and "entity: 26 unchanged" in out.getvalue()
    assert _row_counts() == before  # already there: the second import writes nothing


def test_bootstrap_adds_to_the_framework_named_by_framework(db, demo_path):
    call_command(
        "bootstrap", str(demo_path), "--yes", "--framework", "oic-partnership", stdout=StringIO()
    )
    assert list(Framework.objects.values_list("slug", flat=True)) == ["oic-partnership"]
    assert Resolution.objects.get().framework.slug == "oic-partnership"


def test_bootstrap_with_a_new_framework_slug_sets_up_a_second_framework(bootstrapped, demo_path):
    call_command("bootstrap", str(demo_path), "--yes", "--framework", "un-oic-2", stdout=StringIO())
    assert set(Framework.objects.values_list("slug", flat=True)) == {"un-oic", "un-oic-2"}
    assert Framework.objects.get(slug="un-oic-2").partner.code == "oic"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("noise.bin", bytes(range(256)) * 40, "binary"),
        (
            "novel.txt",
            ("It was a dark and stormy night; the rain fell in torrents. " * 200).encode(),
            "not a General Assembly resolution",
        ),
    ],
)
def test_bootstrap_refuses_bad_input_and_writes_nothing(db, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = _row_counts()
    users = get_user_model().objects.count()
    with pytest.raises(CommandError, match=message) as caught:
        call_command("bootstrap", str(path), "--yes", stdout=StringIO())
    assert "\n" not in str(caught.value)
    assert _row_counts() == before
    assert get_user_model().objects.count() == users


def test_bootstrap_refuses_a_resolution_that_names_no_partner(db, tmp_path, demo_path):
    text = demo_path.read_text(encoding="utf-8").replace(
        "Cooperation between the United Nations and the Organization of Islamic Cooperation",
        "Oceans and the law of the sea",
    )
    path = tmp_path / "not-cooperation.md"
    path.write_text(text, encoding="utf-8")
    before = _row_counts()
    with pytest.raises(CommandError, match="not a cooperation resolution"):
        call_command("bootstrap", str(path), stdout=StringIO())
    assert _row_counts() == before


def test_bootstrap_says_when_the_partner_is_not_in_the_gazetteer(db, tmp_path, demo_path):
    text = demo_path.read_text(encoding="utf-8").replace(
        "Cooperation between the United Nations and the Organization of Islamic Cooperation",
        "Cooperation between the United Nations and the Union of Imaginary States",
    )
    path = tmp_path / "imaginary.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(
        CommandError, match=r"\(Union of Imaginary States\) is not in the gazetteer"
    ):
        call_command("bootstrap", str(path), "--yes", stdout=StringIO())
    assert not Resolution.objects.exists()


def test_bootstrap_refuses_a_missing_file_or_an_unknown_user(db, tmp_path, demo_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("bootstrap", str(tmp_path / "absent.pdf"), stdout=StringIO())
    with pytest.raises(CommandError, match="no user named"):
        call_command("bootstrap", str(demo_path), "--user", "nobody", stdout=StringIO())
    assert not Resolution.objects.exists()


def test_the_accord_script_ends_a_refused_file_with_one_line_and_status_1(tmp_path):
    (tmp_path / "noise.bin").write_bytes(bytes(range(256)) * 40)
    done = _accord("bootstrap", str(tmp_path / "noise.bin"), tmp_path=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "binary" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_accord_script_refuses_a_path_it_cannot_read(tmp_path, capsys):
    """The script's entry point in this process (the script itself runs just above)."""
    with pytest.raises(SystemExit) as done:
        main(["bootstrap", str(tmp_path)])  # a folder, not a file
    assert done.value.code == 1
    stderr = capsys.readouterr().err
    assert stderr.strip().count("\n") == 0 and "cannot read" in stderr


def test_accord_parse_prints_the_parsers_json(demo_path, capsys):
    call_command("parse", str(demo_path))
    data = json.loads(capsys.readouterr().out)
    assert data["symbol"] == "A/RES/73/135" and len(data["operative"]) == 26


def test_accord_parse_prints_akoma_ntoso(demo_path, capsys):
    call_command("parse", str(demo_path), "--format", "akn")
    assert "<akomaNtoso" in capsys.readouterr().out


def test_accord_parse_refuses_bad_input_with_status_1(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    done = _accord("parse", str(tmp_path / "empty.txt"), tmp_path=tmp_path)
    assert done.returncode == 1 and done.stderr.strip().startswith("error:")
