"""The doer of agentless violence named by the clause of time that tells the act of force it came from.

"Scores of Russian mercenaries were reportedly killed when US forces carried out air strikes", "Three Turkish
soldiers were wounded as Kurdish militants attacked their convoy": a passive of violence with no "by" agent and no
instrument phrase ("killed in a US strike") leaves its doer to a clause of time ("when", "as", "after") whose own
subject does an act of force in active voice: the killing is what that act did, as a reader takes it. The clause
must be one of force by its verb (lexicons/senses.tsv force-clause-verb, violent-verb) or by its object ("carried
out air strikes", "launched an attack": an instrument of force), and its subject a phrase, not a pronoun (which
may stand for the patient: "was wounded when he attacked ..."). Word lists are data (senses.tsv violent-passive,
force-clause-verb; event_nouns.tsv instrument)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

FORCE_CLAUSE = "source.agentless-violence-takes-the-doer-of-its-force-clause"
INSTRUMENT_AGENT = "source.agent-of-the-instrument-noun"
_VIOLENT_PASSIVES = words("senses", "violent-passive")
_FORCE_VERBS = words("senses", "force-clause-verb") | words("senses", "violent-verb")
_INSTRUMENTS = words("event_nouns", "instrument")
_TIME_MARKS = frozenset({"when", "as", "after"})
# participles whose agent did, or owns up to, the act the noun they modify names ("an attack claimed by the
# Taliban", "an air strike carried out by the coalition")
_DOING_PARTICIPLES = words("senses", "doing-participle")
PLANTED_DEVICE = "source.the-one-who-planted-the-device-did-its-violence"
# a device of explosion placed ahead of its blast ("an IED", "a ground mine") and the participles of placing it
# ("emplaced by", "laid by", "planted by")
_DEVICES = words("senses", "planted-device")
_PLANTING = words("senses", "planting-participle")


def force_clause_subject(verb: Token) -> Token | None:
    """The subject of the active clause of force that says who did ``verb``'s agentless violence, or None: ``verb``
    is a passive of violence ("killed", "wounded"), the clause hangs on it as an adverbial clause of time and its
    subject is a noun phrase ("US forces", "Kurdish militants")."""
    for clause in _time_clauses(verb):
        if not _of_force(clause):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return subj
    return None


def planted_device_agent(verb: Token) -> Token | None:
    """The one who placed the device whose blast a clause of time on ``verb``, a passive of violence, tells, or
    None: "were killed when an IED emplaced by Islamic State militants detonated", "were killed after the vehicle
    hit a ground mine laid by the rebels". The device is the clause's subject or object (or the clause's head, where
    the parser made the noun the clause: "when three improvised explosive devices, emplaced by ..., detonated"), and
    the "by" agent of a placing participle in its phrase names who placed it; the blast is what that placing did, as
    "killed by a bomb planted by the Taliban" says with the device as agent."""
    for clause in _time_clauses(verb):
        for noun in (clause, *(c for c in clause.children if c.dep_ in ("nsubj", "dobj", "obj"))):
            agent = _placer(noun) if noun.lemma_.lower() in _DEVICES else None
            if agent is not None:
                return agent
    return None


def _placer(device: Token) -> Token | None:
    """The object of the "by" agent of a placing participle in the device's phrase ("a ground mine laid by the
    rebels"; also one hung on an apposition of the device: "a vehicle-borne improvised explosive device - described
    as a refrigerator truck - emplaced by Islamic State militants")."""
    for tok in device.subtree:
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in _PLANTING:
            agent = next((a for a in tok.children if a.dep_ == "agent"), None)
            if agent is not None:
                return next((o for o in agent.children if o.dep_ == "pobj"), None)
    return None


def _time_clauses(verb: Token) -> list[Token]:
    """The clauses of time ("when", "as", "after") of ``verb``, a passive of violence, and of the passives of
    violence coordinated with it, whose clause tells the time of both ("86 people were killed and 230 others were
    wounded when ..."); none for another verb."""
    if verb.lemma_.lower() not in _VIOLENT_PASSIVES:
        return []
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.lemma_.lower() in _VIOLENT_PASSIVES)]
    return [clause for v in verbs for clause in v.children
            if clause.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in _TIME_MARKS
                                              for m in clause.children)]


def _of_force(clause: Token) -> bool:
    """A clause of force by its verb ("attacked", "stormed") or its object ("carried out air strikes")."""
    if clause.lemma_.lower() in _FORCE_VERBS:
        return True
    return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _INSTRUMENTS for c in clause.children)


def instrument_agent(noun: Token) -> Token | None:
    """The agent of an instrument of force named in its own phrase: the object of its "by" phrase ("a raid by US
    special forces") or of the "by" agent of a participle of doing or claiming that modifies it ("an attack claimed
    by the Taliban", "an air strike carried out by the Saudi-led coalition"; lexicons/senses.tsv
    doing-participle). A nominal's "by" phrase names who does the act, as a passive's does; claiming an attack is, in
    news, owning it. None when the phrase names none."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _DOING_PARTICIPLES:
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            if agent is not None:
                return next((o for o in agent.children if o.dep_ == "pobj"), None)
    return None
