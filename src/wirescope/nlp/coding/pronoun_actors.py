"""The actor a pronoun stands for, for the event coder's argument finding (``phrase_actors``): "we" or "I" in a
quotation is its speaker; a subject "he"/"she" continues the main subject's pronoun before it, or is the person
named in full nearest before it, or its lone-surname antecedent as resolved; a subject "they" is the plural subject
before it, "it" the body before it; else a "he"/"she" continues the chain of pronouns before it. Each antecedent is
resolved as an actor of its own (``PhraseActors._actor``), so the chains are bounded (``_CHAIN_LINKS``)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .full_names import owner
from .it_antecedents import empty_it, names_a_body, singular_subject_before
from .referents import PRONOUN_WINDOW, PRONOUNS, Referents, referents_of
from .referring import MAIN_SUBJECT, collective_mention
from .salience import main_subject, rank
from .syntax import conjuncts

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..quotes.extract import QuoteExtractor
    from ..quotes.found import FoundQuote
    from .actor_refs import ActorRef
    from .context import DocContext
    from .phrase_actors import PhraseActors

PLURAL_PRONOUN = "actors.they-refers-to-the-plural-subject-before"
BODY_PRONOUN = "actors.it-refers-to-the-body-subject-before"


def pronoun_antecedent(finder: PhraseActors, head: Token, code: str | None,
                       ctx: DocContext) -> tuple[str | None, str] | None:
    """The actor of a pronoun the dictionaries leave uncoded (``code`` None), found from what the article said
    before it: "we"/"I" in a quotation, a subject "he"/"she", "they" or "it"; None when none of these finds one
    (``pronoun_chain`` is the last resort, after ``referring.refer_back``)."""
    if code is not None:
        return None
    quoted = _quoted_speaker(finder, head, ctx) if head.lower_ in _FIRST_PERSON else None
    if quoted is not None:
        return quoted
    if head.lower_ in PRONOUNS and head.dep_ in ("nsubj", "nsubjpass"):
        described = _main_chain(finder, head, ctx) or _described_person(finder, head, ctx) \
            or _antecedent_as_resolved(finder, head, ctx)
        if described is not None:
            return described
    if head.lower_ in ("they", "it") and head.dep_ in ("nsubj", "nsubjpass"):
        return _plural_antecedent(finder, head, ctx) if head.lower_ == "they" else _body_antecedent(finder, head, ctx)
    return None


def _described_person(finder: PhraseActors, head: Token, ctx: DocContext) -> tuple[str | None, str] | None:
    """A subject "he"/"she" whose nearest antecedent is a person the article names in full with a description
    or as an organisation's official ("U.N. envoy Geir Pedersen ... He called for"), nearer or more salient
    than any person the referents index knows (it keeps only dictionary-coded persons of a country)."""
    full = finder._full_names(head, ctx).person_before(head, PRONOUN_WINDOW)
    if full is None:
        return None
    refs = referents_of(ctx, head.doc, finder.actors)
    known = refs.person_before(head)
    if known is not None and known.titled and split_code(known.code)[0] is None:
        # a title without a country ("the prime minister") is an antecedent only where ``refer_back`` places
        # it; otherwise the pronoun resolves as if it were not there
        known = refs.person_before(head, titles=False)
    ranked = main_subject(head)  # (``salience``: in one sentence, a main clause's subject over an embedded one)
    if known is not None and (known.subject, *rank(known.sentence, known.main, known.start, ranked)) \
            >= (full.subject, *rank(full.sentence, full.main, full.start, ranked)):
        return None  # the referents index has it, or someone nearer: ``refer_back`` decides
    code = finder._placed(full, head, ctx)
    if owner(code) is None:
        # the nearest person is one whose country the article does not give ("General Stanley McChrystal"):
        # the pronoun is them, not a person named before them
        return (None, "") if ctx.fire("actors.pronoun-refers-to-a-person-named-in-full") else None
    if not ctx.fire("actors.pronoun-refers-to-a-person-named-in-full"):
        return None
    return code, full.name


def _antecedent_as_resolved(finder: PhraseActors, head: Token, ctx: DocContext) -> tuple[str, str] | None:
    """A subject "he"/"she" whose antecedent is a lone surname ("Bennett said ... he said") is whoever that
    mention resolves to as an actor (the person the article names in full with it: "U.N. rapporteur Richard
    Bennett"), not the dictionaries' guess for the bare surname (a New Zealand minister)."""
    known = ctx.referents.person_before(head)
    if known is None or known.end - known.start != 1:
        return None
    ref = finder._actor(head.doc[known.head], ctx, direct=False)
    if ref is None or not ref.code or ref.code == known.code \
            or not ctx.fire("actors.pronoun-is-its-antecedent-as-resolved"):
        return None
    return ref.code, ref.name


def _plural_antecedent(finder: PhraseActors, head: Token, ctx: DocContext) -> tuple[str, str] | None:
    """A subject "they" outside quotation marks is the nearest plural or collective subject before it in its
    sentence or the one before, resolved as that mention is ("G7 foreign ministers met ... They called on
    China", "the group remains concerned ... They called on"): a subject pronoun continues the previous
    subject (centering), and "they" only a plural or a body. A singular subject in between is passed over
    ("Iran said ..." cannot be "they"); the nearest plural one decides, and when it names no one who can be
    coded ("analysts", a pronoun of its own that stays uncoded) the pronoun stays uncoded too. Inside a
    quotation "they" is mostly the speaker's other side, and is left alone."""
    refs = referents_of(ctx, head.doc, finder.actors)
    for tok in reversed(head.doc[refs.window_start(head, 1) : head.i]):
        if tok.dep_ not in ("nsubj", "nsubjpass") or not _plural_subject(tok):
            continue
        if _quotation_at(finder, head, ctx) is not None:
            return None  # (asked only once there is an antecedent: see ``_quotation_at``)
        found = _antecedent_actors(finder, tok, ctx)
        if found is None:
            return None
        if len({a.code for a in found}) != 1 or owner(found[0].code) is None:
            return None  # (several actors are no one code: "Cameroon and C.A.R. officials" stay uncoded)
        if len(found) < len(conjuncts(tok)) or not ctx.fire(PLURAL_PRONOUN):
            return None  # a conjunct that names no one
        return found[0].code or "", found[0].name
    return None


def _body_antecedent(finder: PhraseActors, head: Token, ctx: DocContext) -> tuple[str, str] | None:
    """A subject "it" outside quotation marks is the nearest singular subject before it that is no person, in
    its sentence or the one before, when that names a body ("Iran's Revolutionary Guards shot down a US drone.
    It said it had fired"), resolved as that mention is (``it_antecedents``). A thing ("The report said ... It
    found") or an actor no code places leaves it uncoded; inside a quotation "it" is left alone."""
    if empty_it(head):
        return None
    refs = referents_of(ctx, head.doc, finder.actors)
    tok = singular_subject_before(head, refs.window_start(head, 1))
    if tok is None or _quotation_at(finder, head, ctx) is not None:
        return None  # (asked only once there is an antecedent: see ``_quotation_at``)
    found = _antecedent_actors(finder, tok, ctx)
    if found is None or len(found) != 1 or owner(found[0].code) is None \
            or not names_a_body(tok, found[0].code or "") or not ctx.fire(BODY_PRONOUN):
        return None
    return found[0].code or "", found[0].name


def _antecedent_actors(finder: PhraseActors, tok: Token, ctx: DocContext) -> list[ActorRef] | None:
    """The actors of a pronoun's antecedent, resolved as that mention is, one more link in the chain of
    references (None when the chain is already ``_CHAIN_LINKS`` long: a pronoun whose antecedent is a pronoun
    whose antecedent ... stops)."""
    if ctx.chain >= _CHAIN_LINKS:
        ctx.cut = True
        return None
    ctx.chain += 1
    try:
        return finder._actors(tok, ctx, direct=False)
    finally:
        ctx.chain -= 1


def _quotation_at(finder: PhraseActors, head: Token, ctx: DocContext) -> FoundQuote | None:
    """The quotation in quotation marks (direct, mixed or floating) whose words hold ``head``, if any. The
    first ask extracts the document's quotations (``ctx.quotes``), the costliest step of resolving a pronoun
    (issue 20: the quotes stage shares the answer, an events stage alone pays it): a pronoun with no antecedent
    candidate stays uncoded in or out of a quotation, so the callers ask only once they have one."""
    if ctx.quotes is None:
        ctx.quotes = finder.quotes(head.doc) if finder.quotes is not None else _quote_extractor().extract(head.doc)
    pos = head.idx
    return next((q for q in ctx.quotes if q.type in _QUOTED and any(a <= pos < b for a, b in q.spans)), None)


def _quoted_speaker(finder: PhraseActors, head: Token, ctx: DocContext) -> tuple[str, str] | None:
    """"We" or "I" inside a quotation is its speaker's side: "'We categorically reject these allegations,' the
    ministry said", "'I urge the Taliban to reverse their decision,' he said": the speaker the quotation
    extractor attributes it to, resolved as an event's actor is (``_actor``)."""
    if ctx.quotes is None:
        ctx.quotes = finder.quotes(head.doc) if finder.quotes is not None else _quote_extractor().extract(head.doc)
    pos = head.idx
    quote = next((q for q in ctx.quotes if q.type in _QUOTED and q.speaker_head is not None
                  and any(a <= pos < b for a, b in q.spans)), None)
    if quote is None or quote.speaker_head == head.i:
        return None
    ref = finder._actor(head.doc[quote.speaker_head], ctx, direct=False)
    if ref is None or not ref.code or not ctx.fire("actors.we-in-a-quotation-is-the-speaker"):
        return None
    return ref.code, ref.name


def _main_chain(finder: PhraseActors, head: Token, ctx: DocContext) -> tuple[str, str] | None:
    """A main clause's subject "he"/"she" after another one, with no person named since but as the subject of
    a clause embedded in a main one, continues that other pronoun, resolved as it was ("Mr Balls said ... He
    rejected speculation that Mr Brown was considering ... He criticised" is Balls: ``salience``, the main
    clause's subject ranks over an embedded one, and a pronoun is that subject)."""
    if not main_subject(head):
        return None
    refs = referents_of(ctx, head.doc, finder.actors)
    prev = refs.pronoun_before(head, main=True)
    if prev is None:
        return None
    here = refs.sentence_of(prev)
    named = (refs.person_before(head), finder._full_names(head, ctx).person_before(head, PRONOUN_WINDOW))
    if all(m is None for m in named) or any(
            m is not None and (m.sentence > here or (m.sentence == here and m.main and m.start > prev.i))
            for m in named):
        return None  # nobody named near, or someone named after it as salient as it: ``refer_back`` decides
    return _resolved_link(finder, prev, ctx, MAIN_SUBJECT)


def _resolved_link(finder: PhraseActors, prev: Token, ctx: DocContext, rule: str) -> tuple[str, str] | None:
    """(code, name) of the pronoun ``prev`` a later one continues, resolved as an actor, when it codes one and
    ``rule`` is on; each link is resolved by the one before it, so the chain is bounded (``_CHAIN_LINKS``)."""
    if ctx.chain >= _CHAIN_LINKS:
        ctx.cut = True
        return None
    ctx.chain += 1
    try:
        ref = finder._actor(prev, ctx, direct=False)
    finally:
        ctx.chain -= 1
    if ref is None or not ref.code or not ctx.fire(rule):
        return None
    return ref.code, ref.name


def pronoun_chain(finder: PhraseActors, head: Token, ctx: DocContext) -> tuple[str, str] | None:
    """A subject "he"/"she" with no person named in its sentence or the two before continues the chain of
    pronouns before it: it is whoever the previous "he"/"she" subject in that window is ("Moise tweeted ...
    'we condemn ...,' he tweeted. Earlier this week, he was criticized ..."), resolved as that one was."""
    refs: Referents = ctx.referents
    if refs.person_before(head) is not None \
            or finder._full_names(head, ctx).person_before(head, PRONOUN_WINDOW) is not None:
        return None  # a person is named near enough: the pronoun is them (or, uncoded, nobody known)
    prev = refs.pronoun_before(head)
    return None if prev is None else _resolved_link(finder, prev, ctx, "actors.pronoun-continues-its-chain")


# pronouns of a chain resolved back through at most (sentences coded in order have memoised the earlier ones)
_CHAIN_LINKS = 8
# first-person pronouns: inside a quotation, the speaker's side
_FIRST_PERSON = frozenset({"i", "me", "we", "us"})
# quotations whose words are the speaker's own, in quotation marks
_QUOTED = frozenset({"direct", "mixed", "floating"})


def _plural_subject(tok: Token) -> bool:
    """A subject "they" may refer to: of a finite clause (not the subject of an infinitive, "hold ministers to
    account"), a plural noun ("G7 foreign ministers", "militants"), coordinated actors ("Bugti and Chaudhry"), a
    collective noun for a body ("the group"), or another "they"."""
    verb = tok.head
    if verb.tag_ not in _FINITE and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in (*_FINITE, "MD")
                                            for c in verb.children):
        return False
    return tok.tag_ in ("NNS", "NNPS") or tok.lower_ == "they" or any(c.dep_ == "conj" for c in tok.children) \
        or (tok.tag_ == "NN" and collective_mention(tok))


_FINITE = ("VBD", "VBZ", "VBP")


_EXTRACTORS = threading.local()


def _quote_extractor() -> QuoteExtractor:
    """The quotation extractor with the bundled cue lexicon and every rule on, one per thread: ``extract`` keeps its
    trace on the extractor, and the API server and ``serve --watch`` code articles in several threads."""
    extractor: QuoteExtractor | None = getattr(_EXTRACTORS, "extractor", None)
    if extractor is None:
        from ..quotes.extract import QuoteExtractor

        extractor = _EXTRACTORS.extractor = QuoteExtractor()
    return extractor
