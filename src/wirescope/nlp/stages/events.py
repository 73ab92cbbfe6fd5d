"""Events stage: coded political events (CAMEO/PLOVER) with actors, modality, evidence and confidence.

Runs the coding engine (``nlp.coding.engine``) over the article's parse, skipping text that does not report events:
labels and headings (a paragraph without final punctuation and without a finite verb; snippets, feed descriptions
and headlines with one are coded, see ``nlp/coding/headline.py``), and image captions (a one-sentence paragraph in
the present tense whose subject is a bare noun phrase, "Images show ...", "UNIFIL armoured vehicle patrols ...",
among other paragraphs: a text of one paragraph is a snippet or feed item, and is coded). Actors get their canonical
name and entity id from the ``entities`` stage when a mention overlaps them. A triple (source, target, code)
repeated within the article is one event with all its sentence indexes in ``mentions``, and a headline's event is
merged into the body's. The event date is the day of the sentence's time expression when the ``times`` stage ran
before (else the publication date); the ``locate`` stage refines date and place.
"""

from __future__ import annotations

import functools
import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ...config import Settings
from ...records import TITLE_SENTENCE, Actor, Analysis, Event, Mention, Span
from .. import title_docs
from ..coding import actor_fallbacks
from ..coding.actors import ActorCoder, default_actor_coder, make_actor
from ..coding.codings import Coding
from ..coding.engine import ActorRef, EventCoder
from ..coding.headline import HEADLINE_MAX_WORDS, headline_sentences, is_headline, is_label, merge_headline
from ..coding.rules import check_rule_ids
from ..doctext import text_of
from ..parse_needs import EventNeed
from ..parsing import ParseNeed, parsed_sentences
from ..quotes.shared import DocQuotes
from ..resources.cameo import lookup, plover_for
from ..resources.petrarch import load_dictionaries

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token as SpacyToken

# Roots coded without a target: appeals, demands, threats, protests, force... are news even when nobody is named
# as the target; plain statements (01) and cooperation (03-09) need a counterpart.
TARGETLESS_ROOTS = ("02", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20")
_MODALITY_RANK = {"asserted": 0, "reported": 1, "threatened": 2, "hypothetical": 3, "negated": 4}
_FACTUAL = frozenset({"asserted", "reported"})  # modalities that say the act happened


class EventStage:
    """The events stage. Its ``version`` is a content hash of the coder's rules, lexicons and dictionaries and of
    the rules switched off (``stage_version``): it changes exactly when the coder's output may change, and is
    stored with every event so that ``wirescope recode --stale`` can find articles coded by another version."""

    name = "events"
    requires: tuple[str, ...] = ("sentences", "entities")
    assigns: tuple[str, ...] = ("events",)
    reads_title = True  # the pipeline parses a title given apart from the text in the text's batch (title_docs)

    def __init__(self, settings: Settings | None = None, *, coder: EventCoder | None = None) -> None:
        """``coder``: code with this coder instead of one built from the settings (the rule examples' coders)."""
        self.settings = settings or Settings()
        self.disabled = tuple(sorted(check_rule_ids(self.settings.disabled_rules).disabled))  # fail at start
        self.version = stage_version(self.settings.dictionaries, self.settings.actors_file, self.disabled)
        self._coder: EventCoder | None = coder
        self._actors: Callable[[], ActorCoder] | None = None
        # the quotations the coder reads ("we" in a quotation is its speaker): found with the user's quote
        # settings, and once per document with the quotes stage when the pipeline shares its ``DocQuotes``
        self._quotes: DocQuotes | None = None
        self._nlp: Language | None = None  # the pipeline's model (``configure_nlp``), for the title
        if self.settings.disabled_quote_rules:  # they change what the coder reads, so they are in the version
            off = ",".join(sorted(self.settings.disabled_quote_rules))
            self.version += "-q" + hashlib.sha1(off.encode()).hexdigest()[:8]

    def share_actor_coder(self, actors: Callable[[], ActorCoder]) -> None:
        """Code actors with the pipeline's coder (``actors()``, shared with the quotes stage) instead of one of
        the stage's own."""
        self._actors = actors

    def share_quotes(self, quotes: DocQuotes) -> None:
        """Read a document's quotations from the quotes stage's ``quotes`` (its cues and switched-off rules; one
        extraction per document for both stages) instead of the stage's own."""
        self._quotes = quotes
        if self._coder is not None:
            self._coder.quotes = quotes

    @property
    def coder(self) -> EventCoder:
        """Built on first use so that constructing the stage loads no dictionary."""
        if self._coder is None:
            dicts = load_dictionaries(self.settings.dictionaries)
            # the pipeline's actor coder when it shares one, else the stage's own
            actors = self._actors() if self._actors is not None else default_actor_coder(
                self.settings.actors_file, self.settings.dictionaries, self.settings.office_holders_file)
            self._coder = EventCoder(dicts, actors, require_target=True, targetless_roots=TARGETLESS_ROOTS,
                                     disabled=self.disabled)
            self._coder.gazetteer = self.settings.gazetteer  # the places stage's index: one look-up of a town
            actor_fallbacks.preload()
            if self._quotes is None:
                self._quotes = DocQuotes(disabled=self.settings.disabled_quote_rules)
            self._coder.quotes = self._quotes
        return self._coder

    def configure_nlp(self, nlp: Language) -> None:
        """The coder needs only the parser and tagger, which every English pipeline has; the pipeline's model also
        parses an article's title given apart from its text (``_title``)."""
        self._nlp = nlp

    def parse_need(self) -> ParseNeed:
        """Sentences with a possible trigger: a verb of the verb dictionary or a noun the coder codes
        (``parse_needs.EventNeed``); a sentence without one gets no event, parsed or not."""
        return ParseNeed("sentences with a dictionary verb or an event noun",
                         EventNeed(load_dictionaries(self.settings.dictionaries)))

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        article = analysis.article
        sents = list(doc.sents)
        skip = non_report_sentences(doc, sents, article.title)
        parsed = parsed_sentences(doc)
        if parsed is not None:  # selective parsing: a sentence without a parse has nothing for the coder
            skip.update(n for n, s in enumerate(sents) if s.start not in parsed)
        headline = headline_sentences(text_of(doc), sents, article.title)  # merged into the body's events
        title = None if headline else self._title(article.title, article.published, doc, article.text)
        codings = self.coder.code_doc(doc, article.published, skip, headline, title)
        mentions = analysis.mentions()
        entity_of = {(m.start, m.end): e for e in analysis.entities for m in e.mentions}
        events = [self._event(c, doc, sents, article.id, article.published, mentions, entity_of) for c in codings]
        if title is not None:  # the title's own events, with offsets into the title and no entities of the text's
            title_sents = list(title[0].sents)
            events += [_in_title(self._event(c, title[0], title_sents, article.id, article.published, [], {}),
                                 article.title or "", title[0].text) for c in title[1]]
            headline = {TITLE_SENTENCE}
        lead = next((n for n in range(len(sents)) if n not in headline and n not in skip), 0)
        kept = merge_headline([_dated(e, analysis) for e in events if e is not None], headline,
                              functools.partial(merge_repeats, lead=lead),
                              _title_alone(doc) if title is not None else lambda e: True)
        return replace(analysis, events=tuple(kept))

    def _title(self, title: str | None, published: date | None, text: Doc,
               stored: str) -> tuple[Doc, list[Coding]] | None:
        """The article's title given apart from its text (the text does not begin with it), parsed with the
        pipeline's model and coded as headlinese: its events are merged into the body's (``merge_headline``) and
        may name the doer of the lead's act (``headline_doer``). None without a model, for a title too long to be a
        headline, or one without a finite verb (a label: "Critical infrastructure, a prime target"). The pipeline
        parses the title in the text's batch (``title_docs``, ``reads_title``) when it analyses articles in batches.
        A title in Title Case is parsed in sentence case, by the words of the stored text (``title_docs``)."""
        if not title or self._nlp is None or len(title.split()) > HEADLINE_MAX_WORDS:
            return None
        title = title_docs.sentence_case(title, stored)
        doc = title_docs.title_doc(text, title) or self._nlp(title)
        sents = list(doc.sents)
        if is_label(title, sents):
            return None
        parsed = parsed_sentences(doc)  # selective parsing: a sentence without a parse has nothing for the coder
        skip = {n for n, s in enumerate(sents) if parsed is not None and s.start not in parsed}
        return doc, self.coder.code_title(doc, published, skip)

    def _event(self, c: Coding, doc: Doc, sents: list[SpacySpan], article_id: str, published: date | None,
               mentions: list[Mention], entity_of: dict) -> Event | None:
        info = lookup(c.code)
        if info is None:  # dictionary extension codes without a CAMEO equivalent
            return None
        trig = doc[c.trigger : c.trigger_end]
        sent = sents[c.sentence]
        plover, mode, context = plover_for(info.code, c.modality)
        return Event(
            article_id=article_id,
            sentence=c.sentence,
            code=info.code,
            root_code=info.root,
            base_code=info.base,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            trigger=Span(trig.start_char, trig.end_char, trig.text),
            source=_actor(c.source, doc, mentions, entity_of),
            target=_actor(c.target, doc, mentions, entity_of) if c.target else None,
            modality=c.modality,
            confidence=c.confidence,
            plover=plover,
            plover_mode=mode,
            plover_context=context,
            date=published.isoformat() if published else None,
            date_source="publication" if published else None,
            sentence_text=sent.text.strip(),
            mentions=(c.sentence,),
            trace=c.trace,
            dictionary_entries=c.entries,
            stage_version=self.version,
        )


_CODING = Path(__file__).resolve().parents[1] / "coding"
_DATA = Path(__file__).resolve().parents[2] / "data"


def _content_files(dictionaries: Path | None, actors_file: Path | None) -> list[Path]:
    """Every file whose content decides the coder's output: its code (rules included), this stage, the bundled
    lexicons and dictionaries, or the user's dictionaries and actors."""
    files = [*sorted(_CODING.rglob("*.py")), Path(__file__)]
    files += sorted(p for p in (_DATA / "coding").rglob("*") if p.is_file() and "examples" not in p.parts)
    files += sorted(p for p in (_DATA / "events").iterdir() if p.is_file() and p.suffix != ".py")
    if dictionaries is not None:
        files += sorted(p for p in Path(dictionaries).rglob("*") if p.is_file())
    if actors_file is not None:
        files.append(Path(actors_file))
    return files


@functools.cache
def stage_version(dictionaries: Path | None = None, actors_file: Path | None = None,
                  disabled: tuple[str, ...] = ()) -> str:
    """A content hash (12 hex digits) of the rules, lexicons and dictionaries and of the rules switched off."""
    digest = hashlib.sha1()
    for path in _content_files(dictionaries, actors_file):
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    digest.update(",".join(sorted(disabled)).encode())
    return digest.hexdigest()[:12]


def _title_alone(doc: Doc) -> Callable[[Event], bool]:
    """Whether an event of a title parsed apart from the text, which the text does not report, is kept: an act
    that is news with no counterpart (``TARGETLESS_ROOTS``: appeals, demands, rejections, threats, protests,
    force ...), whose doer's country the text names (``actor_fallbacks.countries_named``). A headline names
    people by their surname and bodies without their country ("Kennedy calls for Iraq exit plans", "Howard
    dismisses Tory tax fears", "Police urge pub closure power"), which the text introduces in full: coded apart
    from the text, the title's doer is a guess, and a country the whole text never names is a wrong one. And an act
    of cooperation or a statement (01, 03-09) that the text never tells is the headline's verb read in another
    sense ("Iran's Supreme Leader Calls Missile Strike a 'Slap in Face' to U.S." is no telephone call, "Supreme
    Leader leads prayer for body of ..." no visit): cooperation that happened is told in the text."""
    named = actor_fallbacks.countries_named(doc)
    return lambda e: e.root_code in TARGETLESS_ROOTS and e.source is not None and e.source.country in named


def _in_title(event: Event | None, title: str, parsed: str) -> Event | None:
    """An event of the title given apart from the text: its sentence is ``TITLE_SENTENCE`` (its offsets are into
    the title), so it names no sentence of the text, and no time expression of the text dates it. A title parsed
    in sentence case (``parsed``: ``title_docs.sentence_case``, same offsets) gets its own words back, and the mark
    in the trace."""
    if event is None:
        return None
    event = replace(event, sentence=TITLE_SENTENCE, mentions=(TITLE_SENTENCE,))
    if parsed == title or len(parsed) != len(title):
        return event
    at = parsed.find(event.sentence_text)
    return replace(event, sentence_text=title[at : at + len(event.sentence_text)] if at >= 0 else event.sentence_text,
                   trace=(*event.trace, title_docs.TITLE_CASE_MARK),
                   trigger=replace(event.trigger, text=title[event.trigger.start : event.trigger.end]),
                   source=_own_words(event.source, title), target=_own_words(event.target, title))


def _own_words(actor: Actor | None, title: str) -> Actor | None:
    return None if actor is None else replace(actor, text=title[actor.start : actor.end])


def _dated(event: Event, analysis: Analysis) -> Event:
    """The date of the sentence's own day-level time expression when the times stage found one ("on Friday"),
    else the publication date set by ``_event``; the ``locate`` stage refines both."""
    for t in analysis.times:
        if t.sentence == event.sentence and t.kind == "date" and t.granularity == "day" and t.value:
            return replace(event, date=t.value[:10], date_source="time-expression")
    return event


def _actor(ref: ActorRef, doc: Doc, mentions: list[Mention], entity_of: dict) -> Actor:
    span = doc[ref.start : ref.end]
    actor = make_actor(span.start_char, span.end_char, span.text, ref.code, ref.name or None)
    head = doc[ref.head]
    best: Mention | None = None
    for m in mentions:
        if m.start < span.end_char and span.start_char < m.end and (best is None or m.start <= head.idx < m.end):
            best = m
    if best is not None:
        entity = entity_of.get((best.start, best.end))
        if entity is not None:
            return replace(actor, name=entity.name, entity_id=entity.id)
    return actor


def merge_repeats(events: list[Event], lead: int | None = None) -> list[Event]:
    """One event per (source code, target code, event code) in an article, with all its sentence indexes. The
    kept evidence is the lead's mention when the lead sentence (index ``lead``) reports it as fact (asserted or
    reported): a story's lead states its main news, which later sentences repeat and detail ("Trump is keeping
    tariffs in place on Mexico, officials said" before "Trump's tariffs targeting Mexico ..."); otherwise the most
    certain mention (asserted before reported ..., then the highest confidence)."""
    groups: dict[tuple[str | None, str | None, str], list[Event]] = {}
    for e in events:
        key = (e.source.code if e.source else None, e.target.code if e.target else None, e.code)
        groups.setdefault(key, []).append(e)
    out = []
    for group in groups.values():
        best = min(group, key=lambda e: (not (e.sentence == lead and e.modality in _FACTUAL),
                                         _MODALITY_RANK.get(e.modality, 9), -e.confidence, e.sentence))
        sentences = tuple(sorted({e.sentence for e in group}))
        out.append(replace(best, mentions=sentences))
    out.sort(key=lambda e: (e.sentence, e.trigger.start))
    return out


def non_report_sentences(doc: Doc, sents: list[SpacySpan], title: str | None = None) -> set[int]:
    """Indexes of sentences that are labels (no final punctuation and no finite verb) or image captions (see the
    module docstring and ``nlp/coding/headline.py``); the headline (the first paragraph, when it is ``title``) is no
    caption."""
    text = text_of(doc)  # spaCy's doc.text rebuilds the string from every token
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    starts = [a for a, _ in paragraphs]
    by_para: dict[int, list[int]] = {}
    for n, s in enumerate(sents):
        p = bisect_right(starts, s.start_char) - 1  # the paragraph the sentence starts in, if any
        # a sentence running into the next paragraph is judged as text (its text read off the article's, which
        # Span.text would rebuild from the tokens)
        if p >= 0 and s.start_char < paragraphs[p][1] \
                and s.start_char + len(text[s.start_char : s.end_char].rstrip()) <= paragraphs[p][1]:
            by_para.setdefault(p, []).append(n)
    skip: set[int] = set()
    # a caption is told apart from the prose it sits in: a text that is one paragraph (a snippet, a feed item, a
    # social post: "Riot police chase demonstrators in Tunis") is the report itself, coded as a headline is
    alone = len(paragraphs) == 1
    for p, members in by_para.items():
        a, b = paragraphs[p]
        para = text[a:b].strip()
        caption = len(members) == 1 and not alone and not is_headline(para, a, title) \
            and _caption_like(sents[members[0]])
        if is_label(para, [sents[m] for m in members]) or caption:
            skip.update(members)
    return skip


def _caption_like(sent: SpacySpan) -> bool:
    root = sent.root
    if root.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return False
    if _reports_or_plans(root):
        return False
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    if not subj or subj[0].pos_ == "PRON":
        return False
    return not any(c.dep_ in ("det", "poss") for c in subj[0].children)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _reports_or_plans(root: SpacyToken) -> bool:
    """A present-tense lead that reports a finding or announces a plan, which a caption never does: a finite clause
    as the root's complement ("Cameroon says corruption has cost it $2m a month", "the jobless total rose, official
    figures show", "Iran says it did not seek war") or "be to" with an infinitive ("Iraq is to invite bids", "2,500
    jobs are to go"). A caption shows what is seen: "Images show jets taking off" (a gerund, no finite clause),
    "Protesters march through the capital"."""
    for c in root.children:
        if c.dep_ == "ccomp" and (c.tag_ in _FINITE_TAGS or any(
                a.dep_ in ("aux", "auxpass") and a.tag_ in _FINITE_TAGS for a in c.children)):
            return True
        if c.dep_ == "xcomp" and root.lemma_ == "be" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                             for a in c.children):
            return True
    return False
