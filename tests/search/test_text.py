"""What a word becomes in the index: the same for what a reader types without care."""

from __future__ import annotations

import pytest

from accord.search.query import parse, stems, to_fts5, to_tsquery
from accord.search.text import query_terms, terms


@pytest.mark.parametrize(
    "written, typed",
    [
        ("مُنظّمة التّعاون الإسلاميّ", "منظمة التعاون الاسلامي"),  # diacritics, hamza on alef
        ("منظمـــة", "منظمة"),  # kashida
        ("إعلان", "اعلان"),  # alef with hamza below
        ("المدرسة", "المدرسه"),  # ta marbuta
        ("développement durable", "developpement durable"),  # French accents
        ("Organizations", "organization"),  # English plural, case
        ("l’Organisation", "organisation"),  # elision
    ],
)
def test_a_word_typed_without_care_finds_the_written_one(written, typed):
    for word in typed.split():
        assert query_terms(word) & set(terms(written)), (word, terms(written))


def test_web_search_syntax():
    groups = parse('mou "general meeting" -rabat or geneva')
    fts = to_fts5(groups)
    assert '"general meet"' in fts and 'NOT ("rabat")' in fts
    assert '("genev" OR "geneva")' in fts or '("geneva" OR "genev")' in fts
    ts = to_tsquery(groups)
    assert "('general') <-> ('meet')" in ts and "!(('rabat'))" in ts
    assert stems(groups) >= {"mou", "general", "meet", "genev"} and "rabat" not in stems(groups)


def test_either_word_with_or_and_nothing_to_find_with_only_exclusions():
    assert to_fts5(parse("rights or droits")) == '(("right") OR ("droit"))'
    assert to_fts5(parse("-rabat")) is None and to_tsquery(parse("-rabat")) is None
    assert to_fts5(parse('  "  ')) is None


def test_quotes_in_a_query_cannot_break_the_expression():
    assert to_fts5(parse('a"b "c')).count('"') % 2 == 0
    assert to_tsquery(parse("o'brien")) == "((('brien')))"  # the word after the apostrophe
