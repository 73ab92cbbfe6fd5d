"""The coder's word lists as data: one TSV file per kind in ``wirescope/data/coding/lexicons/`` (like
``data/quotes/cues.txt``), each line ``word<TAB>[code<TAB>]class<TAB>comment``; ``#`` starts a comment line.

Every file is validated when first read: the right number of columns, a known class, a comment on every entry, and
a word at most once per class (a word may serve several roles, one line each: "warn" is a directive and a verb of
threat). An error names the file and line.

Four classes are verbs with the nouns they take as objects, which is what a PETRARCH verb pattern says, so they are
kept in that format, in ``wirescope/data/events/light_verbs.txt`` (read with ``nlp/resources/petrarch.read_verbs``):
a block's verbs are one class, its ``- * NOUN [CODE]`` patterns another (``DICTIONARY_BLOCKS``). ``words`` and
``codes`` serve them like the other classes, so the coder reads every list the same way.

The files are read when the coder's modules are imported, which happens only when an events
stage or a coder is built, never on ``import wirescope``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from ...errors import ConfigError

# file -> the classes its lines may have; event_nouns has a code column before the class
KINDS: dict[str, frozenset[str]] = {
    "verb_classes": frozenset({"light", "undergoer", "intent", "perform", "speech", "report", "object-control",
                               "directive", "departure", "arrival", "topic", "commemorating", "refusal", "threat",
                               "intention", "trying", "ending",
                               "symmetric", "claim-or-demand", "police-act", "court-act", "custody-release",
                               "obligation", "effort", "difficulty", "prevention", "addressee", "aim", "telling",
                               "refusal-to-act", "accusation", "verbal-act", "mutual-meeting",
                               "agreement-making", "receiving", "taking-from", "hosting", "visitor-host", "decision",
                               "unwilling-when-negated", "permitting", "contact"}),
    "modal_cues": frozenset({"possible", "future", "conditional", "mandative", "epistemic", "negation", "focus",
                             "obligation", "obligation-verb", "obligation-present", "proposal", "aspectual", "causal",
                             "aim-noun", "ongoing", "time-marker", "intention-noun", "ability",
                             "inverted-condition", "scheduled-time-marker", "indefinite-determiner",
                             "date-word", "unasserting-when-negated", "evidence-noun",
                             "design-participle", "succession", "advice", "advice-state"}),
    "hedges": frozenset({"hedge", "capability", "attempt", "dispute", "demand"}),
    "event_nouns": frozenset({"event", "act", "strike-kind", "quantity", "nominal", "instrument", "event-head",
                              "consultation", "nominal-target", "nominal-patient", "medium", "medium-consultation",
                              "reciprocal-force", "figurative-fight", "trade-object",
                              "accusation", "accusation-rejecter", "agent-participle", "unrealised-modifier",
                              "unrealising-head", "intending-head", "threatened-act", "force-if-armed",
                              "military-modifier", "concern-adjective",
                              "civil-modifier", "asked-in-clause", "done-to-act", "withdrawn-force",
                              "withdrawer-of", "withdrawal-done", "agreement"}),
    "place_words": frozenset({"preposition", "place-noun", "image-noun", "temporal", "done-time", "place-object-verb",
                             "direction-preposition", "sport-word", "contest-verb", "result-noun",
                             "posture-preposition", "date-cue", "scene-preposition", "concessive-preposition",
                             "time-preposition", "outer-adjunct-preposition",
                             "time-frame-word", "after-particle-verb", "installation-noun",
                             "installation-hosting", "installation-modifier", "seat-participle",
                             "landmark-preposition", "landmark-of", "landmark-to",
                             "beyond-preposition", "border-noun"}),
    "title_words": frozenset({"org-head", "relation-head", "honorific", "not-a-name", "sponsor", "ngo-head",
                              "division", "outside", "state-act", "envoy", "diplomat",
                              "posting-body", "affiliation", "shadow", "local-office", "leader-head", "shadow-office",
                              "rank-word", "person-title", "office-title", "not-current",
                              "collective-noun", "armed-group", "body-noun", "person-noun",
                              "party-noun", "country-noun", "no-longer", "kin-head", "member-head", "sent-to-title",
                              "firm-title", "topic-head", "one-country-title"}),
    "function_words": frozenset({"pronoun", "definite", "relative", "object-preposition",
                                "complement-preposition", "stance-prefix", "title-case-minor",
                                "cause-phrase-noun", "source-phrase-word"}),
    "roles": frozenset({"armed-force", "armed-cause", "armed-agency", "armed-outlaw", "armed-abroad",
                         "private-person"}),
    "announced": frozenset({"intent", "threat", "refusal", "ended"}),
    "commentary": frozenset({"commentator"}),
    "natural_forces": frozenset({"natural-force", "accident-noun", "accident-source"}),
    "stances": frozenset({"stance-noun", "occasion-noun", "topic-noun", "made-noun", "making-verb"}),
    "senses": frozenset({"hosting", "visitor-noun", "settling", "filming-verb", "filmed-noun",
                          "relief-verb", "ban-verb", "dispatch-verb", "force-purpose", "assault-noun", "sent-force",
                          "support-purpose",
                          "capture-verb", "dismantle-verb", "armed-holding", "person-noun", "force-means",
                          "mobilising-verb", "mobilised-force", "pushing-verb", "pushing-way", "going-on-verb",
                          "going-on-way",
                          "leaving-verb", "leaving-journey", "removing-verb", "removed-force", "merging-verb",
                          "preparing-verb", "launching-verb", "campaign-noun", "military-mark",
                          "sport-word", "violent-verb", "violent-passive", "force-clause-verb", "doing-participle",
                          "planting-participle", "planted-device",
                          "verbal-attack", "armed-word",
                          "warning", "warner-harm",
                          "physical-target", "declining", "comment-verb", "failing",
                          "question-verb", "interrogative", "view-verb", "knowing-verb", "signifying-verb",
                          "quality-noun", "one-way-verb",
                          "not-commenting", "judging-verb", "disapproval-word", "falsehood-word",
                          "describing-verb", "blaming-verb",
                          "aim-object", "criticism-particle",
                          "crowd-noun", "computer-noun", "position-verb", "public-role",
                          "cut-verb", "relation-object", "facing",
                          "going", "going-away", "schooling", "attended-place", "refuge-noun", "joined-fight",
                          "releasing", "publication", "goal-object",
                          "detention-place", "people-modifier", "crowd-doer", "suspicion-verb",
                          "economic-measure", "hoping", "seeing-done", "visit-purpose", "cut-preposition",
                          "view-preposition", "holding", "hostage-noun",
                          "expecting", "compliance",
                          "feeling", "meeting", "joining", "joined-talks", "agreement-noun",
                          "discussing", "wanting", "boosting", "appearing", "yielded-act", "talks-purpose",
                          "met-hostile", "met-response", "met-need", "state-noun", "prize-noun", "customer-noun",
                          "protest-stance",
                          "two-object-verb",
                          "fighting-verb", "side-preposition", "side-noun", "acknowledging-verb",
                          "firm-noun", "firm-part", "state-firm-mark", "public-body-noun",
                          "sport-story-word", "state-story-word", "team-title", "force-joining",
                          "web-place", "web-site-mark", "hostless-place", "work-noun", "depicting-verb",
                          "quantity-verb", "moving-verb", "economic-quantity", "quantity-change", "showing",
                          "suffering-verb", "suffering-degree", "inviting", "invited-act",
                          "journey-verb", "journey-joined", "steering-verb", "defended-matter"}),
    "measures": frozenset({"enact-verb", "measure-noun", "aimed-measure", "people-object", "trade-only",
                          "trade-word", "ultimatum-verb", "ultimatum-penalty", "ultimatum-frame"}),
    "denials": frozenset({"denial-verb", "claim-noun", "content-noun", "unaddressed-verb", "advice-preposition",
                          "take-phrase", "take-direction", "returnee", "holdable-office"}),
    "wishes": frozenset({"cooperative-act", "prediction-cue", "held-thing", "demanding-verb", "state-participle",
                         "coercive-role", "warned-public", "deterred-act", "adversary-act", "warned-armed",
                         "answered-noun", "demanded-act", "warned-civil"}),
}
_WITH_CODE = frozenset({"event_nouns", "announced", "measures"})
# block of light_verbs.txt -> (file and class of its verbs, file and class of its pattern nouns)
DICTIONARY_BLOCKS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "LIGHT": (("verb_classes", "light"), ("event_nouns", "event")),
    "PERFORM": (("verb_classes", "perform"), ("event_nouns", "act")),
}
_IN_DICTIONARY = frozenset(c for verbs, nouns in DICTIONARY_BLOCKS.values() for c in (verbs, nouns))
DICTIONARY_PATH = "wirescope/data/events/light_verbs.txt"


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
    return parse(text, name, path) + tuple(e for file, e in dictionary_entries() if file == name)


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
        if (name, kind) in _IN_DICTIONARY:
            raise ConfigError(f"{path}:{n}: the class {kind!r} is kept in {DICTIONARY_PATH}, in PETRARCH format")
        if (word, kind) in seen:
            raise ConfigError(f"{path}:{n}: {word!r} is listed twice as {kind}")
        seen.add((word, kind))
        out.append(LexiconEntry(word, kind, cols[1] if width == 4 else "", comment))
    return tuple(out)


@functools.cache
def dictionary_entries() -> tuple[tuple[str, LexiconEntry], ...]:
    """(lexicon file, entry) of every verb and noun of ``light_verbs.txt``, validated."""
    text = resources.files("wirescope.data").joinpath("events/light_verbs.txt").read_text(encoding="utf-8")
    return parse_dictionary(text, DICTIONARY_PATH)


_HEADER = re.compile(r"^-{3}\s*(\S+)\s*\[---\]\s*-{3}$")


def parse_dictionary(text: str, path: str) -> tuple[tuple[str, LexiconEntry], ...]:
    """The entries of a PETRARCH verb file of ``DICTIONARY_BLOCKS``: each verb line and each ``- * NOUN [CODE]``
    line, with its ``#`` comment (required), once per block."""
    out: list[tuple[str, LexiconEntry]] = []
    block = ""
    seen: set[tuple[str, str]] = set()
    for n, line in enumerate(text.splitlines(), 1):
        body, _, comment = line.partition("#")
        if not body.strip():
            continue
        header = _HEADER.match(body.strip())
        if header:
            block = header.group(1)
            if block not in DICTIONARY_BLOCKS:
                raise ConfigError(f"{path}:{n}: unknown block {block!r}; choose one of {', '.join(DICTIONARY_BLOCKS)}")
            continue
        if not block or not comment.strip():
            raise ConfigError(f"{path}:{n}: an entry needs a block header before it and a '#' comment after it")
        file, entry = _dictionary_entry(block, body, comment.strip(), f"{path}:{n}")
        if (entry.kind, entry.word) in seen:
            raise ConfigError(f"{path}:{n}: {entry.word!r} is listed twice in block {block}")
        seen.add((entry.kind, entry.word))
        out.append((file, entry))
    return tuple(out)


def _dictionary_entry(block: str, body: str, comment: str, where: str) -> tuple[str, LexiconEntry]:
    """One line of a block: a verb (``HOLD``) or a pattern with one noun after the verb (``- * TALK [046]``)."""
    from ..resources.petrarch import Dictionaries, read_verbs

    parsed = Dictionaries()
    read_verbs(f"--- {block} [---] ---\n{body}", parsed)
    (verb_file, verb_kind), (noun_file, noun_kind) = DICTIONARY_BLOCKS[block]
    patterns = parsed.patterns.get(block, [])
    if len(patterns) == 1 and not patterns[0].pre and len(patterns[0].post) == 1 and patterns[0].code.strip("-"):
        return noun_file, LexiconEntry(patterns[0].post[0].lower(), noun_kind, patterns[0].code, comment)
    verbs = [e for entries in parsed.verbs.values() for e in entries]
    if not patterns and len(verbs) == 1 and len(verbs[0].words) == 1 and verbs[0].code == "---":
        return verb_file, LexiconEntry(verbs[0].lemma.lower(), verb_kind, "", comment)
    raise ConfigError(f"{where}: expected a verb (HOLD) or a pattern with one noun and a code (- * TALK [046])")


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
