"""The event coder's rules of one phase, arguments: the target of an event, the finders in the order they are tried, in
the order the coder meets them; ``..registry`` joins the phases in their order."""

from __future__ import annotations

from ..base import PHASES, Rule
from .notes import NOWHERE, QUIET

_A = PHASES[1]

TARGETS: tuple[Rule, ...] = (
    Rule("target.visiting-noun-is-the-object", _A,
         "On real news, a verb with no object of its own followed by an attributive 'visiting' that the parser read "
         "as the verb's complement, with the visitor as its object (source.visiting-noun-is-the-visitor: 'Blinken "
         "assured visiting Australian Foreign Minister Marise Payne'), takes that visitor as its object: the one "
         "assured, met, thanked or welcomed is the visitor, as the phrase means ('Putin thanked visiting Chinese "
         "President Xi Jinping for his support': 051 RUSGOV -> CHNGOV; 'Erdogan welcomed visiting Iranian "
         "President Hassan Rouhani'). Before, the verb read its target elsewhere or had none (VOA 2021: 'assured' "
         "-> Washington, then no target)."),
    Rule("target.rejected-accusation-is-against-the-rejecter", _A,
         "An accusation noun (allegation, accusation, criticism) with its accuser named (possessor, 'by' or 'made "
         "by') and no 'against' phrase, which a verb of rejection or denial has as its object ('the Afghan Taliban "
         "rejected "
         "Pakistan's allegation that ...', 'India rejected the allegations made by Pakistan', 'Qatar denies "
         "Riyadh's accusations'), is an accusation (112) against the one who rejects it: one rejects what is said "
         "of oneself. The rejection is coded by its verb too (016/12). Nouns and verbs are data "
         "(lexicons/event_nouns.tsv: accusation, shared with target.denial-answers-the-accuser; accusation-rejecter)."),
    Rule("target.subject-of-face-undergoes-the-noun", _A,
         "An event noun with a doer and no target of its own that is the object of 'face' or 'risk' is done to "
         "that verb's subject, who would undergo it: 'Turkey could face sanctions from the United States' (USA -> "
         "TUR, hypothetical), 'Britain faces criticism from the EU'; its modality is the governor's "
         "(modality.event-noun-follows-its-governor: a present 'faces' is threatened, a past 'faced' asserted)."),
    Rule("target.subject-under-a-force-noun-undergoes-it", _A,
         "A force noun (CAMEO 18-20) that is the object of 'under' on a verb is done to that verb's subject, who "
         "gives way under it: 'Isis's self-proclaimed caliphate has collapsed under a multi-pronged assault in Iraq "
         "and Syria by Turkish-backed rebels, US-led coalition forces, ...' is the rebels' and forces' assault on "
         "Isis, not on Syria (Guardian 2018: before, the place of the noun, target.force-noun-acts-on-its-place); "
         "'the town's defences crumbled under heavy bombardment by government forces', 'the rebels buckled under "
         "a Russian-backed offensive'. 'Came under attack' is the verb's own code (code.came-under-attack)."),
    Rule("target.threatened-act-gives-the-threat-its-target", _A,
         "A threat or warning noun with its doer named and no against/to target whose 'to' infinitive names the act "
         "threatened takes that act's target, as the verb does ('threatened to invade Taiwan'): 'Trump's threat to "
         "impose bigger tariffs on European spirits' (USA -> EUR 13), 'China's threat to invade Taiwan' (CHN -> "
         "TWN). The threatened act is not coded as done. Nouns are data (lexicons/event_nouns.tsv, "
         "threatened-act)."),
    Rule("target.one-asked-in-the-clause-of-a-demand-noun", _A,
         "A noun of demand or appeal with its author named (possessor, modifier or 'by') and no on/to addressee is "
         "addressed to the subject of its mandative 'that' clause or of its 'for ... to' clause, as the verb is "
         "(target.subject-of-a-complement, target.one-asked-to-act): 'Donald Trump's demand that Germany, France "
         "and Britain repatriate and prosecute their citizens' (USA -> DEU, FRA, GBR 10), 'the EU's call for Iran "
         "to release the tanker' (IGO -> IRN). What is asked for is not coded as done (modality.demanded-act). An "
         "indicative clause is a claim, not a demand, and a pronoun subject may be the author's own side: no "
         "target. Nouns are data (lexicons/event_nouns.tsv, asked-in-clause)."),
    Rule("target.force-noun-acts-on-its-place", _A,
         "A noun of force (roots 18-20: attack, strike, airstrike, bombing, shelling, raid, war, kidnapping ...) "
         "with its doer named in its phrase and no on/of/against target is done to the place of its 'in/inside/"
         "across' phrase, as force is for a verb (target.place-only-for-place-acts) and as the gold conventions "
         "code an act done to a place (docs/events-gold.md, section 2): 'Israeli airstrikes in Gaza' (ISR -> PSE), "
         "'a US drone strike in Somalia' (USA -> SOM). Without a named doer ('the chemical attack in Douma', "
         "'terrorist attacks in Britain'), for an act not (yet) done ('potential US strikes in Syria', 'a decision "
         "on strikes in Syria') or named as a verb's object ('condemned an attack by X in Y', coded as the outer "
         "act, docs/events-gold.md section 8) it codes nothing; nor does a place in the doer's own country ('Nigerian "
         "army raids in Nigeria's north-east', 'Russian air strikes in Russia's Kursk region' are not done to the "
         "doer's own country)."),
    Rule("target.attribution-is-no-party", _A,
         "An actor inside an attribution of the act ('according to X') is no target, whichever target finder "
         "reaches it: the phrase names who reports the act, not the one it is aimed at ('According to a new book, "
         "Mr Blair went back on a pledge' is no consultation with the book's country; 'the CIA cut support ..., "
         "according to several rebel commanders' does not target the rebels). The next finder is tried."),
    Rule("target.occasion-is-no-party", _A,
         "An actor phrase headed by a noun of an occasion (meeting, rally, conference, summit, election ...; "
         "lexicons/stances.tsv occasion-noun) that a finder reaches through a phrase of the act (prepositional "
         "phrase, after the pattern, inside the object) is when or where the act happened, not its target: 'Senior "
         "MPs are expected to raise concerns at the regular meeting of Labour backbenchers', 'returning from a "
         "summit in the Saudi capital', 'will join other campaigners at a rally in London'. The next finder is "
         "tried. Not a body named like one ('Congress')."),
    Rule("target.topic-of-a-noun-is-no-party", _A,
         "An actor that a finder reaches through a phrase of the act (prepositional phrase, after the pattern, "
         "inside the object) by an 'on/about/over/concerning/regarding' phrase of a noun of information or "
         "discussion (briefing, question, report, statement, debate, talks ...; lexicons/stances.tsv topic-noun) "
         "is what is told, asked or discussed, not the party the act is aimed at: 'The Labour leader has asked for "
         "a security briefing on Syria' is no appeal to Syria, 'will have to answer questions about the special "
         "forces' no act on them. The next finder is tried. Not a phrase of the verb itself ('called on X', "
         "'complained about X') nor of a noun of an act ('attacks on X', 'pressure on X')."),
    Rule("target.time-adjunct-is-no-party", _A,
         "An actor that a finder reaches through a phrase of the act (prepositional phrase, after the pattern, "
         "inside the object) by a preposition of time (after, during, following, amid, since, until) or the of/to "
         "phrase of a word of a time frame ('in the wake of', 'ahead of', 'on the eve of', 'prior to') is when the "
         "act happened, an adjunct, not the party it is aimed at: 'Lufthansa may sue federal agencies for damages "
         "after the arrival of US president George W Bush' is no lawsuit against Bush, 'NATO is removing some of "
         "its trainers in the wake of the American killing of Suleimani' no expulsion of Americans, 'During the "
         "Iraq War, Crocker dealt with Suleimani' no dealing with Iraq, 'After Syria, Mr Putin travelled on to "
         "Cairo' no visit to Syria, 'withdrew from the town ahead of a visit by the Russian president' no "
         "withdrawal from Russia. The next finder is tried. A particle 'after' of its verb ('looked after the "
         "hostages', 'went after the rebels') takes the verb's object and is left alone, and so does the other "
         "party of an exchange the adjunct names by a noun's with/against phrase: the act belongs to it ('called off "
         "a four-day strike after deliberations with the Nigerian government', 'threw stones during demonstrations "
         "against the Israeli military'). A phrase of 'on', 'in' or 'at' whose object is a date or time is a time "
         "adjunct too, and so is a place hung on it: 'On Thursday in Washington, U.S. Secretary of State Antony "
         "Blinken assured visiting Australian Foreign Minister Marise Payne ...' is no assurance to the US (VOA "
         "2021). Words are data (lexicons/place_words.tsv: time-preposition, time-frame-word, after-particle-verb)."),
    Rule("target.topic-is-no-party", _A,
         "The object of a verb of discussion coded by its default is a topic, not a counterpart ('discussed "
         "Idlib'); only a 'with' phrase gives the target."),
    Rule("target.place-left-is-not-met", _A,
         "A departure verb coded as a consultation does not meet the place it leaves ('left Baghdad'), nor a "
         "companion ('with an escort'); a destination ('left for X') is met.",
         note="masked on its examples by code.leaving-is-no-visit (session 23): a departure coded as consultation "
              "is no event unless it is a visit ('left Baghdad for Moscow'), where this rule still keeps the place "
              "left out of the targets"),
    Rule("target.placed-by-the-pattern", _A,
         "A '+' in the matched pattern places the target: the first actor after the pattern word it follows.",
         note="no example with the bundled dictionaries: their '+' patterns put '+' first ('* + MISSION', which "
              "places nothing) or after a word whose actor a later finder reaches too"),
    Rule("target.weapon-phrase-leaves-the-object", _A,
         "A pattern of force (roots 18-20) whose words after the verb are a 'with' phrase placing no one ('* ( "
         "WITH &WEAPON )' 194, '* ( WITH &CHEMICALARMS )' 2041, verbs_supplement.txt) names what the act was done "
         "with: when the verb has a direct object, the object is whom it was done to, and target.after-the-pattern "
         "does not take a party after the phrase ('Indian police attacked Kashmiri protesters with batons and tear "
         "gas in Srinagar' targeted IND by the place; 'Turkish forces targeted Kurdish fighters with drones in "
         "northern Syria' SYR). 'Clashed with police' (no object) and '( WITH + )' patterns are not concerned."),
    Rule("target.partner-named-with-with-or-none", _A,
         "A pattern whose target is the whole 'with' phrase that ends it ('* ( WITH + )': WORK in "
         "verbs_supplement.txt) names the partner there: with no actor in that phrase the event has no target, "
         "none is taken from another phrase ('worked with children', 'work with our partners to expel every last "
         "Iranian boot from Syria': no 050 with Iran; 'is working with him during his second term as president': "
         "not the president, and a 'him' or 'her' there is left to target.object-pronoun-refers-back)."),
    Rule("target.noun-of-a-participle", _A,
         "A past participle modifying a noun makes the noun its target: 'a soldier arrested in Turkey'."),
    Rule("target.subject-when-the-pattern-places-the-source", _A,
         "A pattern that puts the source after the verb ('+ * MONEY $', '* TABASKI ^ $') makes the subject the "
         "target.",
         note=NOWHERE + "the bundled dictionaries have 17 '$' patterns; kept, it is PETRARCH's pattern semantics and "
              "fires on its examples"),
    Rule("target.named-object", _A,
         "A named (proper noun) object is the target: 'blamed Israel for the bombing'."),
    Rule("target.object-pronoun-refers-back", _A,
         "'him' or 'her' addressed by the act (its object, the object of an on/at/to/with/against phrase, or the "
         "one asked to act in an appeal's 'for him to') is a person named before it, in its sentence or the two "
         "before, who is not the act's own source (an object pronoun never stands for its clause's subject, nor "
         "for a name of it: its code, its dictionary name, its word, a title in apposition to it): the nearest in "
         "its own sentence ('sent a letter to Marco Rubio, urging him to'), else the nearest named as a subject "
         "('Tony Blair met Jacques Chirac ... Mr Blair urged him to back the plan': FRA; 'Liam Fox said ... But Mr "
         "Clarke accused him of'), else the nearest. A person named there without a code is the one meant, and "
         "then nothing is found. Names the parse labels as places, organisations or dates, and organisations' "
         "codes, are no antecedent; a person's name coded as the body the person serves is the person ('special "
         "rapporteur Richard Bennett' IGOUNO, 'Amnesty researcher Joanne Mariner ... soldiers detained her')."),
    Rule("target.owner-of-the-criticised-stance", _A,
         "An opinion (disapproval 11, rejection 12, or a verb of attack in words: 'attacked', 'slammed') whose "
         "objects name no actor but a stance of someone (what a party says, plans, decides or does: plan, "
         "proposal, call, remark, decision ...; lexicons/stances.tsv) as its object, passive subject or "
         "'against/at/on' object is aimed at the stance's owner, its possessor or the modifier before it that "
         "names an actor: 'Howard criticised Labour's plans for the health service' (GBRPTY, not the health "
         "service), 'the prime minister ridiculed the Tory plans', 'Mr Brown rejected the Lib Dems' call to ...', "
         "'launched an attack on Conservative spending plans', 'condemning the Trump administration's move to "
         "withdraw US troops' (USAGOV, not the troops). Without an owner it finds nothing."),
    Rule("target.author-of-the-criticised-words", _A,
         "An opinion (disapproval 11, rejection 12, a verb of attack in words) aimed at a stance noun with no owner "
         "before it (lexicons/stances.tsv: comments, remarks, statement, claim, decision ...) is aimed at its "
         "author named after it, in a 'by' phrase or as the 'by' agent of a participle of doing or saying on it "
         "(lexicons/event_nouns.tsv agent-participle): 'Iraq's president has hit back at comments made by Donald "
         "Trump' (USA), 'China criticised the statement by the US State Department' (USAGOV). An opinion is aimed "
         "at the one who spoke, not at what was spoken about."),
    Rule("target.criticised-act-targets-its-doer", _A,
         "An opinion (disapproval 11, rejection 12) aimed at an act done to someone (lexicons/event_nouns.tsv, "
         "done-to-act: arrest, detention, killing, attack, sanctions ...) that names the one it is done to or its "
         "doer is aimed at the doer: its 'by' agent ('condemned the arrest of the activist by the security "
         "forces'), a possessor that does not undergo it ('Israel's raid on the camp', not 'his arrest'), a "
         "modifier ('the US strike'); with no doer named, for a definite act of force the attacker of the last "
         "act of force the article told ('A US drone strike killed Soleimani ... Russia called the killing illegal'), "
         "and for an act of authority (arrest, detention, expulsion, sanctions ...) the government of the place it "
         "is done in, else of the country of the one it is done to: a state's authorities arrest and expel on their "
         "own ground, whoever undergoes it ('the expulsion of diplomats from Iran': IRNGOV; 'Britain condemned the "
         "detention of a British journalist in Egypt': EGYGOV, not GBRGOV, review 14; 'condemned the arrest of the "
         "Saudi activist': SAUGOV, not the activist), never the critic state itself ('Britain condemned the "
         "detention of a British journalist': no target). The one the act is done to is not the one criticised "
         "(review 13 #1): an act of force with no "
         "doer found leaves the opinion without a target. A named object is the one criticised and is left to the "
         "other finders ('condemned Israel for the killing of X'); so is an act noun that gives the verb its code "
         "('launched an attack on the Tory plans')."),
    Rule("target.accused-is-the-object", _A,
         "A verb of accusation (lexicons/verb_classes.tsv, accusation) coded as disapproval (11) with an "
         "'of/for/over' complement targets its object, the one accused, even a common noun ('Human rights groups "
         "accused the Egyptian government of torturing detainees': EGYGOV, not the detainees the pattern's "
         "'of torture' is followed by); not with 'on' ('blamed it on X': X)."),
    Rule("target.pronoun-accused-is-the-governing-object", _A,
         "The object pronoun ('it', 'them', 'him', 'her') of such a verb in a participle clause stands for what "
         "the clause it belongs to acts on, the nearest actor among that clause's objects and the objects of its "
         "and its object's prepositions: 'Pakistani officials blamed India, accusing it of ...' (India); 'imposed "
         "a boycott on Qatar, accusing it of supporting militants' (Qatar); 'stepped up his rhetoric against the "
         "US, accusing it of ...' (the US), not the militants of the content."),
    Rule("target.accusation-content-is-no-party", _A,
         "When the object of such a verb names no actor ('accusing it of supporting Islamist militants', "
         "'criticised Europe for not doing as much as Turkey'), no actor inside the 'of/for/over' complement is "
         "the target either: it is what the accused is said to have done. The act keeps no target (and so, by "
         "target.uncoded-addressee-leaves-no-event, gives no event)."),
    Rule("target.counterpart-is-the-other-party", _A,
         "'his/her/their counterpart' with no country of its own is the other party of the talks: the latest actor "
         "of another country than the source's, coded in the same sentence or the previous one ('Modi met Abe. "
         "Modi praised his counterpart' targets Japan)."),
    Rule("target.object-the-pattern-ends-on-is-the-target", _A,
         "A pattern of coercion or force (CAMEO 17-20) whose last word or synset matched a noun of the verb's "
         "direct object ('* &CAPTIVE', 'POLICE * &PROTESTER', '* PROTESTERS') names the party acted on: that "
         "noun's actor is the target, not the first actor after the pattern's last word "
         "(target.after-the-pattern): 'Kurdish fighters captured two Iraqi soldiers in Syria' (IRQMIL, was "
         "Syria), 'Police officers attacked the protesters in Cairo' (the protesters, was Cairo), 'Security "
         "forces arrested dozens of protesters in Tehran on Saturday' (the protesters, was Tehran). A noun "
         "without an actor of its own (an event noun, 'condemned an attack by X') leaves the finder reading on as "
         "before; so does a pattern of giving, sending, selling or withdrawing, whose object is the thing given or "
         "moved ('sent troops into Syria', 'gave an intelligence briefing to foreign ambassadors', 'withdraw "
         "2,000 US ground forces from eastern Syria')."),
    Rule("target.after-the-pattern", _A,
         "The target is the first actor after what the matched pattern consumed: 'condemned an attack by X', "
         "'vowed to wage war on X'.",
         note="masked on its examples: with it off, the object or prepositional-phrase finder reaches the same "
              "actor; kept until the real-news gold can tell whether it earns its place"),
    Rule("target.clause-after-the-pattern-names-no-target", _A,
         "On real news the first actor after what the pattern matched (target.after-the-pattern) is not looked for "
         "inside a clause with a subject of its own that is what a word of telling or commenting is about "
         "(lexicons/stances.tsv topic-noun, senses.tsv comment-verb and declining, verb_classes.tsv speech), below "
         "the pattern's last word: 'A Turkish foreign ministry official declined to comment on the YPG "
         "announcement - or on whether Turkey would fight Syrian government forces' (Guardian, was TURGOV -> TUR "
         "011), 'declined to comment on whether Iran had fired the "
         "missiles', 'declined to give details of where British intelligence believes Cantlie is held': the "
         "clause is the topic of what is (not) told, as a noun's topic phrase is (target.topic-of-a-noun-is-no-"
         "party); the next actor or finder is tried. The subject of a clause after other words may be the one the "
         "act is about ('called for an inquiry into whether the Home Office had misled Parliament', 'expressed "
         "anger at how Britain had treated its diplomats'), and a clause without a subject of its own continues "
         "the act ('remained committed to joining the EU', 'used tear gas to disperse demonstrators', 'a deal on "
         "handing sovereignty of the Chagos Islands to Mauritius', VOA gold GBR -> MUS): both stay. The suites "
         "keep PETRARCH's convention."),
    Rule("target.comparison-of-manner-names-no-party", _A,
         "The object of 'like' or 'unlike' hanging on a verb compares the manner of an act and takes no part in "
         "it: the first actor after the pattern skips it ('The Tories accused the prime minister of behaving like "
         "schoolboys' targets the prime minister; 'they treated the detainees like criminals'). 'Like' on a noun "
         "gives examples of it and names parties ('to support countries like Jordan, Lebanon and Turkey'; "
         "'targeting countries like Iran')."),
    Rule("target.venue-is-no-party", _A,
         "The place where an act was done is no party to it (docs/events-gold.md, section 2: the place of a meeting "
         "is not a party): an actor found after the pattern or in the object (target.after-the-pattern, "
         "target.object, target.actor-inside-the-object) that is a name coded as a country with no role and is "
         "reached from the verb through nouns and locative prepositions only (lexicons/place_words.tsv "
         "preposition: in, at, near ...), or is a noun of an occasion (meeting, talks, summit ...) whose country "
         "comes from its own locative phrase, is dropped and the next finder is tried: 'Taliban negotiators held "
         "talks at a hotel in Moscow' (was 046 -> RUS), 'China will convene a meeting in Beijing with Iran and "
         "Russia' (VOA: now with Iran and Russia), 'officials were meeting at the Qahira Hotel in central Somalia' "
         "(VOA, was 036 -> SOM), 'Iran's foreign minister joined talks in Geneva' (was 040 -> CHE). "
         "target.place-only-for-place-acts reads a phrase of the verb so. A body or office stays ('met at the "
         "Kremlin': RUSGOV), and so do a party in another "
         "phrase ('talks at the invitation of Russia', 'a deal with Iran in Vienna'), a modifier naming a party "
         "('Russian-led talks in Astana'), a place an act is done to (concessions, protests, sanctions, force: "
         "'shelled a village in Idlib', and a verb of force that may be recoded so: 'attacked rebel positions near "
         "Idlib'), the one a request, complaint or lawsuit is made to ('Iraqi Kurds sought refuge in Germany', "
         "PLOVER GSR dev: DEU; 'lawyers filed a complaint in Beirut'), the "
         "place visited ('visited a village in Iraq', 'attended a summit in Doha': a visit, 042/043, is to the "
         "place) and a journey's end ('arrived in Kabul'). An occasion hosted (verb_classes hosting: host, "
         "convene, organise, with a noun of an occasion as its object) is no visit to its place: 'Mr Putin hosted "
         "talks in Sochi with the leaders of Iran and Turkey' hosts no Russia (Guardian 2017: 043 RUSGOV -> RUS and "
         "its converse, before). When the object is only the venue ('talks in Sochi'), its other phrases are "
         "still read for the party (target.actor-inside-the-object): there the leaders of Iran and Turkey are "
         "hosted (043 RUSGOV -> IRN, TUR; none before)."),
    Rule("target.landmark-is-no-party", _A,
         "A place given by a border or as beyond a landmark names no country of the place, still less the party of "
         "an act: an actor that a phrase of the act reaches (target.after-the-pattern, target.object, "
         "target.actor-inside-the-object, target.prepositional-phrase) through 'beyond X', or through a phrase "
         "placing something by a border (near, along, outside, off; north/south/... of; close/next to + border, "
         "frontier, boundary: a border lies between two countries) is dropped, whatever its role, and the next "
         "finder is tried: 'Soleimani's Quds Force, tasked with carrying out operations beyond Iran's borders' (was "
         "IRNMIL -> IRN 062 and its reverse), 'Jordan criticised the construction of a wall along the Iraqi border' "
         "(was -> IRQ), 'The UN supplied food to a camp near the Syrian border' (was -> SYR). A place near a town is "
         "in the town's country and stays ('a camp north of Baghdad': IRQ). As for target.venue-is-no-party, acts "
         "done to a place (concessions, protests, sanctions, force, deployment: 'bombed targets near the Iraqi "
         "border' is IRQ by CAMEO's convention), visits, requests and a journey's end keep it. Words are data "
         "(lexicons/place_words.tsv: landmark-preposition, landmark-of, landmark-to, border-noun, "
         "beyond-preposition)."),
    Rule("target.doer-of-the-act-reacted-to", _A,
         "An object that is an act done by someone ('condemned the attack by X') makes its doer the target.",
         note=QUIET + "nor on iran_crisis_2020, and it is masked on its examples: with it off, the "
              "actor-inside-the-object finder reaches the same doer. Kept until its owner decides: the gold gives "
              "it no case, so deleting it (arguments.py, _doer_of_condemned_act) changes no measured output"),
    Rule("target.owned-installation-is-its-forces", _A,
         "A military installation the act is done to (its object, the object of at/on/against, or the noun the "
         "pattern ends on; lexicons/place_words.tsv: installation-noun) whose owner is named on it is those forces, "
         "not the country where it stands: 'Iran attacked a US base in Iraq' (USAMIL, not IRQ), 'missiles had been "
         "fired at the American base at Asad', 'Russia bombed NATO's base', 'rebels shelled a Russian airbase in "
         "Syria'; a relative clause naming who is stationed there names them ('missiles at two Iraqi military bases "
         "hosting U.S. troops': USAMIL). Words naming its kind (military, air, naval) are no owner; an installation "
         "with no owner ('a base in Iraq') is left to the other finders. Only for acts of force (roots 15, 17-20): "
         "'Britain's manufacturing base' names no forces, and a visit to a US base in Qatar is one to Qatar."),
    Rule("target.object", _A, "The direct object (or attribute, dative, passive subject) is the target."),
    Rule("target.actor-inside-the-object", _A,
         "PETRARCH's convention: an actor inside the object is the target ('condemned the closure of the embassy of "
         "Iran', 'restore ties with X', 'jailed hundreds of protesters'), reached through the "
         "object's own phrases only (inside_object.py): not through a clause hanging on a noun ('destroy a force "
         "trained by the United States', 'guarantees that Turkey would not attack'), an adjective's phrase "
         "('attend Putin-sponsored talks', 'a system similar to Australia's'), a relation between others ('the "
         "links between local people and the police'), nor, unless the act is done to a place (force, coercion, "
         "a visit, a journey's end), a place phrase ('plans to build new casinos in Britain'); those are actors "
         "named in passing, parties of another predication. The author of words a participle credits them to is "
         "their target ('rejected the allegations made by Pakistan'), and for an act done to a place or thing "
         "the holder a participle of possession names ('struck targets belonging to Hezbollah', 'shelled areas "
         "held by the rebels', 'seize land owned by a British company': own, control, occupy, hold, run, operate, "
         "belong)."),
    Rule("target.head-of-an-object-relative-clause", _A,
         "A relative pronoun that is its clause's object stands for the noun the clause modifies, which is the "
         "target: 'the Kurdish militias that Turkey is now battling in Syria' (was TUR -> SYR, then TUR with no "
         "target), 'Isis fighters that we captured in Syria' (was USA -> SYR). Not when the clause has another "
         "object, a complement ('a government that Washington had sought to unseat': the pronoun may be the "
         "complement's) or a party in a non-place phrase ('the conditions that Suleimani imposed on the "
         "Iraqis': the pronoun is the thing imposed); a relative adverb ('Iraq, where the Quds Force helped "
         "militias') or subject ('the rebels who attacked X') is no object. Real-news conventions only."),
    Rule("target.head-of-an-object-relative-clause-without-its-pronoun", _A,
         "A relative clause with no relative word, a subject of its own and no object (a contact clause: 'the "
         "tanker Iran seized last week', 'the rebels Syrian forces bombed') has left its object pronoun out: the "
         "noun it modifies is the object, and the target, as target.head-of-an-object-relative-clause has it with "
         "the pronoun ('the British tanker Iran seized' was IRN with no target). The same guards: not with an "
         "object, a complement, or a non-place phrase of its own ('the officials Reuters spoke to', 'the men police "
         "described as rioters': the noun is no object); a clause with a relative word ('who', 'where', 'when') is "
         "no contact clause. Real-news conventions only."),
    Rule("target.place-only-for-place-acts", _A,
         "A place 'in/at/near X' is a target only for acts done to a place or its people (concessions, protests, "
         "sanctions, force, deployment, coercion) or a journey's end: 'said in Ankara' has no target."),
    Rule("target.place-fought-in-is-no-enemy", _A,
         "A place 'in/at/near/across X' of a verb of fighting (lexicons/senses.tsv fighting-verb: fight, battle, "
         "combat) is where the fight is, not the enemy, though fighting is force (whose place phrase is otherwise "
         "a target, target.place-only-for-place-acts): 'Germany, France and Britain ... their citizens fighting in "
         "Syria' (was DEU, FRA, GBR -> SYR 190), 'the US and EU-backed Kurdish forces fighting in Syria' (was "
         "-> SYR), 'rebels battling in Idlib'. Fighting is between sides; a place is no side (docs/events-gold.md, "
         "section 2). The enemy is the object or the against/with phrase, which is still found ('fighting in Syria "
         "against Isis' -> Isis; 'fighting Turkey in Afrin' -> Turkey). Real-news conventions only."),
    Rule("target.place-attacked-from-is-no-target", _A,
         "A 'from' phrase of an act of violence (roots 18-20), of the verb or inside its place phrase, names where "
         "the attackers came or fired from, not whom they struck: 'militants stormed across the border from Syria "
         "into Iraq' (was -> SYR; now the place they went into, IRQ), 'rockets were fired from Gaza at Israel', "
         "'attacked Lebanese troops from Syrian territory'. Other acts keep theirs ('withdrew from', 'demanded "
         "from'), and so do verbs of taking, whose 'from' names the loser ('took the town from the militants', "
         "'seized the village from Isis'; lexicons/verb_classes.tsv, taking-from). Real-news conventions only."),
    Rule("target.charge-names-no-target", _A,
         "The 'of' or 'for' phrase of a verb of charging, trying, holding or accusing (lexicons/verb_classes.tsv "
         "court-act, police-act; accuse), and the 'with' phrase of 'charge', names the charge: no party or place "
         "in it is the target "
         "('Kenteris and Thanou had been charged with avoiding drugs tests in Tel Aviv, Chicago and Athens' gave "
         "112 -> ISR, USA, GRC; 'are charged with distributing steroids to athletes' -> the athletes; BBC sport/079, "
         "082, 091, review 17). The one charged is the object or the passive's subject; other phrases ('arrested "
         "in Tehran') are read as before."),
    Rule("target.ground-of-an-undergone-act-is-no-doer", _A,
         "The 'for' phrase of a pattern coded only in its converse (its subject undergoes the act and its doer is "
         "looked for in the verb's phrases: 'came under fire from MPs' [:111], 'faced calls from X' [:020], "
         "'received support from X' [:051], 'stood trial' [:173]) names what the act is undergone for or whom it "
         "serves, never its doer: 'Sajid Javid has come under fire for his decision to revoke the British "
         "citizenship of Shamima Begum' gave GBR -> GBRGOV 111 (the citizenship as critic; guardian/013, review "
         "21), 'won support for the plan', 'stood trial for the killing of a British soldier'. The doer is then "
         "the one a 'from' or 'by' phrase names, or none."),
    Rule("target.clause-in-a-phrase-names-no-target", _A,
         "On real news the search of a prepositional phrase of the verb for its target does not enter a clause the "
         "phrase holds (a gerund after its preposition, an infinitive or relative clause on its noun, an adverbial "
         "clause; not a participle, whose by-phrase names the noun's supplier or holder: 'agreed to pay 30% more "
         "for natural gas supplied by Turkmenistan' stays -> TKM): an actor named only there is a party of that "
         "clause's own act, not of the verb's, as the "
         "search inside an object already has it (target.actor-inside-the-object): 'has agreed to pay $28.5m "
         "after admitting bribery in the West African state of Benin' (BBC business, was 0311 -> BEN), 'may have "
         "carried out renegade actions in order to discredit Plaid Cymru' (was 150 -> GBRPTY), 'favours a "
         "February poll in order to exploit his lead over Conservative leader Michael Howard' (was 051 -> "
         "GBRPTY). The phrase's own nouns and their phrases are read as before ('protested against the arrest of "
         "its diplomats', 'shut off gas supplies to Ukraine'); the PETRARCH suites keep PETRARCH's convention."),
    Rule("target.concession-names-no-party", _A,
         "An actor found only inside a concessive adjunct of the verb ('despite', 'notwithstanding', 'in spite of': "
         "lexicons/place_words.tsv concessive-preposition) names what the act happened in spite of, not whom it is "
         "done to: 'Talks between Israel and the Palestinians resumed despite the rocket attacks from Gaza' gave "
         "ISRGOV <-> PSEGZA and PSE <-> PSEGZA 046 (Gaza as the partner of the talks), 'walked out of the talks "
         "notwithstanding appeals by China' PRKGOV -> CHN 164; in the phrase and after-the-pattern finders, the "
         "pattern-placed one ('Iran condemned the attack on its embassy despite an apology from Pakistan': the "
         "'+' of '* ATTACK ON +' ran on into the adjunct, IRNGOV -> PAK 112) and the actor-inside-the-object one "
         "(the parse may hang the adjunct on the object: 'demanded the release of its citizens despite assurances "
         "from Syria' JORGOV -> SYR 1053). The counterpart for a pattern word inside the adjunct is "
         "code.concession-is-not-the-act."),
    Rule("target.prepositional-phrase", _A,
         "An actor in a prepositional phrase of the verb (also after a complex preposition, 'close to the border "
         "with X') is the target."),
    Rule("target.subject-of-a-complement", _A,
         "The subject of a non-speech complement clause is the target: 'believes Chile can cope' targets Chile; "
         "'said Chile would cope' does not."),
    Rule("target.own-side-is-no-addressee", _A,
         "On real news, in an intent or a threat (roots 03, 13) the subject of the complement "
         "(target.subject-of-a-complement) is no target when it is the speaker's own state: its country, "
         "government or forces, the speaker being that country's state, one of its officials or forces. Such a "
         "clause tells what one's own side will do or can do, not to whom the act is done: 'Erdoğan warned that "
         "Turkish troops and their Syrian allies intended to advance east from Afrin to Manbij' (Guardian 2018: "
         "130 TURGOV -> TURMIL before), 'Turkey's prime minister has warned that the country has the power to "
         "allow millions of refugees to resume their journeys' (130 TURGOV -> TUR), 'UK aid ... will not take much "
         "needed relief from Africa, Prime Minister Tony Blair has promised' (030 GBRGOV -> GBR), 'The Russian "
         "defence ministry promised that Russian forces would leave the area'. The next finders are tried. A "
         "warning that predicts is a comment (code.warning-is-no-threat-of-others) and may be about one's own "
         "country: it stays ('Sri Lanka's banks face hard times following the tsunami, officials have warned': 012 "
         "-> LKA); a party, group or citizen of the same country is another "
         "side ('Mr Brown warned that the Tories were planning ...': GBRPTY), as is one's own state for a group "
         "or citizen ('Cafod wants Britain to use its influence')."),
    Rule("target.one-asked-to-act", _A,
         "An appeal or demand (roots 02, 10) 'for X to act' targets X, the subject of the 'for ... to' clause the "
         "parse hangs on the verb: 'called for Iran to free the sailors' is addressed to Iran, as 'urged Iran to "
         "free them' is (a pronoun subject is left alone)."),
    Rule("target.object-of-a-purpose-clause", _A,
         "The object of a 'to' purpose clause is the target: 'signed an accord to supply Chile with wheat'; not a "
         "topic ('met to discuss Idlib')."),
    Rule("target.one-commemorated-is-no-party", _A,
         "A purpose clause of mourning or commemoration (mourn, commemorate, remember, honour, grieve, bury; "
         "lexicons/verb_classes.tsv commemorating) names whom the act honours, who takes no part in it: its "
         "object is no target of the act it is the purpose of, and the next finder is tried. 'Thousands of "
         "people gathered at the Kurdish community centre in north London to mourn Mehmet Aksoy, the "
         "British-Kurdish film-maker and activist who was killed by Islamic State fighters' (Guardian: two shown "
         "consultations, GBRCVL -> GBR and -> GBROPP, with the dead man), 'Bosnians gathered in Srebrenica to "
         "commemorate the victims'. 'Flew to Ankara to meet Erdoğan' keeps its target."),
    Rule("target.act-asked-of-the-addressee-is-no-target", _A,
         "A verb of asking that names the one asked (its object or an on/upon phrase; lexicons/verb_classes.tsv "
         "directive: urge, call on, ask, tell ...) carries the act it asks for as its 'to' infinitive: the parties "
         "of that act (its object, its phrases) are the targets of the act asked, not of the appeal, which is "
         "addressed to the one asked. An actor any finder reaches inside the infinitive (not its subject, which is "
         "the one asked when the parse has 'urged [Iran to release]') is dropped and the next finder is tried, so "
         "an appeal to someone no finder codes keeps no target rather than a wrong one: 'A spokesman for UKIP "
         "called on Mr Hockney to quit the London Assembly' (BBC politics, twice; was 020 -> the London "
         "Assembly), 'Campaigners called on Mr Brown to boycott the Chinese embassy' (was -> CHNGOV). A coded "
         "addressee stays ('The US called on Russia to withdraw its troops from Ukraine': -> RUS), and so does a "
         "purpose clause of a verb that asks no one ('signed an accord to supply Chile with wheat')."),
    Rule("target.talks-of-a-coordinated-subject-pair-its-conjuncts", _A,
         "A consultation a light verb takes from its noun ('are in talks', 'held talks', 'remain in "
         "negotiations'), with sources of two or more countries and no partner named with 'with' or 'between', is "
         "between the subject's conjuncts, each with the others, as a symmetric verb's subjects are "
         "(target.symmetric-verb-pairs-its-subjects): 'Baghdad and Washington are in talks to transfer ... "
         "suspected Isis fighters' (IRQ <-> USA 046), not a consultation with the object of the purpose clause or "
         "with a place named in the sentence."),
    Rule("target.agreement-of-a-coordinated-subject-pairs-its-conjuncts", _A,
         "An agreement is made between its parties: a verb of making one (sign, strike, reach, agree, seal, "
         "conclude ...: lexicons/verb_classes.tsv agreement-making) with an agreement noun (deal, accord, treaty, "
         "memorandum, truce ...: event_nouns.tsv agreement) as its object or after 'to'/'on', whose sources are of "
         "two or more countries or bodies of no country ('the EU') and which names no partner with 'with' or "
         "'between', is between the subject's conjuncts, each with the others: 'India and Russia signed a "
         "memorandum of understanding on energy co-operation' (IND <-> RUS), 'Iran and the EU struck a deal on the "
         "nuclear programme'; no event was made (no target), or one with a place named after the noun ('a deal on "
         "Idlib')."),
    Rule("target.symmetric-verb-pairs-its-subjects", _A,
         "A symmetric verb (cooperate, collaborate, clash, negotiate, reconcile: lexicons/verb_classes.tsv "
         "symmetric) whose sources are of two or more countries and which names no partner acts between them, each "
         "with the others: 'Russia and Turkey are cooperating in Syria', 'the two presidents are closely "
         "cooperating' (RUS <-> TUR), whatever the verb's dictionary patterns say of a compound subject."),
    Rule("target.compound-subject-is-reciprocal", _A,
         "A compound subject without a target gives reciprocal events for '%' patterns and consultations: 'France "
         "and Chile met' (040 both ways). Not a visit (042, 043, unless a '%' pattern names it), which goes one "
         "way: those who visit or attend together are fellow visitors, not each other's hosts ('Representatives "
         "from China, India, Russia, South Africa and Brazil were invited to attend some of the sessions': no "
         "event, where it gave 20)."),
    Rule("target.nationals-together-are-no-two-parties", _A,
         "A compound subject of private people named by their nationality, a person noun with two demonyms or "
         "bare plural demonyms ('Iranian and Iraqi pilgrims', 'Indian and Pakistani fans', 'Iranians and Iraqis') "
         "coded with no role or a role of private people (civilians, students, refugees, workers, believers: "
         "lexicons/roles.tsv private-person), is one crowd of two nationalities, not two sides, and people named "
         "by nationality are not their governments: 'Iranians and Iraqis gathered in Karbala' is no meeting of "
         "Iran and Iraq (it gave 040 IRN <-> IRQ), and without a target no event is made. Officials, soldiers and "
         "other bodies of a state stay pairs ('Cameroon and C.A.R. officials met', CMRGOV <-> CAFGOV), and so do "
         "'the Iranians and the Americans', with the article, mostly the negotiators it has named."),
    Rule("target.one-way-verb-pairs-no-subjects", _A,
         "The reciprocal reading of a compound subject (target.compound-subject-is-reciprocal) holds for verbs of "
         "meeting, talking and assembling, symmetric predicates ('Russia and Turkey met', 'the two sides "
         "discussed'), not for the verbs the dictionary codes as consultation (040) by a family that is not "
         "symmetric: going and arriving (arrive, approach, go, leave, travel, tour), thinking (think, consider, "
         "ponder, weigh), learning (hear, learn, find), sending and asking (send, give, ask, invite). Their "
         "co-subjects each do the act, to someone else or to no one: 'some 58,000 newcomers - 90% of them women "
         "and children - have arrived' (Guardian: not 040 ---CVL <-> SYRCVL), 'bringing back foreign fighters, "
         "their wives and children is not as easy as they think in America' (Guardian), 'I want all children and "
         "young people to know that they can approach me' (BBC): no pair of them. A '%' pattern that names the "
         "pair keeps it, and so does a subject that is a noun of talks ('negotiations between Britain and "
         "Mauritius have been going on': talks between the two, whatever the verb). Words are data "
         "(lexicons/senses.tsv: one-way-verb)."),
    Rule("target.restriction-at-home-targets-its-people", _A,
         "With the bundled dictionaries, a coercive act with no target named (a ban, restrictions, arrests, "
         "repression: CAMEO 17, but seizures (171) and expulsions (174), done to property or to foreigners, and "
         "the bare root 170, which the dictionaries give verbs of curbing anything: 'curb spending') by a "
         "country's government, police or courts in a story about that country is aimed at its own people: the "
         "target is the country ('Cuba's government imposed new restrictions on travel': CUBGOV -> CUB 172). Not "
         "when its object or on/to/from/against phrase names trade or money (lexicons/event_nouns.tsv trade-object: "
         "'banned sales to Huawei', 'restrictions on investment') or a party of another country."),
    Rule("target.pronoun-object-repeats-the-earlier-object", _A,
         "A verb with 'them', 'him' or 'her' as object and no target otherwise, coordinated after a verb with a "
         "noun object, targets that object, which the pronoun repeats: 'gunmen seized three engineers and beat "
         "them' (the engineers), 'police detained two activists and later released them'."),
    Rule("target.refusal-rejects-the-refused-acts-target", _A,
         "A refusal (refuse, decline: lexicons/verb_classes.tsv refusal-to-act; coded 12x) that names no target of "
         "its own rejects the one the refused act is directed at: 'Kenya refused to attend a hearing by the "
         "International Court of Justice' (KEN -> the court), 'the minister declined to meet the UN envoy' (-> "
         "the UN)."),
    Rule("target.dominant-root-needs-its-object", _A,
         "A verb whose code is still the root its dictionary patterns share (code.dominant-pattern-root: no pattern "
         "matched and no rule of sense recoded it, so nothing says the verb is used in that sense) keeps as targets "
         "only the parties its own phrase names as the one its act is done to: the object ('Guatemala ignored "
         "Honduras', 'burning captives alive'), the object's possessor ('dismantled the rebels' network'), a "
         "preposition on the object ('ignored a resolution by the European Union's parliament'), or a preposition "
         "on a verb that has an object ('cut fuel deliveries to Gaza', 'shut off gas supplies to Ukraine'); or "
         "any party in the phrase of the act it refuses or vows, along objects, prepositions, modifiers and "
         "to-infinitives ('refused to meet Bolton', 'refuses to accept Syria's denials', 'refused to attend a "
         "hearing by the International Court of Justice', 'refused to commit to any direct assistance to the "
         "US-led war', 'refused to allow United Nations planes to land'). Not a preposition of place ('refused "
         "to take the test in Athens'), nor one on a verb with no object ('had risen to the rank of senior "
         "lieutenant' RUS -> GBRMIL 080, 'after flying from the United States' 070, 'the Iranians were answering "
         "to Suleimani' 110, 'fly between Australia and the US' 070), nor the subject of a clause ('vowed the "
         "nine men would remain in prison' 130, 'vowed the US and its allies will expel every last Iranian boot' "
         "USA -> USA 130), nor a word of a clause inside the object ('refused to put their names to their "
         "thoughts ... which would be marked by ... heavy input from Iran and Russia' 120 twice): such targets "
         "were wrong on every one read (BBC, Guardian 0-60 and 161-249, iran_crisis). Then no target may be left: "
         "target.dominant-root-is-never-one-sided (root_parties.py)."),
    Rule("target.dominant-root-is-never-one-sided", _A,
         "A verb whose code is still the root its dictionary patterns share codes no one-sided act: without a "
         "target named in its own phrase (target.dominant-root-needs-its-object) the sense its patterns code is "
         "unconfirmed and mostly not meant: 'A TV station in the US has refused to show a controversial new "
         "series', 'Mr Blair refused to be pinned down to that date', 'has not ruled out competing in the World "
         "Cross Country Championships', 'does not rule out a return to the front bench', 'vowed to put Africa at "
         "the top of his agenda', 'had to answer an emergency question in Parliament', 'The company named in the "
         "lawsuit denied any wrongdoing', 'Traders ignored the possible effects', 'Turkey vowed to maintain an "
         "Arab presence' (120, 120, 120, 120, 130, 110, 120, 120, 130 with no one acted on). A refusal whose "
         "target the text leaves to the reader goes too ('the Assad regime refused to negotiate'): the rule "
         "accepts that loss, as an event without its other party is only half right (root_parties.py)."),
    Rule("target.released-from-custody-is-no-target", _A,
         "With the bundled dictionaries, the 'from' phrase of a release ('freed from prison', 'released from "
         "custody', 'let out of jail' aside) names where the one freed was held, not whom: it is no target (the "
         "dictionaries code 'prison' as police). The one freed is then the passive subject, or, for a gerund after "
         "a preposition, the subject of the clause it modifies ('the journalist thanked his supporters after being "
         "freed from prison': the police of the story's country freed the journalist)."),
    Rule("target.statement-without-addressee", _A,
         "Declining comment (011: 'declined to comment', 'refrained from commenting') and claiming responsibility "
         "(015: 'the BLA claimed responsibility for the attack') are acts without an addressee: kept with no "
         "target, as the real-news gold codes them (other statements, root 01, need a target), when a pattern names "
         "them, or a negated verb of commenting ('does not comment': code.not-commenting-declines-comment; a "
         "verb's default does not: 'the EU acknowledged it will miss its targets' is no 015). Codes are "
         "in speech.ONE_SIDED_STATEMENTS. A responsibility in the plural or owned by a possessive with no 'for/of' "
         "act is a duty, not a claim ('working hard and accepting their responsibilities': no event)."),
    Rule("target.answered-claim-names-its-author", _A,
         "A verb of rejecting or denying (reject, deny, dismiss, refute, rebut) whose object or passive subject is a "
         "claim, report or call (lexicons/wishes.tsv answered-noun) answers the one who made it: the noun's "
         "possessor or adjective ('Israel dismissed Syrian claims that it had attacked a convoy': SYR) or its "
         "by/from phrase ('Iran rejected calls by the United States for a halt to enrichment': USA). An actor of "
         "what the claim says or asks is no party ('Tony Blair has rejected calls for the publication of advice' "
         "was -> MED, the 'publication'; 'Michael Howard has dismissed claims that his immigration policy was "
         "moving onto the turf of the BNP' -> GBR; 'she denied reports that her beliefs would make her refuse to "
         "serve as a health minister' -> GBRGOV): with no author named the later finders stop and the act has no "
         "target of its own ('denied the claims' may still answer the accuser, target.denial-answers-the-accuser). "
         "Nouns of accusation ('rejected the allegation that ...') are left to the accuser rules, a court's "
         "rejection to the other finders. BBC politics 001-299 judged events (session 10)."),
    Rule("target.pronoun-denial-answers-the-accuser", _A,
         "A verb of denying (deny, reject, dismiss, refute, rebut) whose object is a pronoun ('Moscow denied it', "
         "'denied all that', 'rejected this') coded by its default (11, 12) with no target of its own answers the "
         "source of the last asserted accusation or criticism (root 11) coded against the denier's country in the "
         "same sentence or the one before, where the pronoun finds what it stands for: 'Ukraine accused Russia of "
         "shelling the nuclear plant. Moscow denied it.' -> RUS -> UKR, then 016 "
         "(code.denial-of-a-claim-is-no-rejection), the code the dictionary gives 'denied the allegations'. A "
         "pronoun further from the accusation, or one with no accusation before it, is left alone (review 9 #8's "
         "residual)."),
    Rule("target.denial-answers-the-accuser", _A,
         "A denial (016) of a noun of accusation (lexicons/event_nouns.tsv, accusation: 'denied the allegations', "
         "'dismissed the claims', 'a charge New Delhi quickly rejected'; not 'rejected reports that ...') "
         "with no target of its own answers the source of the last asserted accusation or criticism (root 11) the "
         "document coded against the denier's country, in an earlier sentence or earlier in the same one "
         "('Pakistani officials blamed India, accusing it of ..., a charge New Delhi quickly rejected': IND -> "
         "PAK), named in the denial's sentence, the one before it or the article's lead (its first three sentences, "
         "where the accusation a story is about is reported: 'Rebutting the claim, Balkhi said ...' eight "
         "sentences on), not an accusation reported four sentences back among other news (review 8 #8). A noun "
         "with content of its own, a clause or an of/about/over phrase ('denied the allegations of a cover-up at "
         "the Home Office'), names a matter of its own and answers no one. Without such an accusation the denial "
         "keeps no target and, as a statement, is not coded."),
    Rule("target.maker-named-at-an-earlier-mention", _A,
         "On real news, an opinion or answer (disapproval 11, rejection 12, denial 016, support or praise 050-053) "
         "with no target of its own whose object is a definite noun of what a party makes (lexicons/stances.tsv "
         "made-noun: allegation, claim, charge, resolution, ruling, decision, plan, report, statement ...) with no "
         "possessor is aimed at the maker the story named at an earlier mention of the same noun: a definite "
         "description that repeats a head noun refers back to it. 'The Afghan Taliban have rejected Pakistan's "
         "allegation that the attack was planned from Afghan soil. ... Balkhi rejected the allegation that ...' (AFG "
         "-> PAK 016); 'Aurangzeb dismissed concerns that a recent resolution in the U.S. Congress ... Sharif's "
         "administration rejected the resolution' (PAK -> USALEG); 'the decision by India and Pakistan ... welcomed "
         "the decision'. The nearest earlier mention that names a maker (possessor, modifier, by/from phrase, a "
         "participle's agent, an 'in' phrase naming a body, or the subject of a verb that makes or issues it, "
         "lexicons/stances.tsv making-verb: 'Washington announced plans for a 30,000-strong force ... Russia also "
         "opposed the plan' -> USAGOV) decides; an earlier mention that introduces the thing ('a plan', 'another "
         "report') without a maker ends the search (the maker is not known)."),
    Rule("target.rival-parties-of-one-code", _A,
         "Two named parties with one actor code are two parties: 'Labour accused the Conservatives of "
         "scaremongering' (GBRPTY -> GBRPTY 112), 'Democrats accused Republicans of blocking the bill' (USAPTY -> "
         "USAPTY), 'Gordon Brown criticised Tony Blair'. The codes classify (a country's parties, its cabinet); "
         "the phrases name different parties, and the act between them is the domestic event the real-news gold "
         "codes by country (docs/events-gold.md: a politician criticising the president, ZWE -> ZWE 111). A pair "
         "with one code was dropped as if the target were the source; it is kept for verbal conflict (demand, "
         "disapproval, rejection, threat: roots 10-13, what rivals do to each other; other acts between two "
         "politicians of one code were mostly misread on BBC politics) between political rivals (parties, "
         "opposition, legislators, politicians; not two officials of one government acting together, nor a place "
         "coded as its country) when both heads are names and the dictionary names differ; not for a pronoun or "
         "name that is the source again, nor for common nouns ('British ministers criticised the British "
         "government') (rivals.py)."),
    Rule("target.uncoded-addressee-leaves-no-event", _A,
         "An opinion (disapproval 11, rejection 12) or accusation with no target found is no one-sided act when "
         "its addressee is named but has no code of its own: the one accused ('Nicola Sturgeon accused Mr "
         "McLetchie of failing his constituents', 'accusing him of an error of judgement'; a thing blamed is no "
         "accusation of anyone: 'British Airways blamed high fuel prices for a drop in profits'), a person or "
         "body named as the object ('Tony Blair criticised Michael Howard', 'will challenge Mr Ingram'), or a "
         "target found with the source's own code ('Labour hit back at the Tory proposals': GBRPTY both). A "
         "one-sided event would say the act was aimed at no one: no event. Real-news conventions only."),
    Rule("target.town-struck-is-its-country", _A,
         "An act of force (roots 18-20) whose object, or the object of its on/against/at/into phrase or of its "
         "object's ('launched an attack on Bakhmut', 'a ground assault on Afrin': the force noun says where it "
         "struck), is a town, "
         "province or region the dictionaries do not code targets the country of the place, with no role (a strike "
         "on a city targets its country: docs/events-gold.md): 'Turkish warplanes bombed Afrin', 'shelled the "
         "Kurdish enclave of Afrin', 'jets struck the town of Maarat al-Numan' (SYR). The country is the offline "
         "gazetteer's, as for an armed group's place (towns.town_country: a clear reading only, a small town only "
         "in an article that names its country); a person, a people or a body named as the object is no town. So "
         "is a force noun's target phrase (of/on/against/into) when its doer is named: 'Turkey's attack on the "
         "Kurdish enclave of Afrin' (TUR -> SYR), 'Turkey's offensive against the town of Afrin'."),
    Rule("target.what-one-is-concerned-about", _A,
         "The concern a copula says (code.being-concerned-is-a-concern) is aimed at the party named in what it is "
         "about: the actors of the adjective's 'about/over/by/at' phrase, its own head first ('concerned about the "
         "Turkish incidents in northern Syria': TUR), else the first coded noun phrase inside it ('about the "
         "conditions facing 23,000 people' in Syria), or the subject of its that-clause ('concerned thousands of "
         "residents may not be able to vote'). Nothing found, no target: the concern is then one-sided and dropped "
         "like 'expressed concern.' is."),
    Rule("target.actor-inside-the-source-is-no-target", _A,
         "An actor a target finder gives that lies inside the source's own phrase (not a source itself) is part of "
         "the doer's description, not the party acted on; the next finders are tried, so that a passive's subject "
         "is reached: 'Two British Isis militants have been captured by US-backed Kurdish fighters in Syria' (the "
         "captives, not Syria, after the pattern's last word), 'the two men were captured by the American-backed "
         "Kurdish militia the Syrian Democratic Forces, operating south of the Euphrates river', 'Iraqi soldiers "
         "were kidnapped by militants in Syria'. Pairing drops such a target anyway (a source never acts on a "
         "part of its own phrase)."),
    Rule("target.one-sided-act", _A,
         "Without a target (or with only the source itself), a root that needs none (appeals, demands, threats, "
         "protests, force ...) gives a one-sided event."),
)
