"""Rules of modality that find an act not done (hypothetical) because of what it is said under
(``modality.MODALITY_RULES``): what is asked for ("urged X to respond"), warned against, asked about in a yes-no
question, aimed at ("deployed troops to protect civilians"), within someone's capability, disputed by an
accusation or a denial, demanded in a mandative clause ("demanded that Russia withdraw"), obliged ("Iran must
release the tanker") or proposed ("proposed holding talks")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dispatch import dispatched_force
from .lexicons import words
from .modal_clauses import (
    FUTURE_AUX,
    INTENTION_VERBS,
    THREAT_VERBS,
    Decision,
    ModalClauses,
    auxiliaries,
    conjunct_head,
    governed_by,
    is_to_infinitive,
)
from .negated_acts import negated

if TYPE_CHECKING:
    from spacy.tokens import Token

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
# markers of an open question before an infinitive ("will decide whether to recommend the sale")
_OPEN_QUESTION = words("modal_cues", "conditional")
# verbs that ask someone else to act ("urged X to", "warned X not to"); not those that make it happen ("forced X
# to", "allowed X to", "helped X to")
_DIRECTIVES = words("verb_classes", "directive")
# verbs of warning: what they are "against" is warned off, not done
_WARNING_VERBS = words("senses", "warning")
# modifiers that say an act is going on ("the continued detention"), and that it is not done yet ("further")
_ONGOING = words("modal_cues", "ongoing")
_UNREALISED = words("event_nouns", "unrealised-modifier")
_QUOTES = "\"“”‘’'"


# what binds the subject to act: "must", "ought to"; "need to"; a present "has to" (modality.obligation-is-not-done)
_OBLIGATION_AUX = words("modal_cues", "obligation")
_OBLIGATION_VERBS = words("verb_classes", "obligation") | words("modal_cues", "obligation-verb")
_OBLIGATION_PRESENT = words("modal_cues", "obligation-present")
# verbs whose gerund object is an option put forward, not an act done (modality.proposed-act)
_PROPOSAL = words("modal_cues", "proposal")
# verbs whose gerund is under way ("stop arming", "continue talks"): an act asked to stop is not asked for
_ASPECTUAL = words("modal_cues", "aspectual")


def _directed(verb: Token) -> bool:
    """``verb`` asks someone it names to act: "urged X to", "called on X to", or, in the passive, "X was urged to",
    "X has been invited to visit" (not "is expected to": a forecast, which modality.intention and
    modality.expected-conflict-is-a-prediction read)."""
    lemma = verb.lemma_.lower()
    if lemma not in _DIRECTIVES:
        return False
    passive = lemma != "expect" and any(c.dep_ == "auxpass" for c in verb.children)
    return passive or any(c.dep_ in ("dobj", "obj", "dative") or (c.dep_ == "prep" and c.lower_ == "on")
                          for c in verb.children)


def _asked_for(tok: Token) -> bool:
    """``tok`` is an infinitive a directive verb asks for: "urged X to respond" (object and infinitive), or "expects
    the government to uphold ..." parsed as a clause with its own subject."""
    if tok.dep_ == "xcomp":
        return _directed(tok.head)
    return tok.dep_ == "ccomp" and is_to_infinitive(tok) and tok.head.lemma_.lower() in _DIRECTIVES


def request_is_not_done(c: ModalClauses) -> Decision:
    # "urged X to respond", "warned France not to interfere": asked for, not (yet) done; so is every act
    # coordinated with it ("urged Israel to halt the offensive and withdraw its troops") and every act the asked-for
    # one embeds ("urge the ministers to focus on ending the war", "urged Iran to try to free the hostages")
    t = conjunct_head(c.trigger)
    for _ in range(4):
        if _asked_for(t):
            return "modality.request-is-not-done", "hypothetical"
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.i != t.head.i:
            t = conjunct_head(t.head.head)  # "focus on ending": up to the verb of the preposition
        elif t.dep_ == "xcomp" and t.head.i != t.i and t.head.lemma_.lower() not in _ASPECTUAL:
            t = conjunct_head(t.head)  # not through "stop": "urged China to stop arming Russia" says it arms
        else:
            return None
    return None


def warned_against_act_is_not_done(c: ModalClauses) -> Decision:
    # "warned opposition supporters against holding protests", "warned Israel against annexing parts of the West
    # Bank", "cautioned against an invasion": what a warning is against has not been done (it is warned off)
    t = conjunct_head(c.trigger)
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


_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


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
    # the pronoun of a relative clause ("any protesters who were killed") opens no wh-question
    return not any(w.tag_ in _WH_TAGS and w.head.dep_ not in ("relcl", "acl")
                   for w in doc[min(tok.left_edge.i, top.left_edge.i):tok.i])


def _presupposed(clause: Token) -> bool:
    """A relative clause on a definite noun tells its act as known, also in a question ("Did the minister meet the
    families of the soldiers who were killed?")."""
    noun = clause.head
    return clause.dep_ == "relcl" and any(d.dep_ == "poss" or (d.dep_ == "det" and d.lower_ in _DEFINITE)
                                          for d in noun.children)


def yes_no_question(c: ModalClauses) -> Decision:
    # "Did Iran attack the tanker?", "Will China invade Taiwan this decade?", "Did he know of any protesters who were
    # killed by US airstrikes?": asked about, not reported as done
    if any(_asks(t, c.chain[-1]) and not _presupposed(t) for t in c.own):
        return "modality.yes-no-question", "hypothetical"
    return None


def _aim(tok: Token) -> bool:
    """``tok`` is an infinitive of purpose ("deployed troops to protect civilians", "in order to") or the infinitive
    of a noun ("an agreement to combat smuggling", "calls to end the violence"), not of a rank ("the first to
    arrive") nor of a noun of trying ("efforts to improve ties": the trying is under way)."""
    if not is_to_infinitive(tok):
        return False
    if tok.dep_ == "advcl":
        return True
    head = tok.head
    return tok.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() not in _RANK | _ATTEMPT and not any(
        c.lower_ in _RANK for c in head.children)


def force_sent_for_is_told_done(c: ModalClauses) -> Decision:
    # "Russia has sent in aircraft to attack rebel-held areas of Idlib in its first major assault for months": the
    # purpose of a sending of forces is done when the sentence names it as an assault that happened; it takes the
    # sending's modality (dispatch.py)
    gov = dispatched_force(c.trigger)
    if gov is None or c.code[:2] not in ("18", "19", "20"):
        return None
    from .modality import modality  # (modality.py imports this module's rules)

    return "modality.force-sent-for-is-told-done", modality(gov, "", c.sent)


# verbs with their particle that tell what the subject did next (modal_cues.tsv succession): "went on to accuse"
_SUCCESSION = words("modal_cues", "succession")


def going_on_to_is_the_act_told(c: ModalClauses) -> Decision:
    # "Trump went on to accuse Iran of lying": aspectual 'go on to' tells the next thing done, no purpose; the act
    # is told as 'went' is ("he said Pompeo went on to praise Riyadh": reported). Not with a place gone on to ("went
    # on to the UN to accuse Washington": a journey and its aim), a phrase after the particle
    t = c.trigger
    while t.dep_ == "conj" and t.head.i != t.i and not is_to_infinitive(t):
        t = t.head
    gov = t.head
    if t.dep_ not in ("advcl", "xcomp") or gov.i == t.i or not is_to_infinitive(t):
        return None
    particle = next((k for k in gov.children if k.dep_ == "prt"), None)
    if particle is None or f"{gov.lemma_.lower()} {particle.lower_}" not in _SUCCESSION or any(
            k.dep_ == "prep" and k.i > particle.i for k in gov.children):  # (a phrase before it is no goal)
        return None
    from .modality import modality  # (modality.py imports this module's rules)

    return "modality.going-on-to-is-the-act-told", modality(gov, "", c.sent)


def purpose_is_an_aim(c: ModalClauses) -> Decision:
    # the aim of an act is not an act: "troops were deployed to push back the rebels and protect civilians" says
    # nothing of whether they did; what was done is the deployment
    t = c.trigger
    while t.dep_ == "conj" and t.head.i != t.i and not is_to_infinitive(t):
        t = t.head
    if _promised(t.head):
        # the aim of a promised act is promised too: "is willing to send soldiers to help Gondor" (intention reads
        # the governor's governor); a future on the main verb is not read on the clauses under it (a relative or
        # adverbial clause keeps its own tense), so "will meet in Sochi on Wednesday to discuss the war" is told
        # here, unless the future act is denied ("will not meet to discuss")
        future_aim = t.dep_ == "advcl" and _aim(t) and bool(auxiliaries(t.head) & FUTURE_AUX) and not any(
            k.lower_ in _OPEN_QUESTION for k in t.children)  # "will decide whether to recommend": no aim
        return ("modality.aim-of-a-future-act-is-announced", "threatened") if future_aim and not negated(
            t.head) else None
    return ("modality.purpose-is-an-aim", "hypothetical") if _aim(t) else None


# participles that say what a thing is made or meant for (modal_cues.tsv design-participle): "talks designed to end
# the war", "sanctions intended to punish Russia", "a plan aimed at ending the fighting"
_DESIGN = words("modal_cues", "design-participle")


def _designed_for(tok: Token) -> bool:
    """``tok`` is the to-infinitive of a participle of design or intent ("talks designed to end the war", "were meant
    to ease tensions") or the gerund of "aimed at" ("a plan aimed at ending the war"); not of an active ("had
    intended to strike", an intention of its subject: modality.intention)."""
    head = tok.head
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and head.lower_ == "at" and head.head.i != head.i:
        head = head.head
    elif tok.dep_ != "xcomp" or not is_to_infinitive(tok):
        return False
    # the participle of a noun ("talks designed to") or a passive ("were meant to"); an active ("had intended to",
    # or a past the parser tags VBN with no auxiliary) is its subject's intention
    return head.i != tok.i and head.tag_ == "VBN" and head.lemma_.lower() in _DESIGN \
        and (head.dep_ == "acl" or any(a.dep_ == "auxpass" for a in head.children))


def designed_act_is_an_aim(c: ModalClauses) -> Decision:
    # "UN-sponsored talks designed to end the Syrian civil war have collapsed", "sanctions intended to punish
    # Russia", "a plan aimed at ending the war": what a thing is made or meant for is its aim, not an act done
    t = conjunct_head(c.trigger)
    return ("modality.designed-act-is-an-aim", "hypothetical") if _designed_for(t) else None


def _promised(gov: Token) -> bool:
    """``gov``, the act an aim hangs on, is itself promised or intended ("will send", "is willing to send")."""
    return bool(auxiliaries(gov) & FUTURE_AUX) or (
        gov.dep_ == "xcomp" and gov.head.lemma_.lower() in INTENTION_VERBS | THREAT_VERBS)


def act_inside_an_aim(c: ModalClauses) -> Decision:
    # "pushed through plans to let universities charge fees", "a shift in money to help politicians engage with
    # voters", "an initiative to allow clubs to provide more sport": what an aim would bring about (the complement
    # of the aim's verb) is not done either; modality.purpose-is-an-aim reads only the aim's own verb
    t = conjunct_head(c.trigger)
    for _ in range(3):
        gov = t.head
        if t.dep_ not in ("xcomp", "ccomp") or gov.i == t.i or gov.pos_ not in ("VERB", "AUX") \
                or gov.lemma_.lower() in _ASPECTUAL or _told_past(t):
            return None
        aim = gov
        while aim.dep_ == "conj" and aim.head.i != aim.i and not is_to_infinitive(aim):
            aim = aim.head
        if _aim(aim):
            return None if _promised(aim.head) else ("modality.act-inside-an-aim", "hypothetical")
        t = conjunct_head(gov)
    return None


def _told_past(clause: Token) -> bool:
    """A past-tense clause with its own subject and a wh-word or complementiser ("to understand how they targeted
    young people", "to establish that the police arrested them"): what an aim would bring about has not happened
    yet, so a clause told in the past is no such thing but what the aim is about (what is to be understood, found
    out, shown), and it tells on its own that its act happened."""
    return clause.tag_ == "VBD" and any(ch.dep_ in ("nsubj", "nsubjpass") for ch in clause.children) and any(
        ch.tag_ in _WH_TAGS or (ch.dep_ == "mark" and ch.lower_ in _CLAUSE_MARKS) for ch in clause.children)


# a finite complement clause opens with a wh-word or a complementiser; a small clause ("to see Assad removed", the
# participle often tagged a past tense) has none
_WH_TAGS = frozenset({"WRB", "WDT", "WP"})
_CLAUSE_MARKS = frozenset({"that", "whether", "if"})


def capability_is_no_act(c: ModalClauses) -> Decision:
    # "is capable of attacking", "has the capability to strike", "the capacity to launch"
    capacity = governed_by(c.trigger, _CAPABILITY) or _capable_beside(c.trigger)
    return ("modality.capability-is-no-act", "hypothetical") if capacity else None


def _capable_beside(trigger: Token) -> bool:
    """The 'of' phrase of an adjective of ability that the parser hung on the copula beside it, as it does when
    something comes between them ("Iran is capable, at a minimum, of carrying out attacks"): the phrase can only
    complement the adjective, so the act is still a capacity."""
    node = trigger
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node, below = node.head, node
        if below.dep_ == "prep" and below.lower_ == "of":
            return any(ch.dep_ == "acomp" and ch.lemma_.lower() in _CAPABILITY for ch in node.children)
    return False


def disputed_act(c: ModalClauses) -> Decision:
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


def mandative(tok: Token) -> bool:
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


def demanded_act(c: ModalClauses) -> Decision:
    # "the G7 demanded that Russia withdraw its troops", "France proposed that Iran suspend its tests": the demand
    # or the proposal is the act (02x, 10x); what it asks for has not happened
    # "demanded that Germany repatriate and prosecute its citizens": a verb coordinated with the clause's verb
    # under its subject is asked for as much as the first
    t = conjunct_head(c.trigger)
    head = t.head
    clause = t.dep_ == "ccomp" or (t.dep_ in ("acl", "relcl") and head.pos_ == "NOUN")
    if clause and head.lemma_.lower() in _DEMANDS and mandative(t):
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
    if tok.dep_ != "xcomp" or head.i == tok.i or not is_to_infinitive(tok):
        return False
    lemma = head.lemma_.lower()
    return lemma in _OBLIGATION_VERBS or (lemma in _OBLIGATION_PRESENT and head.tag_ not in ("VBD", "VBN"))


def obligation_is_not_done(c: ModalClauses) -> Decision:
    # "Iran must release the tanker", "they need to either destroy or return the missiles", "Israel has to stop
    # the bombing": what someone is bound to do is not done (a speaker saying so demands it, 10x: the engine's
    # code.speaker-demands-what-must-be-done)
    t = conjunct_head(c.trigger)
    return ("modality.obligation-is-not-done", "hypothetical") if _obliged(t) else None


def proposed_act(c: ModalClauses) -> Decision:
    # "proposed holding talks with North Korea", "is considering imposing sanctions", "called for expelling the
    # diplomats", "suggested resuming the negotiations": the gerund a verb of proposal or deliberation takes as its
    # object is an option put forward, not an act done (the proposal itself is coded, 03x/10x)
    t = conjunct_head(c.trigger)
    if t.tag_ != "VBG" or t.dep_ not in ("xcomp", "dobj", "pcomp", "ccomp") or t.head.i == t.i:
        return None
    head = t.head
    if t.dep_ == "pcomp" and head.lower_ == "for" and head.head.i != head.i:
        head = head.head  # "called for expelling", "pressed for holding"
    return ("modality.proposed-act", "hypothetical") if head.lemma_.lower() in _PROPOSAL else None
