"""Each rule's examples as reviewable data: hand-written sentences with their parse in CoNLL-U, so that an example
proves the rule and not the parser (the live model may parse the sentence otherwise tomorrow).

One file per rule, ``wirescope/data/coding/examples/<rule id>.conllu``. An example is one or more sentence blocks
with the same ``# example = N``; its first block says what it shows::

    # example = 1
    # kind = positive            (the rule decides here; negative: the construction is near but the rule stays out)
    # expect = FRA CHL 111 asserted 0.7 | ...     (every event: source, target or -, code, modality, confidence;
    #                                               "none" when the coder finds none)
    # coder = ud                 (optional: UD-PETRARCH conventions; or the name of a folder of fictional test
    #                               dictionaries in examples/dictionaries/, for a rule the bundled set cannot show)
    # text = France condemned Chile.
    1	France	France	PROPN	NNP	_	2	nsubj	_	_
    ...

Columns are the CoNLL-U ones: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC, with spaCy's English
(ClearNLP) labels in DEPREL and ``SpaceAfter=No`` in MISC. ``draft`` writes a block from the live model for a
person to check and correct; ``run_example`` codes an example's stored parse with the bundled dictionaries.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ....errors import ConfigError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..codings import Coding
    from ..engine import EventCoder


@dataclass(frozen=True, slots=True)
class Example:
    """One example of a rule: its text, its stored parse and the events the coder gives with the rule on."""

    rule: str
    number: int
    positive: bool
    text: str
    expect: str  # canonical effect (see ``effect``)
    conllu: str  # the sentence blocks as stored
    coder: str = ""  # "" (bundled, PETRARCH 2 conventions), "ud" (UD-PETRARCH conventions) or a test folder
    day: date | None = None  # the article date ('# date = YYYY-MM-DD'), for rules that code as of a date


def examples_path(rule_id: str) -> resources.abc.Traversable:
    return resources.files("wirescope.data").joinpath(f"coding/examples/{rule_id}.conllu")


def load_examples(rule_id: str) -> list[Example]:
    """The examples of a rule (none when it has no file yet)."""
    path = examples_path(rule_id)
    if not path.is_file():
        return []
    return list(parse_examples(rule_id, path.read_text(encoding="utf-8")))


def parse_examples(rule_id: str, text: str) -> Iterator[Example]:
    """Examples from the text of a rule's CoNLL-U file; a malformed block is an error naming it."""
    groups: dict[int, list[tuple[dict[str, str], list[str]]]] = {}
    for n, block in enumerate(b for b in text.strip().split("\n\n") if b.strip()):
        meta = {}
        rows = []
        for line in block.strip().splitlines():
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                meta[key.strip()] = value.strip()
            else:
                rows.append(line)
        if "example" not in meta or not meta["example"].isdigit():
            raise ConfigError(f"{rule_id}.conllu, block {n + 1}: no '# example = N' line")
        groups.setdefault(int(meta["example"]), []).append((meta, rows))
    for number, blocks in groups.items():
        first = blocks[0][0]
        if first.get("kind") not in ("positive", "negative") or "expect" not in first:
            raise ConfigError(f"{rule_id}.conllu, example {number}: needs '# kind = positive|negative' and '# expect'")
        body = "\n\n".join("\n".join(f"# {k} = {v}" for k, v in m.items()) + "\n" + "\n".join(r) for m, r in blocks)
        yield Example(rule_id, number, first["kind"] == "positive", " ".join(m.get("text", "") for m, _ in blocks),
                      first["expect"], body, first.get("coder", ""),
                      date.fromisoformat(first["date"]) if first.get("date") else None)


def doc_from_conllu(conllu: str) -> Doc:
    """A spaCy Doc with the words, spaces, tags, lemmas, heads, labels and sentences of CoNLL-U blocks."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    lemmas: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    starts: list[bool | int | None] = []
    for block in conllu.strip().split("\n\n"):
        offset = len(words)
        rows = [line.split("\t") for line in block.splitlines() if line and not line.startswith("#")]
        for k, cols in enumerate(rows):
            if len(cols) != 10:
                raise ConfigError(f"CoNLL-U line with {len(cols)} columns, not 10: {chr(9).join(cols)!r}")
            words.append(cols[1])
            lemmas.append(cols[2])
            pos.append(cols[3])
            tags.append(cols[4])
            head = int(cols[6])
            heads.append(offset + (head - 1 if head else k))
            deps.append("ROOT" if cols[7] in ("root", "ROOT") else cols[7])
            spaces.append("SpaceAfter=No" not in cols[9])
            starts.append(k == 0)
    return Doc(_vocab(), words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps,
               sent_starts=starts)


@functools.cache
def _vocab():
    import spacy

    return spacy.blank("en").vocab


def to_conllu(doc: Doc, meta: dict[str, str]) -> str:
    """CoNLL-U blocks of a parsed doc, one per sentence; ``meta`` goes into the first block's comments."""
    out = []
    for n, sent in enumerate(doc.sents):
        lines = [f"# {k} = {v}" for k, v in (meta if n == 0 else {"example": meta["example"]}).items()]
        lines.append(f"# text = {sent.text}")
        for tok in sent:
            head = 0 if tok.head.i == tok.i else tok.head.i - sent.start + 1
            misc = "_" if tok.whitespace_ else "SpaceAfter=No"
            lines.append("\t".join([str(tok.i - sent.start + 1), tok.text, tok.lemma_, tok.pos_, tok.tag_, "_",
                                    str(head), tok.dep_, "_", misc]))
        out.append("\n".join(lines))
    return "\n\n".join(out)


def effect(codings: Iterable[Coding]) -> str:
    """The canonical text of what the coder found: "SRC TGT CODE MODALITY CONFIDENCE" per event, sorted."""
    found = sorted({f"{c.source.code} {c.target.code if c.target else '-'} {c.code} {c.modality} {c.confidence}"
                    for c in codings})
    return " | ".join(found) if found else "none"


@functools.cache
def example_coder(coder: str = "", disabled: frozenset[str] = frozenset()) -> EventCoder:
    """The production event coder (bundled dictionaries, the events stage's settings), with ``disabled`` off; for
    ``coder`` naming a folder of ``examples/dictionaries/``, the same coder on those dictionaries, with the
    conventions they call for (a folder with a PICO ontology is UD-PETRARCH's), as for a user's ``--dictionaries``."""
    from ...resources.petrarch import load_dictionaries, load_folder
    from ...stages.events import TARGETLESS_ROOTS
    from ..actors import ActorCoder
    from ..engine import EventCoder

    if coder in ("", "ud"):
        return EventCoder(load_dictionaries(None), _actor_coder(), require_target=True,
                          targetless_roots=TARGETLESS_ROOTS, disabled=disabled, ud_petrarch=coder == "ud")
    dicts = load_folder(test_dictionaries(coder))
    return EventCoder(dicts, ActorCoder(dicts, supplement=False), require_target=True,
                      targetless_roots=TARGETLESS_ROOTS, disabled=disabled)


def test_dictionaries(name: str) -> Path:
    """The folder of fictional test dictionaries ``name``: for rules that only dictionaries other than the bundled
    set make fire (a PICO ontology, a '+' before the verb), written for the examples, not taken from any suite."""
    folder = Path(str(resources.files("wirescope.data").joinpath(f"coding/examples/dictionaries/{name}")))
    if not folder.is_dir():
        raise ConfigError(f"unknown example coder {name!r}: use '', 'ud' or a folder of coding/examples/dictionaries")
    return folder


@functools.cache
def _actor_coder():
    from ...resources.petrarch import load_dictionaries
    from ..actors import ActorCoder

    return ActorCoder(load_dictionaries(None))


def run_example(example: Example, disabled: Iterable[str] = ()) -> tuple[str, bool]:
    """(effect, whether the example's rule fired) of coding the example's stored parse."""
    return run_parse(doc_from_conllu(example.conllu), example.rule, example.coder, disabled, example.day)


def run_parse(doc: Doc, rule_id: str, coder: str = "", disabled: Iterable[str] = (),
              day: date | None = None) -> tuple[str, bool]:
    event_coder = example_coder(coder, frozenset(disabled))
    before = event_coder.firings[rule_id]
    codings = event_coder.code_doc(doc, day)
    return effect(codings), event_coder.firings[rule_id] > before


def draft(rule_id: str, text: str, number: int, nlp: object) -> str:
    """A CoNLL-U example block for ``text`` parsed by the live model, with the effects with the rule on and off
    (the "off" effect as a comment), for a person to check the parse and the expectation before storing it."""
    doc = nlp(text)  # type: ignore[operator]
    on, fired = run_parse(doc, rule_id)
    off, _ = run_parse(doc, rule_id, disabled=[rule_id])
    meta = {"example": str(number), "kind": "positive" if fired else "negative", "expect": on, "off": off}
    return to_conllu(doc, meta)
