"""Requests for action in operative paragraphs: the mandates.

Reads operative paragraphs (their `verb` and clean `text`) and the entity
mentions of the same resolution (for gazetteer ids); writes `Mandate`s, one
per clause that asks someone to act, in paragraph order.

Which verbs make a mandate, and why:
- Requests, Calls upon / Calls on, Urges, Invites, Encourages, Recommends,
  Appeals to, Exhorts, Demands, Authorizes, Directs, Instructs, Entrusts, with
  any adverb ("Also requests", "Further calls upon", "Requests also",
  "Strongly encourages", "Once again urges"): each names someone and asks or
  empowers them to act, from a binding request to a soft invitation.
- "Reiterates/Renews its request (call, invitation, appeal) to/upon X to ...":
  the same request, made again.
- "Calls for ...": asks for an action without naming who acts (no addressee).
- "Stresses / Emphasizes / Underlines / Underscores / Reiterates the need
  (necessity) ...": asks that something be done, usually without an addressee.
- "Decides to include (in the provisional agenda)", and "Decides to convene,
  hold, establish, consider, continue to consider, review, request": the
  Assembly gives itself work, with a session ("Decides to include in the
  provisional agenda of its seventy-fifth session" is due at session 75). The
  addressee is the General Assembly.
- The declaration form of outcome documents ("We request the Secretary-General
  to ...", "We call upon", "We invite", "We encourage", "We urge", "We decide to
  convene") counts like the third-person verbs.
Not mandates: Welcomes, Takes note, Notes, Recognizes, Reaffirms, Recalls,
Affirms, Acknowledges, Expresses (appreciation, concern), Commends, Condemns,
Stresses/Emphasizes (without "the need"), "Decides that ..." (a decision, not a
request), "Decides to remain seized", and "We commit / We will" (commitments of
Member States, not requests addressed to a body).

A mandate verb inside a paragraph that opens with another verb counts too:
"Notes with satisfaction ..., and calls upon the two organizations to expand
their cooperation" is a mandate with verb "calls upon".

Addressees are the words between the verb and the infinitive ("Requests the
Secretary-General to report ..." gives ("Secretary-General",) and the action
"to report ..."), split at ", the", " and the", " and their" ...; a leading
"the" is dropped. An aside inside the list ("the organizations of the United Nations system
and, as appropriate, other humanitarian actors") is read through; one after it (", individually
and through ...", ", pursuant to international law,") ends it, and its "to" is not the
action's ("pursuant to", "with a view to", "in addition to"). A request that someone act
("Requests that the Secretary-General direct ...", "Demands that all parties comply ...")
names the subject of the that-clause, its verb starting the action; a subject that names no
one ("that efforts be taken") gives no addressee. An object that is an action, a gerund or a
noun of action ("Encourages strengthening efforts", "the holding of a conference"), is not an
addressee. Gazetteer ids come from the resolution's entity mentions
whose surface forms appear in an addressee (the longest form wins); "the two
organizations" are the UN and the partner (the non-UN organization named in the
most paragraphs).
The session is the first "at its seventy-fifth session" (or "the eightieth
session of the General Assembly") in the clause, the year the one it opens in;
"at that session" is the session named earlier in the paragraph. Not a session: that
of a report the clause cites ("its report on its seventy-second session"), of a past
act ("adopted during the seventy-eighth session"), or of another body ("the Commission
on Science and Technology for Development at its thirtieth session"); a Main Committee
meets in the Assembly's session ("report to the Sixth Committee at its eightieth
session"), as does the Assembly giving itself work ("Decides to consider the report of the
Panel at its eighty-second session"), and a body named inside a quoted title is not the
clause's. A second request
needs no comma before it ("... and requests the Secretary-General to ..."), and a point
of "Decides:" is a clause of its own ("(b) To request the Secretary-General to ...");
the points of a request ("Calls upon all States: (a) To encourage ...") are not.
recurrence comes from "annually", "every two years", "biennially", "at each
session", "an annual report" ...
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from resolutions.model import EntityMention, Mandate, OperativeParagraph
from resolutions.sessions import ordinal_to_int, session_year

_ADVERBS = r"(?:also|further|again|once again|strongly|furthermore|therefore|urgently|in this regard|in that regard|respectfully|again|once more)"
_REQUEST_HEADS = (
    r"requests|calls upon|calls on|urges|invites|encourages|recommends|appeals to|appeals"
    r"|exhorts|demands|authorizes|directs|instructs|entrusts"
    r"|request|call upon|call on|urge|invite|encourage|recommend|appeal to|authorize"
)
_AGAIN_HEADS = (
    r"(?:reiterates|renews|reiterate|renew) (?:its|our) (?:request|call|invitation|appeal)s?"
)
_NEED_HEADS = (
    r"(?:stresses|emphasizes|underlines|underscores|reiterates|highlights|stress|emphasize|underline"
    r"|underscore|reiterate|highlight) (?:also |further |again )?the (?:urgent )?(?:need|necessity)"
)
_SELF_ACTIONS = r"include|convene|hold|establish|consider|continue to consider|review|request"

# The opening verb phrase of a paragraph (case-insensitive), adverbs on either side.
_OPENING = re.compile(
    rf"^(?:we\s+)?(?:{_ADVERBS}\s+)*(?P<head>{_AGAIN_HEADS}|{_NEED_HEADS}|calls for|call for"
    rf"|{_REQUEST_HEADS}|decides to (?:{_SELF_ACTIONS})|decide to (?:{_SELF_ACTIONS}))"
    rf"(?:\s+{_ADVERBS})*\b",
    re.IGNORECASE,
)
# A verb that starts a new clause inside a paragraph: ", and calls upon", "; requests".
_NON_MANDATE_VERBS = (
    r"welcomes|notes|recognizes|reaffirms|recalls|affirms|acknowledges|expresses|commends"
    r"|condemns|takes note|stresses|emphasizes|underlines|underscores|reiterates|decides|deplores"
    r"|looks forward|supports|appreciates|considers|believes|agrees|regrets|highlights|endorses"
)
_CLAUSE_VERBS = (
    rf"{_AGAIN_HEADS}|{_NEED_HEADS}"
    rf"|calls for|requests|calls upon|calls on|urges|invites|encourages|recommends|appeals to"
    rf"|decides to (?:{_SELF_ACTIONS})|{_NON_MANDATE_VERBS}"
)
_POINT_VERBS = (
    r"request|call upon|call on|urge|invite|encourage|recommend|authorize|include|convene"
)
_CLAUSE_START = re.compile(
    rf"(?:,\s+and|;\s+and|;|,"
    # "... and requests the Secretary-General to ...": a second request without a comma
    rf"|\s+and(?=\s+(?:{_ADVERBS}\s+)*(?:requests|calls upon|urges|invites|encourages)"
    rf"\s+(?:the\s+[A-Z]|all\s|[A-Z])))"
    rf"\s+(?:{_ADVERBS}\s+)*(?P<verb>{_CLAUSE_VERBS})\b(?:\s+{_ADVERBS}\b)*"
    # "Decides: (a) ...; (b) To request the Secretary-General to ...": a request in a point
    rf"|\s\((?:[a-z]{{1,2}}|[ivx]{{1,5}})\)\s+(?P<point>(?i:(?:{_ADVERBS}\s+)*"
    rf"(?:to\s+(?:{_POINT_VERBS})|{_CLAUSE_VERBS})))\b"
)
# An object that opens with these is an action asked for, not an addressee:
# "Encourages continued support ...", "Invites increased cooperation ...".
_NOT_ADDRESSEES = frozenset(
    [
        "increased",
        "continued",
        "continuing",
        "further",
        "enhanced",
        "closer",
        "greater",
        "stronger",
        "strengthened",
        "more",
        "full",
        "active",
        "effective",
        "sustained",
        "adequate",
        "additional",
        "broader",
        "efforts",
        "cooperation",
        "support",
        "coordination",
        "a",
        "an",
        "use",
        "frequent",
        "regular",
        "exchange",
        "exchanges",
        "collaboration",
        "dialogue",
        "consideration",
        "action",
        "measures",
        "steps",
        "progress",
        "work",
        # the -ing form of an action ("Encourages strengthening efforts to ...", "the holding
        # of"), not an adjective of an actor ("developing countries", "administering Powers")
        "strengthening",
        "scaling",
        "giving",
        "sharing",
        "undertaking",
        "retrofitting",
        "holding",
        "assisting",
        "exploring",
        "doubling",
        "supporting",
        "setting",
        "enhancing",
        "convening",
        "fostering",
        "promoting",
        "improving",
        "expanding",
        "establishing",
        "ensuring",
        "building",
        "mainstreaming",
        "integrating",
        "investing",
        "providing",
        "making",
        "taking",
        # and the nouns of an action ("Encourages the promotion of digital solutions ...")
        "promotion",
        "reinforcement",
        "pursuit",
        "implementation",
        "establishment",
        "provision",
        "mobilization",
    ]
)
# Who "calls for ... to act" or "the need for ... to act" may name: a definite or capital-led phrase.
_NAMED_ACTOR = re.compile(r"(?:the|all)\s|[A-Z]")
_INFINITIVE = re.compile(
    r"(?:^|\s|,\s)to\s+(?!(?:the|a|an|all|its|their|this|that|these|those|such|any|each|every"
    r"|both|his|her|our|which|whom|what|date|them|him|it)\b)(?=[a-z])"
)
# "to" after these words is a preposition, not the infinitive of the action: "Urges all
# States, pursuant to applicable international law, to identify ..."
_PREPOSITIONAL_TO = frozenset(
    ["pursuant", "according", "due", "prior", "contrary", "subject", "close", "access"]
)
# ... and after these when they follow "with", "in" or "a": "in addition to", "with regard
# to", "with a view to" ("in this respect to enhance" is the infinitive)
_PREPOSITIONAL_AFTER = frozenset(["addition", "relation", "respect", "regard", "view", "reference"])
_INTERJECTION = re.compile(
    r",\s+(?=(?:in|within|through|as|with|where|when|if|inter alia|including|particularly|"
    r"especially|while|bearing|taking|pending|upon|from|at|by|on|under|before|after|during|"
    r"without|consistent|for|once|subject|building|drawing|working|acting|pursuant|according"
    r"|individually|collectively|jointly)\b)"
)
# An aside inside a list of addressees: "the organizations of the United Nations system
# and, as appropriate, other humanitarian actors" names both.
_LIST_ASIDE = re.compile(
    r"\b(and|or),\s+(?:as|where|when|if|in|within|inter alia|particularly|especially|notably)"
    r"\b[^,;:]{0,60},\s+"
)
# "Requests that the Secretary-General direct ...", "Reiterates its request that Member
# States increase ...": the subject of the clause is the addressee, its verb (in the base
# form, or an adverb before it) starts the action.
_THAT_VERB_WORDS = """be continue ensure provide report submit take give consider make include prepare
    present undertake conduct develop establish maintain strengthen support promote
    implement pursue review examine study explore seek allocate assign appoint designate
    convene organize hold invite inform notify transmit keep remain refrain cease comply
    adhere respect allow facilitate cooperate engage participate work increase enhance
    improve reaffirm redouble intensify expedite accelerate direct guarantee protect
    address bring put end stop withdraw release abide fulfil fulfill meet use do apply
    adopt are is shall should will must ratify accede sign become return reconsider
    reflect prioritize mainstream step desist reorganize extend share publish not also
    further immediately fully actively effectively duly urgently promptly"""
_THAT_VERBS = frozenset(_THAT_VERB_WORDS.split())
_NOT_ADVERBS = frozenset(["family", "supply", "assembly", "monopoly", "anomaly", "ally"])
# who a lower-case subject may be ("that countries promote", "that all parties comply")
_ACTOR_NOUNS = frozenset(
    ["countries", "parties", "donors", "stakeholders", "actors", "entities", "organizations"]
    + ["agencies", "institutions", "bodies", "members", "authorities", "partners"]
)
# "that Organization, States bordering straits ... to continue": "that" points at a body
_DEMONSTRATIVE = re.compile(
    r"that\s+(?:Organization|Division|Committee|Office|Commission|Council|Board|Conference"
    r"|Secretariat|Department|Programme|Fund|Agency|Court|Tribunal|Mission|Group|Body|Entity"
    r"|Unit|Section|Centre|Center|Forum|Panel|Meeting|Summit|Assembly|Special|State|Government"
    r"|Party|Power)\b"
)
_DETERMINERS = frozenset(
    ["the", "all", "other", "relevant", "concerned", "its", "their", "a", "an", "this", "these"]
)
_NOT_BEFORE_VERB = frozenset(
    ["and", "or", "of", "the", "a", "an", "in", "for", "on", "with", "to", "by", "its", "their"]
)
_ASIDE_ONLY = re.compile(
    r"(?:in (?:this|that) regard|as appropriate|where appropriate|in particular|inter alia)"
)
_SPLIT = re.compile(
    r",\s*(?:and\s+|or\s+)?(?=(?:the|its|their|all|other|relevant|Member States|States)\b)"
    r"|\s+(?:and|or)\s+(?=(?:the|its|their|all|other|relevant|Member States)\b)"
)
_BETWEEN = re.compile(
    r"\b(?:cooperation|exchanges?|coordination|collaboration|dialogue|interaction)\b[^;:]{0,40}?"
    r"\bbetween\s+(?P<parties>.+?)"
    r"(?=[,;:]|\s+(?:in|through|regarding|by|with|to|for|on)\s+(?:the\s+)?[a-z]|$)"
)
_SESSION = re.compile(
    r"\b(?:its|the)\s+(?P<ordinal>(?:[a-z]+\s+hundred\s+(?:and\s+)?)?[a-z]+(?:-[a-z]+)?)\s+"
    r"(?:regular\s+)?(?:session|sessions)\b"
)
_RECURRENCE = re.compile(
    r"\b(?:(?P<annual>annually|on an annual basis|every year|each year"
    r"|at each (?:of its )?(?:regular )?sessions?|an annual report)"
    r"|(?P<biennial>biennially|every two years|on a biennial basis|every other year|a biennial report)"
    r"|(?P<triennial>triennially|every three years|on a triennial basis)"
    r"|(?P<quadrennial>quadrennially|every four years)"
    r"|(?P<quinquennial>quinquennially|every five years))\b"
)
_REPORT_ON = re.compile(r"\bon\s+(?:the\s+work\s+of\s+)?$")
_PAST_ACT = re.compile(r"\b(?:adopted|held|approved|endorsed|convened)\b(?:(?!\bto [a-z]|[;:]).)*$")
_THAT_SESSION = re.compile(r"\b(?:at|to|during|for) (?:that|the same) session\b")
# the Assembly, or one of its Main Committees, which meet in its session; not "the Assembly
# of States Parties" ("the General Assembly of that information" is the Assembly)
_ASSEMBLY = re.compile(
    r"(?:the\s+)?(?:General\s+)?Assembly\b(?!\s+of\s+(?:the\s+)?[A-Z])"
    r"|\b(?:First|Second|Third|Fourth|Fifth|Sixth|Special Political and Decolonization)"
    r" Committee\b"
)
_TO_IT = re.compile(r"\bto it\b")
# bodies that hold sessions of their own
_SESSION_BODY = re.compile(
    r"\b(?:Commission|Council|Committee|Board|Conference|Forum|Working Group|Meeting|Panel"
    r"|Platform|Summit|Assembly of (?:the )?[A-Z])"
)
_NAMED_AFTER = re.compile(r"(?:the\s+)?[A-Z]")  # "session of the Commission", not "of the work"
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")  # a title: its bodies and commas are not the clause's
_RECURRENCE_WORDS = ("ann", "enn", "every", "each", "year")
_AGAIN = re.compile(_AGAIN_HEADS)
_REQUEST_OBJECT = re.compile(r"^(?:to\s+)?request\s+(?=the\b|all\b|its\b|[A-Z])")
_POINT_HEAD = re.compile(r"^(?i:to)\s+")  # "To request" in a point: the verb is "request"
_ADVERB_PREFIX = re.compile(rf"^(?:{_ADVERBS}\s+)+", re.IGNORECASE)
_NO_ADDRESSEE = re.compile(r"\b(?:calls for|call for|need|necessity)\b")
_NON_MANDATE = re.compile(_NON_MANDATE_VERBS)
_LEADING_PREPOSITION = re.compile(r"^(?:to|upon|on|for)\s+")
# "..., and" before the next clause's verb ("..., and requests the Secretary-General ...")
_TRAILING_CONJUNCTION = re.compile(r"[\s,;]+(?:and|or)$")
_TRAILING_WORDS = re.compile(r"[\s,]+(?:in this regard|in that regard|as appropriate)$")
_LEADING_WORDS = re.compile(r"^(?:(?:and|or)\s+)?(?:the\s+)?")


def find_mandates(
    operative: Sequence[OperativeParagraph], entities: Sequence[EntityMention]
) -> list[Mandate]:
    """Return one mandate per clause of an operative paragraph that asks someone to act.

    >>> op = OperativeParagraph(id="op-25", number=25, verb="Requests", text="Requests the "
    ...     "Secretary-General to report to the General Assembly at its seventy-fifth session")
    >>> m = find_mandates([op], [])[0]
    >>> m.addressees, m.addressee_ids, m.session, m.year
    (('Secretary-General',), ('un.sg',), 75, 2020)
    """
    if not entities and operative:
        from resolutions.entities import find_entities

        entities = find_entities([(op.id, op.text) for op in operative])
    forms_by_paragraph = _forms_by_paragraph(entities, {op.id for op in operative})
    # "the two organizations" in a resolution on cooperation with a partner: the UN and
    # the partner (the non-UN organization named in most paragraphs).
    partners = [e for e in entities if e.id == e.organization and e.id != "un"]
    partner = max(partners, key=lambda e: len(e.paragraphs)).id if partners else None
    both = [("two organizations", "un"), ("two organizations", partner)] if partner else []
    mandates: list[Mandate] = []
    for op in operative:
        forms = forms_by_paragraph.get(op.id, []) + both
        for verb, phrase, body, start in _clauses(op):
            mandates.append(_mandate(op.id, verb, phrase, body, forms, op.text[:start]))
    return mandates


def _clauses(op: OperativeParagraph) -> list[tuple[str, str, str, int]]:
    """(verb as written, the whole verb phrase, the text after it, where the clause starts)
    for each mandate clause."""
    text = op.text.strip()
    starts: list[tuple[int, int, str, str]] = []  # (verb start, verb end, verb, phrase)
    opening = _OPENING.match(text)
    if opening:
        phrase = opening.group(0)
        verb = op.verb if op.verb and text.startswith(op.verb) else phrase
        end = opening.end()
        if _is_self_work(opening.group("head")):
            end = len(phrase.rsplit(" to ", 1)[0])
            verb = verb if len(verb) <= end else phrase[:end]
        starts.append((0, end, verb, phrase))
    else:
        starts.append((0, 0, "", ""))  # the opening verb is not a mandate; its clause is skipped
    for m in _clause_starts(text, starts[0][1]):
        group = "verb" if m.group("verb") else "point"
        if group == "point" and starts[0][2]:
            continue  # "Calls upon all States: (a) To encourage ...": what the States are to do
        head = _POINT_HEAD.sub("", m.group(group))
        if _NON_MANDATE.fullmatch(_ADVERB_PREFIX.sub("", head.lower())):
            starts.append((m.start(), m.start(), "", ""))  # ends the previous clause
            continue
        verb_start = m.start(group)
        verb_end = m.end()
        if _is_self_work(head):
            verb_end = verb_start + len(head.rsplit(" to ", 1)[0])
        phrase = text[verb_start : m.end()].strip()
        starts.append((verb_start, verb_end, text[verb_start:verb_end].strip(), phrase))
    clauses = []
    for i, (start, verb_end, verb, phrase) in enumerate(starts):
        if not verb:
            continue
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        body = text[verb_end:end].strip(" ,;.")
        if body.endswith((" and", " or")):
            body = _TRAILING_CONJUNCTION.sub("", body)
        clauses.append((verb, phrase, body, start))
    return clauses


# Where a clause can start in text with single spaces only (a paragraph's clean text):
# a comma, a semicolon, " and" or " (". _CLAUSE_START opens with alternatives the regex
# engine tries at every character; each one here opens with a character it can jump to
# (the clause starts of the corpus's 20,760 paragraphs found in 0.71 s instead of 0.97 s).
_CLAUSE_CUE = re.compile(r",|;| and| \(")


def _clause_starts(text: str, pos: int) -> Iterator[re.Match[str]]:
    """The matches of _CLAUSE_START.finditer(text, pos), found faster in clean text."""
    if " ".join(text.split()) != text:  # other white space: \s+ may span more than a space
        yield from _CLAUSE_START.finditer(text, pos)
        return
    while (cue := _CLAUSE_CUE.search(text, pos)) is not None:
        m = _CLAUSE_START.match(text, cue.start())
        if m is None:
            pos = cue.start() + 1
            continue
        yield m
        pos = m.end()


def _is_self_work(head: str) -> bool:
    """ "Decides to include", "Also decides to convene", "We further decide to hold"."""
    head = _ADVERB_PREFIX.sub("", head.lower().removeprefix("we "))
    if head.startswith("to "):  # "Decides: (a) To include in the provisional agenda ..."
        return head[3:].startswith(("include", "convene"))
    return head.startswith(("decides to", "decide to"))


def _mandate(
    pid: str, verb: str, phrase: str, body: str, forms: list[tuple[str, str]], before: str = ""
) -> Mandate:
    """The mandate of one clause; `before` is the paragraph's text before the clause (for
    "at that session")."""
    addressees: tuple[str, ...] = ()
    action = body
    low = phrase.lower()
    if _is_self_work(low) and _REQUEST_OBJECT.match(body):
        # "Also decides to request the Secretary-General to report ...": the request's addressee
        addressees, action = _split_addressees(_REQUEST_OBJECT.sub("", body, count=1))
    elif _is_self_work(low):
        addressees = ("General Assembly",)
        forms = [("General Assembly", "un.ga")]
        action = body if body.startswith("to ") else f"to {body}"
    elif _NO_ADDRESSEE.search(low):
        # "Calls for the United Nations system to cooperate", "the need for X to act"
        # ("the need to broaden ...", "calls for an end to ..." name nobody)
        candidate = body[4:] if body.startswith("for ") else body
        if "need" in low or "necessity" in low:
            candidate = candidate if body.startswith("for ") else ""
        if _NAMED_ACTOR.match(candidate):
            named, rest = _split_addressees(candidate)
            if named:
                addressees, action = named, rest
    else:
        if _AGAIN.search(low):
            body = _LEADING_PREPOSITION.sub("", body)
        addressees, action = _split_addressees(body)
        if not addressees:
            between = _BETWEEN.search(body)
            if between:
                addressees = _names(between.group("parties"))
    session = _session(action, addressees, before)
    return Mandate(
        paragraph=pid,
        verb=verb,
        addressees=addressees,
        addressee_ids=_ids(addressees, forms),
        action=action,
        session=session,
        year=session_year(session) if session else None,
        recurrence=_recurrence(action),
    )


def _split_addressees(body: str) -> tuple[tuple[str, ...], str]:
    """("Secretary-General",), "to report ..." from "the Secretary-General to report ..."."""
    colon = body.find(":")
    semicolon = body.find(";")
    limit = min(x for x in (colon, semicolon, len(body)) if x >= 0)
    if body.startswith("that ") and (clause := _that_clause(body)) is not None:
        return clause
    infinitive = _infinitive(body, limit)
    if colon >= 0 and (infinitive is None or colon < infinitive.start()):
        head, action = (
            body[:colon],
            body[colon + 1 :].strip(),
        )  # "Requests the Secretary-General: (a) To ..."
    elif infinitive:
        head, action = body[: infinitive.start()], body[infinitive.start() :].strip(" ,")
    else:
        return (), body
    words = [w.strip(",;") for w in head.lower().split(maxsplit=2)]
    if (
        not words
        or words[0] in _NOT_ADDRESSEES
        or (words[0] == "the" and words[1:2] and words[1] in _NOT_ADDRESSEES)
    ):
        return (), body  # "Encourages continued cooperation ...": the object is an action
    if "and," in head or "or," in head:
        head = _LIST_ASIDE.sub(r"\1 ", head)
    interjection = _INTERJECTION.search(head)
    if interjection:
        head = head[: interjection.start()]
    return _names(head), action


def _infinitive(body: str, limit: int) -> re.Match[str] | None:
    """The "to" of the action before `limit`, not a preposition ("pursuant to")."""
    for m in _INFINITIVE.finditer(body, 0, limit):
        before = body[max(0, m.start() - 40) : m.start()].rstrip(" ,").rsplit(None, 2)[-2:]
        word = before[-1].lower() if before else ""
        if word in _PREPOSITIONAL_TO:
            continue
        if word in _PREPOSITIONAL_AFTER and len(before) == 2 and before[0] in ("with", "in", "a"):
            continue
        return m
    return None


def _that_clause(body: str) -> tuple[tuple[str, ...], str] | None:
    """("Secretary-General",), "direct all departments ..." from "that the Secretary-General
    direct all departments ..."; no addressee when the subject names no one ("that efforts
    be taken to ..."); None when "that" points at a body named before ("that Organization,
    States bordering straits and user States to continue ...")."""
    if _DEMONSTRATIVE.match(body):
        return None
    words = body.split(" ")[1:]
    for i, word in enumerate(words[:24]):
        low = word.lower().rstrip(",;")
        if low == "to" and words[i + 1 : i + 2] and words[i + 1] not in _DETERMINERS:
            return (), body  # "that the report ..., to be presented ..., reflect": no one named
        if i > 0 and _is_verb(word, low, words[i - 1]):
            return _that_subject(body, words[:i], words[i:])
        if word.endswith(",") and _INTERJECTION.match(", " + " ".join(words[i + 1 : i + 3])):
            return _that_subject(body, words[: i + 1], words[i + 1 :])
    return (), body


def _is_verb(word: str, low: str, before: str) -> bool:
    """Whether `word` is the base-form verb (or an adverb before it) of a that-clause."""
    if before.lower() in _NOT_BEFORE_VERB:
        return False  # "the exploration and use of outer space": a noun
    adverb = low.endswith("ly") and low not in _NOT_ADVERBS and word.islower()
    return low in _THAT_VERBS or adverb


def _that_subject(body: str, subject: list[str], rest: list[str]) -> tuple[tuple[str, ...], str]:
    """The addressees of a that-clause's subject and the action from its verb; no addressee
    (the whole clause the action) when the subject names no one."""
    text = " ".join(subject).rstrip(",")
    head = [w for w in text.split() if w.lower() not in _DETERMINERS]
    if head and (head[0][0].isupper() or head[0].lower() in _ACTOR_NOUNS):
        return _names(text), " ".join(rest).strip(" ,")
    return (), body


def _names(phrase: str) -> tuple[str, ...]:
    names = []
    for part in _SPLIT.split(phrase.strip(" ,;")):
        part = _LEADING_WORDS.sub("", part.strip(" ,;"))
        part = _TRAILING_WORDS.sub("", part)
        if part and not _ASIDE_ONLY.fullmatch(part):
            names.append(part)
    return tuple(names)


def _recurrence(action: str) -> str | None:
    if not any(word in action for word in _RECURRENCE_WORDS):
        return None
    m = _RECURRENCE.search(action)
    return m.lastgroup if m else None


def _session(action: str, addressees: tuple[str, ...] = (), before: str = "") -> int | None:
    """The General Assembly session a clause is due at: "at its eighty-first session", "the
    eighty-first session of the General Assembly"; "at that session" is the one named
    earlier in the paragraph. Not a session of a report the clause cites ("its report on
    its seventy-second session"), nor a session of another body ("the Commission on Science
    and Technology for Development at its thirtieth session")."""
    if "session" not in action:
        return None
    for m in _SESSION.finditer(action):
        if _REPORT_ON.search(action, max(0, m.start() - 30), m.start()):
            continue  # "a report on its seventy-second session": the report's, not the request's
        if _of_another_body(action, m, addressees):
            continue
        if _PAST_ACT.search(action, max(0, m.start() - 200), m.start()):
            continue  # "the resolution adopted during the seventy-eighth session": a past act
        try:
            return ordinal_to_int(m.group("ordinal").split(" and ")[-1])
        except ValueError:
            continue
    if _THAT_SESSION.search(action) and before:
        earlier = list(_SESSION.finditer(before))
        for m in reversed(earlier):
            try:
                return ordinal_to_int(m.group("ordinal").split(" and ")[-1])
            except ValueError:
                continue
    return None


def _of_another_body(action: str, m: re.Match, addressees: tuple[str, ...]) -> bool:
    """Whether the session of match `m` is that of a body other than the General Assembly:
    "the thirtieth session of the Commission", "through the Commission ... at its thirtieth
    session", or "Invites the Commission ... to consider ... at its thirtieth session"."""
    after = action[m.end() : m.end() + 40]
    if after.startswith(" of ") and _NAMED_AFTER.match(after[4:]):
        return not _ASSEMBLY.match(after[4:])
    if not m.group(0).startswith("its") or addressees == ("General Assembly",):
        return False  # "Decides to consider the report of the Panel at its eighty-second session"
    clause = re.split(r"[,;]", _QUOTED.sub("“”", action[: m.start()]))[-1]
    if _ASSEMBLY.search(clause) or _TO_IT.search(clause):
        return False
    if _SESSION_BODY.search(clause):
        return True
    return bool(addressees) and all(
        _SESSION_BODY.search(a) and not _ASSEMBLY.search(a) for a in addressees
    )


def _forms_by_paragraph(
    entities: Sequence[EntityMention], wanted: set[str]
) -> dict[str, list[tuple[str, str]]]:
    """paragraph id -> (surface form, entity id) for the operative paragraphs, longest form first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for e in entities:
        for pid in e.paragraphs:
            if pid in wanted:
                out.setdefault(pid, []).extend((form, e.id) for form in e.matched)
    for forms in out.values():
        forms.sort(key=lambda f: -len(f[0]))
    return out


def _occurrences(form: str, text: str) -> list[tuple[int, int]]:
    """Spans of `form` in `text` on word boundaries."""
    spans = []
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "-" or after.isalnum() or after == "-"):
            spans.append((start, end))
        start = text.find(form, start + 1)
    return spans


def _ids(addressees: tuple[str, ...], forms: list[tuple[str, str]]) -> tuple[str, ...]:
    """Gazetteer ids of the bodies named in the addressees, in order, longest form first."""
    ids: list[str] = []
    for name in addressees:
        taken: list[tuple[int, int, str, str]] = []  # start, end, entity, form
        for form, entity_id in [f for f in forms if f[0] in name]:
            for s, e in _occurrences(form, name):
                # a span already claimed by a longer form is not claimed again, except by the
                # same form for another body ("two organizations": the UN and the partner)
                if not any(ts < e and s < te and tf != form for ts, te, _, tf in taken):
                    taken.append((s, e, entity_id, form))
        for _s, _e, entity_id, _f in sorted(taken, key=lambda t: t[:2]):
            if entity_id not in ids:
                ids.append(entity_id)
    return tuple(ids)
