"""Acts of a state toward no political actor that the verb dictionary codes as if they were (issue 17: disasters,
accidents and crime coded as political events).

* A deployment for relief is no show of force (``code.relief-deployment-is-no-show-of-force``): the dictionary
  codes mobilising and deploying forces as CAMEO 15 (demonstrate military or police power), which is a posture
  toward an adversary. When the purpose the clause gives is relief ("the army was deployed to help flood victims",
  "troops mobilised to rescue people trapped by the earthquake", "soldiers were sent in to evacuate residents")
  and no armed party or state is its aim, the forces serve the people struck by a disaster, which CAMEO does not
  code as an event between actors. "Russia deployed troops to help Assad's forces" and "deployed to the border
  with Ukraine" stay 15.
* A ban on goods or an activity is no coercion (``code.ban-on-goods-is-no-coercion``): as for the noun ("a ban on
  plastic bags", ``nominals.aimed_at_people``), a verb of banning is CAMEO 172 (restrict political freedoms) only
  when what it bans is people, a named group or their political or religious life ("banned the opposition
  party", "banned protests", "banned women from driving"); "banned smoking in public places", "banned the sale of
  alcohol" are public policy, no act against anyone.

Word lists are data (lexicons/senses.tsv: relief-verb, ban-verb; lexicons/measures.tsv: people-object).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .lexicon import PLACE_PREPS
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

RELIEF = "code.relief-deployment-is-no-show-of-force"
GOODS_BAN = "code.ban-on-goods-is-no-coercion"
_RELIEF_VERBS = words("senses", "relief-verb")
_BAN_VERBS = words("senses", "ban-verb")
_PEOPLE_OBJECTS = words("measures", "people-object")
# roles of a party a deployment may be aimed at as a show of force (an army helped, rebels pursued)
_STATE_ROLES = frozenset({"GOV", "MIL", "REB", "UAF", "INS", "SEP", "COP", "SPY", "CRM", "RAD", "OPP"})
# named entities of people or their groups: a ban on them is aimed at people
_NAMED_PEOPLE = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass"})


def relief_deployment(verb: Token, code: str, targets: Sequence[ActorRef], ctx: DocContext) -> bool:
    """A mobilisation or deployment (CAMEO 15) whose purpose is relief of no armed party or state."""
    if code[:2] != "15" or not any(_relief(c) for c in _purposes(verb)):
        return False
    if any(_state_party(t.code) for t in targets):
        return False  # "deployed troops to help Assad's forces", "to help Ukraine": military support
    return ctx.fire(RELIEF)


def _purposes(verb: Token) -> list[Token]:
    """The verbs of the purpose infinitives of ``verb`` ("deployed to help", "sent in to evacuate", "in order to"),
    and of a purpose infinitive of its object ("mobilised efforts to help")."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    return [c for h in heads for c in h.children if c.dep_ in ("advcl", "xcomp", "acl", "relcl")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def _relief(clause: Token) -> bool:
    """A purpose clause of relief: every act it states, its verb and the verbs it coordinates, is one of relief
    ("to help flood victims", "to rescue people and distribute food"). What a helping verb helps do is the act: "to
    help dig out vehicles" (parsed with 'help' as an auxiliary or with 'dig' as its complement) is relief, "to help
    quell the unrest", "to help restore order", "to assist police in dispersing demonstrators" are force against
    unrest, a show of force as much as the deployment without them."""
    verbs = [clause, *(c for c in clause.children if c.dep_ == "conj")]
    return all(_act(v).lemma_.lower() in _RELIEF_VERBS for v in verbs)


def _act(verb: Token) -> Token:
    """The act a verb's clause states: the verb a helping verb governs ("help quell", "assist ... in dispersing"),
    followed down, else the verb itself."""
    for _ in range(4):  # a few helping verbs in a row at most ("to help assist in rescuing")
        governed = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")),
                        None) or next((g for c in verb.children if c.dep_ == "prep"
                                       for g in c.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
        if governed is None:
            return verb
        verb = governed
    return verb


def _state_party(code: str | None) -> bool:
    country, roles = split_code(code or "")
    return bool(_STATE_ROLES.intersection(roles)) or (country is not None and not roles)


def goods_ban(verb: Token, code: str, targets: Sequence[ActorRef], ctx: DocContext) -> bool:
    """A verb of banning coded as coercion (17) whose object is goods or an activity, not people."""
    if code[:2] != "17" or verb.lemma_.lower() not in _BAN_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    aims = [c for c in verb.children if c.dep_ == "prep" and c.lower_ not in PLACE_PREPS]  # "... to Huawei"
    if not objects or any(_people(o) for o in (*objects, *aims)) or any(t.direct for t in targets):
        return False  # "banned him", "banned the party", "banned women from driving"
    if _party_in(objects, targets):
        return False  # "banned public gatherings of more than five people": people's assembly
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children):
        return False  # "banned X from entering": a person kept from an act
    return ctx.fire(GOODS_BAN)


def _people(obj: Token) -> bool:
    """The banned thing names people, a group or their political or religious life (or a pronoun does), or is
    aimed at a named party ("banned sales to Huawei", "imports of Iranian oil"); the place it is banned in does
    not count ("smoking in Scotland's pubs")."""
    if obj.pos_ in ("PRON", "PROPN") or (obj.lemma_.lower() in _PEOPLE_OBJECTS and obj.dep_ != "prep"):
        return True
    return any(t.lemma_.lower() in _PEOPLE_OBJECTS or t.pos_ == "PROPN" or t.ent_type_ in _NAMED_PEOPLE
               for t in _aim_words(obj))


def _party_in(objects: Sequence[Token], targets: Sequence[ActorRef]) -> bool:
    """A party the coder found inside what is banned, its place phrases aside ("gatherings of more than five
    people", "meetings of students"): the ban is aimed at them, whatever the noun that names their act."""
    inside = {t.i for o in objects for t in _aim_words(o)}
    return any(t.code and t.head in inside for t in targets)


def _aim_words(obj: Token) -> list[Token]:
    """The words of the object's phrase but those of its place phrases ("in public places", "across Scotland")."""
    out, queue = [], [obj]
    while queue:
        tok = queue.pop()
        out.append(tok)
        queue += [c for c in tok.children if not (c.dep_ == "prep" and c.lower_ in PLACE_PREPS)]
    return out
