"""Bodies named in paragraph text, matched against the gazetteer.

Reads (paragraph id, clean text) pairs and `gazetteer.load_gazetteer()`;
writes one `EntityMention` per body, with the ids of the paragraphs that name
it (in order) and the surface forms found.

Matching rules:
- One Aho-Corasick automaton, built once per process, over the lower-cased
  text: names of two words or more match case-insensitively (except that a
  name starting with a capital must start with one in the text); acronyms and
  one-word names must appear as written ("WHO" is not "who").
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
    root_tail: int = 0  # length of "<organization>" at the end of "<body> of the <organization>"


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
        self.organization_of = {e.id: e.organization for e in gazetteer.entries}
        self._root_patterns: dict[str, re.Pattern[str]] = {}
        # One automaton over the lower-cased text. A key holds either multi-word forms
        # (case-insensitive, a leading capital stays a capital) or acronyms and one-word
        # forms (which must appear exactly as written: "WHO", not "who").
        by_key: dict[str, list[_Form]] = {}
        for sf in gazetteer.surface_forms():
            text = _normalize(sf.text)
            org = gazetteer[sf.entry].organization
            tail = self.root_pattern(org).search(text) if org != sf.entry else None
            form = _Form(text, sf.entry, sf.how, len(tail.group(0)) if tail else 0)
            by_key.setdefault(_lower(text), []).append(form)
        self.automaton = ahocorasick.Automaton()
        for key, forms in by_key.items():
            exact = any(f.how == "acronym" or " " not in f.text for f in forms)
            self.automaton.add_word(key, (len(key), tuple(forms), exact))
        self.automaton.make_automaton()

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
        found: list[tuple[int, int, tuple[_Form, ...]]] = []
        n = len(text)
        for end_index, (length, forms, exact) in self.automaton.iter(_lower(text)):
            start, end = end_index - length + 1, end_index + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            if end < n and text[end].isalnum():
                continue
            if exact:
                written = text[start:end]
                forms = tuple(f for f in forms if f.text == written)
                if not forms:
                    continue
            elif forms[0].text[0].isupper() and not text[start].isupper():
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
    organization_of = matcher.organization_of
    _resolve_context(organization_of, matches)
    matches = _apply_inline_acronyms(text, matches)

    paragraphs_of: dict[str, dict[str, None]] = {}
    forms_of: dict[str, dict[str, None]] = {}
    for m in matches:
        pid = paragraphs[bisect_right(starts, m.start) - 1][0]
        surface = text[m.start : m.end]
        hits = [(m.entry, surface)]
        if m.form.root_tail and m.entry == m.form.entry:
            hits.append((organization_of[m.entry], surface[-m.form.root_tail :]))
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


def _resolve_context(organization_of: dict[str, str], matches: list[_Match]) -> None:
    """Give ambiguous forms the body of the partner organization the text is about:
    the non-UN organization named most often by unambiguous forms."""
    counts: Counter[str] = Counter()
    for m in matches:
        if len(m.candidates) == 1 and m.form.how != "context":
            org = organization_of[m.entry]
            if org != "un":
                counts[org] += 1
    partner = counts.most_common(1)[0][0] if counts else None
    keep = []
    for m in matches:
        if len(m.candidates) == 1 and m.form.how != "context":
            keep.append(m)
            continue
        pick = next((f for f in m.candidates if organization_of[f.entry] == partner), None)
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
    known = _matcher().automaton
    unknown = [a for a in defined if _lower(a) not in known]
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
