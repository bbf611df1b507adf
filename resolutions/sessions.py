"""Session numbers of the General Assembly: spelled-out ordinals, Roman numerals, years.

Reads words and numerals; writes integers (and back). Pure functions, no state.

Resolutions spell sessions out ("at its seventy-fifth session"); resolutions
before 1976 carry the session as a Roman numeral ("3369 (XXX)"). Session N
opens in September of 1945 + N, so "seventy-fifth" is the 2020-2021 session.

>>> ordinal_to_int("seventy-fifth")
75
>>> int_to_ordinal(75)
'seventy-fifth'
>>> session_year(ordinal_to_int("seventy-fifth"))
2020
>>> roman_to_int("XXX")
30
"""

from __future__ import annotations

import re

_UNITS = [
    "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_UNIT_ORDINALS = [
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth", "nineteenth",
]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TEN_ORDINALS = [
    "", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
    "eightieth", "ninetieth",
]  # fmt: skip

MAX_ORDINAL = 999

# The months as the United Nations writes dates ("13 December 2018"); 1-based by index + 1.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def int_to_ordinal(n: int) -> str:
    """The English ordinal word of n, as the General Assembly spells it (1 to 999).

    >>> int_to_ordinal(1)
    'first'
    >>> int_to_ordinal(80)
    'eightieth'
    >>> int_to_ordinal(101)
    'one hundred and first'
    >>> int_to_ordinal(0)
    Traceback (most recent call last):
    ...
    ValueError: no ordinal for 0: expected 1 to 999
    """
    if not isinstance(n, int) or not 1 <= n <= MAX_ORDINAL:
        raise ValueError(f"no ordinal for {n!r}: expected 1 to {MAX_ORDINAL}")
    hundreds, rest = divmod(n, 100)
    if hundreds and not rest:
        return f"{_UNITS[hundreds]} hundredth"
    prefix = f"{_UNITS[hundreds]} hundred and " if hundreds else ""
    if rest < 20:
        return prefix + _UNIT_ORDINALS[rest]
    tens, unit = divmod(rest, 10)
    if unit == 0:
        return prefix + _TEN_ORDINALS[tens]
    return prefix + f"{_TENS[tens]}-{_UNIT_ORDINALS[unit]}"


_ORDINALS: dict[str, int] = {int_to_ordinal(i): i for i in range(1, MAX_ORDINAL + 1)}


def ordinal_to_int(word: str) -> int:
    """The number an English ordinal word stands for; case, spacing and "and" are forgiven.

    >>> ordinal_to_int("Seventy-fifth")
    75
    >>> ordinal_to_int("seventy fifth")
    75
    >>> ordinal_to_int("one hundred first")
    101
    >>> ordinal_to_int("seventy")
    Traceback (most recent call last):
    ...
    ValueError: not an ordinal: 'seventy'
    """
    key = re.sub(r"\s+", " ", word.strip().lower().replace("\u2011", "-"))
    key = re.sub(
        r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) (?=[a-z])", r"\1-", key
    )
    key = re.sub(r"hundred (?!and )", "hundred and ", key)
    try:
        return _ORDINALS[key]
    except KeyError:
        raise ValueError(f"not an ordinal: {word!r}") from None


def session_year(session: int) -> int:
    """The year in which session N of the General Assembly opens (September of 1945 + N).

    >>> session_year(75)
    2020
    >>> session_year(1)
    1946
    """
    if session < 1:
        raise ValueError(f"no session {session!r}: sessions start at 1")
    return 1945 + session


def session_opening_in(year: int) -> int:
    """The session of the General Assembly that opens in September of ``year``.

    >>> session_opening_in(2020)
    75
    >>> session_year(session_opening_in(1990))
    1990
    """
    return year - 1945


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_FORM = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


def roman_to_int(numeral: str) -> int:
    """The value of a (well-formed, upper-case) Roman numeral, as in "3369 (XXX)".

    >>> roman_to_int("XXX")
    30
    >>> roman_to_int("XXIX")
    29
    >>> roman_to_int("IIII")
    Traceback (most recent call last):
    ...
    ValueError: not a Roman numeral: 'IIII'
    """
    if not numeral or not _ROMAN_FORM.fullmatch(numeral):
        raise ValueError(f"not a Roman numeral: {numeral!r}")
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN[ch]
        if i + 1 < len(numeral) and _ROMAN[numeral[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def int_to_roman(n: int) -> str:
    """The Roman numeral of n (1 to 3999).

    >>> int_to_roman(30)
    'XXX'
    """
    if not 1 <= n <= 3999:
        raise ValueError(f"no Roman numeral for {n!r}: expected 1 to 3999")
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)
