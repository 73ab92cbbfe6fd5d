"""Hand-built records for the API and dashboard tests (the strike at Baghdad, an appeal for restraint, a hostile
article full of markup), written through ``Store.write`` and aggregated with ``wirescope.aggregate``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wirescope.records import (
    Actor,
    Analysis,
    Article,
    Entity,
    Event,
    Mention,
    Place,
    Provenance,
    Quote,
    Sentence,
    Span,
)
from wirescope.store import Store

PROV = Provenance("test", "hand-built", ("entities", "events", "quotes", "places"))

STRIKE_TEXT = (
    "US drone strike kills Iran's top general\n\n"
    "A US drone strike killed General Qasem Soleimani at Baghdad International Airport on Friday. "
    "Iran vowed severe revenge for the killing. "
    "\u201cHarsh vengeance awaits the criminals,\u201d Ali Khamenei said."
)
APPEAL_TEXT = (
    "Britain urges restraint after the strike\n\n"
    "Britain urged Iran and the United States to show restraint on Saturday. "
    "\u201cFurther conflict is in none of our interests,\u201d Dominic Raab said."
)
REPORT_TEXT = (
    "Soleimani dies in Baghdad\n\n"
    "The United States killed Qasem Soleimani in a drone strike at Baghdad International Airport, officials said."
)
HOSTILE_TEXT = (
    "<script>window.__pwned = 'title'</script> breaking\n\n"
    'Officials in Tehran said <img src=x onerror="window.__pwned=\'img\'"> that the <b onmouseover="window.__pwned='
    "'hover'\">embassy</b> was closed. <script>window.__pwned = 'body'</script> "
    "\u201c<svg onload=\"window.__pwned='svg'\">We will respond,\u201d said <i>Hassan Rouhani</i>."
)


def _span(text: str, needle: str, start_at: int = 0) -> tuple[int, int]:
    i = text.index(needle, start_at)
    return i, i + len(needle)


def _sentences(article_id: str, text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in ".\n" and (i + 1 == len(text) or text[i + 1] in " \n"):
            if text[start : i + 1].strip():
                out.append(Sentence(article_id, len(out), start, i + 1))
            start = i + 1
    if text[start:].strip():
        out.append(Sentence(article_id, len(out), start, len(text)))
    return tuple(out)


def _sentence_of(sentences: tuple[Sentence, ...], pos: int) -> Sentence:
    return next(s for s in sentences if s.start <= pos < s.end)


def _entity(aid: str, text: str, sents: tuple[Sentence, ...], eid: str, name: str, type_: str, *needles: str) -> Entity:
    mentions = []
    for needle in needles:
        s, e = _span(text, needle)
        mentions.append(Mention(aid, _sentence_of(sents, s).index, s, e, needle, type_))
    return Entity(eid, name, type_, tuple(mentions))


def _actor(text: str, needle: str, name: str, code: str, country: str | None, start_at: int = 0) -> Actor:
    s, e = _span(text, needle, start_at)
    return Actor(s, e, needle, name=name, entity_id=None, code=code, country=country)


def _event(
    aid: str,
    text: str,
    sents: tuple[Sentence, ...],
    trigger: str,
    code: str,
    quad: int,
    goldstein: float,
    source: Actor | None,
    target: Actor | None,
    *,
    day: str,
    modality: str = "asserted",
    confidence: float = 0.9,
    place: Place | None = None,
) -> Event:
    s, e = _span(text, trigger)
    sent = _sentence_of(sents, s)
    return Event(
        aid,
        sent.index,
        code,
        code[:2],
        code[:3],
        quad,
        goldstein,
        Span(s, e, trigger),
        source,
        target,
        modality=modality,
        confidence=confidence,
        date=day,
        date_source="publication",
        place=place,
        place_source="trigger" if place else None,
        sentence_text=text[sent.start : sent.end].strip(),
    )


def _quote(
    aid: str, text: str, sents: tuple[Sentence, ...], content: str, speaker: str, name: str, code: str | None
) -> Quote:
    s, e = _span(text, content)
    ss, se = _span(text, speaker, e)
    return Quote(
        aid,
        s,
        e,
        content,
        "direct",
        cue=None,
        speaker=Actor(ss, se, speaker, name=name, code=code),
        confidence=0.9,
        sentence=_sentence_of(sents, s).index,
    )


def _place(
    text: str,
    sents: tuple[Sentence, ...],
    needle: str,
    name: str,
    geonameid: int,
    lat: float,
    lon: float,
    feature: str,
    country: str,
    country3: str,
) -> Place:
    s, e = _span(text, needle)
    return Place(
        s,
        e,
        needle,
        name=name,
        geonameid=geonameid,
        lat=lat,
        lon=lon,
        feature=feature,
        country=country,
        country3=country3,
        confidence=0.9,
        sentence=_sentence_of(sents, s).index,
    )


def _baghdad_airport(text: str, sents: tuple[Sentence, ...]) -> Place:
    return _place(text, sents, "Baghdad International Airport", "Baghdad International Airport", 98182, 33.2625,
                  44.2346, "S.AIRP", "IQ", "IRQ")


def strike_analysis() -> Analysis:
    aid, text = "a1strike0000001", STRIKE_TEXT
    sents = _sentences(aid, text)
    airport = _baghdad_airport(text, sents)
    events = (
        _event(
            aid,
            text,
            sents,
            "killed",
            "190",
            4,
            -10.0,
            _actor(text, "US", "United States", "USAMIL", "USA", 40),
            _actor(text, "General Qasem Soleimani", "Qasem Soleimani", "IRNMIL", "IRN"),
            day="2020-01-03",
            place=airport,
        ),
        _event(
            aid,
            text,
            sents,
            "vowed",
            "138",
            3,
            -7.0,
            _actor(text, "Iran", "Iran", "IRN", "IRN", 130),
            None,
            day="2020-01-03",
            modality="threatened",
            confidence=0.7,
        ),
    )
    entities = (
        _entity(aid, text, sents, "ent-soleimani", "Qasem Soleimani", "PERSON", "Qasem Soleimani"),
        _entity(aid, text, sents, "ent-khamenei", "Ali Khamenei", "PERSON", "Ali Khamenei"),
        _entity(aid, text, sents, "ent-iran", "Iran", "GPE", "Iran"),
    )
    quotes = (
        _quote(aid, text, sents, "Harsh vengeance awaits the criminals,", "Ali Khamenei", "Ali Khamenei", "IRNGOV"),
    )
    article = Article(
        aid, text, title=text.split("\n")[0], published=date(2020, 1, 3), published_source="marker", source="First Wire"
    )
    return Analysis(article, PROV, sents, entities, events, quotes, (airport,))


def appeal_analysis() -> Analysis:
    aid, text = "a2appeal000002", APPEAL_TEXT
    sents = _sentences(aid, text)
    events = (
        _event(
            aid,
            text,
            sents,
            "urged",
            "025",
            1,
            3.0,
            _actor(text, "Britain", "United Kingdom", "GBRGOV", "GBR", 40),
            _actor(text, "Iran", "Iran", "IRN", "IRN"),
            day="2020-01-04",
        ),
        _event(
            aid,
            text,
            sents,
            "show restraint",
            "025",
            1,
            3.0,
            _actor(text, "Britain", "United Kingdom", "GBRGOV", "GBR", 40),
            _actor(text, "United States", "United States", "USA", "USA"),
            day="2020-01-04",
            confidence=0.6,
        ),
    )
    entities = (
        _entity(aid, text, sents, "ent-raab", "Dominic Raab", "PERSON", "Dominic Raab"),
        _entity(aid, text, sents, "ent-iran", "Iran", "GPE", "Iran"),
    )
    quotes = (
        _quote(
            aid, text, sents, "Further conflict is in none of our interests,", "Dominic Raab", "Dominic Raab", "GBRGOV"
        ),
    )
    article = Article(aid, text, title=text.split("\n")[0], published=date(2020, 1, 4), published_source="marker")
    return Analysis(article, PROV, sents, entities, events, quotes, ())


def report_analysis() -> Analysis:
    """A second outlet's report of the strike: merged with the first into one event with two sources."""
    aid, text = "a4report000004", REPORT_TEXT
    sents = _sentences(aid, text)
    airport = _baghdad_airport(text, sents)
    events = (
        _event(
            aid,
            text,
            sents,
            "killed",
            "190",
            4,
            -10.0,
            _actor(text, "The United States", "United States", "USAMIL", "USA", 20),
            _actor(text, "Qasem Soleimani", "Qasem Soleimani", "IRNMIL", "IRN", 40),
            day="2020-01-03",
            place=airport,
        ),
    )
    entities = (_entity(aid, text, sents, "ent-soleimani", "Qasem Soleimani", "PERSON", "Qasem Soleimani"),)
    article = Article(
        aid,
        text,
        title=text.split("\n")[0],
        published=date(2020, 1, 3),
        published_source="marker",
        source="Second Wire",
    )
    return Analysis(article, PROV, sents, entities, events, (), (airport,))


def hostile_analysis() -> Analysis:
    aid, text = "a3hostile00003", HOSTILE_TEXT
    sents = _sentences(aid, text)
    tehran = _place(text, sents, "Tehran", "Tehran", 112931, 35.6944, 51.4215, "P.PPLC", "IR", "IRN")
    events = (
        _event(
            aid,
            text,
            sents,
            "closed",
            "192",
            4,
            -9.0,
            _actor(text, "Officials", "<script>window.__pwned='actor'</script>", "IRNGOV", "IRN"),
            None,
            day="2020-01-05",
            place=tehran,
        ),
    )
    entities = (_entity(aid, text, sents, "ent-rouhani", "Hassan Rouhani", "PERSON", "Hassan Rouhani"),)
    content = "<svg onload=\"window.__pwned='svg'\">We will respond,"
    quotes = (
        _quote(
            aid, text, sents, content, "Hassan Rouhani", "<img src=x onerror=\"window.__pwned='speaker'\">", "IRNGOV"
        ),
    )
    article = Article(
        aid,
        text,
        title="<img src=x onerror=\"window.__pwned='title'\">Hostile <b>title</b>",
        published=date(2020, 1, 5),
        published_source="marker",
        url="javascript:window.__pwned='url'",
    )
    return Analysis(article, PROV, sents, entities, events, quotes, (tehran,))


def sample() -> list[Analysis]:
    return [strike_analysis(), appeal_analysis(), report_analysis(), hostile_analysis()]


def write_store(path: Path, analyses: list[Analysis] | None = None, *, aggregate: bool = True) -> Path:
    """Write the records through the store's writers, then build the situation picture (merged events, stories,
    escalation, alerts) with the aggregation's own code."""
    analyses = analyses if analyses is not None else sample()
    with Store(path) as store:
        store.write(analyses, run_id=None)
        if aggregate:
            from wirescope.aggregate.build import aggregate_store

            aggregate_store(store.con)
    return path
