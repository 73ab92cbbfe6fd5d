"""The coder's word lists as data: one TSV file per kind in ``wirescope/data/coding/lexicons/`` (like
``data/quotes/cues.txt``), each line ``word<TAB>[code<TAB>]class<TAB>comment``; ``#`` starts a comment line.

Every file is validated when first read: the right number of columns, a known class, a comment on every entry, and
a word at most once per class (a word may serve several roles, one line each: "warn" is a directive and a verb of
threat). An error names the file and line. The files are read when the coder's modules are imported, which happens
only when an events stage or a coder is built, never on ``import wirescope``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from ...errors import ConfigError

# file -> the classes its lines may have; event_nouns has a code column before the class
KINDS: dict[str, frozenset[str]] = {
    "verb_classes": frozenset({"light", "undergoer", "intent", "perform", "speech", "report", "object-control",
                               "directive", "departure", "arrival", "topic", "refusal", "threat", "intention",
                               "claim-or-demand"}),
    "modal_cues": frozenset({"possible", "future", "conditional", "mandative", "epistemic", "negation", "focus"}),
    "hedges": frozenset({"hedge", "capability", "attempt"}),
    "event_nouns": frozenset({"event", "act", "strike-kind", "quantity", "nominal", "instrument", "event-head"}),
    "place_words": frozenset({"preposition", "place-noun", "image-noun", "temporal"}),
    "title_words": frozenset({"org-head", "relation-head", "honorific", "not-a-name", "sponsor", "ngo-head",
                              "division"}),
    "function_words": frozenset({"pronoun", "definite", "relative"}),
}
_WITH_CODE = frozenset({"event_nouns"})


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    word: str
    kind: str  # the class of the word in its file
    code: str  # a CAMEO code or a verb lemma (event_nouns), else ""
    comment: str


@functools.cache
def entries(name: str) -> tuple[LexiconEntry, ...]:
    """The validated entries of one lexicon file."""
    if name not in KINDS:
        raise ConfigError(f"unknown lexicon {name!r}; choose one of {', '.join(sorted(KINDS))}")
    path = f"wirescope/data/coding/lexicons/{name}.tsv"
    text = resources.files("wirescope.data").joinpath(f"coding/lexicons/{name}.tsv").read_text(encoding="utf-8")
    return parse(text, name, path)


def parse(text: str, name: str, path: str) -> tuple[LexiconEntry, ...]:
    width = 4 if name in _WITH_CODE else 3
    out: list[LexiconEntry] = []
    seen: set[tuple[str, str]] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != width or not all(c.strip() for c in cols):
            raise ConfigError(f"{path}:{n}: expected {width} tab-separated columns, none empty (the last a comment)")
        word, kind, comment = cols[0], cols[-2], cols[-1]
        if kind not in KINDS[name]:
            raise ConfigError(f"{path}:{n}: unknown class {kind!r}; choose one of {', '.join(sorted(KINDS[name]))}")
        if (word, kind) in seen:
            raise ConfigError(f"{path}:{n}: {word!r} is listed twice as {kind}")
        seen.add((word, kind))
        out.append(LexiconEntry(word, kind, cols[1] if width == 4 else "", comment))
    return tuple(out)


def words(name: str, kind: str) -> frozenset[str]:
    """The words of one class of a lexicon."""
    _check(name, kind)
    return frozenset(e.word for e in entries(name) if e.kind == kind)


def codes(name: str, kind: str) -> dict[str, str]:
    """Word -> code of one class of a lexicon with codes, in file order."""
    _check(name, kind)
    return {e.word: e.code for e in entries(name) if e.kind == kind}


def _check(name: str, kind: str) -> None:
    if kind not in KINDS.get(name, ()):
        raise ConfigError(f"lexicon {name!r} has no class {kind!r}")
