"""Session numbers: English ordinals, Roman numerals and years."""

from __future__ import annotations


def ordinal_to_int(word: str) -> int:
    """ "seventy-fifth" -> 75 """
    raise NotImplementedError


def int_to_ordinal(n: int) -> str:
    """75 -> "seventy-fifth" """
    raise NotImplementedError


def session_year(session: int) -> int:
    """The year session N opens (September of 1945 + N)."""
    return 1945 + session


def roman_to_int(numeral: str) -> int:
    """ "XXX" -> 30 """
    raise NotImplementedError
