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


def force_clause_subject(verb: Token) -> Token | None:
    """The subject of the active clause of force that says who did ``verb``'s agentless violence, or None: ``verb``
    is a passive of violence ("killed", "wounded"), the clause hangs on it as an adverbial clause of time and its
    subject is a noun phrase ("US forces", "Kurdish militants")."""
    if verb.lemma_.lower() not in _VIOLENT_PASSIVES:
        return None
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(m.dep_ in ("mark", "advmod") and m.lower_ in _TIME_MARKS
                                             for m in clause.children):
            continue
        if not _of_force(clause):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return subj
    return None


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
