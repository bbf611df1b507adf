"""Every JSON the parser writes satisfies resolutions/schema/resolution.schema.json."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from resolutions import parse, to_dict, to_json
from resolutions.serialize import load_schema


@pytest.fixture(scope="module")
def validator():
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.mark.corpus
def test_the_json_of_every_corpus_text_and_the_seed_is_valid(corpus, validator):
    paths = [*sorted((corpus / "text").glob("*.txt")), corpus / "seed" / "A_RES_73_135.md"]
    assert len(paths) == 45
    for path in paths:
        data = json.loads(to_json(parse(path)))
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, f"{path.name}: {errors[0].message} at {list(errors[0].path)}"


def test_the_schema_rejects_a_paragraph_without_its_verb(corpus, validator):
    data = to_dict(parse(corpus / "text" / "A_RES_80_230.txt"))
    del data["operative"][0]["verb"]
    assert not validator.is_valid(data)


def test_the_json_has_the_top_level_keys_the_issue_names(corpus):
    data = to_dict(parse(corpus / "text" / "A_RES_80_230.txt"))
    keys = [
        "symbol",
        "session",
        "title",
        "adopted_on",
        "distributed_on",
        "agenda_items",
        "basis",
        "documents",
        "meeting",
        "preamble",
        "operative",
        "footnotes",
        "citations",
        "entities",
        "mandates",
        "warnings",
    ]
    assert [k for k in keys if k not in data] == []
    assert data["adopted_on"] == "2025-12-18"
