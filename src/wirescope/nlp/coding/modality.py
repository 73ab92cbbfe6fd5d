"""Modality of a coded event: asserted, threatened (or promised), hypothetical, negated, reported.

Decided from the dependency parse around the trigger, strongest first:

* **negated**: a negation on the trigger or on the verb that governs it ("did not attack", "never signed"), a
  governing refusal ("refused to lift"), or a verb of prevention it hangs on ("barred X from entering");
* **hypothetical**: the aim of an act, an infinitive of purpose or of a noun ("deployed troops to protect
  civilians", "an agreement to combat smuggling"); an act under a word of ability ("is capable of striking");
  an act an accusation or a denial is about ("accused X of aiding rebels", "denied providing sanctuary"); a
  demanded or proposed act in a mandative clause ("demanded that Russia withdraw"); a modal of possibility
  ("may", "might", "could", "would", "should"), a conditional clause ("if", "unless") on the trigger's clause or
  the clause it belongs to, or a governing "likely/possible";
* **threatened**: a CAMEO threat code (root 13), a governing verb of threat or promise ("vowed to", "threatened
  to", "pledged to", "warned of"), of intention ("plans to", "is willing to"), or a future auxiliary ("will",
  "shall", "going to"), also when the act is made conditional ("will boycott the vote unless ...");
* **reported**: the trigger sits in a clause reported by a speech or cognition verb ("officials said the strike
  was ordered") or inside quotation marks;
* otherwise **asserted**.

A hypothetical inside a quotation stays hypothetical: it is never promoted to an actual event.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .context import DocContext

_POSSIBLE = words("modal_cues", "possible")
_FUTURE = words("modal_cues", "future")
_CONDITIONAL = words("modal_cues", "conditional")
_CAUSAL = words("modal_cues", "causal")
_INTENT = words("verb_classes", "intention")
_REFUSAL = words("verb_classes", "refusal")
# verbs that stop someone from doing something ("barred X from entering"): the act stopped did not happen
_PREVENTION = words("verb_classes", "prevention")
_THREAT_ONLY = words("verb_classes", "threat")
REPORT_VERBS = words("verb_classes", "report")
_HEDGES = words("hedges", "hedge")
# words of ability above an act ("is capable of striking", "has the capacity to attack"): a capacity, not an act
_CAPABILITY = words("hedges", "capability")
# words of accusation and denial: the act they are about is disputed ("accused Paris of aiding rebels")
_DISPUTE = words("hedges", "dispute")
# how an act hangs on such a word: its complement clause, its object or an of/with phrase
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "pcomp"})
# verbs and nouns that ask for an act ("demanded that Russia withdraw", "a proposal that Iran suspend tests")
_DEMANDS = words("verb_classes", "directive") | words("verb_classes", "claim-or-demand") | words("hedges", "demand")
_MANDATIVE = words("modal_cues", "mandative")
# nouns of trying: "efforts to improve ties" report the trying, an act under way, not a mere aim
_ATTEMPT = words("hedges", "attempt")
# heads of an infinitive that report a fact, not an aim ("the first country to recognise X")
_RANK = frozenset({"first", "last", "only", "next", "second", "third"})
# verbs that ask someone else to act ("urged X to", "warned X not to"); not those that make it happen ("forced X
# to", "allowed X to", "helped X to")
_DIRECTIVES = words("verb_classes", "directive")
# verbs of warning: what they are "against" is warned off, not done
_WARNING_VERBS = words("senses", "warning")
# modifiers that say an act is going on ("the continued detention"), and that it is not done yet ("further")
_ONGOING = words("modal_cues", "ongoing")
_UNREALISED = words("event_nouns", "unrealised-modifier")
_CLAUSE_UP = frozenset({"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "csubj"})
_QUOTES = "\"“”‘’'"


# what binds the subject to act: "must", "ought to"; "need to"; a present "has to" (modality.obligation-is-not-done)
_OBLIGATION_AUX = words("modal_cues", "obligation")
_OBLIGATION_VERBS = words("verb_classes", "obligation") | words("modal_cues", "obligation-verb")
_OBLIGATION_PRESENT = words("modal_cues", "obligation-present")
# verbs whose gerund object is an option put forward, not an act done (modality.proposed-act)
_PROPOSAL = words("modal_cues", "proposal")
# verbs whose gerund is under way ("stop arming", "continue talks"): an act asked to stop is not asked for
_ASPECTUAL = words("modal_cues", "aspectual")
_NEG = words("modal_cues", "negation")
_FOCUS = words("modal_cues", "focus")


def negated(tok: Token, *, bare_infinitive: bool = False) -> bool:
    """A negation on the verb ("did not attack"), or on an adverb of the verb ("did not even ever clash"); with
    ``bare_infinitive``, also on the verb that governs a bare infinitive, which forms one predicate with it ("will
    not wire tap", "did not help rebuild"; but not "won't try to clash")."""
    if bare_infinitive and tok.dep_ == "xcomp" and tok.head.i != tok.i and negated(tok.head) and not any(
            c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in _NEG and c.dep_ != "preconj"):  # "not only X but also Y": no negation
            return True
        if c.dep_ == "advmod" and c.lower_ not in _FOCUS and any(g.dep_ == "neg" or g.lower_ in _NEG
                                                                  for g in c.children):
            return True
    return False


def _directed(verb: Token) -> bool:
    """``verb`` asks someone it names to act: "urged X to", "called on X to"."""
    if verb.lemma_.lower() not in _DIRECTIVES:
        return False
    return any(c.dep_ in ("dobj", "obj", "dative") or (c.dep_ == "prep" and c.lower_ == "on") for c in verb.children)


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _inside_quotes(tok: Token, sent: Span) -> bool:
    """True when an odd number of quotation marks precede the token in its sentence."""
    count = 0
    for t in sent:
        if t.i >= tok.i:
            break
        if t.text in ("\"", "“", "”") or (t.text in ("‘", "’") and t.whitespace_ == "" and t.i + 1 < tok.i):
            count += 1
    return count % 2 == 1


@dataclass(frozen=True, slots=True)
class _Clause:
    """The trigger seen from modality's rules: the clauses that embed it and the clause it belongs to."""

    trigger: Token
    code: str
    sent: Span
    chain: tuple[Token, ...]  # the trigger and the clauses that embed it, innermost first
    own: tuple[Token, ...]  # the trigger's own clause (with its governor for conjuncts, infinitives, purposes)
    reported_future: bool  # "said they would blockade Paris": "would" under a past speech verb is a future


def _clause(trigger: Token, code: str, sent: Span) -> _Clause:
    # walk from the trigger up through the clauses that embed it
    chain: list[Token] = [trigger]
    tok = trigger
    while tok.dep_ in _CLAUSE_UP and tok.head.i != tok.i and len(chain) < 6:
        tok = tok.head
        chain.append(tok)
    # a coordinated verb, a controlled infinitive and a purpose infinitive share their governor's modality ("may
    # feel emboldened to launch an assault")
    purpose = trigger.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    own = chain[:2] if trigger.dep_ in ("conj", "xcomp") or purpose else chain[:1]
    reported_future = any(t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORT_VERBS for t in own)
    return _Clause(trigger, code, sent, tuple(chain), tuple(own), reported_future)


# Each rule of modality looks at the trigger's clauses and gives (rule id, modality) or None; the first that
# gives one decides (``MODALITY_RULES`` is their order, strongest first).
_Decision = tuple[str, str] | None


def _conjunct_head(tok: Token) -> Token:
    """The first of the verbs ``tok`` is coordinated with, when they share one subject: "urged Israel to halt the
    offensive and withdraw" (withdraw -> halt); a conjunct with a subject of its own stops the walk ("urged X to
    halt, and Israel withdrew")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                                  for c in tok.children):
        tok = tok.head
    return tok


def _asked_for(tok: Token) -> bool:
    """``tok`` is an infinitive a directive verb asks for: "urged X to respond" (object and infinitive), or "expects
    the government to uphold ..." parsed as a clause with its own subject."""
    if tok.dep_ == "xcomp":
        return _directed(tok.head)
    return tok.dep_ == "ccomp" and _infinitive(tok) and tok.head.lemma_.lower() in _DIRECTIVES


def _request(c: _Clause) -> _Decision:
    # "urged X to respond", "warned France not to interfere": asked for, not (yet) done; so is every act
    # coordinated with it ("urged Israel to halt the offensive and withdraw its troops") and every act the asked-for
    # one embeds ("urge the ministers to focus on ending the war", "urged Iran to try to free the hostages")
    t = _conjunct_head(c.trigger)
    for _ in range(4):
        if _asked_for(t):
            return "modality.request-is-not-done", "hypothetical"
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.i != t.head.i:
            t = _conjunct_head(t.head.head)  # "focus on ending": up to the verb of the preposition
        elif t.dep_ == "xcomp" and t.head.i != t.i and t.head.lemma_.lower() not in _ASPECTUAL:
            t = _conjunct_head(t.head)  # not through "stop": "urged China to stop arming Russia" says it arms
        else:
            return None
    return None


def _warned_against(c: _Clause) -> _Decision:
    # "warned opposition supporters against holding protests", "warned Israel against annexing parts of the West
    # Bank", "cautioned against an invasion": what a warning is against has not been done (it is warned off)
    t = _conjunct_head(c.trigger)
    prep = t.head
    if t.dep_ not in ("pcomp", "pobj") or prep.lower_ != "against" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return None
    warner = prep.head.head if prep.head.dep_ in ("dobj", "obj") else prep.head
    if warner.lemma_.lower() in _WARNING_VERBS and not _going_on(t):
        return "modality.warned-against-act-is-not-done", "hypothetical"
    return None


def _going_on(noun: Token) -> bool:
    """An act warned against that is going on, named with its doer or told as done: a possessor ("Russia's
    shelling", "the Iranian government's crackdown"), a "-led" doer ("the Saudi-led blockade"), a modifier of
    continuation ("the continued detention") or a relative clause in the past or perfect ("..., which has killed
    hundreds"). An indefinite or unrealised act ("a Russian invasion", "any further sanctions") or a gerund
    ("against attacking villages") has not been done."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    mods = [c for c in noun.children if c.dep_ in ("det", "amod")]
    if any(m.lower_ in ("a", "an", "any", "another") or m.lower_ in _UNREALISED for m in mods):
        return False
    if any(c.dep_ == "poss" for c in noun.children) or any(
            m.lower_ in _ONGOING or (m.lower_ == "led" and list(m.children)) for m in mods):
        return True
    # the act's own relative clause or its object's ("the blockade of Yemen's ports, which has left millions
    # hungry"), told as done by the act, not done to it ("the deployment, which has been rejected": a proposal)
    heads = [noun, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)]
    return any(t.dep_ == "relcl" and _done(t) and not any(c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP")
                                                          for c in t.children)
               for h in heads for t in h.children)


def _done(verb: Token) -> bool:
    """A verb in the past or the perfect ("killed", "has killed")."""
    return verb.tag_ == "VBD" or any(a.dep_ == "aux" and a.lemma_ == "have" for a in verb.children)


def _means(c: _Clause) -> _Decision:
    # "could end the war by withdrawing its troops", "would punish Hamas by bombing Gaza": the means of an act is
    # done only if the act is; it takes the act's modality ("retaliated by shelling" stays asserted)
    t = _conjunct_head(c.trigger)
    by = t.head
    if t.dep_ != "pcomp" or by.lower_ != "by" or by.dep_ != "prep" or by.head.i == by.i:
        return None
    act = by.head
    if act.pos_ not in ("VERB", "AUX"):
        return None
    mode = modality(act, "", c.sent)
    return ("modality.means-shares-its-act", mode) if mode not in ("asserted", "reported") else None


def _negative(tok: Token) -> bool:
    """``tok`` is a negative quantifier phrase: "none", "nobody", "no passengers", "neither side", "neither X nor
    Y" (a correlative "neither" needs its "nor", so that "not only X but also Y" stays positive)."""
    if tok.lower_ in _NEG and tok.pos_ in ("PRON", "NOUN"):
        return True  # "none of the hostages", "nobody"
    kids = [k for k in tok.children if k.lower_ in _NEG]
    return any(k.dep_ == "det" for k in kids) or (
        any(k.dep_ == "preconj" for k in kids) and any(k.dep_ == "cc" for k in kids))


def _negative_subject(c: _Clause) -> _Decision:
    # "no passengers were killed", "none of the hostages was harmed", "neither side fired", "neither ICE nor DHS
    # has responded": the act is said of nobody, so it did not happen
    t = _conjunct_head(c.trigger)
    if any(s.dep_ in ("nsubj", "nsubjpass") and _negative(s) for s in t.children):
        return "modality.negative-subject", "negated"
    return None


def _without(c: _Clause) -> _Decision:
    # "withdrew without firing a shot", "left the square without clashing with the police", "shelled the town
    # without warning": what is done without an act is done and the act is not
    t = _conjunct_head(c.trigger)
    if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "without" and t.head.i != t.i:
        return "modality.without-is-not-done", "negated"
    return None


_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _asks(tok: Token, top: Token) -> bool:
    """``tok``'s clause is a yes-no question: a question mark closes it (after any closing quotes) and no
    wh-word opens it or the clause ``top`` that embeds it. A wh-question presupposes its act ("why did Iran attack
    the tanker after the US seized its ship?" says that it did, and that the US did)."""
    doc, i = tok.doc, tok.right_edge.i
    while i > tok.i and doc[i].text in _QUOTES:  # a closing quote the clause ends with: '"Has Russia ...?"'
        i -= 1
    if doc[i].text != "?":
        i += 1  # or the question mark follows the clause, after closing quotes
        while i < len(doc) and doc[i].text in _QUOTES:
            i += 1
        if i >= len(doc) or doc[i].text != "?":
            return False
    return not any(w.tag_ in _WH_TAGS for w in doc[min(tok.left_edge.i, top.left_edge.i):tok.i])


def _question(c: _Clause) -> _Decision:
    # "Did Iran attack the tanker?", "Will China invade Taiwan this decade?": asked about, not reported as done
    return ("modality.yes-no-question", "hypothetical") if any(_asks(t, c.chain[-1]) for t in c.own) else None


def _negation(c: _Clause) -> _Decision:
    return ("modality.negation", "negated") if negated(c.trigger) else None


def _negated_governor(c: _Clause) -> _Decision:
    t = c.trigger
    if t.dep_ == "xcomp" and any(g.dep_ == "neg" for g in t.head.children):
        return "modality.negated-governor", "negated"  # "did not try to attack"
    return None


def _refusal(c: _Clause) -> _Decision:
    # "refused to lift the curfew": the curfew stays (the refusal is coded on its own)
    t = c.trigger
    return ("modality.refusal", "negated") if t.dep_ == "xcomp" and t.head.lemma_.lower() in _REFUSAL else None


def _prevented(c: _Clause) -> _Decision:
    # "barred girls from attending school", "prevented the escape of ...": what is stopped did not happen (the
    # bar or the prevention is coded on its own)
    t = c.trigger
    stopped = t.dep_ == "pcomp" and t.head.lower_ == "from" and t.head.head.lemma_.lower() in _PREVENTION
    return ("modality.prevented-act", "negated") if stopped else None


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _aim(tok: Token) -> bool:
    """``tok`` is an infinitive of purpose ("deployed troops to protect civilians", "in order to") or the infinitive
    of a noun ("an agreement to combat smuggling", "calls to end the violence"), not of a rank ("the first to
    arrive") nor of a noun of trying ("efforts to improve ties": the trying is under way)."""
    if not _infinitive(tok):
        return False
    if tok.dep_ == "advcl":
        return True
    head = tok.head
    return tok.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() not in _RANK | _ATTEMPT and not any(
        c.lower_ in _RANK for c in head.children)


def _purpose(c: _Clause) -> _Decision:
    # the aim of an act is not an act: "troops were deployed to push back the rebels and protect civilians" says
    # nothing of whether they did; what was done is the deployment
    t = c.trigger
    while t.dep_ == "conj" and t.head.i != t.i and not _infinitive(t):
        t = t.head
    gov = t.head
    if _aux(gov) & _FUTURE or (gov.dep_ == "xcomp" and gov.head.lemma_.lower() in _INTENT | _THREAT_ONLY):
        return None  # the aim of a promised act is promised too: "is willing to send soldiers to help Gondor"
    return ("modality.purpose-is-an-aim", "hypothetical") if _aim(t) else None


def _governed_by(trigger: Token, lemmas: frozenset[str], levels: int = 4) -> bool:
    """One of ``trigger``'s nearest ``levels`` governors has a lemma in ``lemmas``."""
    anc = trigger
    for _ in range(levels):
        if anc.head.i == anc.i:
            return False
        anc = anc.head
        if anc.lemma_.lower() in lemmas:
            return True
    return False


def _capability(c: _Clause) -> _Decision:
    # "is capable of attacking", "has the capability to strike", "the capacity to launch"
    return ("modality.capability-is-no-act", "hypothetical") if _governed_by(c.trigger, _CAPABILITY) else None


def _disputed(c: _Clause) -> _Decision:
    # "Paris was accused of aiding rebels", "charged him with terrorizing residents", "deny providing sanctuary",
    # "alleged that the government had prevented ...": the accusation or the denial is the act; what it is about
    # is disputed, not reported as done
    if c.trigger.lemma_.lower() in _DISPUTE:
        return None  # an accusation or denial is itself the act (also when misparsed under "charges" as a root)
    child, anc = c.trigger, c.trigger.head
    for _ in range(4):
        if anc.i == child.i:
            break
        about = child.dep_ in _CONTENT_DEPS or (child.dep_ == "prep" and child.lower_ in ("of", "with"))
        if anc.lemma_.lower() in _DISPUTE and about:
            return "modality.disputed-act", "hypothetical"
        child, anc = anc, anc.head
    return None


def _mandative(tok: Token) -> bool:
    """``tok`` heads a mandative clause: a mandative modal ("should withdraw"), or a subjunctive, the bare form
    ("that Russia withdraw", "that they be reversed"; a present form only with a singular noun subject, "that Iran
    suspend", since "that they are" is indicative)."""
    aux = [a for a in tok.children if a.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" for a in aux):
        return False  # "must have given the orders" infers a past act, it does not ask for one
    if any(a.lower_ in _MANDATIVE for a in aux):
        return True
    if aux:
        return all(a.tag_ == "VB" for a in aux)
    singular = any(s.dep_ in ("nsubj", "nsubjpass") and s.tag_ in ("NN", "NNP") for s in tok.children)
    return tok.tag_ == "VB" or (tok.tag_ == "VBP" and singular)


def _demanded(c: _Clause) -> _Decision:
    # "the G7 demanded that Russia withdraw its troops", "France proposed that Iran suspend its tests": the demand
    # or the proposal is the act (02x, 10x); what it asks for has not happened
    t = c.trigger
    head = t.head
    clause = t.dep_ == "ccomp" or (t.dep_ in ("acl", "relcl") and head.pos_ == "NOUN")
    if clause and head.lemma_.lower() in _DEMANDS and _mandative(t):
        return "modality.demanded-act", "hypothetical"
    return None


def _obliged(tok: Token) -> bool:
    """``tok`` is an act its subject is bound to do: under "must" or "ought to" (not "must have", an inference), or
    the infinitive of "need to" or of a present or future "has to", "will have to" ("had to withdraw" says that
    they did)."""
    aux = [a for a in tok.children if a.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _OBLIGATION_AUX for a in aux) and not any(a.lemma_ == "have" for a in aux):
        return True
    head = tok.head
    if tok.dep_ != "xcomp" or head.i == tok.i or not _infinitive(tok):
        return False
    lemma = head.lemma_.lower()
    return lemma in _OBLIGATION_VERBS or (lemma in _OBLIGATION_PRESENT and head.tag_ not in ("VBD", "VBN"))


def _obligation(c: _Clause) -> _Decision:
    # "Iran must release the tanker", "they need to either destroy or return the missiles", "Israel has to stop
    # the bombing": what someone is bound to do is not done (a speaker saying so demands it, 10x: the engine's
    # code.speaker-demands-what-must-be-done)
    t = _conjunct_head(c.trigger)
    return ("modality.obligation-is-not-done", "hypothetical") if _obliged(t) else None


def _proposed(c: _Clause) -> _Decision:
    # "proposed holding talks with North Korea", "is considering imposing sanctions", "called for expelling the
    # diplomats", "suggested resuming the negotiations": the gerund a verb of proposal or deliberation takes as its
    # object is an option put forward, not an act done (the proposal itself is coded, 03x/10x)
    t = _conjunct_head(c.trigger)
    if t.tag_ != "VBG" or t.dep_ not in ("xcomp", "dobj", "pcomp", "ccomp") or t.head.i == t.i:
        return None
    head = t.head
    if t.dep_ == "pcomp" and head.lower_ == "for" and head.head.i != head.i:
        head = head.head  # "called for expelling", "pressed for holding"
    return ("modality.proposed-act", "hypothetical") if head.lemma_.lower() in _PROPOSAL else None


def _possibility_adverb(c: _Clause) -> _Decision:
    # "maybe some got caught", "the police likely prevented the escape", "perhaps they attacked first": an adverb
    # of possibility on the act's own clause says it may have happened, not that it did
    if any(a.dep_ == "advmod" and a.lower_ in _POSSIBLE for t in c.own for a in t.children):
        return "modality.possibility-adverb", "hypothetical"
    return None


def _own_clause(c: _Clause) -> _Decision:
    for t in c.own:
        modals = _aux(t) & _POSSIBLE
        if c.reported_future:
            modals -= {"would"}
        if modals or any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL for m in t.children):
            return "modality.possibility-or-condition", "hypothetical"
        if c.reported_future and "would" in _aux(t):
            return "modality.reported-future", "threatened"
    return None


def _above(c: _Clause) -> _Decision:
    for t in c.chain[1:]:
        if t.lemma_.lower() in _HEDGES or any(a.dep_ == "acomp" and a.lemma_.lower() in _HEDGES for a in t.children):
            return "modality.hedged-clause", "hypothetical"  # "it is likely that ...", "it is unclear whether ..."
        if any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL for m in t.children) and t.dep_ != "ROOT":
            return "modality.conditional-clause-above", "hypothetical"
    return None


def _hedge_word(c: _Clause) -> _Decision:
    # "the growing possibility of attacks", "likely to strike"
    return ("modality.hedge-word", "hypothetical") if _governed_by(c.trigger, _HEDGES) else None


def _conditional(c: _Clause) -> _Decision:
    t = c.trigger
    if not any(a.dep_ == "advcl" and any(m.lower_ in _CONDITIONAL for m in a.children) for a in t.children):
        return None
    # an act made conditional: "X will strike if Y", "said it would boycott the vote unless ..." commits to it
    # on a condition (a threat or a promise); "X strikes if Y" only states a rule
    committed = _aux(t) & _FUTURE or (c.reported_future and "would" in _aux(t))
    return "modality.conditional-act", "threatened" if committed else "hypothetical"


# links by which a finite clause hangs on another as an adverbial or a relative clause ("after Israel killed ...",
# "because Iran attacked ...", "which Russia seized in 2014"): it has its own tense and mood
_ADJUNCT_CLAUSE = frozenset({"advcl", "relcl", "acl"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _finite_adjunct(tok: Token) -> bool:
    """``tok`` heads a finite adverbial or relative clause (a past or present verb, or one with its own subject),
    not an infinitive of purpose or a participle."""
    if tok.dep_ not in _ADJUNCT_CLAUSE or _infinitive(tok):
        return False
    return tok.tag_ in _FINITE or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


_PAST_AUX = frozenset({"has", "have", "had", "was", "were"})


def _past_or_causal(tok: Token) -> bool:
    """``tok`` heads a past clause ("killed", "has/had attacked", "was bombed") or a causal one ("because Iran
    attacks"). A present verb after "when", "after", "once", "until" or "if" speaks of the future ("will retaliate
    when Israel attacks again") and shares its governor's modality."""
    if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and _aux(tok) & _PAST_AUX):
        return True
    return any(m.dep_ == "mark" and m.lower_ in _CAUSAL for m in tok.children)


def _commits(tok: Token) -> bool:
    """``tok`` would make what it governs threatened or promised: a future auxiliary, a verb of threat or promise,
    or a verb of intention ("will", "vowed", "plans")."""
    return bool(_aux(tok) & _FUTURE) or tok.lemma_.lower() in _THREAT_ONLY | _INTENT


def _own_tense(c: _Clause) -> _Decision:
    # "Iran vowed revenge after Israel killed its general", "Trump threatened the EU with tariffs after the EU
    # levied a tariff on whiskey", "will retaliate because Iran attacked": a finite adverbial or relative clause
    # says on its own when its act happened; the future, threat or intention of the clause it hangs on is not
    # its own (it may still be reported or quoted). Only a past or causal clause: "when Israel attacks again" is future
    for k, child in enumerate(c.chain[:2]):
        if _aux(child) & _FUTURE or (child.dep_ in _ADJUNCT_CLAUSE and not _finite_adjunct(child)):
            return None  # its own future ("after it will ..."), or a purpose or participle that shares its governor's
        if _finite_adjunct(child):
            if not _past_or_causal(child) or not any(_commits(g) for g in c.chain[k + 1:3]):
                return None
            below = _reported(c) or _quoted(c)
            return "modality.adverbial-clause-keeps-its-tense", below[1] if below else "asserted"
    return None


def _threat_code(c: _Clause) -> _Decision:
    return ("modality.threat-code", "threatened") if c.code[:2] == "13" else None


def _future(c: _Clause) -> _Decision:
    t = c.trigger
    future = any(_aux(x) & _FUTURE for x in c.chain[:3] if x.i == t.i or x.dep_ != "ROOT" or t.dep_ == "xcomp")
    going = t.dep_ == "xcomp" and t.head.lemma_ == "go" and _aux(t.head) & {"be", "is", "are", "am"}
    return ("modality.future", "threatened") if future or going else None


def _threat_verb(c: _Clause) -> _Decision:
    if any(t.lemma_.lower() in _THREAT_ONLY for t in c.chain[1:3]):
        return "modality.threat-or-promise-verb", "threatened"
    return None


def _intent(c: _Clause) -> _Decision:
    # "plans to impose", "is prepared to", "agreed to send", "is willing to send material to help defend X":
    # an announced intention, and what it is meant to do
    if any(child.dep_ == "xcomp" and t.lemma_.lower() in _INTENT for child, t in itertools.pairwise(c.chain)):
        return "modality.intention", "threatened"
    return None


def _reported(c: _Clause) -> _Decision:
    for child, t in itertools.pairwise(c.chain):
        # reported when embedded under a speech verb, not when merely coordinated with one ("revealed X, and Y
        # branded ...")
        if t.lemma_.lower() in REPORT_VERBS and t.pos_ in ("VERB", "AUX") and child.dep_ != "conj":
            return "modality.reported-speech", "reported"
    return None


def _quoted(c: _Clause) -> _Decision:
    return ("modality.inside-quotes", "reported") if _inside_quotes(c.trigger, c.sent) else None


MODALITY_RULES: tuple[Callable[[_Clause], _Decision], ...] = (
    _request, _warned_against, _negative_subject, _negation, _without, _means, _question, _negated_governor,
    _refusal, _prevented, _purpose, _capability, _disputed, _demanded, _obligation, _proposed, _possibility_adverb,
    _own_clause, _above, _hedge_word, _conditional, _threat_code, _own_tense, _future, _threat_verb, _intent,
    _reported, _quoted,
)


def modality(trigger: Token, code: str, sent: Span, ctx: DocContext | None = None) -> str:
    """The modality of an event of ``code`` triggered by ``trigger``: the first rule that decides, else
    asserted. A rule that ``ctx`` switches off is passed over."""
    clause = _clause(trigger, code, sent)
    for rule in MODALITY_RULES:
        decision = rule(clause)
        if decision is not None and (ctx is None or ctx.fire(decision[0])):
            return decision[1]
    return "asserted"


# ------------------------------------------------------------------------------------------ negated codes

_ONTOLOGY_LINE = re.compile(r"^\s*(\d{3,4})\s*:\s*([^#\s]*)((?:#[^#]*)*)")
_NEGATION = 0xFFFF
_NO_CODE_MASK = 0x300  # PICO: "makes these not code as a thing of their own"


def _hex_terms(expr: str) -> list[int] | None:
    """``-0xFFFF+0x2040+0x300`` -> [-65535, 8256, 768]; None when ``expr`` is not a sum of hex numbers."""
    expr = expr.strip().replace(" ", "")
    if not re.fullmatch(r"[+-]?0x[0-9a-fA-F]+(?:[+-]0x[0-9a-fA-F]+)*", expr):
        return None
    return [int(t, 16) for t in re.findall(r"[+-]?0x[0-9a-fA-F]+", expr)]


def _pico_value(expr: str) -> tuple[int | None, bool]:
    """(PICO value, whether the expression negates it) of one ontology expression; (None, False) when it is
    neither a plain value nor a negation."""
    terms = _hex_terms(expr)
    if terms is None:
        return None, False
    if any(abs(t) == _NEGATION for t in terms):
        base = sum(t for t in terms if abs(t) not in (_NEGATION, _NO_CODE_MASK))
        return (base, True) if base > 0 else (None, False)
    if len(terms) == 1 and 0 < terms[0] < _NEGATION:
        return terms[0], False
    if len(terms) == 1 and terms[0] > _NEGATION:  # "0x1007f" = 0xFFFF + 0x0080 written out
        return terms[0] - _NEGATION, True
    return None, False


def negation_codes(path: Path) -> dict[str, str]:
    """CAMEO code -> the code of its negation, from a PETRARCH Internal Coding Ontology (PICO) file as UD-PETRARCH
    ships it. PICO writes a negated act as its code +/- 0xFFFF: "110:0x1007f#0xFFFF+0x0080" says that disapproving
    (110) is *not* engaging in diplomatic cooperation (050, 0x0080); "011:0x1000-0xFFFF" that declining comment is
    not making a statement (010). The map goes both ways (a negated 050 is 110, a negated 110 is 050)."""
    primary: dict[int, str] = {}  # PICO value -> CAMEO code (first listed wins)
    negated_of: dict[str, int] = {}  # CAMEO code -> the PICO value it negates
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = None if line.lstrip().startswith("#") else _ONTOLOGY_LINE.match(line)
        if m is None:
            continue
        code = m.group(1)
        for expr in [m.group(2), *m.group(3).split("#")]:
            value, is_negation = _pico_value(expr)
            if value is not None and is_negation:
                negated_of.setdefault(code, value)
            elif value is not None:
                primary.setdefault(value, code)
    out: dict[str, str] = {}
    for code, base in negated_of.items():
        positive = primary.get(base)
        if positive is None or positive == code:
            continue
        out[code] = positive
        out.setdefault(positive, code)
    return out


def find_ontology(folder: Path) -> Path | None:
    """The PICO ontology file of a dictionary folder (``*Ontology*.txt``), if any."""
    if not folder.is_dir():
        return None
    return next((p for p in sorted(folder.iterdir()) if p.is_file() and "ontology" in p.name.lower()
                 and p.suffix.lower() == ".txt"), None)
