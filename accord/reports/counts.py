"""The report's counted phrases, one ``npgettext`` each (context "sg report"), so that
every language has its own plural forms: "one meeting" / "three meetings", "une
réunion", "اجتماع واحد" / "ثلاثة اجتماعات" / "11 اجتماعا". The count is written by
``Phrases.number`` (words for one to nine, in the gender of the noun).

Each function takes the language's ``Phrases`` and the count, and is called inside
``translation.override(lang)``. Writes nothing.
"""

from __future__ import annotations

from django.utils.translation import npgettext


def _fill(text: str, p, n: int, noun: str, **more) -> str:
    return text.format(n=p.number(n, noun), **more)


def _fill_noun(text: str, p, n: int, noun: str) -> str:
    """A count placed before its noun: zero is said in words ("no agreements
    concluded", "aucun accord conclu") rather than printed "0"."""
    return text.format(n=p.zero(noun) if n == 0 else p.number(n, noun))


def joint_activities(p, n: int) -> str:
    text = npgettext("sg report", "{n} joint activity", "{n} joint activities", n)
    return _fill_noun(text, p, n, "activity")


def priority_areas(p, n: int) -> str:
    text = npgettext("sg report", "{n} priority area", "{n} priority areas", n)
    return _fill_noun(text, p, n, "area")


def completed(p, n: int) -> str:
    text = npgettext("sg report", "{n} completed", "{n} completed", n)
    return _fill(text, p, n, "activity")


def meetings_held(p, n: int) -> str:
    text = npgettext("sg report", "{n} meeting held", "{n} meetings held", n)
    return _fill_noun(text, p, n, "meeting")


def agreements_concluded(p, n: int) -> str:
    text = npgettext("sg report", "{n} agreement concluded", "{n} agreements concluded", n)
    return _fill_noun(text, p, n, "agreement")


def action_items(p, n: int) -> str:
    text = npgettext("sg report", "{n} action item", "{n} action items", n)
    return _fill_noun(text, p, n, "action_item")


def items_opened(p, n: int) -> str:
    text = npgettext("sg report", "{n} action item was opened", "{n} action items were opened", n)
    return _fill(text, p, n, "action_item")


def items_closed(p, n: int) -> str:
    text = npgettext("sg report", "{n} was closed", "{n} were closed", n)
    return _fill(text, p, n, "action_item")


def items_open(p, n: int) -> str:
    text = npgettext(
        "sg report", "{n} action item remained open", "{n} action items remained open", n
    )
    return _fill(text, p, n, "action_item")


def items_overdue(p, n: int) -> str:
    text = npgettext("sg report", "{n} was past its due date", "{n} were past their due date", n)
    return _fill(text, p, n, "action_item")


def had_been_completed(p, n: int) -> str:
    text = npgettext("sg report", "{n} had been completed", "{n} had been completed", n)
    return _fill(text, p, n, "activity")


def were_under_way(p, n: int) -> str:
    text = npgettext("sg report", "{n} was under way", "{n} were under way", n)
    return _fill(text, p, n, "activity")


def general_meeting_held(p, n: int, place: str, dates: str) -> str:
    text = npgettext(
        "sg report",
        "The general meeting of the two systems was held in {place} on {dates} and adopted "
        "{n} recommendation.",
        "The general meeting of the two systems was held in {place} on {dates} and adopted "
        "{n} recommendations.",
        n,
    )
    return _fill(text, p, n, "recommendation", place=place, dates=dates)


def general_meeting_previous(p, n: int, place: str, dates: str) -> str:
    text = npgettext(
        "sg report",
        "The previous general meeting, held in {place} on {dates}, adopted {n} recommendation.",
        "The previous general meeting, held in {place} on {dates}, adopted {n} recommendations.",
        n,
    )
    return _fill(text, p, n, "recommendation", place=place, dates=dates)


def area_paragraph(p, n: int, area: str, statuses: str) -> str:
    text = npgettext(
        "sg report",
        "In the area of {area}, {n} joint activity was recorded ({statuses}).",
        "In the area of {area}, {n} joint activities were recorded ({statuses}).",
        n,
    )
    return _fill(text, p, n, "activity", area=area, statuses=statuses)


def examples(p, n: int, items: str) -> str:
    text = npgettext("sg report", "It was: {items}.", "They included: {items}.", n)
    return text.format(items=items)


def entity_paragraph(p, n: int, entity: str, partners: str) -> str:
    if partners:
        text = npgettext(
            "sg report",
            "{entity} led or took part in {n} joint activity, with {partners}.",
            "{entity} led or took part in {n} joint activities, with {partners}.",
            n,
        )
    else:
        text = npgettext(
            "sg report",
            "{entity} led or took part in {n} joint activity.",
            "{entity} led or took part in {n} joint activities.",
            n,
        )
    return _fill(text, p, n, "activity", entity=entity, partners=partners)


def other_activities(p, n: int) -> str:
    text = npgettext("sg report", "and {n} other activity", "and {n} other activities", n)
    return _fill(text, p, n, "activity")


def close_items(p, n: int) -> str:
    text = npgettext(
        "sg report",
        "The Secretary-General encourages both secretariats to close the {n} action item still "
        "open and to prepare the next general meeting on the basis of the matrix of joint "
        "activities.",
        "The Secretary-General encourages both secretariats to close the {n} action items still "
        "open and to prepare the next general meeting on the basis of the matrix of joint "
        "activities.",
        n,
    )
    return _fill(text, p, n, "action_item")


def status_count(p, status: str, n: int) -> str:
    """ "3 completed", "2 ongoing": one npgettext per status (an adjective agrees)."""
    texts = {
        "planned": npgettext("sg report", "{n} planned", "{n} planned", n),
        "ongoing": npgettext("sg report", "{n} ongoing", "{n} ongoing", n),
        "completed": npgettext("sg report", "{n} completed", "{n} completed", n),
        "postponed": npgettext("sg report", "{n} postponed", "{n} postponed", n),
        "cancelled": npgettext("sg report", "{n} cancelled", "{n} cancelled", n),
    }
    return _fill(texts.get(status, "{n} " + p.status(status)), p, n, "activity")
