"""Bodies named in paragraph text, matched against the gazetteer.

Reads (paragraph id, clean text) pairs and `gazetteer.load_gazetteer()`;
writes one `EntityMention` per body, with the ids of the paragraphs that name
it (in order) and the surface forms found.

Matching rules:
- Two Aho-Corasick automata built once per process: one over the lower-cased
  text for names of two words or more (case-insensitive, except that a name
  starting with a capital must start with one in the text), one over the text
  as written for acronyms and one-word names ("WHO" is not "who").
- A match counts only on word boundaries; overlapping matches resolve to the
  leftmost, then the longest ("United Nations Children's Fund", not "United
  Nations").
- Former names map to the same id ("Organization of the Islamic Conference" is
  "oic"). "<body> of the <organization>" also names the organization.
- "the Secretary-General" alone is the UN Secretary-General (these are UN
  resolutions); "Secretary-General of the Organization of Islamic Cooperation"
  is the longer match and wins.
- Context aliases ("General Secretariat", "General Secretariat of the
  Organization") name the body of the partner organization the resolution is
  about: the non-UN organization named most often in the same text.
- Acronyms defined inline, "Some Body (SB)", name that body wherever else they
  appear in the text, even when the gazetteer gives the acronym to another body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

import ahocorasick

from resolutions.gazetteer import Gazetteer, load_gazetteer
from resolutions.model import EntityMention

_REPLACE = (("\u2019", "'"), ("\u2018", "'"), ("\u2011", "-"), ("\u2010", "-"), ("\u00a0", " "))
_INLINE_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]*(?:[-.][A-Za-z]+)*[A-Z])\)")


@dataclass(frozen=True)
class _Form:
    text: str
    entry: str
    how: str


@dataclass
class _Match:
    start: int
    end: int
    form: _Form
    entry: str  # may differ from form.entry after context and inline-acronym resolution
    candidates: tuple[_Form, ...] = ()  # all forms when several bodies share this text


class _Matcher:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.folded = ahocorasick.Automaton()  # lower-cased multi-word forms
        self.exact = ahocorasick.Automaton()  # acronyms and one-word forms, as written
        folded: dict[str, list[_Form]] = {}
        exact: dict[str, list[_Form]] = {}
        for sf in gazetteer.surface_forms():
            text = _normalize(sf.text)
            form = _Form(text, sf.entry, sf.how)
            if sf.how == "acronym" or " " not in text:
                exact.setdefault(text, []).append(form)
            else:
                folded.setdefault(_lower(text), []).append(form)
        for key, forms in folded.items():
            self.folded.add_word(key, (len(key), tuple(forms)))
        for key, forms in exact.items():
            self.exact.add_word(key, (len(key), tuple(forms)))
        self.folded.make_automaton()
        self.exact.make_automaton()
        self._root_patterns: dict[str, re.Pattern[str]] = {}

    def root_pattern(self, root: str) -> re.Pattern[str]:
        """Finds "<organization>" at the end of "<body> of the <organization>"."""
        if root not in self._root_patterns:
            e = self.gazetteer[root]
            names = [e.name, *e.aliases, *(f.names["en"] for f in e.former_names), *e.acronyms]
            names.sort(key=len, reverse=True)
            alternatives = "|".join(re.escape(_normalize(n)) for n in names)
            self._root_patterns[root] = re.compile(rf"(?<= of the )(?:{alternatives})$")
        return self._root_patterns[root]

    def matches(self, text: str) -> list[_Match]:
        """Leftmost-longest matches on word boundaries in normalized text; ambiguous
        forms keep all their candidates (resolved by _resolve_context)."""
        lowered = _lower(text)
        found: list[tuple[int, int, tuple[_Form, ...]]] = []
        n = len(text)
        for automaton, haystack, folded in (
            (self.folded, lowered, True),
            (self.exact, text, False),
        ):
            for end_index, (length, forms) in automaton.iter(haystack):
                start, end = end_index - length + 1, end_index + 1
                if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                    continue
                if end < n and text[end].isalnum():
                    continue
                if folded and forms[0].text[0].isupper() and not text[start].isupper():
                    continue
                found.append((start, end, forms))
        found.sort(key=lambda m: (m[0], m[0] - m[1]))
        chosen: list[_Match] = []
        last_end = -1
        for start, end, forms in found:
            if start < last_end:
                continue
            chosen.append(_Match(start, end, forms[0], forms[0].entry, forms))
            last_end = end
        return chosen


def _lower(text: str) -> str:
    """Lower-case without changing the length (so offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@cache
def _matcher() -> _Matcher:
    return _Matcher(load_gazetteer())


def _normalize(text: str) -> str:
    """Typographic variants to the gazetteer's spelling, keeping offsets."""
    for old, new in _REPLACE:
        if old in text:
            text = text.replace(old, new)
    return text


def find_entities(paragraphs: Sequence[tuple[str, str]]) -> list[EntityMention]:
    """Return one mention per gazetteer entity named in the paragraphs, in order of first mention.

    >>> [m.id for m in find_entities([("op-8", "Invites increased cooperation between the "
    ...     "Independent Permanent Commission on Human Rights of the Organization of Islamic "
    ...     "Cooperation and the Office of the United Nations High Commissioner for Human Rights;")])]
    ['oic.iphrc', 'oic', 'un.ohchr']
    """
    matcher = _matcher()
    gazetteer = matcher.gazetteer
    # One pass over the whole text: paragraphs joined by newlines (a word boundary).
    text = _normalize("\n".join(t for _, t in paragraphs))
    starts = list(accumulate((len(t) + 1 for _, t in paragraphs[:-1]), initial=0))
    matches = matcher.matches(text)
    _resolve_context(gazetteer, matches)
    matches = _apply_inline_acronyms(text, matches)

    paragraphs_of: dict[str, dict[str, None]] = {}
    forms_of: dict[str, dict[str, None]] = {}
    for m in matches:
        pid = paragraphs[bisect_right(starts, m.start) - 1][0]
        surface = text[m.start : m.end]
        hits = [(m.entry, surface)]
        root = gazetteer[m.entry].organization
        if root != m.entry:
            hit = matcher.root_pattern(root).search(surface)
            if hit:
                hits.append((root, hit.group(0)))
        for entry_id, form in hits:
            paragraphs_of.setdefault(entry_id, {})[pid] = None
            forms_of.setdefault(entry_id, {})[form] = None
    mentions = []
    for entry_id, pids in paragraphs_of.items():
        e = gazetteer[entry_id]
        mentions.append(
            EntityMention(
                id=e.id,
                name=e.name,
                organization=e.organization,
                kind=e.kind,
                acronym=e.acronym,
                paragraphs=tuple(pids),
                matched=tuple(forms_of[entry_id]),
            )
        )
    return mentions


def _resolve_context(gazetteer: Gazetteer, matches: list[_Match]) -> None:
    """Give ambiguous forms the body of the partner organization the text is about:
    the non-UN organization named most often by unambiguous forms."""
    counts: Counter[str] = Counter()
    for m in matches:
        if len(m.candidates) == 1 and m.form.how != "context":
            org = gazetteer[m.entry].organization
            if org != "un":
                counts[org] += 1
    partner = counts.most_common(1)[0][0] if counts else None
    keep = []
    for m in matches:
        if len(m.candidates) == 1 and m.form.how != "context":
            keep.append(m)
            continue
        pick = next((f for f in m.candidates if gazetteer[f.entry].organization == partner), None)
        if pick is None:
            pick = next((f for f in m.candidates if f.how != "context"), None)
        if pick is not None:
            m.form, m.entry = pick, pick.entry
            keep.append(m)
    matches[:] = keep


def _apply_inline_acronyms(text: str, matches: list[_Match]) -> list[_Match]:
    """ "Name (ACR)" makes ACR name that body throughout the text."""
    defined: dict[str, str] = {}
    for m in matches:
        if m.form.how != "acronym" and text.startswith(" (", m.end):
            hit = _INLINE_ACRONYM.match(text, m.end)
            if hit:
                defined.setdefault(hit.group(1), m.entry)
    if not defined:
        return matches
    for m in matches:
        if m.form.how == "acronym" and m.form.text in defined:
            m.entry = defined[m.form.text]
    known = _matcher().exact
    unknown = [a for a in defined if a not in known]
    if not unknown:
        return matches
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, unknown)) + r")(?![\w-])")
    taken = [(m.start, m.end) for m in matches]
    extra = [
        _Match(
            h.start(),
            h.end(),
            _Form(h.group(1), defined[h.group(1)], "inline"),
            defined[h.group(1)],
        )
        for h in pattern.finditer(text)
        if not any(s <= h.start() < e for s, e in taken)
    ]
    return sorted(matches + extra, key=lambda m: m.start)
