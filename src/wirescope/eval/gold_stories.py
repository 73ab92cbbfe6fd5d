"""The real-news event gold (``docs/events-gold.md``): typed reader, validator and hashes.

A gold file holds one story: its sentence segmentation (character offsets into the stored article text, fixed when
the worksheet was made) and its events. Reading a file validates it completely and reports every problem at once,
each naming the file and the event, so an annotator can fix a file in one pass.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

from ..errors import EvalError

MODALITIES = ("asserted", "hypothetical", "negated")
# Modalities the scorer compares; the others are set aside (docs/events-gold.md, section 5).
FACTUAL = frozenset({"asserted"})
# Actor "countries" that are not ISO countries: any international organisation, and CAMEO regions.
NON_ISO = frozenset({"IGO", "EUR", "AFR", "ASA", "MEA", "LAM", "WST", "NAF", "SAM", "CAS", "SAS", "SEA", "EAF",
                     "WAF", "CAF", "SAF", "BLK", "CRB", "EEU", "NAM", "SCN", "PGS"})
ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "PTY", "ELI", "REB", "UAF", "CVL", "MED", "BUS",
                   "NGO", "HRI", "EDU", "HLH", "REF", "LAB", "CRM", "IGO", "INS", "AGR", "MOD", "RAD", "REL"})
# ISO codes the conventions allow beyond pycountry's list.
EXTRA_COUNTRIES = frozenset({"XKX"})


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    country: str | None
    role: str | None
    org: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    sentence: int
    trigger_start: int  # offsets into the article text
    trigger_end: int
    trigger: str
    source: GoldActor | None
    target: GoldActor | None
    code: str
    roots: tuple[str, ...]
    modality: str
    main: bool
    background: bool
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldStory:
    story: str
    article_id: str
    published: str
    sentences: tuple[tuple[int, int], ...]  # (start, end) per sentence index
    events: tuple[GoldEvent, ...]
    annotator: str

    def sentence_of(self, offset: int) -> int | None:
        """The index of the gold sentence holding a character offset (None between sentences)."""
        for i, (start, end) in enumerate(self.sentences):
            if start <= offset < end:
                return i
        return None


def _countries() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_COUNTRIES


class _Checker:
    def __init__(self, path: Path, text: str, codes: frozenset[str]) -> None:
        self.path, self.text, self.codes = path, text, codes
        self.problems: list[str] = []
        self.countries = _countries()

    def fail(self, where: str, problem: str) -> None:
        self.problems.append(f"{self.path.name}: {where}: {problem}")

    def actor(self, where: str, raw: Any) -> GoldActor | None:
        if raw is None:
            return None
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            self.fail(where, "an actor is an object with a 'text' string, or null")
            return None
        country, role = raw.get("country"), raw.get("role")
        if country is not None and country not in self.countries and country not in NON_ISO:
            self.fail(where, f"country {country!r} is neither ISO 3166 alpha-3 nor one of {sorted(NON_ISO)}")
        if role is not None and role not in ROLES:
            self.fail(where, f"role {role!r} is not one of {sorted(ROLES)}")
        return GoldActor(raw["text"], country, role, raw.get("org"))

    def trigger(self, where: str, raw: dict[str, Any], span: tuple[int, int]) -> tuple[int, int] | None:
        trigger, nth = raw.get("trigger"), raw.get("trigger_occurrence", 1)
        if not isinstance(trigger, str) or not trigger.strip():
            self.fail(where, "'trigger' must be a non-empty string")
            return None
        sentence = self.text[span[0]:span[1]]
        found, at = 0, -1
        while found < nth:
            at = sentence.find(trigger, at + 1)
            if at < 0:
                self.fail(where, f"trigger {trigger!r} (occurrence {nth}) is not in sentence: {sentence[:80]!r}…")
                return None
            found += 1
        if nth == 1 and "trigger_occurrence" not in raw and sentence.find(trigger, at + 1) >= 0:
            self.fail(where, f"trigger {trigger!r} occurs more than once: add 'trigger_occurrence'")
        return span[0] + at, span[0] + at + len(trigger)

    def event(self, index: int, raw: Any, sentences: tuple[tuple[int, int], ...]) -> GoldEvent | None:
        where = f"event {index}"
        if not isinstance(raw, dict):
            self.fail(where, "an event is an object")
            return None
        sentence = raw.get("sentence")
        if not isinstance(sentence, int) or not 0 <= sentence < len(sentences):
            self.fail(where, f"sentence {sentence!r} is not an index of the story's {len(sentences)} sentences")
            return None
        where = f"event {index} (sentence {sentence})"
        span = self.trigger(where, raw, sentences[sentence])
        code, roots = str(raw.get("code", "")), tuple(raw.get("roots") or ())
        if code not in self.codes:
            self.fail(where, f"code {code!r} is not a CAMEO code")
        if not 1 <= len(roots) <= 2 or any(not isinstance(r, str) or len(r) != 2 for r in roots):
            self.fail(where, f"roots {list(roots)!r}: one or two two-digit roots")
        elif roots[0] != code[:2]:
            self.fail(where, f"the first root {roots[0]!r} must be the root of code {code!r}")
        modality = raw.get("modality")
        if modality not in MODALITIES:
            self.fail(where, f"modality {modality!r} is not one of {MODALITIES}")
        for flag in ("main", "background"):
            if not isinstance(raw.get(flag, False), bool):
                self.fail(where, f"{flag!r} must be true or false")
        source = self.actor(where + " source", raw.get("source"))
        target = self.actor(where + " target", raw.get("target"))
        if span is None:
            return None
        return GoldEvent(sentence, span[0], span[1], raw["trigger"], source, target, code, roots, str(modality),
                         bool(raw.get("main", False)), bool(raw.get("background", False)), str(raw.get("note", "")))


def _cameo_codes() -> frozenset[str]:
    from ..nlp.resources.cameo import cameo_table

    return frozenset(cameo_table())


def read_story(path: Path, texts: dict[str, str]) -> GoldStory:
    """Read and validate one gold file; ``texts`` maps article ids to the stored article text."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"{path}: cannot read the gold file: {exc}") from exc
    text = texts.get(raw.get("article_id", ""))
    if text is None:
        raise EvalError(f"{path}: article_id {raw.get('article_id')!r} is not one of the stories' articles")
    checker = _Checker(path, text, _cameo_codes())
    sentences = tuple((int(s["start"]), int(s["end"])) for s in raw.get("sentences", []))
    if not sentences:
        checker.fail("sentences", "the story has no sentences")
    events = [checker.event(i, e, sentences) for i, e in enumerate(raw.get("events", []))]
    if not raw.get("annotator"):
        checker.fail("annotator", "name the annotator")
    if checker.problems:
        raise EvalError("\n".join(checker.problems))
    return GoldStory(str(raw["story"]), raw["article_id"], str(raw.get("published", ""))[:10], sentences,
                     tuple(e for e in events if e is not None), str(raw["annotator"]))


def story_texts(stories_file: Path) -> dict[str, str]:
    """Article id -> stored text for every story of a JSON Lines file, read the way ``ingest`` reads it."""
    from ..ingest.tabular import read_jsonl
    from ..records import Article

    try:
        content = stories_file.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"{stories_file}: cannot read the stories: {exc}") from exc
    return {a.id: a.text for a in read_jsonl(content, str(stories_file)) if isinstance(a, Article)}


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_hashes(path: Path) -> dict[str, str]:
    """``HASHES``: one ``sha256  file name`` line per frozen gold file."""
    if not path.exists():
        return {}
    pairs = (line.split() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {name: digest for digest, name in pairs}


def check_frozen(files: Iterable[Path], hashes: dict[str, str]) -> list[str]:
    """Problems with frozen gold files: a file whose content no longer has its recorded hash."""
    return [f"{f.name}: changed since it was frozen (record the correction in its own commit and update HASHES)"
            for f in files if f.name in hashes and file_hash(f) != hashes[f.name]]
