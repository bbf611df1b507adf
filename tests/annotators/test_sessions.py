"""Session ordinals, Roman numerals and years (resolutions/sessions.py)."""

import doctest

import pytest

from resolutions import sessions
from resolutions.sessions import int_to_ordinal, ordinal_to_int, roman_to_int, session_year


def test_the_module_examples_hold():
    result = doctest.testmod(sessions)
    assert result.attempted > 0 and result.failed == 0


def test_it_reads_the_sessions_resolutions_name():
    assert ordinal_to_int("seventy-fifth") == 75
    assert ordinal_to_int("eightieth") == 80
    assert ordinal_to_int("Seventy-Third") == 73
    assert ordinal_to_int("thirteenth") == 13


def test_ordinals_round_trip_for_every_session_number():
    for n in range(1, 1000):
        assert ordinal_to_int(int_to_ordinal(n)) == n


def test_session_n_opens_in_1945_plus_n():
    assert session_year(75) == 2020
    assert session_year(73) == 2018
    assert session_year(1) == 1946


def test_it_reads_roman_session_numbers_of_old_resolutions():
    assert roman_to_int("XXX") == 30
    assert roman_to_int("XXV") == 25
    assert roman_to_int("I") == 1


@pytest.mark.parametrize("bad", ["", "seventy", "fifth-seventy", "75th"])
def test_it_rejects_what_is_not_an_ordinal(bad):
    with pytest.raises(ValueError, match="not an ordinal"):
        ordinal_to_int(bad)


@pytest.mark.parametrize("bad", ["", "IIII", "xxx", "XXXX", "IC"])
def test_it_rejects_malformed_roman_numerals(bad):
    with pytest.raises(ValueError, match="not a Roman numeral"):
        roman_to_int(bad)


def test_it_refuses_a_session_zero():
    with pytest.raises(ValueError):
        session_year(0)
    with pytest.raises(ValueError):
        int_to_ordinal(0)
