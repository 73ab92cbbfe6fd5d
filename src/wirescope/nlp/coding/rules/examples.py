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
    # date = 2020-01-03          (optional: the article's date, for rules that code as of a date)
    # text = France condemned Chile.
    1	France	France	PROPN	NNP	_	2	nsubj	_	_
    ...

An example may open with its article's headline: blocks marked ``# part = headline`` (the first ones) are the
title, set on a line of its own before the body as plain-text ingest keeps it, and such an example is coded on the
events stage's whole article path (``run_article``: the headline found from the text and the title, its events
merged into the body's), its effect read from the stage's events, each with the sentences that tell it
(``article_effect``: "RUSGOV GBRGOV 161 asserted 0.7 s0,1").

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

    from ....records import Event
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
    headline: str = ""  # the text of the blocks marked '# part = headline': the article's title, coded with it


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
        parts = [m.get("part", "body") for m, _ in blocks]
        if parts != sorted(parts, key=lambda p: p != "headline"):
            raise ConfigError(f"{rule_id}.conllu, example {number}: the '# part = headline' blocks come first")
        yield Example(rule_id, number, first["kind"] == "positive", " ".join(m.get("text", "") for m, _ in blocks),
                      first["expect"], body, first.get("coder", ""),
                      date.fromisoformat(first["date"]) if first.get("date") else None,
                      " ".join(m.get("text", "") for m, _ in blocks if m.get("part") == "headline"))


def doc_from_conllu(conllu: str) -> Doc:
    """A spaCy Doc with the words, spaces, tags, lemmas, heads, labels and sentences of CoNLL-U blocks. The blocks
    marked ``# part = headline`` end with a paragraph break, spaCy's whitespace token (in their sentence), as a
    title on a line of its own does in plain text."""
    from spacy.tokens import Doc

    cols: dict[str, list] = {k: [] for k in ("words", "spaces", "lemmas", "pos", "tags", "heads", "deps", "starts")}
    blocks = conllu.strip().split("\n\n")
    for n, block in enumerate(blocks):
        offset = len(cols["words"])
        rows = [line.split("\t") for line in block.splitlines() if line and not line.startswith("#")]
        for k, row in enumerate(rows):
            if len(row) != 10:
                raise ConfigError(f"CoNLL-U line with {len(row)} columns, not 10: {chr(9).join(row)!r}")
            head = int(row[6])
            _append(cols, row[1], row[2], row[3], row[4], offset + (head - 1 if head else k),
                    "ROOT" if row[7] in ("root", "ROOT") else row[7], "SpaceAfter=No" not in row[9], k == 0)
        if "# part = headline" in block and n + 1 < len(blocks) and "# part = headline" not in blocks[n + 1]:
            cols["spaces"][-1] = False
            _append(cols, "\n\n", "\n\n", "SPACE", "_SP", len(cols["words"]) - 1, "dep", False, False)
    return Doc(_vocab(), words=cols["words"], spaces=cols["spaces"], lemmas=cols["lemmas"], pos=cols["pos"],
               tags=cols["tags"], heads=cols["heads"], deps=cols["deps"], sent_starts=cols["starts"])


def _append(cols: dict[str, list], *values: object) -> None:
    for key, value in zip(("words", "lemmas", "pos", "tags", "heads", "deps", "spaces", "starts"), values,
                          strict=True):
        cols[key].append(value)


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


def effect(codings: Iterable[Coding | Event]) -> str:
    """The canonical text of what the coder (or the events stage) found: "SRC TGT CODE MODALITY CONFIDENCE" per
    event, sorted."""
    found = sorted({f"{c.source.code if c.source else None} {c.target.code if c.target else '-'} {c.code} "
                    f"{c.modality} {c.confidence}" for c in codings})
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
    """(effect, whether the example's rule fired) of coding the example's stored parse; an example with a headline
    on the events stage's whole article path (``run_article``)."""
    doc = doc_from_conllu(example.conllu)
    if example.headline:
        return run_article(doc, example.rule, example.headline, example.coder, disabled, example.day)
    return run_parse(doc, example.rule, example.coder, disabled, example.day)


def run_parse(doc: Doc, rule_id: str, coder: str = "", disabled: Iterable[str] = (),
              day: date | None = None) -> tuple[str, bool]:
    event_coder = example_coder(coder, frozenset(disabled))
    before = event_coder.firings[rule_id]
    codings = event_coder.code_doc(doc, day)
    return effect(codings), event_coder.firings[rule_id] > before


def run_article(doc: Doc, rule_id: str, title: str, coder: str = "", disabled: Iterable[str] = (),
                day: date | None = None) -> tuple[str, bool]:
    """(effect, whether the rule fired) of the events stage on ``doc`` as a whole article titled ``title``: the
    headline found in the text (its first line, when it is the title), the non-report sentences skipped, the
    headline's events merged into the body's and repeats merged (``stages.events.EventStage``)."""
    event_coder = example_coder(coder, frozenset(disabled))
    before = event_coder.firings[rule_id]
    return article_effect(article_events(doc, title, event_coder, day)), event_coder.firings[rule_id] > before


def article_effect(events: Iterable[Event]) -> str:
    """``effect`` of the events stage's events, each with the sentences that tell it ("... 0.6 s0,1": the headline
    merged into the lead's event): where an article's act is told is part of what the headline rules decide."""
    found = sorted({f"{e.source.code if e.source else None} {e.target.code if e.target else '-'} {e.code} "
                    f"{e.modality} {e.confidence} s{','.join(str(m) for m in e.mentions)}" for e in events})
    return " | ".join(found) if found else "none"


def article_events(doc: Doc, title: str, coder: EventCoder, day: date | None = None) -> list[Event]:
    """The events stage's events of ``doc`` as an article titled ``title``, coded by ``coder``."""
    from ....records import Analysis, Article, Provenance
    from ...stages.events import EventStage

    article = Article(id="example", text=doc.text, title=title, published=day)
    stage = EventStage(coder=coder)
    return list(stage(doc, Analysis(article, Provenance("example", "example", (stage.name,)))).events)


def draft(rule_id: str, text: str, number: int, nlp: object, headline: str = "") -> str:
    """A CoNLL-U example block for ``text`` parsed by the live model, with the effects with the rule on and off
    (the "off" effect as a comment), for a person to check the parse and the expectation before storing it; with
    ``headline``, its blocks first (``# part = headline``), parsed on its own, and the effects of the article."""
    doc = nlp(text)  # type: ignore[operator]
    if not headline:
        on, fired = run_parse(doc, rule_id)
        off, _ = run_parse(doc, rule_id, disabled=[rule_id])
        meta = {"example": str(number), "kind": "positive" if fired else "negative", "expect": on, "off": off}
        return to_conllu(doc, meta)
    title = nlp(headline)  # type: ignore[operator]
    body = to_conllu(doc, {"example": str(number)})
    article = doc_from_conllu(to_conllu(title, {"example": str(number), "part": "headline"}) + "\n\n" + body)
    on, fired = run_article(article, rule_id, headline)
    off, _ = run_article(article, rule_id, headline, disabled=[rule_id])
    meta = {"example": str(number), "kind": "positive" if fired else "negative", "expect": on, "off": off}
    return to_conllu(title, {**meta, "part": "headline"}) + "\n\n" + body
