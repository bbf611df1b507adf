"""The French and Arabic catalogs are complete: no untranslated and no fuzzy entry, and
every translation keeps the placeholders of its source."""

import ast
import re
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
