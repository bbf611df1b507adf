"""The words of a text as the search index keeps them, and a query's words the same way.

A word is folded to what a reader types without care: lower case; Arabic without
diacritics (tashkeel), without the tatweel (kashida), with every alef form as a bare
alef, ta marbuta as ha and alef maqsura as ya; then stemmed with the Snowball stemmer of
its language (Arabic for Arabic script; English or French for Latin script, by the
text's own stop words); then Latin accents dropped, so "developpement" finds
"développement" and "التعاون" finds "التّعاون".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
_TASHKEEL = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_ARABIC_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"}
)
_FRENCH = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "du",
        "de",
        "et",
        "en",
        "un",
        "une",
        "pour",
        "dans",
        "par",
        "sur",
        "au",
        "aux",
        "avec",
        "est",
        "sont",
        "qui",
        "que",
        "ou",
        "ses",
        "son",
        "sa",
        "leur",
        "leurs",
        "ce",
        "cette",
        "ces",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "for",
        "on",
        "by",
        "with",
        "is",
        "are",
        "that",
        "which",
        "a",
        "an",
        "its",
        "their",
        "this",
        "these",
    ]
)


@lru_cache(maxsize=4)
def _stemmer(language: str):
    return snowballstemmer.stemmer(language)


def _fold_latin(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def language_of(words: list[str]) -> str:
    """ "french" when the words hold more French stop words than English ones."""
    fr = sum(w in _FRENCH for w in words)
    en = sum(w in _ENGLISH for w in words)
    return "french" if fr > en else "english"


def _arabic(word: str) -> str:
    word = _TASHKEEL.sub("", word).translate(_ARABIC_FOLD)
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    return _stemmer("arabic").stemWord(word).translate(_ARABIC_FOLD)


def plain(text: str) -> str:
    """``text`` lower-cased and without tashkeel: each word of ``words(text)`` is a
    substring of it."""
    return _TASHKEEL.sub("", text or "").casefold()


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, in order (apostrophes kept inside a word)."""
    return [w.casefold() for w in _WORD.findall(_TASHKEEL.sub("", text or ""))]


@lru_cache(maxsize=200_000)  # a text's vocabulary is far smaller than its words
def term(word: str, language: str) -> str:
    """One word as the index keeps it (``word`` already lower-cased)."""
    if _ARABIC_LETTER.search(word):
        return _arabic(word)
    word = word.split("'")[-1].split("’")[-1]  # l'organisation -> organisation
    return _fold_latin(_stemmer(language).stemWord(word))


def terms(text: str, language: str | None = None) -> list[str]:
    """The index terms of ``text``, one a word, in order (so phrases still match)."""
    ws = words(text)
    language = language or language_of(ws)
    return [term(w, language) for w in ws]


def query_terms(word: str) -> set[str]:
    """What a word typed in the search box may stand for in the index: its English and
    French stems (the box does not know the language of the text sought)."""
    w = word.casefold()
    return {term(w, "english"), term(w, "french")}
