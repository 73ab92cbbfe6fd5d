"""The event coder's rules of one phase, arguments: the source of an event, in the order the coder meets them;
``..registry`` joins the phases in their order."""

from __future__ import annotations

from ..base import PHASES, Rule
from .notes import NOWHERE, QUIET

_A = PHASES[1]

SOURCES: tuple[Rule, ...] = (
    Rule("source.kind-adjective-is-no-doer", _A,
         "An adjective that says what kind of act an event noun is ('a military offensive against Iran', 'naval "
         "strikes', lexicons/event_nouns.tsv military-modifier), coded only as a role with no country ('---MIL'), "
         "names no doer: the noun's doer is its 'by' phrase or none ('Trump threatened a military offensive' is "
         "Trump's threat, no offensive by 'military'); a country's adjective does name one ('Israeli strikes')."),
    Rule("source.from-phrase-of-a-measure-or-word-noun", _A,
         "The 'from' phrase of an event noun of a measure or of words names its doer: 'Turkey could face sanctions "
         "from the United States' (USA), 'criticism from Britain', 'threats from Iran'; not of a noun of force "
         "('rocket fire from Gaza': where it came from) nor of a withdrawal ('from Syria': the place left)."),
    Rule("source.agent-of-a-passive-light-verb-does-its-subject", _A,
         "An event noun that is the subject of a passive light verb (carry out, conduct, launch, make, level, "
         "raise: lexicons/event_nouns.tsv agent-participle) with a 'by' agent is done by that agent, as with the "
         "participle ('an attack carried out by militants'): 'the air strikes on Idlib were carried out by Russian "
         "warplanes' (RUSMIL -> Idlib's SYR 195), 'the raid was carried out by Asa'ib Ahl al-Haq', 'the "
         "offensive was launched by the army'. The noun's own phrases give the target; the verb codes nothing "
         "itself (code.passive-agent-is-no-pattern-object)."),
    Rule("source.held-hostage-is-told-of-the-one-held", _A,
         "'Hold' with 'hostage' as its only object cannot be active (no one would be held): 'Passengers of a "
         "Pakistani train held hostage by Baloch militants described their ordeal', 'Two British aid workers held "
         "hostage by Islamic State militants in Syria were freed' are passive participles the parser read as a past "
         "tense with a subject. The noun is the one held (the target) and the 'by' phrase, on the verb or hung on "
         "'hostage', names the holder (the source); with no 'by' phrase the clause names no doer ('a journalist "
         "held hostage in Syria for two years has been freed': no event, never the journalist as hostage-taker). An "
         "active 'held the passengers hostage' and a passive 'were held hostage by' keep their parse. Real news."),
    Rule("source.stray-by-phrase-of-an-event-noun", _A,
         "The 'by' phrase of an event noun names its doer where the parser hung it on the noun of the act's own "
         "complement or on the active verb governing the act noun: 'the seizure of a British tanker by Iranian "
         "forces' (IRN), 'the bombing of a French base by Ivorian jets' (CIV), 'condemned the hijacking of a "
         "train by Baloch militants', 'lost their lives in Tuesday's hijacking by armed militants'. A tanker or "
         "a base has no agent and an active verb no 'by' agent. Not for a work, whose 'by' phrase is its author "
         "('the banning of a novel by Salman Rushdie'), an act noun with its own 'by' doer, a 'by' of place "
         "('a base by the border'), means or time, nor a passive verb's agent (stray_agents.py)."),
    Rule("source.placed-by-the-pattern", _A,
         "A '$' in the matched pattern places the source: the first actor after the pattern word it follows.",
         note=NOWHERE + "the bundled dictionaries have 17 '$' patterns; kept, it is PETRARCH's pattern semantics and "
              "fires on its examples"),
    Rule("source.governing-subject-when-plus-before-verb", _A,
         "A '+' before the verb ('NOTED + *') makes the verb's subject the target, so the source is the subject "
         "of the clause that governs the verb.",
         note=NOWHERE + "it needs a pattern with a word before a '+' before the verb, which the bundled "
              "dictionaries lack (PETRARCH's suites have them; its examples use the fictional test dictionaries "
              "of examples/dictionaries/fictional)"),
    Rule("source.pronoun-told-to-act-is-the-one-told", _A,
         "In 'X told Y (that) it/they/he/she must/should/has to V', the pronoun subject of what must be done is Y, "
         "the one told, not the speaker: 'Merkel told Erdogan that he should withdraw his troops from Syria' (the "
         "withdrawal, not done, is Turkey's), 'Pompeo told Iraqi leaders they have to protect American forces'. "
         "The same clauses as code.telling-someone-they-must-act-is-a-demand (verbs: lexicons/verb_classes.tsv, "
         "telling)."),
    Rule("source.pronoun-stands-for-the-governing-subject", _A,
         "A pronoun subject of an embedded clause stands for the governing clause's subject: 'France indicated it "
         "would act' has France as source."),
    Rule("source.pronoun-of-another-kind-is-no-governing-subject", _A,
         "A person's pronoun ('he', 'she') cannot stand for a governing subject that is 'it' or a named body (a "
         "place, an organisation, a people, a building: 'Downing Street said she was speaking in her capacity as "
         "a lawyer. It said she was not expressing political opinions': she is Cherie Blair, not Downing Street), "
         "nor 'it' for a person ('Mr Blair said it would be published'), nor 'they' for one person, 'he', 'she' "
         "or a person's name not coordinated ('The Iranians despised Saddam, and Crocker figured that they would "
         "be willing to work with the U.S.': the Iranians): source.pronoun-stands-for-the-governing-"
         "subject does not climb, and the pronoun is resolved as a subject of its own (a person named before it, "
         "or no one). A common noun heading a body (lexicons/title_words.tsv org-head: group, ministry, "
         "government) is no 'he' either, and a governing verb with no subject of its own is read with the subject "
         "of the verb it is coordinated with, as the source search reads it: 'Donald Trump said the terrorist "
         "group had been defeated and announced he was withdrawing American forces' (the parse joins 'announced' "
         "to the group's clause; the withdrawal was the terrorist group's, shown). Nor does 'she' stand for 'he' or "
         "a person the article gives as a man, nor 'he' for 'she' or a woman ('Mr Blair said she would stand "
         "down'; gender as actors.pronoun-agrees-in-gender reads it)."),
    Rule("source.event-subject-is-not-its-place", _A,
         "An event noun as subject ('talks in Geneva collapsed', 'US airstrikes killed') names its actor by a "
         "modifier or possessor, not by its place; an act of force keeps its place, which stands for unknown "
         "perpetrators."),
    Rule("source.natural-force-is-no-actor", _A,
         "A natural force as subject ('an earthquake on Java killed eight', 'floods destroyed homes') names no "
         "actor, and the place in its phrase is where it struck, not a perpetrator: no source, so no event "
         "(lexicon natural_forces). So is one as a passive's 'by' agent ('three people were killed by lightning "
         "in Bihar', 'homes were destroyed by floods'; issue 17)."),
    Rule("source.accident-is-no-actor", _A,
         "An accident as subject ('a boiler explosion injured 30 workers', 'a fire at a hospital in Baghdad killed "
         "82') names no actor and its place is no perpetrator: no source, so no event. An accident noun (fire, "
         "explosion, blast, leak) is one with an accident source among its modifiers or place (boiler, gas, "
         "factory, chemical plant), or 'a fire' with no modifier; 'Israeli fire' and 'a bomb blast' are not. So "
         "is one as a passive's 'by' agent ('a gym demolished by a fertiliser plant explosion'; issue 17)."),
    Rule("source.quality-of-a-party-is-no-doer", _A,
         "A subject (or a passive's 'by' agent) whose head is a common noun of a state, feeling, attitude or "
         "standing of a party (presence, hesitation, reluctance, preoccupation, vendetta, fear, concern, image, "
         "plight, reliance ...) names no one who acts, even when a party owns it: the verb is "
         "used figuratively, and the owner found inside the phrase is no doer of it: 'the US presence has "
         "reassured allies such as Saudi Arabia' (Guardian, not 051 USA -> SAU), 'Obama's hesitation gave "
         "Vladimir Putin an opening' (Guardian, not 060), 'Recep Tayyip Erdoğan's Kurdish vendetta has taken a "
         "dramatic new twist' (Guardian, not 192), 'the US presence would counterbalance Iran' (Guardian, not 110), "
         "'the image of the soldiers bogged down in a fight captured the "
         "central predicament of the rebels' (Guardian, not 173), 'Argentina's severe energy crisis forced President "
         "Kirchner to suspend gas exports' (BBC, not 170 ARG -> ARGGOV): no source, so no event. Acts and their "
         "instruments ('Turkey's attack killed ...', 'the decision angered ...') are not such nouns, nor are aims "
         "('the aim of UKIP is to withdraw from the EU' is UKIP's intent, modality.aim-is-an-intention). Words are "
         "data (lexicons/senses.tsv: quality-noun)."),
    Rule("source.place-of-an-event-is-no-party", _A,
         "Looking for an actor inside an uncoded subject, the place phrase of an event noun is skipped for acts "
         "other than force ('the vote in Kenya approved ...' is not Kenya's)."),
    Rule("source.target-of-a-subject-noun-is-no-doer", _A,
         "An actor that the target phrase ('on/against/upon') of a noun of an act in the subject names (or of a "
         "word of quantity before one, 'two waves of airstrikes on X', where the parser hangs it), found in the "
         "subject's own phrase or inside an uncoded subject, is the one the act is done to, not the doer of the "
         "clause: 'airstrikes against the rebel-held eastern Ghouta "
         "district near Damascus have killed dozens' (was SYRREB), 'Two waves of airstrikes on Khan Sheikhoun ... "
         "killed at least 13 civilians' (was SYR -> SYRCVL from the struck town), 'Rocket attacks on the US "
         "embassy injured three guards' (was USAGOV), 'An attack on Kabul killed 20 people' (was AFGGOV). When "
         "only that phrase codes, the subject names no doer and the clause is left without one; an actor of the "
         "noun's own words still is ('Russian airstrikes on Idlib killed 20 people': RUS). The place an act "
         "happened in keeps standing for unknown perpetrators ('a roadside bombing near Samarra killed': IRQ, "
         "CAMEO's convention)."),
    Rule("source.role-owned-by-a-pronoun", _A,
         "'France said its forces would respond': a role owned by 'its/their' belongs to the coded country that "
         "is the subject of the embedding clause (FRAMIL)."),
    Rule("source.coordinated-passive-shares-its-patient", _A,
         "A verb coordinated with or controlled by a passive shares its subject, the patient, not the 'by' agent: "
         "'X was indicted by Y and condemned Z' has X as the condemner."),
    Rule("source.coordinated-passives-share-their-agent", _A,
         "A 'by' agent after coordinated bare participles of one passive is the doer of each of them, not of the "
         "last only: '8,349 people have been detained and forcibly disappeared by Isis' (Isis detained them too, "
         "not the police), 'two journalists were arrested and charged by Iraqi police', 'activists were abducted "
         "and tortured by Turkish soldiers'. A conjunct with an auxiliary, subject or object of its own is another "
         "clause: 'he was arrested and has been charged by prosecutors' leaves the arrest's doer unnamed."),
    Rule("source.passive-subject-acts", _A,
         "The passive subject is the source of a mobilisation ('troops are deployed', 15x) and of an action "
         "embedded under a passive ('X was seen to break ...') or coordinated with one ('troops were deployed and "
         "attacked X'); not of a bare participle coordinated with the passive, adverbial to it or its "
         "complement, which is the same passive ('journalists were arrested and beaten': they were beaten, they "
         "beat nobody; 'five people were killed, 20 injured': the 20 were injured, issue 17) or a passive said "
         "of the subject ('al-Muhandis was reported killed', 'two soldiers were reported killed in clashes': they "
         "were killed; an infinitive, 'was seen to break', is active)."),
    Rule("source.unnamed-accuser", _A,
         "A verb of accusation (lexicons/verb_classes.tsv, accusation: accuse, blame, criticise, condemn ...) coded "
         "as disapproval (11) in the passive without a 'by' agent has an unnamed accuser as source (no country, no "
         "role) and the one accused as target: its passive subject ('Paris was accused of aiding rebels': --- -> "
         "FRA 112), the noun a reduced participle modifies ('a minister accused of fraud') or the subject of the "
         "clause a participle clause belongs to ('Ebbers is on trial, accused of fraud'). The real-news gold codes "
         "such accusations with source null; the passive subject is never the accuser (it was taken for the "
         "source of 'three British men ..., accused of being members of Isis'). Not for a private person without a "
         "country ('a man accused of murdering his wife appeared in court', 'all five men are accused of breaches "
         "of safety laws': court reports: no event); a participle modifying a noun, in the lead too ('the "
         "Nigerian striker, accused of diving, was sent off', 'A French cyclist accused of doping has been "
         "banned'), and a passive subject only for a public body or a party to a conflict (a state's role, an "
         "armed group, an organisation) or a name, not a person a common noun and a demonym describe ('a British "
         "tourist was accused of smuggling drugs'); no event in a sentence telling of sport ('England were "
         "criticised for the 0-0 draw': a score or a sport noun) (review 8 #5)."),
    Rule("source.passive-infinitive-keeps-its-governor-out", _A,
         "Whoever governs a passive infinitive is its patient, not its doer: 'X called on Y to be allowed to "
         "leave' has no source but an instrument's actor."),
    Rule("source.passive-clause-inherits-no-doer", _A,
         "A passive with its own auxiliary and no subject, 'by' agent or object of its own, in a clause that takes "
         "its subject from the clause or noun it hangs on (coordinated, adverbial, relative or participial: 'Pompeo "
         "is seen as a hawk and has been criticised for ...', 'the killer pleaded guilty and was jailed', 'Having "
         "been promised support from Washington, the UK mission was stunned', 'the twelfth man to be arrested'), "
         "has no source but the actor of an instrument: what it would inherit is the one it is done to, not the "
         "doer (it was taken for the critic, the jailer, the one who promised, the one who arrests). Without a "
         "source, an arrest or sentence goes to source.authorities-arrest-and-try and an accusation to nobody. "
         "Not a mobilisation (15x: 'troops were mobilised and were deployed', source.passive-subject-acts), nor "
         "an active verb coordinated with a passive ('was arrested and has resigned')."),
    Rule("source.participle-noun-is-the-patient", _A,
         "A past participle modifying a noun ('a soldier arrested in Turkey') takes its source only from an "
         "instrument; the noun is the target (see target.noun-of-a-participle). So does one the tagger took for a "
         "past tense after an object: a clause of a noun with no subject, relative word or object cannot be finite "
         "('were among five suspected smugglers intercepted near the border', 'released a pastor detained for two "
         "years'; issue 17); not after a noun left without a verb or set beside another, which is its subject "
         "('the resolution, which was approved on Saturday, called for a ceasefire')."),
    Rule("source.noun-of-a-relative-clause", _A,
         "A relative or participial clause without a subject has the noun it modifies as source."),
    Rule("source.by-gerund-inherits-the-subject", _A,
         "'responded by threatening ...': a gerund after a preposition of a verb takes that verb's subject; not a "
         "passive gerund ('after being freed': the subject undergoes it), a passive's 'by' agent ('displaced by "
         "fighting between ...') or a gerund after a preposition of the verb's argument when the verb has an "
         "object ('accused X of aiding': the object does it, source.object-control)."),
    Rule("source.object-control", _A,
         "After a verb of object control the object is the subject of the infinitive: 'urged Chile to respond' has "
         "Chile as the one who responds; so is the object of a verb with a gerund after its argument's preposition "
         "('accused Chile of aiding', 'barred X from attending'). Causatives are verbs of object control too: 'the "
         "killing of the general led Iran to fire missiles', 'Russia's determination to protect Assad prompted "
         "Moscow to launch airstrikes' (Iran fires, Moscow launches; not the subject, an event or a state: review "
         "14). The verbs are data (lexicons/verb_classes.tsv, object-control)."),
    Rule("source.fronted-participle-is-passive", _A,
         "A past participle that opens its sentence as an adverbial clause of the main verb, with no subject or "
         "auxiliary of its own, is passive in meaning: the main clause's subject is its patient, not its doer, so it "
         "inherits no source from it (review 12 #3): 'But challenged on the remark, he denied accusing Germany' "
         "(111 by 'he'), 'Criticised for making the announcement, he said' (111 to him by an unnamed accuser): "
         "no event, the one who challenged or criticised being unnamed. A fronted 'asked' is left to "
         "code.question-is-no-appeal. A gerund opening the sentence is active and inherits as before "
         "('Pointing to Germany's trade interests, Mr Nattrass said'), and so does what a fronted participle governs "
         "('Asked to comment, he declined': his comment); a participle with a 'by' phrase or an accusation keeps "
         "the rules that name its doer."),
    Rule("source.infinitive-of-an-elided-noun-inherits-nothing", _A,
         "An infinitive on an adjective with a determiner of its own set beside a noun of the clause ('16 people "
         "were killed in the attack, the most deadly to target American forces', 'died in the blast, the deadliest "
         "to strike the city') belongs to a noun phrase whose noun is left out, the attack or the blast: its doer "
         "is that noun, not the clause's subject (the victims were taken as the ones who targeted American "
         "forces), so it inherits no source. Not an adjective that is the clause's predicate ('Sweden was the "
         "first to recognise Palestine': the subject recognised it)."),
    Rule("source.inherited-from-the-governing-clause", _A,
         "A clause without its own subject (infinitive, conjunct, adverbial, participle) takes the subject of the "
         "clause that governs it."),
    Rule("source.instrument-names-its-actor-before-its-place", _A,
         "The actor of an instrument of force that a passive without 'by' names ('was killed in a US drone strike') "
         "is first sought in the instrument's own words, its modifier or possessor, without the place phrase "
         "attached to it: 'Three Israeli soldiers were killed in a Hezbollah attack in northern Israel' is an "
         "attack by Hezbollah (LBNREB), not by Israel, the place's country, which the whole phrase gave; 'in a "
         "Taliban ambush in Helmand' the Taliban (AFGREB), not Afghanistan as a whole. A name modifying an "
         "instrument is its doer (code_tokens without a head: the instrument is no actor that the name would "
         "merely describe). When the instrument names no actor of its own ('in a bomb attack in Kabul') its place "
         "is no doer either (source.place-of-the-instrument-is-no-doer)."),
    Rule("source.place-of-the-instrument-is-no-doer", _A,
         "When the only actor an instrument of force names is in its place phrase, the instrument names no doer: "
         "'Two people were killed in a grenade explosion in western Ukraine', 'five were wounded in a bomb attack "
         "in Kabul', 'a soldier was killed in a roadside blast in Mali' tell where the attack was, not that "
         "Ukraine, Afghanistan or Mali did it (before: UKR -> UKRCVL 190). Without a doer named elsewhere (an "
         "earlier attacker for 'the attack', a clause of force) there is no event. CASE 2021 tuning half."),
    Rule("source.actor-of-the-instrument", _A,
         "A passive without 'by' takes the actor of its instrument: 'was killed in a US drone strike' (USA).",
         note=QUIET + "their passives of force name no instrument with an actor; it fires 5 times on "
              "iran_crisis_2020 and on the strike of examples/000 ('was killed in a US drone strike')"),
    Rule("source.the-attack-refers-to-the-last-attacker", _A,
         "A definite instrument without an actor ('was also killed in the attack') refers back to the source of "
         "the last asserted act of force in an earlier sentence of the document."),
    Rule("source.ud-passive-prepositional-actor", _A,
         "UD-PETRARCH's convention: a passive without a 'by' agent takes the actor of a prepositional phrase of the "
         "verb as source ('was shot dead in Osgiliath').",
         note=NOWHERE + "it is UD-PETRARCH's convention, on only with dictionaries that ship a PICO ontology; the "
              "UD-PETRARCH gold suite is its use"),
    Rule("source.domestic-role-takes-the-place-country", _A,
         "A source of unknown country whose role acts at home (a president, a court, police; not forces or armed "
         "groups) takes the one country named as a place in the trigger's clause: 'the president threatened a "
         "curfew in Algiers' (DZAGOV)."),
    Rule("source.agent-of-the-instrument-noun", _A,
         "The instrument of force of a passive without 'by' ('killed in a raid', 'in an attack') whose own words "
         "name no actor with a country takes the agent its phrase names: its 'by' phrase ('killed in a raid by US "
         "special forces') or the 'by' agent of a participle of doing or claiming that modifies it ('killed in an "
         "attack claimed by the Taliban', 'in an air strike carried out by the Saudi-led coalition'; "
         "lexicons/senses.tsv doing-participle). A nominal's 'by' phrase names its doer as a passive's does, and a "
         "group claiming an attack owns it in the news that reports it. Before, these killings had no doer and no "
         "event (or the instrument's own '---MIL')."),
    Rule("source.agentless-violence-takes-the-doer-of-its-force-clause", _A,
         "A passive of violence (killed, wounded, injured, hurt) with no 'by' agent and no instrument phrase whose "
         "clause of time ('when', 'as', 'after') tells an act of force in active voice by a named subject takes "
         "that subject as its doer: 'Scores of Russian mercenaries were reportedly killed when US forces carried "
         "out air strikes' (was no killing event: USA -> RUS), 'Three Turkish soldiers were killed when Kurdish "
         "militants attacked their convoy'. The clause is of force by its verb (lexicons/senses.tsv "
         "force-clause-verb, violent-verb) or its object (an instrument of force: 'carried out air strikes'); a "
         "pronoun subject is no doer (it may be the patient: 'was wounded when he attacked'), nor is a clause of "
         "another act ('were killed when the building collapsed')."),
    Rule("source.the-one-who-planted-the-device-did-its-violence", _A,
         "A passive of violence (killed, wounded, injured, hurt) with no 'by' agent whose clause of time ('when', "
         "'as', 'after') tells the blast of a placed device (its subject or object: a bomb, mine, IED, explosive "
         "device; lexicons/senses.tsv planted-device) takes as its doer the 'by' agent of the participle of placing "
         "in the device's phrase (planted, laid, emplaced, placed; planting-participle): 'At least 86 people were "
         "killed when a vehicle-borne improvised explosive device ... emplaced by Islamic State militants, "
         "detonated' (was no killing event), 'All soldiers aboard a heavy military vehicle were killed after the "
         "vehicle hit a ground mine laid by the rebels' (was none: the vehicle hitting the mine did nothing). The "
         "one who placed the device did what its blast did, as 'killed by a bomb planted by the Taliban' says with "
         "the device as agent. A clause of time on a coordinated passive of violence tells both ('86 people were "
         "killed and 230 others were wounded when ...'); this holds for "
         "source.agentless-violence-takes-the-doer-of-its-force-clause too."),
    Rule("source.agentless-lead-act-takes-the-headline-doer", _A,
         "A verb of the lead sentence (the first body sentence) with no doer named, or only a state body or instrument"
         " of no country ('officials', 'in an air strike': ---MIL) or the one source.authorities-arrest-and-try "
         "supposes, takes the doer of the headline's act of the same kind: the same root, or both violent (18-20), "
         "done to the same party (a lead act with a target needs a headline act with a target of the same country), "
         "told by a finite verb and asserted or reported by the headline itself. The headline names the doer the lead "
         "leaves out: 'United States assassinates high ranking Iranian military leader in Baghdad' over 'Iranian "
         "Major-General Qassem Soleimani ... and Iraqi militia commander Abu Mahdi al-Muhandis were killed early on "
         "Friday in an air strike on their convoy at Baghdad airport' (190 USAMIL -> IRNMIL and IRQMIL, was ---MIL; "
         "the headline's 186 joins the lead's event), 'Turkey detains German journalist' over 'A German journalist has"
         " been detained while reporting on the protests' (TURCOP, was DEUCOP: the police of the one arrested's "
         "country); a state body keeps its role and takes the headline doer's country. Not when the lead names its "
         "doer's country or a doer of its own ('Gunmen killed', 'killed in a U.S. airstrike'), nor by a name no "
         "dictionary codes ('Ashley Cole has refused to blame Robin van Persie' under 'Cole refuses to blame van "
         "Persie': the title's surname coded apart is a guess, SLEELI; review of session 16), not for an event noun "
         "(the act named in passing, 'tensions soared after the assassination of Soleimani': a second event of the "
         "same act), nor from a doer the headline only quotes ('Pentagon says general killed in strike': the speaker "
         "is no argument of the act) or a participle the parser took for the headline's verb ('UK helps raped Rwandan "
         "women'), nor for another act or another victim ('Iraq bombs Islamic State positions' is not 'Three Iraqi "
         "soldiers were killed in a roadside bombing'). One headline act is told again by one lead act, the first "
         "of its kind the rule reaches (a second agentless act of the family is another act), and a lead act whose "
         "clause names where the blow came from, not the doer's country ('Two Palestinian civilians were killed "
         "when a rocket fired from Gaza fell short' under 'Israel kills Hamas commander in Gaza strike'), is "
         "another act and takes no doer (review of session 15). The headline is the text's first line when it is "
         "the title (plain-text ingest) or the title given apart from the text, parsed apart (JSON, CSV, HTML); "
         "the doer taken from a title parsed apart is spanned by the lead's verb. Module headline_doer.py."),
    Rule("source.authorities-arrest-and-try", _A,
         "An arrest, detention, charge, prosecution, sentence or jailing with no agent named (a passive without "
         "'by', a participle modifying its noun, an event noun without 'by') is done by the police (arrest, detain) "
         "or the courts (charge, prosecute, sentence, convict, indict, jail, imprison) of the country where it "
         "happens: the one country named as a place in the clause, else the country of the one arrested: 'a "
         "Briton was detained in Iran' (IRNCOP -> GBR), "
         "'the reporter's arrest' (the possessor of such a noun is the one arrested; a surname the entity recogniser "
         "mislabels is a person when the article gives it in a person's full name: 'the arrest of Mhlanga' after "
         "'Blessed Mhlanga, a journalist'). A lemma the model gets wrong is taken from the verb's regular form "
         "('rearrested' -> rearrest). Real-news conventions only "
         "(bundled dictionaries); the verbs are data (lexicons/verb_classes.tsv, police-act and court-act). Not when "
         "the one held was abducted ('aid workers kidnapped by al-Shabab were imprisoned in a cave': their captors "
         "hold them)."),
    Rule("source.captors-free-their-hostages", _A,
         "A release with no agent named in a sentence that also tells of an abduction or hostage-taking (a word "
         "the dictionaries code 181: kidnapped, abducted, abduction) is the captors' act, not the authorities': "
         "'a French tourist kidnapped in Niger has been freed' gives no police of Niger (release and free are "
         "lexicons/verb_classes.tsv custody-release, done by the police of the country where the one freed was "
         "held, never taken from the one freed's own country; the story's country, by "
         "source.authorities-of-the-story-country, may be theirs: most releases in news are a country freeing "
         "its own people)."),
    Rule("source.place-freed-is-no-custody-release", _A,
         "A passive release (free, release, liberate without a 'by' agent) whose subject is a place, a place noun "
         "('her village was freed from Isis', 'the town was liberated') or a name the dictionaries code as a "
         "country with no role ('Mosul was freed from Isis control last year'), tells of territory taken back, not "
         "of people let out of custody: no police or courts of any country are its source "
         "(source.authorities-arrest-and-try), and with no agent named no event is coded. Not a person or group "
         "('the detainees were freed', 'Brunson was released'). Real-news conventions only."),
    Rule("source.authorities-of-the-story-country", _A,
         "An arrest, detention, charge or sentence with no agent named and no place or patient's country that says "
         "where it happens ('the arrest of Tendai Moyo sent a chilling message', 'she was detained on Sunday') is "
         "done by the police or courts of the country the article is about there (the country its earlier "
         "sentences name most, referents.country_at). Real-news conventions only (bundled dictionaries)."),
    Rule("source.authorities-of-the-announcing-state", _A,
         "An arrest, detention, charge, sentence or release with no agent named and no place or patient's country "
         "that says where it happens, told in the complement of a speech verb whose subject is a state body (a "
         "government, ministry, its forces, police, courts or services, or a country named alone) of another "
         "country than the one the article is about there, is done by the authorities of the speaker's country, not "
         "of the story's: a state announcing an agentless act of custody announces its own ('The Pentagon says "
         "they were freed after the UK government promised ...' in a British story: USACOP; 'The US has announced "
         "that Mamdouh Habib will be released'). The one held, named without a country (a pronoun, a name), is "
         "then of the story's country, not the holder's (target.one-held-is-of-the-country-holding-them): the "
         "article tells of its own people held abroad ('they' are the British men). A speaker who is no state "
         "body (a lawyer, a rights group, a media association: 'CamboJA said Mech Dara was released') leaves the "
         "story's country "
         "(source.authorities-of-the-story-country). Real-news conventions only (bundled dictionaries)."),
    Rule("target.one-held-is-of-the-country-holding-them", _A,
         "The person an agentless arrest, detention, charge or sentence is done to, named without a country (a "
         "personal pronoun or a person's name as passive subject, the possessor or 'of' object of the act's noun, "
         "a role without a country: 'he was charged with incitement', 'the arrest of an opposition lawmaker'), is "
         "the target, of the country whose authorities act: people a state arrests and tries are mostly its own "
         "(docs/events-gold.md, section 2: actors without a stated country take the country where they act). A "
         "thing ('the ship was detained') is no target."),
    Rule("source.relative-pronoun-stands-for-its-noun", _A,
         "The relative pronoun subject of a passive relative clause stands for the noun the clause modifies: "
         "'al-Muhandis, who was also killed'."),
    Rule("source.relative-pronoun-of-a-verbal-act-is-its-noun", _A,
         "The relative pronoun subject ('who', 'which', 'that') of an active relative clause whose verb is a verb "
         "of saying something to or about a party (accuse, blame, call, condemn, criticise, demand, deny, reject, "
         "urge ...: lexicons/verb_classes.tsv verbal-act) coded as a verbal act (roots 01, 02, 10, 11, 12) and "
         "done in the past, the perfect or the progressive stands for the noun the clause modifies, as for a "
         "passive one: 'a war veteran-turned-politician who criticized the country's president' (VOA, 111), "
         "'Foreign Secretary Jack Straw, who accused the Tories of running scared' (BBC), 'Donald Trump, who has "
         "called for the US to stay out of Syria' (Guardian). A speech act is an event in time, so the clause "
         "reports it; an active relative clause of any other verb mostly describes its noun's standing role ('the "
         "general, who led the Quds Force', 'the PKK, which has fought the Turkish state', 'forces who had allied "
         "against Isis', 'an operation that involved the Turkish army') and stays uncoded, and so does a present "
         "simple ('a group which calls for independence': a standing position)."),
    Rule("source.visiting-noun-is-the-visitor", _A,
         "On real news, 'visiting' right after a verb that receives visitors and takes no gerund complement (meet, "
         "receive, welcome, greet, host, assure, tell, thank ...: lexicons/verb_classes.tsv visitor-host), which "
         "has no object of its own, is an attributive participle of the noun after it (the parser reads it as the "
         "verb's complement with that noun as its object): the noun is the visitor and the verb's subject its "
         "host, so the visit (042) is the noun's to the subject and the hosting (043) the subject's. 'On Thursday "
         "in Washington, U.S. Secretary of State Antony Blinken assured visiting Australian Foreign Minister "
         "Marise Payne ...' (VOA 2021: Blinken was coded visiting Payne), 'Putin met visiting Chinese President Xi "
         "Jinping in Moscow', 'Erdogan welcomed visiting Iranian President Hassan Rouhani'. 'Blair enjoyed "
         "visiting Israel' (enjoy takes a gerund) and 'Mr Brown is visiting Tanzania' stay the subject's visits."),
)
