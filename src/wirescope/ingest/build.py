"""Turn a decoded record into an ``Article``: normalise, strip a date marker, hash, detect the language, and read
the byline and wire credits (which the analysis masks before parsing, see ``ingest/credits.py``)."""

from __future__ import annotations

import re
from datetime import date

from ..records import Article, Failure
from .credits import find_credits
from .language import detect_language
from .normalize import article_id, normalize_text, split_date_marker

_MD_HEADING = re.compile(r"\A#{1,6}[ \t]+")


def build_article(
    text: str,
    *,
    item: str,
    input_format: str,
    raw: str,
    title: str | None = None,
    published: date | None = None,
    published_source: str = "unknown",
    source: str | None = None,
    url: str | None = None,
    author: str | None = None,
    headline_from_text: bool = False,
) -> Article | Failure:
    """Build an Article from raw text and metadata, or a Failure when no text is left after normalisation.

    A date marker or ``Date:`` line at the start of the text is always removed (so offsets refer to the stored text);
    its date is used only when the metadata gave none. With ``headline_from_text`` the first line becomes the title
    and stays in the text, when it looks like a headline (``_headline``).
    """
    body = normalize_text(text)
    found, how, rest = split_date_marker(body)
    if how != "unknown":
        body = normalize_text(rest)
        if published is None:
            published, published_source = found, how
    if not body:
        return Failure(item, "no text: the record is empty after normalisation (only whitespace or markup)")
    if published is None:
        published_source = "unknown"
    # A headline taken from the text stays exactly as written there, so it can be found at the start of the text.
    title = _headline(body) if headline_from_text else _clean(title)
    byline, wires = find_credits(body)
    return Article(
        id=article_id(body),
        text=body,
        title=title,
        published=published,
        published_source=published_source,
        source=_clean(source),
        url=_clean(url),
        author=_clean(author),
        byline=byline,
        wires=wires,
        language=detect_language(body),
        input=item,
        input_format=input_format,
        raw=raw,
    )


# A headline is short: news headlines run to about 20 words; a longer first line is the text's first paragraph.
_HEADLINE_MAX_WORDS = 30
# English news headlines drop the full stop: a first line that ends as a sentence ends ("Iranian forces fired missiles
# at a US base, officials said.") is the lead paragraph. Taken as the headline it would be coded as headlinese, whose
# reported or hedged acts are dropped unless the body repeats them (nlp/coding/headline.py). An initialism ("... bases
# used by U.S.") or an ellipsis ("... ordered airstrikes....") at the end is no sentence end.
SENTENCE_END = re.compile(r"(?<![A-Z.])\.['\"”’)\]]*\Z")


def _headline(body: str) -> str | None:
    """The first line as the title, when more text follows it, it is short enough to be a headline and it does not end
    with a full stop (``SENTENCE_END``). A text of one line (a CSV cell or JSON field holding a whole article, a
    snippet, a post) has no headline in it: taking the whole text as one would code it as headlinese, which keeps only
    asserted events (``nlp/coding/headline.py``)."""
    first, _, rest = body.partition("\n")
    first = first.strip()
    if not rest.strip() or len(first.split()) > _HEADLINE_MAX_WORDS or SENTENCE_END.search(first):
        return None
    return _MD_HEADING.sub("", first) or first


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
