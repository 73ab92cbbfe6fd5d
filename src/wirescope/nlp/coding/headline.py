"""Headlines and text without final punctuation, for the events stage.

Snippets, feed descriptions, social posts and headlines often end without a full stop. What decides whether such a
paragraph reports an event is whether it has a finite verb ("Iran fires missiles at US bases", "Court rejects $280bn
tobacco case"), not its last character: a paragraph without final punctuation and without a finite verb ("Critical
infrastructure, a prime target", "Here are the latest developments:", a list of names) is a heading or a label and
is not coded; one with a finite verb is coded like any sentence.

A headline is the first paragraph of the text when it is the article's title (plain text: the first line is the
headline and stays in the text), or the title given apart from the text (a JSON ``title``, a CSV column, an HTML
``<title>``), which the events stage parses and codes apart: its events have the sentence index -1 and offsets into
the title (``records.TITLE_SENTENCE``). Headlinese looks like a caption (present tense, bare noun subject), so the
caption test does not apply to it. An event of the headline is usually the body's main event told again: it is
merged into the body's event of the same root (or both violent, 18-20) whose actors agree (the headline's sentence
joins that event's ``mentions``), and kept as an event of its own only when the body has none (and it is asserted),
so an event is never counted twice. The body's evidence is kept, except that a headline asserting the very triple
the body only reports is the better evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .headline_doer import act_family
from .lexicons import words

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token as SpacyToken

    from ...records import Actor, Event
    from .codings import Coding
    from .context import DocContext

# A headline is short: news headlines run to about 20 words; a longer title is a summary or a first paragraph
# (as ``ingest`` judges a plain text's first line).
HEADLINE_MAX_WORDS = 30
_END_PUNCT = re.compile(r"[.!?]['\"”’)\]]*\s*$")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_TWO_OBJECT_VERBS = words("senses", "two-object-verb")


def unpunctuated(paragraph: str) -> bool:
    """A paragraph that does not end like a sentence: no final ``.``, ``!`` or ``?`` (before closing quotes or
    brackets), or one that trails off with an ellipsis."""
    return not _END_PUNCT.search(paragraph) or paragraph.endswith(("...", "…"))


def has_finite_verb(sent: SpacySpan) -> bool:
    """Whether the sentence has a verb inflected for tense (or a modal): "rejects", "fired", "will"."""
    verbs = (t for t in sent if t.pos_ in ("VERB", "AUX"))
    return any(t.tag_ in _FINITE_TAGS or "Fin" in t.morph.get("VerbForm", []) for t in verbs)


def is_label(paragraph: str, sents: list[SpacySpan]) -> bool:
    """An unpunctuated paragraph with no finite verb: a heading, a label or a list, not a report of an event."""
    return unpunctuated(paragraph) and not any(has_finite_verb(s) for s in sents)


def is_headline(paragraph: str, start: int, title: str | None) -> bool:
    """The text's first paragraph when it is the article's title (as ``ingest`` takes it from plain text)."""
    if start != 0 or not title:
        return False
    return " ".join(paragraph.lstrip("# \t").split()) == " ".join(title.split())


def merge_headline(events: list[Event], headline: set[int], merge: Callable[[list[Event]], list[Event]],
                   alone: Callable[[Event], bool] = lambda e: True) -> list[Event]:
    """The article's events with each headline event merged into the body's event of the same root whose actors
    agree: that event gets the headline's sentence in ``mentions`` and keeps its body evidence (its actors, and the
    date of its sentence), unless it is the same triple and only the headline asserts it ("US strike kills Iran's
    top general" over "the Pentagon said it targeted him"): the outlet's own assertion is the better evidence.
    ``merge`` merges repeats among the body's events (``merge_repeats``).

    A headline event the body does not report is kept when it is asserted (and ``alone`` accepts it). Headlinese
    (present tense for the past, no articles, an infinitive for the future, a clause after "fears" or "as") misleads
    the modality cues, so a hedged or hypothetical reading of a headline alone is not evidence of an event.
    """
    if not headline:
        return merge(events)
    body = merge([e for e in events if e.sentence not in headline])
    kept = []
    for h in (e for e in events if e.sentence in headline):
        match = next((i for i, b in enumerate(body) if _key(b) == _key(h)), None)
        if match is None:
            match = next((i for i, b in enumerate(body) if _same_event(h, b)), None)
        if match is not None:
            body[match] = _merged(h, body[match])
        elif h.modality == "asserted" and alone(h):
            kept.append(h)
    return sorted(merge(kept) + body, key=lambda e: (e.sentence, e.trigger.start))


def _key(e: Event) -> tuple[str | None, str | None, str]:
    """The triple that ``merge_repeats`` merges on."""
    return (e.source.code if e.source else None, e.target.code if e.target else None, e.code)


def _merged(h: Event, b: Event) -> Event:
    mentions = tuple(sorted({*b.mentions, h.sentence}))
    if _key(h) == _key(b) and h.modality == "asserted" and b.modality != "asserted":
        return replace(h, mentions=mentions)
    return replace(b, mentions=mentions)


def _same_event(headline: Event, body: Event) -> bool:
    """The same act told by the headline and the body: the same root, or both violent (an assassination in the
    headline is the body's killing, ``headline_doer.act_family``), between actors that agree."""
    return act_family(headline.root_code) == act_family(body.root_code) and _agree(headline.source, body.source) \
        and _agree(headline.target, body.target)


def _agree(a: Actor | None, b: Actor | None) -> bool:
    """Actors agree when they name the same country (or code), or when either side is unnamed or of no country:
    headlines drop actors ("Missiles hit US base"), and a lead leaves to its headline the country of the actors it
    names ("Russia expels US diplomats" over "officials said they had expelled two diplomats")."""
    if a is None or b is None or not a.code or not b.code or a.code.startswith("---") or b.code.startswith("---"):
        return True
    return (a.country or a.code[:3]) == (b.country or b.code[:3])


PASSIVE = "filters.headline-participle-is-a-passive"
PLAN = "filters.headline-to-infinitive-is-a-plan"


def headlinese_kept(coded: list[Coding], doc: Doc, ctx: DocContext) -> list[Coding]:
    """The codings of a headline sentence without the two headlinese forms the parser reads as acts done: the main
    verb as a bare participle, a passive with its auxiliary left out ("Straw attacked on China arms": Straw was
    criticised; "US peer-to-peer pirates convicted", "Bush website blocked outside US"), whose subject is the
    one the act was done to; and the main verb as a "to" infinitive, the future ("China 'to overtake US net use'",
    "Iraq to invite bids"), a plan and no act. A headline tells an act done in the present tense ("Iran fires
    missiles")."""
    out = []
    for c in coded:
        tok = doc[c.trigger]
        main = tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.dep_ == "ROOT")
        aux = [a for a in tok.children if a.dep_ in ("aux", "auxpass")]
        if main and tok.pos_ == "VERB" and tok.tag_ in ("VBN", "VBD") and not aux and not _has_object(tok) \
                and ctx.fire(PASSIVE):
            continue
        # (a quotation mark before "to" is the parser's auxiliary in "China 'to overtake US net use'")
        if main and tok.pos_ == "VERB" and [a.lower_ for a in aux if a.text.isalpha()] == ["to"] \
                and ctx.fire(PLAN):
            continue
        out.append(c)
    return out


def _has_object(verb: SpacyToken) -> bool:
    """A direct object makes the bare form active whatever its tag: a passive participle takes none ("Straw
    attacked on China arms"), while the tagger gives VBD to a headline's present tense whose form is also a past
    ("Missiles hit US base", "Police beat protesters in Minsk") or to a plural's bare verb ("Protesters storm US
    embassy in Baghdad"). The passive of a verb of two objects keeps one ("Monsanto fined $1.5m for bribery",
    "England given tough Sevens draw": lexicons/senses.tsv two-object-verb), so its object says nothing."""
    return verb.lemma_.lower() not in _TWO_OBJECT_VERBS \
        and any(c.dep_ in ("dobj", "obj", "dative") for c in verb.children)


def headline_sentences(text: str, sents: list[SpacySpan], title: str | None) -> set[int]:
    """Indexes of the sentences of the text's first paragraph when it is the headline (``is_headline``)."""
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    if not is_headline(first, 0, title):
        return set()
    return {n for n, s in enumerate(sents) if s.start_char < len(first)}
