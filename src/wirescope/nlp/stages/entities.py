"""Entities stage: entity mentions with offsets, grouped within the article into canonical entities.

An entity ruler placed before spaCy's NER adds names that small models miss in conflict news (armed groups and
security forces, from ``data/entities/conflict_actors.tsv``). Grouping is in ``nlp.grouping``.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from spacy.attrs import ORTH

from ...config import Settings
from ...records import Analysis, Mention
from ..grouping import ENTITY_LABELS, RawMention, group_mentions
from ..parsing import ParseNeed, no_parse

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

RULER_NAME = "wirescope_conflict_actors"


@cache
def conflict_actors() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(canonical name, label, aliases) rows of the bundled conflict-actor table."""
    text = resources.files("wirescope.data.entities").joinpath("conflict_actors.tsv").read_text(encoding="utf-8")
    rows = []
    for row in csv.reader((line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t"):
        canonical, label, aliases = row
        rows.append((canonical, label, tuple(a for a in aliases.split("|") if a)))
    return tuple(rows)


class EntityStage:
    name = "entities"
    version = "1"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("entities",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    def configure_nlp(self, nlp: Language) -> None:
        if RULER_NAME in nlp.pipe_names:
            return
        patterns: list[dict[str, Any]] = []
        for canonical, label, aliases in conflict_actors():
            for alias in aliases:
                tokens = [t.text for t in nlp.make_doc(alias)]
                # Acronyms match exactly; names match in any case ("Quds force", "revolutionary guard").
                key = "ORTH" if alias.isupper() else "LOWER"
                pattern = [{key: t if key == "ORTH" else t.lower()} for t in tokens]
                patterns.append({"label": label, "pattern": pattern, "id": canonical})
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, **where)  # type: ignore[arg-type]
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]

    def parse_need(self) -> ParseNeed:
        """No sentence's parse of its own (``nlp/parsing.py``)."""
        return no_parse("reads entities and sentences, no parse")

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        sentence_of = _sentence_index(doc)
        raw: list[RawMention] = []
        for ent in doc.ents:
            before = doc[ent.start - 1].text if ent.start > 0 else ""
            if ent.label_ not in ENTITY_LABELS or before in ("#", "@"):
                continue  # hashtags and handles are not names
            raw.append(
                RawMention(
                    mention=Mention(
                        article_id=analysis.article.id,
                        sentence=sentence_of[ent.start],
                        start=ent.start_char,
                        end=ent.end_char,
                        text=ent.text,
                        label=ent.label_,
                    ),
                    canonical_hint=ent.ent_id_ or None,
                    title_before=before,
                )
            )
        raw.extend(_title_mentions(doc, analysis.article.id, sentence_of))
        return replace(analysis, entities=group_mentions(raw))


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for i, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            index[t] = i
    return index


def _title_mentions(doc: Doc, article_id: str, sentence_of: list[int]) -> list[RawMention]:
    """Bare titles used as names ("the General"): a capitalised title word after "the", not followed by a name."""
    from ..grouping import TITLE_WORDS

    found = []
    # the title words' ids looked up in the doc's array: no Token is made for the other words (nearly all)
    titles = {doc.vocab.strings.add(word) for word in TITLE_WORDS}
    orths = doc.to_array(ORTH).tolist()
    for i in range(1, len(orths)):
        if orths[i] not in titles:
            continue
        tok = doc[i]
        if (
            tok.text[0].isupper()
            and doc[tok.i - 1].lower_ == "the"
            and tok.ent_type_ == ""
            and (tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ not in ("PROPN", "NOUN"))
        ):
            found.append(
                RawMention(
                    mention=Mention(article_id, sentence_of[tok.i], tok.idx, tok.idx + len(tok.text), tok.text,
                                    "TITLE"),
                    canonical_hint=None,
                    title_before="",
                )
            )
    return found
