"""An article's title given apart from its text, parsed in the same spaCy batch as the text.

The events stage codes such a title as headlinese (``nlp/stages/events.py``). Parsed on its own, a title of ten
words costs a whole call of the model, about 4 ms of CPU (its per-call cost, not its words): some 5% of an ingest of
BBC articles. Fed to ``nlp.pipe`` just before its text, it rides in the text's batch (about 1.3 ms). The pipeline
does so when a stage says it reads titles (``reads_title = True``) and keeps the title's doc with the text's doc
(``doc.user_data``, like the text cache of ``doctext``); the stage asks ``title_doc`` and parses the title itself
only when the pipeline did not (one article analysed alone, a long article's sections).

A title in Title Case ("Iran Says It's Fired Missiles at U.S. Base in Iraq"), as US outlets and feeds write them,
is parsed in sentence case: the tagger reads a capitalised word inside a sentence as a name ('Fired' NNP, 'Base'
NNP) and the parse has no verb to code. Each capitalised word after the first that the article's text writes in
lower case is lower-cased ("Iran says it's fired missiles at U.S. base in Iraq"); a word the text writes
capitalised, or never uses, keeps its capital (a name stays a name). Only the first letter of a word changes, so
the parsed title has the title's length and its offsets are the title's; events of such a title carry
``TITLE_CASE_MARK`` in their trace and the title's own words (``nlp/stages/events.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .coding.headline import HEADLINE_MAX_WORDS, is_headline
from .coding.lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..records import Article

_KEY = "wirescope_title_doc"
TITLE_CASE_MARK = "title.read-in-sentence-case"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A title is in Title Case when every word after the first of this many letters or more is capitalised: Title Case
# leaves only short function words in lower case ("at", "in", "and", "of", "to"); a title in sentence case has
# lower-case verbs and nouns ("Trump threatens 200% tariffs on European spirits").
_TITLE_CASE_LENGTH = 4
# Words the text may not use that are no names: closed-class words (lower-cased always: a sentence's first word is
# capitalised, so the text's capitals say nothing about them) and verbs of saying, a headline's commonest verb
# ("Iran Says ...", "Experts Warn"), lower-cased unless the text writes them capitalised more often.
_MINOR = words("function_words", "title-case-minor")
_SAYING = frozenset(words("verb_classes", "speech") | words("verb_classes", "report"))


@dataclass(frozen=True)
class TitleOf:
    """The context of a title in ``nlp.pipe``'s stream: it comes just before its article's text."""

    article: Article


def to_parse(article: Article) -> str | None:
    """The title the events stage will code apart from the text, as the model reads it (``sentence_case``): one
    short enough to be a headline that the text does not begin with (a plain text's first line is its headline and
    is coded inside the text)."""
    title = article.title
    if not title or len(title.split()) > HEADLINE_MAX_WORDS:
        return None
    first = article.text.lstrip().split("\n", 1)[0]
    return None if is_headline(first, 0, title) else sentence_case(title, article.text)


def in_title_case(title: str) -> bool:
    """Whether a title is written in Title Case: at least two words after the first of four letters or more, all
    capitalised."""
    long = [w for w in _WORD.findall(title)[1:] if len(w) >= _TITLE_CASE_LENGTH]
    return len(long) >= 2 and all(w[0].isupper() for w in long)


def sentence_case(title: str, text: str) -> str:
    """A Title Case title with each capitalised word after the first lower-cased where the article's text uses the
    word, in any of its inflections, in lower case at least as often as capitalised: 'Fired' by "fired", 'Opens' by
    "opened", 'Crashes' by "crashed" (the text tells in the past what the headline tells in the present); "police"
    mid-sentence outweighs "Police" opening one, while "Kenya" or "Washington" is never lower case. Any other title
    is returned as it is. Closed-class words ('It’s', 'Of') are lower-cased always and verbs of saying ('Says')
    unless the text writes them capitalised more often. Same length as the title: only first letters change."""
    if not in_title_case(title):
        return title
    lower, upper = _stem_counts(text)
    out = list(title)
    for match in list(_WORD.finditer(title))[1:]:
        word = match.group()
        if word[0].isupper() and word[1:] == word[1:].lower() and _common(word.lower(), lower, upper):
            out[match.start()] = word[0].lower()
    return "".join(out)


def _common(word: str, lower: Counter[str], upper: Counter[str]) -> bool:
    """Whether a capitalised word of a Title Case title is a common word, no name."""
    if re.split(r"['’]", word)[0] in _MINOR:
        return True
    stem = _stem(word)
    if lower[stem] or upper[stem]:
        return lower[stem] >= upper[stem] and lower[stem] > 0
    return any(_stem(v) == stem for v in _SAYING)


# Inflectional endings, longest first: a word and its other forms share what is left ("opens", "opened", "opening"
# -> "open"; "defies", "defied" -> "defi"; "crashes", "crashed" -> "crash").
_ENDINGS = ("ing", "ies", "ied", "es", "ed", "s", "e")


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)] + ("i" if ending in ("ies", "ied") else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _stem_counts(text: str) -> tuple[Counter[str], Counter[str]]:
    """How often the text writes each stem's words in lower case, and capitalised."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for word in _WORD.findall(text):
        (lower if word[0].islower() else upper)[_stem(word.lower())] += 1
    return lower, upper


def attach(doc: Doc, title: Doc) -> None:
    doc.user_data[_KEY] = title


def title_doc(doc: Doc, title: str) -> Doc | None:
    """The title's doc the pipeline parsed with ``doc``'s batch, if it did (and it is this title)."""
    found = doc.user_data.get(_KEY)
    return found if found is not None and found.text == title else None
