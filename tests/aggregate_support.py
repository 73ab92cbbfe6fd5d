"""Hand-built records for the aggregate tests."""

from __future__ import annotations

from datetime import date

from wirescope.records import Actor, Analysis, Article, Event, Place, Provenance, Quote, Span

GOLDSTEIN = {"190": -10.0, "195": -10.0, "183": -10.0, "138": -7.0, "130": -4.4, "042": 1.9, "057": 8.0}
QUAD = {"19": 4, "18": 4, "13": 3, "04": 1, "05": 1}

BAGHDAD = Place(0, 7, "Baghdad", "Baghdad", 98182, 33.34, 44.40, "P.PPLC", "IQ", "IRQ", None, 0.9)
BAGHDAD_AIRPORT = Place(
    0, 15, "Baghdad airport", "Baghdad International Airport", 98183, 33.26, 44.23, "S.AIRP", "IQ", "IRQ", None, 0.8
)
IRAQ = Place(0, 4, "Iraq", "Iraq", 99237, 33.0, 44.0, "A.PCLI", "IQ", "IRQ", None, 0.9)
TEHRAN = Place(0, 6, "Tehran", "Tehran", 112931, 35.69, 51.42, "P.PPLC", "IR", "IRN", None, 0.9)


def actor(code: str, name: str | None = None) -> Actor:
    return Actor(0, len(name or code), name or code, name=name, code=code, country=code[:3])


def event(
    article_id: str,
    code: str,
    src: str,
    tgt: str,
    *,
    day: str | None = "2020-01-03",
    sentence: int = 0,
    start: int = 0,
    confidence: float = 0.8,
    modality: str = "asserted",
    place: Place | None = None,
    mentions: tuple[int, ...] = (),
) -> Event:
    root = code[:2]
    return Event(
        article_id=article_id,
        sentence=sentence,
        code=code,
        root_code=root,
        base_code=code[:3],
        quad_class=QUAD.get(root, 1),
        goldstein=GOLDSTEIN.get(code, 0.0),
        trigger=Span(start, start + 5, "x"),
        source=actor(src),
        target=actor(tgt),
        modality=modality,
        confidence=confidence,
        date=day,
        place=place,
        sentence_text=f"{src} {code} {tgt}",
        mentions=mentions,
    )


def analysis(
    article_id: str,
    text: str,
    events: tuple[Event, ...] = (),
    *,
    title: str | None = None,
    published: date | None = date(2020, 1, 3),
    source: str | None = None,
    quotes: tuple[Quote, ...] = (),
) -> Analysis:
    art = Article(id=article_id, text=text, title=title, published=published, source=source)
    return Analysis(article=art, provenance=Provenance("0", "m", ()), events=events, quotes=quotes)
