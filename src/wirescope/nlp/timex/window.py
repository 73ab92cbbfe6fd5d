"""An event's news window and what to do with a date outside it.

An article reports current news from about two months back to a couple of days ahead: the window is
``[published - 60 days, published + 2 days]``. A time expression attached to an event that falls wholly outside it
("in 1979", "next year") says the event is background or a plan, not news of the day. The text decides which:

* before the window, unless the verb is future ("will", "is going to", "plans to"): ``historical``;
* after the window, unless the verb is past: ``planned``;
* before the window with a future verb and no year written ("is due to meet in January", in November): the next
  such date, ``planned``;
* otherwise a contradiction: after the window with a past verb ("has vowed to be climate neutral by 2050", "a decade
  later, he *killed* ..."), or before it with a future verb: the expression belongs to something else the sentence
  names (the vow's goal) or counts from another time, so the event is dated by its article, the publication date,
  with the reason recorded.

A period that overlaps the window ("last year" in an article of 5 January) is current; its date is the latest day of
the period inside the window that is not after publication, so no unflagged event is dated outside its window.
Every decision that moves or flags a date records its reason (``Event.date_note``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# The window's reach before and after the publication date, in days.
BEFORE_DAYS = 60
AFTER_DAYS = 2

# Verbs whose complement is something to come: "plans to visit", "is expected to sign", "is due to meet".
_PROSPECTIVE = frozenset({"plan", "intend", "expect", "schedule", "prepare", "aim", "hope", "vow", "pledge",
                          "promise", "due", "set", "propose", "seek", "want", "threaten", "agree", "decide"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_NOMINAL = frozenset({"NOUN", "PROPN"})


def window(published: date) -> tuple[date, date]:
    """The article's news window, both ends included."""
    return published - timedelta(days=BEFORE_DAYS), published + timedelta(days=AFTER_DAYS)


def in_window(day: date, published: date) -> bool:
    lo, hi = window(published)
    return lo <= day <= hi


@dataclass(frozen=True, slots=True)
class Dating:
    """The date an event gets, how (``time-expression`` or ``publication``), its timing and the reason."""

    date: str | None
    source: str | None
    timing: str = "current"
    note: str | None = None


def tense(trigger: Token) -> str:
    """``future``, ``past`` or ``present`` of the clause the trigger belongs to.

    A noun trigger ("the talks next year") takes the tense of the verb that governs it; future is "will"/"shall",
    "going to", or a prospective governor ("plans to", "is expected to"); past is a past-tense or perfect verb.
    """
    token = trigger
    for _ in range(3):  # from a noun up to its verb: "the strike that ..." / "held talks"
        if token.pos_ not in _NOMINAL or token.head.i == token.i:
            break
        token = token.head
    chain = [token]
    while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    for tok in chain:
        if _future(tok):
            return "future"
    for tok in chain:
        if _past(tok):
            return "past"
    return "present"


def _future(token: Token) -> bool:
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return True
    # "is due to *meet*", "plans to *visit*": the trigger is what is to come; "*vowed* to be neutral by 2050" is not
    # (the vow was made; the time expression belongs to its goal)
    return any(a.lower_ == "going" for a in auxes) or (token.dep_ == "xcomp" and token.head.lemma_ in _PROSPECTIVE)


def _past(token: Token) -> bool:
    if token.tag_ == "VBD" or "Past" in token.morph.get("Tense", []):
        return token.tag_ != "VBN" or any(c.lower_ in ("has", "have", "had", "was", "were") for c in token.children)
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in token.children)


def date_event(value: str, value_end: str | None, text: str, published: date | None, verb_tense: str) -> Dating:
    """The dating of an event whose attached time expression ``text`` denotes ``[value, value_end]``."""
    if published is None:
        return Dating(value, "time-expression", note="the article has no publication date: its window is unknown")
    start = date.fromisoformat(value)
    end = date.fromisoformat(value_end) if value_end else start
    lo, hi = window(published)
    if lo <= start <= hi:
        return Dating(value, "time-expression")
    if start < lo <= end:  # a period reaching into the window: its latest day there, not after publication
        day = min(end, published)
        return Dating(day.isoformat(), "time-expression",
                      note=f"the period '{text}' ({value}..{value_end}) reaches into the article's window; dated at "
                           f"its latest day there")
    where = "before" if end < lo else "after"
    span = f"'{text}' ({value})"
    if where == "before" and verb_tense != "future":
        return Dating(value, "time-expression", "historical",
                      f"{span} is before the article's window and the verb is {verb_tense}: background")
    if where == "after" and verb_tense != "past":
        return Dating(value, "time-expression", "planned",
                      f"{span} is after the article's window and the verb is {verb_tense}: something to come")
    if where == "before" and not _YEAR_WRITTEN.search(text):  # "due to meet in January" (November): next January
        later = _next_year(start)
        if later is not None and later > hi:
            return Dating(later.isoformat(), "time-expression", "planned",
                          f"{span} is before the article's window but the verb is future and no year is written: "
                          f"the next {text!r}, something to come")
    contrast = "future" if where == "before" else "past"
    return Dating(published.isoformat(), "publication",
                  note=f"{span} is {where} the article's window but the verb is {contrast}: the expression belongs to "
                       f"something else the sentence names, so the event is dated by its article")


_YEAR_WRITTEN = re.compile(r"\b(1[5-9]|20)\d\d\b|'\d\d\b")


def _next_year(day: date) -> date | None:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return None
