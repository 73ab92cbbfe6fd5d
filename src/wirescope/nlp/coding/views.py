"""Verbs of asking and of holding a view, in the senses that are no act between actors (issue 17, cause 1: "a verb
in an unrelated sense invents an event"); called by ``senses.sense_code`` once the trigger's code is known.

* A question is no appeal (``code.question-is-no-appeal``): the dictionary codes "ask" and "question" as an appeal
  (02), which they are when someone is asked to act or for something ("urged ministers to act", "asked Parliament
  to renew the law", "asked for help"). Asking a question is not: "he asked whether the plan would work", '"Why
  now?" he asked', "Asked about the row, she said ..." (the one asked is the subject; the asker, a reporter, is
  not named). Political news is full of these, in interviews and in Commons exchanges.
* A view held is no act (``code.held-view-is-no-act``): "think", "believe", "suspect", "expect", "hope", "argue"
  with a clause as complement state what the subject believes or contends: "I think the BBC would be better
  advised ...", "they suspect the move is part of a package", "he argued the minister should have volunteered a
  statement". The dictionary's consult (04), disapprove (11), intent (03) or appeal (02) codes then take the
  clause's subject as a target. With an object or a preposition the verb keeps its code ("argued with ministers",
  "expects Iran to comply", "hoped for talks").
* Coming to know is no act (``code.coming-to-know-is-no-act``): "hear", "learn", "find", "discover", "realise",
  "know" with a clause as complement tell what news reached the subject or what it found: "when he heard that
  Turkey was offering military training", "when ministers learned that two jihadists had been captured", "an
  Election Court has heard". The dictionary codes hear, learn and find out as consultation (040), which they are
  only with whom one hears from ("heard from the envoy" keeps it).
* Meaning is no intent (``code.meaning-is-no-intent``): the dictionary codes "mean" as intend (03), its sense in
  "meant to visit Moscow"; with a clause or a noun as complement it signifies or entails: "Russian support for the
  regime means Assad will remain in power", "the use of the Parliament Act meant a total ban", "the capture of
  territory does not mean an end to the threat", "giving up Assad would mean abandoning the project" (a gerund).
  Without a to-infinitive it is no act.

Word lists are data (lexicons/senses.tsv: question-verb, interrogative, view-verb).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext

QUESTION_VERBS = words("senses", "question-verb")
INTERROGATIVES = words("senses", "interrogative")
VIEW_VERBS = words("senses", "view-verb")
SUSPICION_VERBS = words("senses", "suspicion-verb")
VIEW_PREPOSITIONS = words("senses", "view-preposition")
KNOWING_VERBS = words("senses", "knowing-verb")
SIGNIFYING_VERBS = words("senses", "signifying-verb")
QUESTION, VIEW = "code.question-is-no-appeal", "code.held-view-is-no-act"
KNOWING, MEANING = "code.coming-to-know-is-no-act", "code.meaning-is-no-intent"
_CLAUSE_DEPS = ("ccomp",)
# the dependencies of a verb's direct object and of its recipient, shared with senses.py and positions.py
OBJECTS = ("dobj", "obj")
RECIPIENTS = ("dative", "iobj")
_OBJECT_DEPS = (*OBJECTS, *RECIPIENTS)
_BARE_DEPS = frozenset({"nsubj", "punct", "aux", "advmod", "neg", "npadvmod", "cc"})


def view_code(verb: Token, code: str, ctx: DocContext, abroad: bool = False) -> str:
    """``code``, or "" (no event) for a question asked or a view held. ``abroad``: a target of another country than
    the source's was found."""
    lemma = verb.lemma_.lower()
    if code[:2] == "02" and lemma in QUESTION_VERBS and _question(verb) and ctx.fire(QUESTION):
        return ""
    # a claim already coded as a statement (010, code.claim-with-indicative-complement) keeps that code; a state
    # suspecting another of an act accuses it, mildly ("Washington suspects Pyongyang sold missiles to Iran",
    # review 8 #10)
    if code[:2] != "01" and lemma in VIEW_VERBS and not (abroad and lemma in SUSPICION_VERBS) and _view(verb) \
            and ctx.fire(VIEW):
        return ""
    if code[:2] != "01" and lemma in KNOWING_VERBS and _view(verb) and ctx.fire(KNOWING):
        return ""  # "when he heard that Turkey was offering training": news reached him, he consulted no one
    if lemma in SIGNIFYING_VERBS and not any(c.dep_ == "xcomp" and _infinitive(c) for c in verb.children) \
            and ctx.fire(MEANING):
        # "Russian support means Assad will remain", "giving up Assad would mean abandoning the project": a
        # consequence; "meant to visit" is an intent
        return ""
    return code


def _question(verb: Token) -> bool:
    """Asking a question: an indirect question or a quoted one as complement, "asked about", a bare "he asked",
    or the participle "Asked ..." whose subject is the one asked. Not "asked X to V" or "asked for X"."""
    children = list(verb.children)
    if any(c.dep_ in ("xcomp", "oprd") for c in children) \
            or any(c.dep_ == "prep" and c.lower_ == "for" for c in children):
        return False  # "asked ministers to act", "asked for more time": an appeal
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "ROOT") and not any(c.dep_.startswith("nsubj")
                                                                        for c in children):
        return True  # "Asked if he would stand, Mr Hague replied": the subject was asked
    # the parser often hangs "whether"/"if" after a comma or an adverb as an adverbial ("will wonder, reasonably
    # enough, whether Assad is preparing a stab in the back"): the question all the same, unless concessive
    # ("whether they like it or not")
    clauses = [c for c in children if c.dep_ in _CLAUSE_DEPS or (c.dep_ == "advcl" and _asked_clause(c))]
    if any(_interrogative(c) for c in clauses) or any(c.dep_ == "prep" and c.lower_ == "about" for c in children):
        return True
    # '"Why now?" he asked', "the Labour MP asked.": a quoted question, nothing asked of anyone (a bare verb:
    # "we're asking for them to negotiate" asks for something)
    return all(c.dep_ in _BARE_DEPS for c in children) and _quoted_question(verb)


def _asked_clause(clause: Token) -> bool:
    """An adverbial clause marked "whether" or "if" that is no concessive "whether ... or not"."""
    marked = any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in clause.children)
    return marked and not any(t.dep_ == "cc" and t.lower_ == "or" for t in clause.subtree)


def _interrogative(clause: Token) -> bool:
    """An indirect question ("whether the plan works", "why there was a rush") or a quoted one ending in "?"."""
    first = min((t for t in clause.subtree), key=lambda t: t.i)
    opener = next((c for c in clause.children if c.i < clause.i and (c.dep_ == "mark" or c.tag_ in
                                                                    ("WRB", "WP", "WDT", "WP$"))), None)
    if opener is not None and opener.lower_ in INTERROGATIVES:
        return True
    if first.lower_ in INTERROGATIVES and first.tag_ in ("WRB", "WP", "WDT", "WP$", "IN"):
        return True
    # a quoted question: its "?" may hang on the reporting verb, just after the clause's last word
    last = max(t.i for t in clause.subtree)
    return any(t.text == "?" for t in clause.subtree) or any(
        t.text == "?" for t in clause.doc[last + 1 : min(last + 3, clause.sent.end)])


def _quoted_question(verb: Token) -> bool:
    """The reporting verb of a quotation in its sentence: "he asked." after (or before) quoted words."""
    sent = verb.sent
    if any(t.text == "?" or t.is_quote for t in sent if t.i != verb.i):
        return True
    # the parser may end the sentence after the quoted question: '"Why?" | the minister asked.'
    before = verb.doc[max(sent.start - 2, 0) : sent.start]
    return any(t.text == "?" for t in before)


def _infinitive(clause: Token) -> bool:
    """A to-infinitive ("meant to visit Moscow"), not a gerund ("would mean abandoning the project")."""
    return clause.tag_ != "VBG" or any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def _view(verb: Token) -> bool:
    """A verb of holding a view whose complement is a clause ("thinks (that) ..."), with no object."""
    children = list(verb.children)
    if any(c.dep_ in (*_OBJECT_DEPS, "xcomp") for c in children):
        return False  # "expects Iran to comply", "accepted the offer"
    if any(c.dep_ == "prep" and c.lower_ in VIEW_PREPOSITIONS for c in children):
        return False  # "argued with ministers", "argued against the move", "hoped for talks"
    # a finite clause: "expects Iran to return" (parsed as a clause with "to") names an act expected of Iran
    return any(c.dep_ in _CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")
               and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in children)
