"""Peoples without a state (``data/actors/homelands.tsv``): a role such a people's adjective modifies ("Kurdish
forces", "Kurdish officials") is of one of the countries that people lives in, not of whichever country an article
is about (actors.stateless-people-take-a-homeland)."""

from __future__ import annotations

import functools
from importlib import resources
from typing import TYPE_CHECKING

from ...errors import ConfigError
from .actor_codes import split_code

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .referents import Referents

STATELESS = "actors.stateless-people-take-a-homeland"


@functools.cache
def homelands() -> dict[str, frozenset[str]]:
    """Lower-case word of a people -> the ISO3 codes of the countries it lives in."""
    text = resources.files("wirescope.data").joinpath("actors/homelands.tsv").read_text(encoding="utf-8")
    out: dict[str, frozenset[str]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or not cols[2].strip() or not all(len(c) == 3 and c.isupper() for c in cols[1].split("|")):
            raise ConfigError(f"actors/homelands.tsv, line {n}: expected word, ISO3 codes joined by |, source")
        out[cols[0]] = frozenset(cols[1].split("|"))
    return out


def people_homes(head: Token) -> frozenset[str] | None:
    """The homelands of the stateless people whose word modifies ``head`` ("Kurdish forces": IRQ, SYR, TUR, IRN),
    or None when no such word does."""
    table = homelands()
    for child in head.children:
        if child.dep_ in ("amod", "compound") and child.i < head.i and child.lower_ in table:
            return table[child.lower_]
    return None


def home_country(refs: Referents, head: Token, homes: frozenset[str]) -> str | None:
    """The one country of ``homes`` that the sentences before ``head`` name, or None when they name none of them
    or several: a story of Turkey's war on Kurdish militias in Syria names both, and which the militias are of
    its counts of names cannot tell (Turkey, its subject, would win: a Turkish force fighting Turkey)."""
    here = refs.sentence_of(head)
    named = {split_code(m.code)[0] for m in refs.names if m.sentence < here} & homes
    return next(iter(named)) if len(named) == 1 else None
