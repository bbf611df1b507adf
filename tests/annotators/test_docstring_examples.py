"""The examples in the annotators' docstrings hold (they document the domain values)."""

import doctest

import pytest

from resolutions import citations, entities, gazetteer, mandates, sessions


@pytest.mark.parametrize("module", [citations, entities, gazetteer, mandates, sessions])
def test_the_docstring_examples_hold(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
