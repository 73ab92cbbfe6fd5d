"""A country named as the topic of a noun of expertise is no affiliation
(``actors.country-as-topic-is-no-affiliation``).

"An Iran expert", "a Russia analyst", "the Iran project director at the International Crisis Group", "a veteran
China watcher" know about the country; they are not of it, and were coded as its people (IRN for the director, who
urged Washington to negotiate). English names a person's country with the demonym ("an Iranian expert") and the
subject of their knowledge with the country's name as a noun modifier ("an Iran expert"), so only the noun form is
dropped, and only before a noun of expertise or of coverage (an analyst, a correspondent, a project, a desk:
lexicons/title_words.tsv topic-head), with nothing but modifiers between: "Iran's foreign minister", "the Iran
envoy" (an envoy is sent to the country: envoys.py), "Iranian experts" keep their country. Initialisms serve as
the adjective of their country ("a U.S. expert", "a UK analyst" are American and British), so they stay too: "a
US Iran expert" is American, not Iranian.

Word lists are data (lexicons/title_words.tsv topic-head).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

TOPIC_HEADS = words("title_words", "topic-head")
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def country_as_topic(start: int, end: int, code: str | None, toks: Sequence[Token]) -> bool:
    """The country coded ``code`` named by the document tokens ``start`` to ``end`` is the topic of a noun of
    expertise after it in the same noun phrase ("an Iran expert"), named as a noun, not a demonym or an initialism.
    A body is no topic: "Amnesty International researcher Joanne Mariner" is Amnesty's."""
    country, roles = split_code(code)
    doc = getattr(toks[0], "doc", None) if toks else None
    if country is None or roles or doc is None or end < 1 or end > len(doc):
        return False
    last = doc[end - 1]
    head = last.head
    if last.dep_ != "compound" or last.pos_ != "PROPN" or last.ent_type_ == "NORP" or head.i < end:
        return False
    if not any(c.islower() for c in doc[start:end].text):  # "U.S.", "UK": the country's adjective
        return False
    between = doc[end : head.i + 1]
    return all(t.i == head.i or t.dep_ in _MODIFIER_DEPS for t in between) \
        and any(t.lemma_.lower() in TOPIC_HEADS or t.lower_ in TOPIC_HEADS for t in between)
