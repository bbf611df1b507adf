"""The French and Arabic catalogs are complete: no untranslated and no fuzzy entry, and
every translation keeps the placeholders of its source."""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "accord" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def entries(path: Path) -> list[dict]:
    """Read a .po file: each entry's flags, msgid, msgid_plural and msgstr forms."""
    out, cur, key = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if cur and "msgid" in cur:
                out.append(cur)
            cur = None
            continue
        cur = cur or {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            cur["flags"] |= {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif m := re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d)\])?)\s+(\".*\")$", line):
            key = (
                ("msgstr", int(m.group(2) or 0))
                if m.group(1).startswith("msgstr")
                else (m.group(1),)
            )
            value = ast.literal_eval(m.group(3))
            if key[0] == "msgstr":
                cur["msgstr"][key[1]] = value
            else:
                cur[key[0]] = value
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if key[0] == "msgstr":
                cur["msgstr"][key[1]] += value
            else:
                cur[key[0]] += value
    return out


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_catalog_has_no_untranslated_or_fuzzy_entry(language):
    catalog = entries(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(catalog) > 100
    untranslated = [e["msgid"] for e in catalog if e["msgid"] and not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in catalog if "fuzzy" in e["flags"]]
    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language}: {fuzzy[:10]}"


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_translations_keep_their_placeholders(language):
    wrong = []
    for e in entries(LOCALE / language / "LC_MESSAGES" / "django.po"):
        wanted = set(PLACEHOLDER.findall(e["msgid"] + e.get("msgid_plural", "")))
        for form in e["msgstr"].values():
            got = set(PLACEHOLDER.findall(form))
            if got - wanted or (not e.get("msgid_plural") and got != wanted):
                wrong.append((e["msgid"], form))
    assert not wrong, wrong[:10]


def test_the_reader_of_catalogs_sees_a_missing_translation(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr "Language: fr\\n"\n\n#, fuzzy\nmsgid "Save"\nmsgstr ""\n',
        encoding="utf-8",
    )
    (entry,) = [e for e in entries(po) if e["msgid"]]
    assert entry["msgstr"] == {0: ""} and "fuzzy" in entry["flags"]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_catalog_defines_each_message_once(language):
    catalog = entries(LOCALE / language / "LC_MESSAGES" / "django.po")
    keys = [(e.get("msgctxt"), e["msgid"]) for e in catalog]
    duplicates = sorted({k for k in keys if keys.count(k) > 1}, key=str)
    assert not duplicates, duplicates[:10]
    header = [e for e in catalog if e["msgid"] == ""]
    assert len(header) == 1 and f"Language: {language}" in header[0]["msgstr"][0]


def copy_sources(tmp_path: Path) -> Path:
    """A copy of accord's sources without the catalogs, so that ``makemessages`` does not
    rewrite the real ones."""
    tree = tmp_path / "accord"
    shutil.copytree(LOCALE.parent, tree, ignore=shutil.ignore_patterns("locale", "*.pyc"))
    return tree


def extract(tree: Path) -> set[tuple]:
    """The messages Django's ``makemessages`` finds in a tree of sources."""
    (tree / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "fr", "--no-location"],
        cwd=tree,
        check=True,
        capture_output=True,
    )
    return keys(tree / "locale" / "fr" / "LC_MESSAGES" / "django.po")


def keys(path: Path) -> set[tuple]:
    """Each entry of a catalog as (context, message, plural)."""
    found = entries(path)
    return {(e.get("msgctxt"), e["msgid"], e.get("msgid_plural")) for e in found if e["msgid"]}


def need_xgettext() -> None:
    if shutil.which("xgettext") is None:
        pytest.skip("xgettext (gettext) is not installed: `make messages` installs it")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple]:
    need_xgettext()
    return extract(copy_sources(tmp_path_factory.mktemp("messages")))


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_message_of_the_sources_is_in_the_catalog_and_none_is_left_over(language, extracted):
    catalog = keys(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(extracted) > 100
    missing, unused = extracted - catalog, catalog - extracted
    assert not missing, f"{len(missing)} not in {language}: {sorted(missing, key=str)[:10]}"
    assert not unused, f"{len(unused)} unused in {language}: {sorted(unused, key=str)[:10]}"


def test_the_extraction_sees_a_message_added_to_the_sources(tmp_path):
    need_xgettext()
    tree = copy_sources(tmp_path)
    message = (None, "A message nobody translated", None)
    assert message not in extract(tree)
    (tree / "core" / "new_message.py").write_text(
        'from django.utils.translation import gettext as _\n\n_("A message nobody translated")\n'
    )
    assert message in extract(tree)
