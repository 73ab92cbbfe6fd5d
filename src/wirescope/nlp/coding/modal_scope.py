"""Rules of modality on how far a cue reaches (``modality.MODALITY_RULES``), for words about acts in political news
(issue 17 item 3): a finite past clause keeps its own tense under a condition, a hedge, a modal, a threat or a
pledge above it ("analysts questioned whether ..., while Moscow officials have dismissed ...", "has been threatening
the Kurds, and in 2018 invaded Afrin"); a clause of time in the present under a future act is future too ("will
examine the issue when it debates the bill"); what an adjective governs shares its copula's modal ("would still be
able to reject proposals"); the act a party's aim or plan "is to" do is intended, not done ("the aim of UKIP is to
withdraw from the EU")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words
from .modal_clauses import (
    FUTURE_AUX,
    INTENTION_VERBS,
    REPORT_VERBS,
    Decision,
    ModalClauses,
    auxiliaries,
    conjunct_head,
    is_to_infinitive,
)
from .modal_cues import (
    adverbial_clause_keeps_its_tense,
    hedge_or_condition_above,
    hedge_word,
    inside_quotes,
    possibility_adverb,
    reported_speech,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_POSSIBLE = words("modal_cues", "possible")
_CONDITIONAL = words("modal_cues", "conditional")
_TIME_MARKERS = words("modal_cues", "time-marker")
_SCHEDULED_MARKERS = words("modal_cues", "scheduled-time-marker")
_DATE_WORDS = words("modal_cues", "date-word")
_INTENTION_NOUNS = words("modal_cues", "intention-noun")
_AIM_NOUNS = words("modal_cues", "aim-noun")
_ABILITY = words("modal_cues", "ability")
_ASPECTUAL = words("modal_cues", "aspectual")
_HEDGES = words("hedges", "hedge")
_PERFECT_AUX = frozenset({"has", "have", "had"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# a relative clause proper has its pronoun ("the men who attacked", "the deal which he broke")
_RELATIVE_PRONOUNS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _past(tok: Token) -> bool:
    """A past ("dismissed", "was bombed") or present perfect ("have dismissed") verb: told as having happened."""
    aux = auxiliaries(tok)
    if aux & (_POSSIBLE | FUTURE_AUX):
        return False  # "would have dismissed", "will have left": a modal of its own
    return tok.tag_ == "VBD" or (tok.tag_ == "VBN" and bool(aux & (_PERFECT_AUX | {"was", "were"})))


def _inverted_condition(tok: Token) -> bool:
    """"had he denied the charge", "were Iran to attack": an auxiliary before the subject, with no marker, makes a
    condition of the clause."""
    subject = next((s for s in tok.children if s.dep_ in _SUBJECTS), None)
    return subject is not None and any(a.dep_ in ("aux", "auxpass") and a.i < subject.i for a in tok.children)


def _own_past_clause(tok: Token) -> bool:
    """``tok`` heads a finite past adverbial or relative clause with its own subject (or a relative pronoun), not a
    condition of its own ("if Iran attacked"), nor an inverted one."""
    if tok.dep_ not in ("advcl", "relcl") or is_to_infinitive(tok) or not _past(tok):
        return False
    if tok.dep_ == "relcl" and not any(w.tag_ in _RELATIVE_PRONOUNS and w.dep_ != "mark" for w in tok.children):
        return False  # "claims the prime minister had reneged": a claim's content parsed as a relative clause
    if tok.dep_ == "advcl" and not any(s.dep_ in _SUBJECTS for s in tok.children):
        return False
    conditional = any(m.dep_ in ("mark", "advmod") and m.lower_ in _CONDITIONAL for m in tok.children)
    return not conditional and not _inverted_condition(tok)


def _past_conjunct(tok: Token) -> bool:
    """``tok`` is a past-tense verb coordinated with one that is not ("has been threatening the Kurds, and in 2018
    invaded Afrin"): a past tense cannot be the infinitive or participle its conjunct is, so it is a finite clause
    of its own, not under the modal, threat or plan that governs its conjunct."""
    head = tok.head
    if tok.dep_ != "conj" or head.i == tok.i or tok.tag_ != "VBD" or head.tag_ == "VBD":
        return False
    if _shares_the_form(tok, head):
        return False  # "must take back its fighters and put them on trial", "would be put on trial and imprisoned"
    # coordinated by "and", "but", "or" between them: a conjunct with no coordinator is the parser joining two
    # sentences ("... will take a heavy toll-following Trump ordered airstrikes", a headline teaser)
    linked = any(c.dep_ == "cc" and head.i < c.i < tok.i for c in (*head.children, *tok.children))
    return linked and head.pos_ in ("VERB", "AUX") and not auxiliaries(tok) & (_POSSIBLE | FUTURE_AUX)


def _shares_the_form(tok: Token, head: Token) -> bool:
    """The tagger's past tense ``tok`` may as well be the form its conjunct ``head`` has, under the same auxiliary:
    a word whose past is its base form after a bare infinitive ("it must take back its fighters and put them on
    trial": put, cut, set, let ...), or a participle with no subject, auxiliary or object of its own after a passive
    participle ("would be put on trial and imprisoned": regular pasts are their participles). Nothing then makes
    it a finite clause of its own."""
    if any(c.dep_ in (*_SUBJECTS, "aux", "auxpass") for c in tok.children):
        return False
    if head.tag_ == "VB":
        return tok.lower_ == tok.lemma_.lower()
    passive = head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children)
    return passive and not any(c.dep_ in ("dobj", "obj") for c in tok.children)


def past_clause_keeps_its_tense(c: ModalClauses) -> Decision:
    # "analysts questioned whether a US court has jurisdiction, while Moscow officials have dismissed the case",
    # "if the man who shot the officer is caught", "Turkey has been threatening the Kurds, and in 2018 invaded
    # Afrin": a finite past clause (adverbial, relative or a past conjunct) tells on its own that its act happened;
    # the condition, hedge, threat or plan of the clause it hangs on is not its own (it may be reported or quoted)
    t = c.trigger
    if c.code[:2] == "13" or not (_own_past_clause(t) or _past_conjunct(t)):
        return None
    if any(a.dep_ == "advcl" and any(m.lower_ in _CONDITIONAL for m in a.children) for a in t.children):
        return None  # "attacked if provoked": a condition on the act itself
    gov = t.head
    if gov.lemma_.lower() in _HEDGES or any(a.dep_ == "acomp" and a.lemma_.lower() in _HEDGES for a in gov.children):
        return None  # "it is unclear when Mordor attacked Gondor": the hedge's own content, parsed as an adverbial
    if possibility_adverb(c) is not None:
        return None  # "while the police likely prevented the escape": a hedge of its own
    if adverbial_clause_keeps_its_tense(c) is not None and hedge_or_condition_above(c) is None \
            and hedge_word(c) is None:
        return None  # under a future, threat or intention alone: that rule's case ("vowed revenge after Israel killed")
    below = reported_speech(c) or inside_quotes(c)
    return "modality.past-clause-keeps-its-tense", below[1] if below else "asserted"


def _future(verb: Token, reported: bool) -> bool:
    """``verb`` has a future auxiliary, or a "would" that is a future under a past speech verb."""
    aux = auxiliaries(verb)
    if aux & FUTURE_AUX:
        return True
    return reported and "would" in aux


def _time_clause_governor(t: Token) -> Token | None:
    """The act a present clause of time ``t`` is the time of: the verb of "will examine it when it debates", of
    "will see an orphanage before chairing", and of "will be highlighted on Friday when Iran hosts a summit" (the
    parser hangs the clause on the time noun as a relative clause)."""
    if t.tag_ in ("VBZ", "VBP") and any(m.dep_ in ("mark", "advmod") and m.lower_ in _TIME_MARKERS
                                         for m in t.children):
        if t.dep_ == "advcl":
            return t.head
        if t.dep_ == "relcl" and t.head.lemma_.lower() in _DATE_WORDS:
            noun = t.head  # "on Friday when ...": up from the time noun through its preposition to the verb
            up = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
            return up if noun.dep_ in ("pobj", "npadvmod") else None
        return None
    if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ in _TIME_MARKERS and t.head.dep_ == "prep":
        return t.head.head
    return None


def _scheduled(t: Token) -> bool:
    """A clause of time that presupposes its act ("when", "before", "after", "while", not "once" or "until") and
    dates it ("when Britain chairs the G8 summit next year", "on Friday when Iran hosts a summit"): the act is
    scheduled, not merely foreseen."""
    marked = any(m.dep_ in ("mark", "advmod") and m.lower_ in _SCHEDULED_MARKERS for m in t.children)
    dated = t.dep_ == "relcl" or any(w.lemma_.lower() in _DATE_WORDS and w.pos_ in ("NOUN", "PROPN")
                                     for w in t.subtree)
    return marked and dated


def time_clause_shares_the_future(c: ModalClauses) -> Decision:
    # "Parliament will examine the issue when it debates a new bill", "he will see an orphanage before chairing a
    # meeting", "will lift the ban once Iran complies": a clause of time in the present (or a gerund after
    # "before", "after", "while") under a future act is in the future too
    t = c.trigger
    gov = _time_clause_governor(t)
    if gov is None or gov.i == t.i or gov.pos_ not in ("VERB", "AUX"):
        return None
    reported = gov.dep_ == "ccomp" and gov.head.lemma_.lower() in REPORT_VERBS
    if not _future(gov, reported):
        return None
    # the future commits the main clause's doer: its own act in the time clause ("before chairing", "when it
    # debates") is announced with it; another party's ("once Britain frees the ship") is only foreseen, unless the
    # clause dates it as scheduled ("when Britain chairs the G8 summit next year")
    subject = _subject(t)
    own = subject is None or subject.pos_ == "PRON" or _same_subject(t, gov) or _scheduled(t)
    return "modality.time-clause-shares-the-future", "threatened" if own else "hypothetical"


def _subject(verb: Token) -> Token | None:
    return next((s for s in verb.children if s.dep_ in _SUBJECTS), None)


def _same_subject(verb: Token, gov: Token) -> bool:
    a, b = _subject(verb), _subject(gov)
    return a is not None and b is not None and a.lemma_.lower() == b.lemma_.lower()


def adjective_shares_its_copula(c: ModalClauses) -> Decision:
    # "the UK would still be able to reject proposals", "only judges should be able to order detention", "will be
    # free to leave": the infinitive of an adjective takes the modal of the copula the adjective completes; ability
    # under a modal or a future is no act at all
    t = c.trigger
    adj = t.head
    if t.dep_ != "xcomp" or not is_to_infinitive(t) or adj.pos_ != "ADJ" or adj.dep_ != "acomp":
        return None
    copula = adj.head
    aux = auxiliaries(copula)
    reported = copula.dep_ == "ccomp" and copula.head.lemma_.lower() in REPORT_VERBS
    future = _future(copula, reported)
    if adj.lemma_.lower() in _ABILITY and (future or aux & _POSSIBLE):
        return "modality.adjective-shares-its-copula", "hypothetical"
    if aux & _POSSIBLE and not (reported and aux & _POSSIBLE == {"would"}):
        return "modality.adjective-shares-its-copula", "hypothetical"
    if not future:
        return None
    # a future copula commits its subject to the act only through an adjective of intention or readiness ("will be
    # ready to sign", "will remain determined to retake Idlib"); "withholding funds will be sufficient to force
    # Russia to negotiate", "will be free to veto" say what would follow or be allowed, no act announced
    return "modality.adjective-shares-its-copula", "threatened" if adj.lemma_.lower() in INTENTION_VERBS \
        else "hypothetical"


def aim_is_an_intention(c: ModalClauses) -> Decision:
    # "the aim of UKIP is to withdraw from the EU", "the Tory plan is to cut immigration", "Labour's policy is to
    # scrap the tax": what a party's aim, plan or policy "is to" do is intended (an intent or a threat), not done;
    # "the answer is to talk", "the way is to negotiate" name an option, no act (hypothetical)
    # ("the mission is to protect civilians and train Iraqi forces", "the goals are to maintain influence,
    # resisting Moscow's attempts", "the plan is to persuade Turkey to accept": the conjunct, the participle and the
    # complement of the aim's infinitive are aimed at as well)
    t = c.trigger
    for _ in range(3):
        subject = _aim_subject(t) or _aim_subject(conjunct_head(t))
        t = conjunct_head(t)
        if subject is not None:
            mode = "threatened" if subject.lemma_.lower() in _INTENTION_NOUNS else "hypothetical"
            return "modality.aim-is-an-intention", mode
        gov = t.head
        participle = t.dep_ == "advcl" and t.tag_ == "VBG" and not any(ch.dep_ in _SUBJECTS for ch in t.children)
        # a to-infinitive, or a bare one with its own subject ("to help Iraqi police arrest the smugglers")
        complement = t.dep_ in ("xcomp", "ccomp") and (is_to_infinitive(t) or t.tag_ == "VB") \
            and gov.lemma_.lower() not in _ASPECTUAL
        if gov.i == t.i or gov.pos_ not in ("VERB", "AUX") or not (participle or complement):
            return None
        t = gov
    return None


def _aim_subject(t: Token) -> Token | None:
    """The aim noun of "<aim> is to <t>" ("the aim of UKIP is to withdraw"; a second infinitive the parser joins to
    the copula, "the goals are to prevent ..., and to maintain ..."), else None."""
    be = t.head
    if t.dep_ not in ("xcomp", "attr", "ccomp", "conj") or not is_to_infinitive(t) or be.lemma_ != "be" or be.i == t.i:
        return None
    subject = next((s for s in be.children if s.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.lemma_.lower() in _AIM_NOUNS else None
