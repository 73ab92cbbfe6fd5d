"""Readers for PETRARCH-format dictionaries (verbs, actors, agents, discards) and their bundled compact form.

The PETRARCH text format (documented in PETRARCH's ``PETRreader``) in brief:

* **verbs**: ``&SYNSET`` blocks of ``+WORD`` lines; verb blocks headed ``--- NAME [CODE] ---`` listing verbs
  (``SAY {SAYS SAID}`` irregular forms, an optional own ``[CODE]``, multi-word verbs ``+CALL_OFF``) and patterns
  ``- PRE * POST [CODE]`` where ``*`` is the verb, ``$`` the source, ``+`` the target, ``%`` a compound
  (reciprocal) actor, ``^`` a skipped word, ``(PREP ...)`` a prepositional phrase, ``{A B}`` a phrase, ``&SYN`` a
  synset, and ``[A:B]`` a paired event (A source->target, B target->source). ``[---]`` means "code nothing".
* **actors**: ``NAME [CODE]`` with ``+SYNONYM`` lines and date-bounded codes on their own lines:
  ``[CODE < DATE]``, ``[CODE > DATE]``, ``[CODE DATE-DATE]`` (dates ``YYYYMMDD`` or ``YYMMDD``).
* **agents**: ``NAME {PLURALS} [~CODE]`` (``~CODE`` appends to the actor's code, ``CODE~`` prepends);
  ``!MACRO! = A, B`` substitutions.
* **discards**: one phrase a line; ``+PHRASE`` discards the whole story, a bare phrase the sentence.

Words are upper case with ``_`` joining words; a trailing ``_`` means "this exact word", otherwise the last word
also matches longer words that start with it (``ARGENTIN`` matches ``Argentina``) — PETRARCH's stemming rule.

``Dictionaries`` is the parsed, format-independent form. ``load_folder`` parses a folder of PETRARCH files;
``load_bundled`` reads the compact gzip JSON this project bundles (made by ``scripts/convert_event_tables.py``).
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ...errors import ConfigError

# --------------------------------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Phrase:
    """A dictionary phrase: upper-case words; ``stem`` when the last word may match as a prefix."""

    words: tuple[str, ...]
    stem: bool = False


@dataclass(frozen=True, slots=True)
class DatedCode:
    code: str
    start: date | None = None  # inclusive
    end: date | None = None  # inclusive

    def applies(self, day: date | None) -> bool:
        if self.start is None and self.end is None:
            return True
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str  # the entry's first phrase, readable ("HASSAN ROUHANI")
    codes: tuple[DatedCode, ...]

    def code_on(self, day: date | None) -> str | None:
        """The code valid on ``day``: the first dated code that covers it, else the first undated one. Without a
        date: the first undated code, else the open-ended (current) one, else the last listed."""
        if day is None:
            undated = [c for c in self.codes if c.start is None and c.end is None]
            current = [c for c in self.codes if c.end is None]
            pick = undated or current or list(self.codes[-1:])
            return pick[0].code if pick else None
        for c in self.codes:
            if (c.start is not None or c.end is not None) and c.applies(day):
                return c.code
        for c in self.codes:
            if c.start is None and c.end is None:
                return c.code
        return None


@dataclass(frozen=True, slots=True)
class AgentEntry:
    code: str  # without the tilde
    prefix: bool  # True for ``CODE~`` (goes before the actor's country code)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A verb pattern: elements before and after the verb, and its code."""

    pre: tuple[str, ...]
    post: tuple[str, ...]
    code: str
    text: str


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One verb (or multi-word verb) in a verb block."""

    lemma: str  # base form, upper case ("CALL"); the verb word of a multi-word verb
    words: tuple[str, ...]  # all words of a multi-word verb (("CALL", "OFF")), else (lemma,)
    verb_index: int  # which of ``words`` is the verb
    code: str  # default code ("---" = code nothing)
    block: str  # the block name, which indexes ``Dictionaries.patterns``


@dataclass(frozen=True)
class Dictionaries:
    """Parsed dictionaries. Lookups are by upper-case word."""

    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)  # verb lemma -> entries
    forms: dict[str, str] = field(default_factory=dict)  # irregular form -> lemma ("SAID" -> "SAY")
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)  # block -> patterns
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # "&NAME" -> phrases
    actors: dict[str, list[tuple[Phrase, int]]] = field(default_factory=dict)  # first word -> (phrase, entry)
    actor_entries: list[ActorEntry] = field(default_factory=list)
    agents: dict[str, list[tuple[Phrase, AgentEntry]]] = field(default_factory=dict)  # first word -> ...
    discards: dict[str, list[tuple[Phrase, bool]]] = field(default_factory=dict)  # first word -> (phrase, story)
    source: str = ""

    def verb_count(self) -> int:
        return sum(len(v) for v in self.verbs.values())


# --------------------------------------------------------------------------------------------------- helpers

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_COMMENT_RE = re.compile(r"<!--.*?-->|<!.*?>")


def _strip_comment(line: str) -> str:
    line = _COMMENT_RE.sub("", line)
    cut = line.find("#")
    return line[:cut] if cut >= 0 else line


def _phrase(text: str) -> Phrase:
    """``ARNOR_`` / ``UNITED_STATES`` / ``PRESIDENT GEORGE`` -> a Phrase."""
    text = text.strip().upper()
    stem = not text.endswith("_")
    words = tuple(w for w in re.split(r"[_\s]+", text) if w)
    return Phrase(words, stem and bool(words) and len(words[-1]) >= 3)


def _parse_date(text: str) -> date | None:
    text = text.strip()
    if not text.isdigit():
        return None
    try:
        if len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        if len(text) == 6:
            yy = int(text[:2])
            return date(2000 + yy if yy <= 30 else 1900 + yy, int(text[2:4]), int(text[4:6]))
    except ValueError:
        return None
    return None


def _dated_code(body: str) -> DatedCode | None:
    """``IRNGOV 20050803-20130803`` / ``HOB < 950601`` / ``HOBREB >990816`` / ``USA`` -> DatedCode."""
    body = body.strip()
    if not body:
        return None
    m = re.match(r"^([^\s<>]*)\s*(.*)$", body)
    if m is None:
        return None
    code, rest = m.group(1).strip(), m.group(2).replace(" ", "")
    if not rest:
        return DatedCode(code)
    if rest.startswith("<"):
        d = _parse_date(rest[1:])
        return DatedCode(code, None, d) if d else None
    if rest.startswith(">"):
        d = _parse_date(rest[1:])
        return DatedCode(code, d, None) if d else None
    if "-" in rest:
        a, _, b = rest.partition("-")
        da, db = _parse_date(a), _parse_date(b)
        return DatedCode(code, da, db) if da and db else None
    return None  # malformed dates are ignored, like PETRARCH does


def _index(table: dict[str, list[Any]], phrase: Phrase, value: Any) -> None:
    if phrase.words:
        table.setdefault(phrase.words[0], []).append((phrase, value))


# --------------------------------------------------------------------------------------------------- readers


def read_actors(text: str, dicts: Dictionaries) -> None:
    """Add the actors of one PETRARCH actor file to ``dicts``."""
    pending: list[Phrase] = []  # names of the current entry
    codes: list[DatedCode] = []

    def flush() -> None:
        if pending and codes:
            dicts.actor_entries.append(ActorEntry(" ".join(pending[0].words), tuple(codes)))
            idx = len(dicts.actor_entries) - 1
            for p in pending:
                _index(dicts.actors, p, idx)
        pending.clear()
        codes.clear()

    for raw in text.splitlines():
        line = _strip_comment(raw)
        if not line.strip():
            continue
        indented = raw[:1] in (" ", "\t")
        stripped = line.strip()
        if stripped.startswith("["):  # a code line belongs to the current entry
            for body in _CODE_RE.findall(stripped):
                c = _dated_code(body)
                if c is not None:
                    codes.append(c)
            continue
        name_part = _CODE_RE.split(stripped)[0] if "[" in stripped else stripped
        line_codes = [c for c in (_dated_code(b) for b in _CODE_RE.findall(stripped)) if c is not None]
        if stripped.startswith("+"):
            pending.append(_phrase(name_part[1:]))
            codes.extend(line_codes)
            continue
        if indented and not name_part.strip():
            continue
        flush()
        pending.append(_phrase(name_part))
        codes.extend(line_codes)
    flush()


def _expand_macros(name: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!([A-Z]+)!", name)
    if m is None:
        return [name]
    out: list[str] = []
    for sub in macros.get(m.group(1), []):
        out.extend(_expand_macros(name[: m.start()] + sub + name[m.end() :], macros))
    return out


def _plurals(word: str) -> list[str]:
    if word.endswith(("S", "SH", "CH", "X", "Z")):
        return [word + "ES"]
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return [word[:-1] + "IES"]
    if word.endswith("MAN"):
        return [word[:-3] + "MEN"]
    return [word + "S"]


def read_agents(text: str, dicts: Dictionaries) -> None:
    macros: dict[str, list[str]] = {}
    for raw in text.splitlines():
        line = _strip_comment(raw).strip()
        if not line:
            continue
        m = re.match(r"^!([A-Z]+)!\s*=\s*(.*)$", line)
        if m:
            macros[m.group(1)] = [w.strip().upper().replace(" ", "_") for w in m.group(2).split(",") if w.strip()]
            continue
        cm = _CODE_RE.search(line)
        if cm is None:
            continue
        code = cm.group(1).strip().replace(" ", "")
        entry = AgentEntry(code.strip("~"), code.endswith("~") and not code.startswith("~"))
        head = line[: cm.start()]
        plural_m = re.search(r"\{([^}]*)\}", head)
        name = re.sub(r"\{[^}]*\}", "", head).strip()
        names = _expand_macros(name.upper(), macros)
        extra: list[str] = []
        if plural_m is not None:
            extra = [p for p in plural_m.group(1).split() if p]
        else:  # regular plural of the last word
            for n in names:
                parts = n.rstrip("_").split("_")
                extra.extend("_".join([*parts[:-1], p]) for p in _plurals(parts[-1]))
        for n in names + extra:
            p = _phrase(n if n.endswith("_") else n + "_")
            _index(dicts.agents, p, entry)


def read_discards(text: str, dicts: Dictionaries) -> None:
    for raw in text.splitlines():
        line = _strip_comment(raw).strip()
        if not line:
            continue
        story = line.startswith("+")
        p = _phrase(line.lstrip("+").strip().replace(" ", "_") + "_")
        _index(dicts.discards, p, story)


_IRREG_RE = re.compile(r"\{([^}]*)\}")


def _verb_words(text: str) -> tuple[tuple[str, ...], int]:
    """``+CALL_OFF`` -> (("CALL", "OFF"), 0); ``WIRE_+TAP`` -> (("WIRE", "TAP"), 1); ``SAY`` -> (("SAY",), 0)."""
    text = text.strip().upper()
    parts = [w for w in text.split("_") if w]
    idx = 0
    for i, w in enumerate(parts):
        if w.startswith("+"):
            idx = i
    return tuple(w.lstrip("+") for w in parts), idx


def read_verbs(text: str, dicts: Dictionaries) -> None:
    block = ""
    block_code = "---"
    synset: str | None = None
    for raw in text.splitlines():
        line = _strip_comment(raw).rstrip()
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("&"):
            # a synset definition ends the verb block before it: its "+WORD" lines are synset members, not verbs
            synset = stripped.split()[0]
            dicts.synsets.setdefault(synset, [])
            block = ""
            continue
        if synset is not None and stripped.startswith("+") and not block:
            phrase = stripped[1:].strip()
            dicts.synsets[synset].append(tuple(w for w in re.split(r"[_\s]+", phrase.upper()) if w))
            continue
        header = re.match(r"^-{3}\s*(.*?)\s*\[([^\]]*)\]\s*-{3}", stripped)
        if header:
            synset = None
            block = header.group(1).strip().upper()
            block_code = header.group(2).strip()
            dicts.patterns.setdefault(block, [])
            continue
        if not block:
            continue
        if stripped.startswith("-") or stripped.startswith("*"):
            body = stripped.lstrip("-").strip()
            cm = _CODE_RE.search(body)
            if cm is None:
                continue
            elements = body[: cm.start()].split()
            elements = [e for el in elements for e in _split_element(el)]
            if "*" not in elements:
                continue
            star = elements.index("*")
            dicts.patterns[block].append(
                Pattern(tuple(elements[:star]), tuple(elements[star + 1 :]), cm.group(1).strip(), body[: cm.end()])
            )
            continue
        # a verb line: WORD {FORMS} [CODE]
        cm = _CODE_RE.search(stripped)
        code = cm.group(1).strip() if cm else block_code
        head = stripped[: cm.start()] if cm else stripped
        irregular = _IRREG_RE.search(head)
        word_text = _IRREG_RE.sub("", head).strip()
        if not word_text or " " in word_text.strip():
            continue
        words, vidx = _verb_words(word_text)
        if not words:
            continue
        lemma = words[vidx]
        entry = VerbEntry(lemma, words, vidx, code, block)
        dicts.verbs.setdefault(lemma, []).append(entry)
        if irregular:
            for form in irregular.group(1).split():
                fw, fidx = _verb_words(form)
                if fw and fw[fidx] != lemma:
                    dicts.forms.setdefault(fw[fidx], lemma)


def _split_element(el: str) -> list[str]:
    """Split glued pattern elements: ``(IN)`` -> ``(``, ``IN``, ``)``; ``{A`` -> ``{``, ``A``; ``*_ON`` -> ``*``,
    ``ON``."""
    out: list[str] = []
    while el and el[0] in "({":
        out.append(el[0])
        el = el[1:]
    tail: list[str] = []
    while el and el[-1] in ")}":
        tail.insert(0, el[-1])
        el = el[:-1]
    if "*" in el and el != "*":
        # "*_OUT", "RECENTLY_*", "IN_AND_*_OUT_AGAIN": the verb glued to its neighbours by the "_" connector
        before, _, after = el.partition("*")
        out += [w.upper() for w in (before.strip("_"),) if w] + ["*"] + [w.upper() for w in (after.strip("_"),) if w]
    elif el:
        out.append(el.upper())
    return out + tail


# --------------------------------------------------------------------------------------------------- folders

_KINDS = ("verbs", "actors", "agents", "discards")


def classify(path: Path) -> str | None:
    """Which dictionary kind a file holds, from its name (PETRARCH names: ``*verbs*``, ``*.actors.*`` ...)."""
    name = path.name.lower()
    if "verbs" in name or (name.startswith("cameo.") and name.endswith(".txt")):
        return "verbs"
    for kind in ("actors", "agents", "discards"):
        if kind in name:
            return kind
    return None


def load_folder(folder: Path) -> Dictionaries:
    """Parse every PETRARCH dictionary file in ``folder`` (verbs, actors, agents, discards)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ConfigError(f"dictionary folder {folder} does not exist; pass a folder of PETRARCH-format files")
    dicts = Dictionaries(source=str(folder))
    found: dict[str, int] = dict.fromkeys(_KINDS, 0)
    for path in sorted(folder.iterdir()):
        kind = classify(path)
        if kind is None or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        {"verbs": read_verbs, "actors": read_actors, "agents": read_agents, "discards": read_discards}[kind](
            text, dicts
        )
        found[kind] += 1
    if not found["verbs"] or not found["actors"]:
        raise ConfigError(
            f"dictionary folder {folder} needs at least a verbs file and an actors file "
            f"(found: {', '.join(k for k, n in found.items() if n) or 'none'})"
        )
    return dicts


# --------------------------------------------------------------------------------------------------- bundled


def to_json(dicts: Dictionaries) -> dict[str, Any]:
    """The compact JSON form bundled with wirescope (lists of plain values)."""

    def ph(p: Phrase) -> list[Any]:
        return [" ".join(p.words), int(p.stem)]

    def dc(c: DatedCode) -> list[Any]:
        return [c.code, c.start.isoformat() if c.start else None, c.end.isoformat() if c.end else None]

    return {
        "verbs": [
            [v.lemma, " ".join(v.words), v.verb_index, v.code, v.block] for vs in dicts.verbs.values() for v in vs
        ],
        "forms": dicts.forms,
        "patterns": {b: [[" ".join(p.pre), " ".join(p.post), p.code] for p in ps] for b, ps in dicts.patterns.items()},
        "synsets": {k: [" ".join(w) for w in v] for k, v in dicts.synsets.items()},
        "actor_entries": [[e.name, [dc(c) for c in e.codes]] for e in dicts.actor_entries],
        "actors": [[*ph(p), i] for vs in dicts.actors.values() for p, i in vs],
        "agents": [[*ph(p), a.code, int(a.prefix)] for vs in dicts.agents.values() for p, a in vs],
        "discards": [[*ph(p), int(s)] for vs in dicts.discards.values() for p, s in vs],
    }


def from_json(data: dict[str, Any], source: str = "") -> Dictionaries:
    dicts = Dictionaries(source=source)

    def ph(text: str, stem: int) -> Phrase:
        return Phrase(tuple(text.split()), bool(stem))

    def day(s: str | None) -> date | None:
        return date.fromisoformat(s) if s else None

    for lemma, words, vidx, code, block in data["verbs"]:
        dicts.verbs.setdefault(lemma, []).append(VerbEntry(lemma, tuple(words.split()), vidx, code, block))
    dicts.forms.update(data["forms"])
    for block, ps in data["patterns"].items():
        dicts.patterns[block] = [
            Pattern(tuple(pre.split()), tuple(post.split()), code, f"{pre} * {post} [{code}]") for pre, post, code in ps
        ]
    dicts.synsets.update({k: [tuple(p.split()) for p in v] for k, v in data["synsets"].items()})
    dicts.actor_entries.extend(
        ActorEntry(name, tuple(DatedCode(c, day(s), day(e)) for c, s, e in codes))
        for name, codes in data["actor_entries"]
    )
    for text, stem, idx in data["actors"]:
        _index(dicts.actors, ph(text, stem), idx)
    for text, stem, code, prefix in data["agents"]:
        _index(dicts.agents, ph(text, stem), AgentEntry(code, bool(prefix)))
    for text, stem, story in data["discards"]:
        _index(dicts.discards, ph(text, stem), bool(story))
    return dicts


BUNDLED_FILES = ("verbs", "actors", "agents_discards")
DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "events"


def write_bundled(dicts: Dictionaries, folder: Path) -> list[Path]:
    """Write ``dicts`` as gzip JSON files (split so each stays well under 2 MB)."""
    data = to_json(dicts)
    parts = {
        "verbs": {k: data[k] for k in ("verbs", "forms", "patterns", "synsets")},
        "actors": {k: data[k] for k in ("actor_entries", "actors")},
        "agents_discards": {k: data[k] for k in ("agents", "discards")},
    }
    out = []
    for name, part in parts.items():
        path = folder / f"phoenix_{name}.json.gz"
        payload = json.dumps(part, separators=(",", ":")).encode("utf-8")
        with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
            fh.write(payload)  # mtime=0: the same dictionaries give the same bytes (reviewable diffs)
        out.append(path)
    return out


@functools.cache
def load_bundled() -> Dictionaries:
    """The bundled production (Phoenix) dictionaries; read once per process (read-only data)."""
    data: dict[str, Any] = {}
    for name in BUNDLED_FILES:
        res = DATA_DIR / f"phoenix_{name}.json.gz"
        try:
            with gzip.open(res, "rt", encoding="utf-8") as fh:
                data.update(json.load(fh))
        except FileNotFoundError:
            raise ConfigError(
                f"bundled dictionary file {res} is missing; reinstall wirescope or run scripts/convert_event_tables.py"
            ) from None
    return from_json(data, source="bundled:phoenix")


@functools.cache
def _load_folder_cached(folder: str) -> Dictionaries:
    return load_folder(Path(folder))


def load_dictionaries(folder: Path | None) -> Dictionaries:
    """The dictionaries in ``folder`` (PETRARCH format) or, when None, the bundled production set."""
    return bundled_with_supplement() if folder is None else _load_folder_cached(str(Path(folder).resolve()))


def _replacing_verbs(text: str) -> tuple[str, frozenset[str]]:
    """The supplement's text without its "=" marks, and the verbs so marked: a verb line written ``=ARREST [173]``
    stands instead of the verb's bundled entries (one word or several), not before them, so the verb no longer
    takes the patterns of the bundled block it shared with other verbs (the bundled ARREST sat in APPREHEND with
    TAKE and SEIZE, whose "* AIRPORT" [192], "* PART" [030] and "* &WEAPON" [1711] are about taking places, part
    and goods, never about arresting people)."""
    replacing: set[str] = set()
    lines = []
    for raw in text.splitlines():
        stripped = raw.lstrip()
        if stripped.startswith("=") and len(stripped) > 1 and not stripped[1].isspace():
            words, vidx = _verb_words(_IRREG_RE.sub("", _CODE_RE.sub("", _strip_comment(stripped[1:]))))
            if words:
                replacing.add(words[vidx])
            raw = raw.replace("=", "", 1)
        lines.append(raw)
    return "\n".join(lines), frozenset(replacing)


@functools.cache
def bundled_with_supplement() -> Dictionaries:
    """The bundled set plus wirescope's verb supplement (``data/events/verbs_supplement.txt``): a new object, the
    cached bundled one is not changed."""
    base = load_bundled()
    extra = Dictionaries()
    text, replacing = _replacing_verbs((DATA_DIR / "verbs_supplement.txt").read_text(encoding="utf-8"))
    read_verbs(text, extra)
    verbs = {k: list(v) for k, v in base.verbs.items()}
    for lemma, entries in extra.verbs.items():
        verbs[lemma] = entries + ([] if lemma in replacing else verbs.get(lemma, []))
    # a supplement block named like a bundled one adds its patterns to it (it does not replace the block)
    patterns = {k: list(v) for k, v in base.patterns.items()}
    for block, extra_patterns in extra.patterns.items():
        patterns[block] = patterns.get(block, []) + extra_patterns
    synsets = {k: list(v) for k, v in base.synsets.items()}
    for name, phrases in extra.synsets.items():
        synsets[name] = synsets.get(name, []) + [p for p in phrases if p not in synsets.get(name, [])]
    return Dictionaries(
        verbs=verbs, forms={**base.forms, **extra.forms}, patterns=patterns,
        synsets=synsets, actors=base.actors, actor_entries=base.actor_entries,
        agents=base.agents, discards=base.discards, source=base.source + "+supplement",
    )
