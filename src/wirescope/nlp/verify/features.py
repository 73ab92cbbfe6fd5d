"""Features of a coded event for the verifier: what the rules decided and what the parse around the trigger shows.

Each event becomes a sparse mapping of named features to values: indicator features (``"lemma=attack"``,
``"rule=modality.reported-speech"``, ``"src_role=GOV"``) have the value 1.0, numeric ones (``"conf"``,
``"depth"``) are scaled to about [0, 1] so that one regularisation strength fits all of them. The names are the
model file's vocabulary: a feature the model never saw has no weight and changes nothing.

Everything here is read off the ``Event`` record and the spaCy ``Doc`` the events stage coded it from; nothing
is parsed again, so the cost is a few dictionary operations per event (the events stage budget).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..doctext import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ...records import Actor, Event

# Bumped whenever a feature changes meaning: the model file records the version it was trained with, and the
# verifier refuses a model trained on other features.
FEATURES_VERSION = "2"
Features = dict[str, float]
# Lemma -> how many CAMEO roots the dictionaries give the verb (its default and its patterns): a verb with many
# senses ("hold", "take") invents events more often than one with a single sense ("bomb").
SensesFn = Callable[[str], int]
# Markers of a question, a condition or a possibility in the trigger's clause that the coder's modality rules may
# have missed ("could", "would", "if"); read as features, not as rules.
_MODALS = frozenset({"can", "could", "may", "might", "must", "shall", "should", "will", "would"})


@functools.cache
def _word_classes() -> tuple[tuple[str, frozenset[str]], ...]:
    """Classes of words that, above a trigger, say the act may not be one: the coder's own lexicons (its modality
    rules read them too; a rule may have missed a parse the feature still sees). Loaded on first use."""
    from ..coding.lexicons import words

    def vc(kind: str) -> frozenset[str]:
        return words("verb_classes", kind)

    return (("report", vc("report")), ("intent", vc("intention")), ("directive", vc("directive")),
            ("threat", vc("threat")), ("refusal", vc("refusal")), ("hedge", words("hedges", "hedge")),
            ("capability", words("hedges", "capability")), ("dispute", words("hedges", "dispute")),
            ("demand", words("hedges", "demand") | vc("claim-or-demand")),
            ("proposal", words("modal_cues", "proposal")),
            ("obligation", vc("obligation") | words("modal_cues", "obligation-verb")))


@dataclass(frozen=True, slots=True)
class ArticleView:
    """What the features need about the whole article, computed once per article."""

    sents: tuple[Span, ...]
    events_per_sentence: Counter[int]


def article_view(doc: Doc, events: Sequence[Event]) -> ArticleView:
    return ArticleView(tuple(doc.sents), Counter(e.sentence for e in events))


def event_features(event: Event, doc: Doc, view: ArticleView, senses: SensesFn | None = None) -> Features:
    """The features of one event of ``doc`` (see the module docstring)."""
    f: Features = {}
    _code_features(event, f)
    # an event of the title given apart from the text has its offsets in the title: no token of the text is its
    # trigger (its features are those of its code, actors, rules and place in the article)
    trigger = None if event.sentence < 0 else _token(doc, event.trigger.start, event.trigger.end)
    if trigger is not None:
        _trigger_features(trigger, f)
        if 0 <= event.sentence < len(view.sents):
            _position_features(trigger, view.sents[event.sentence], f)
        _governor_features(trigger, f)
        _speaker_features(trigger, f)
        if senses is not None:
            n = senses(trigger.lemma_.lower())
            f["senses"] = min(n, 8) / 8
            f["senses=" + ("0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4+")] = 1.0
    else:
        f["trigger=unaligned"] = 1.0
    for prefix, actor in (("src", event.source), ("tgt", event.target)):
        _actor_features(prefix, actor, doc if event.sentence >= 0 else None, trigger, f)
    _pair_features(event, f)
    _context_features(event, doc, view, f)
    _rule_group_features(event, f)
    return f


def _governor_features(tok: Token, f: Features) -> None:
    """What governs the trigger up to three clauses up: the lemmas' word classes ("gov_class=report", "=intent",
    "=proposal" ...), the second governor's lemma, and the trigger's lemma with its relation ("lemma_dep=hold|xcomp":
    a verb's senses differ by construction)."""
    f["lemma_dep=" + tok.lemma_.lower() + "|" + tok.dep_] = 1.0
    classes = _word_classes()
    anc, seen = tok, 0
    while anc.head.i != anc.i and seen < 3:
        anc = anc.head
        seen += 1
        lemma = anc.lemma_.lower()
        if seen == 2 and anc.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            f["gov2=" + lemma] = 1.0
        for name, lemmas in classes:
            if lemma in lemmas:
                f["gov_class=" + name] = 1.0


def _speaker_features(tok: Token, f: Features) -> None:
    """Who reports the trigger's clause ("experts say ...", "..., the minister said"): none, a person or body, a
    commentator (an analyst's reading is no act, even when the coder's filter missed it)."""
    from ..coding.commentary import is_commentator, speaker

    said_by = speaker(tok)
    if said_by is None:
        f["speaker=none"] = 1.0
        return
    f["speaker=" + ("commentator" if is_commentator(said_by) else said_by.ent_type_ or said_by.pos_)] = 1.0


def _rule_group_features(event: Event, f: Features) -> None:
    """How many rules of each phase shaped the event: actor resolution through referents ("actors.*-refers-back"),
    a fallback for the source or target (an inherited source, a target after the pattern or in a prepositional
    phrase) each make a wrong country likelier than a direct subject and object do; and the root with the
    roles of its actors ("root_roles=19|MIL|none"), which the linear model cannot combine by itself."""
    groups: Counter[str] = Counter(r.split(".", 1)[0] for r in event.trace if "." in r)
    for phase in ("actors", "source", "target", "candidates", "filters", "code", "modality"):
        if groups[phase]:
            f["n_" + phase] = min(groups[phase], 3) / 3
    if any(r.endswith("refers-back") or "named-in-full" in r for r in event.trace):
        f["actor_referent"] = 1.0
    if any(r in _FALLBACKS for r in event.trace):
        f["argument_fallback"] = 1.0
    roles = [a.roles[0] if a is not None and a.roles else ("none" if a is None else "-")
             for a in (event.source, event.target)]
    f["root_roles=" + event.root_code + "|" + "|".join(roles)] = 1.0


# source and target rules that reach beyond the trigger's own subject and object (rules/phases/sources.py, targets.py)
_FALLBACKS = frozenset({
    "source.inherited-from-the-governing-clause", "source.governing-subject-when-plus-before-verb",
    "source.pronoun-stands-for-the-governing-subject", "target.after-the-pattern", "target.prepositional-phrase",
    "target.actor-inside-the-object", "target.subject-of-a-complement", "target.doer-of-the-act-reacted-to",
    "actors.role-takes-the-article-country"})


def _code_features(event: Event, f: Features) -> None:
    f["root=" + event.root_code] = 1.0
    f["code=" + event.code] = 1.0
    f[f"quad={event.quad_class}"] = 1.0
    f["modality=" + event.modality] = 1.0
    f["conf"] = float(event.confidence)
    f["goldstein"] = event.goldstein / 10
    for rule_id in event.trace:
        if not rule_id.startswith("verify."):  # the verifier's own mark is not evidence
            f["rule=" + rule_id] = 1.0
    f["entries"] = min(len(event.dictionary_entries), 4) / 4
    f["repeated"] = 1.0 if len(event.mentions) > 1 else 0.0


def _trigger_features(tok: Token, f: Features) -> None:
    f["lemma=" + tok.lemma_.lower()] = 1.0
    f["pos=" + tok.pos_] = 1.0
    f["tag=" + tok.tag_] = 1.0
    f["dep=" + tok.dep_] = 1.0
    deps = _path_to_root(tok)
    f["depth"] = min(len(deps), 5) / 5
    f["path=" + (">".join(deps[:2]) if deps else "ROOT")] = 1.0
    head = tok.head
    if head.i != tok.i and head.pos_ in ("VERB", "AUX"):
        f["gov=" + head.lemma_.lower()] = 1.0  # "said", "urged", "considered" over the trigger
    for child in tok.children:
        if child.dep_ == "neg":
            f["neg_child"] = 1.0
        elif child.tag_ == "MD" and child.lemma_.lower() in _MODALS:
            f["modal=" + child.lemma_.lower()] = 1.0
        elif child.dep_ == "mark" and child.lemma_.lower() in ("if", "unless", "whether"):
            f["condition"] = 1.0


def _position_features(tok: Token, sent: Span, f: Features) -> None:
    """Where the trigger stands in its sentence: news states its act early ("Iran seized a tanker on Friday, ...");
    a trigger late in a long sentence is more often in a subordinate aside, a background clause or a comparison."""
    pos = (tok.i - sent.start) / max(len(sent) - 1, 1)
    f["trig_pos"] = pos
    f["trig_pos=" + ("first" if pos < 1 / 3 else "middle" if pos < 2 / 3 else "last")] = 1.0


def _path_to_root(tok: Token) -> list[str]:
    """Dependency relations from the trigger up to (not including) its sentence root, nearest first."""
    deps: list[str] = []
    while tok.head.i != tok.i and len(deps) < 12:
        deps.append(tok.dep_)
        tok = tok.head
    return deps


def _actor_features(prefix: str, actor: Actor | None, doc: Doc | None, trigger: Token | None, f: Features) -> None:
    """The actor's code, and its head word's features when it is in ``doc`` (None: the actor is in the title)."""
    if actor is None:
        f[prefix + "=none"] = 1.0
        return
    code = actor.code or ""
    f[prefix + ("_country" if actor.country else "_nocountry")] = 1.0
    f[prefix + "_role=" + (actor.roles[0] if actor.roles else "none")] = 1.0
    if code.startswith("---") or not code:
        f[prefix + "_unknown"] = 1.0
    if code.startswith("IGO"):
        f[prefix + "_igo"] = 1.0
    if actor.entity_id:
        f[prefix + "_entity"] = 1.0
    head = _token(doc, actor.start, actor.end) if doc is not None else None
    if head is None:
        return
    f[prefix + "_pos=" + head.pos_] = 1.0
    f[prefix + "_ent=" + (head.ent_type_ or "none")] = 1.0
    f[prefix + "_dep=" + head.dep_] = 1.0
    if head.pos_ == "NOUN":  # "analyst", "official", "ministry": what kind of person or body acts
        f[prefix + "_noun=" + head.lemma_.lower()] = 1.0
    if trigger is not None:
        f[prefix + "_dist"] = min(abs(head.i - trigger.i), 20) / 20
        # the unusual side: a source after its verb (a passive's agent, "..., said the minister"), a target before
        # it (a relative clause, a fronted object): constructions where the coder's argument rules err more often
        if (head.i > trigger.i) == (prefix == "src"):
            f[prefix + "_unusual_side"] = 1.0


def _pair_features(event: Event, f: Features) -> None:
    src, tgt = event.source, event.target
    if src is not None and tgt is not None:
        if src.country and src.country == tgt.country:
            f["same_country"] = 1.0
        if src.code and src.code == tgt.code:
            f["same_actor"] = 1.0


def _context_features(event: Event, doc: Doc, view: ArticleView, f: Features) -> None:
    n = len(view.sents)
    i = event.sentence
    f["sent=" + ("title" if i < 0 else "0" if i == 0 else "1-2" if i <= 2 else "3-5" if i <= 5 else "6+")] = 1.0
    f["sent_rel"] = max(i, 0) / (n - 1) if n > 1 else 0.0
    k = view.events_per_sentence.get(i, 1)
    f["sent_events"] = min(k, 6) / 6
    if k == 1:
        f["sent_events=1"] = 1.0
    if i >= 0 and in_quotation(text_of(doc), event.trigger.start):  # doc.text would rebuild the text per event
        f["in_quote"] = 1.0
    if 0 <= i < n:
        sent = view.sents[i]
        f["sent_len"] = min(len(sent), 60) / 60
        if sent.text.rstrip().endswith("?"):
            f["question"] = 1.0


def in_quotation(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside quotation marks opened earlier in its paragraph (curly quotes by their
    balance, straight quotes by their parity)."""
    start = text.rfind("\n", 0, offset) + 1
    before = text[start:offset]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def _token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def dictionary_senses(verbs: dict, patterns: dict) -> SensesFn:
    """``SensesFn`` over PETRARCH dictionaries (``Dictionaries.verbs`` and ``.patterns``): the number of distinct
    CAMEO roots among a lemma's default codes and its blocks' pattern codes, memoised per lemma."""
    memo: dict[str, int] = {}

    def senses(lemma: str) -> int:
        key = lemma.upper()
        if key not in memo:
            roots = set()
            for entry in verbs.get(key, ()):
                roots.add(entry.code[:2])
                roots.update(p.code[:2] for p in patterns.get(entry.block, ()))
            memo[key] = len({r for r in roots if r.isdigit()})
        return memo[key]

    return senses
