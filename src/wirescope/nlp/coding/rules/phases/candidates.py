"""The event coder's rules of one phase, candidates: which words are triggers and which code they get, in the order the
coder meets them; ``..registry`` joins the phases in their order."""

from __future__ import annotations

from ..base import PHASES, Rule
from .notes import NOWHERE

_C = PHASES[0]

CANDIDATES: tuple[Rule, ...] = (
    Rule("candidates.lemma-keeps-its-silent-e", _C,
         "The model's lemmatiser strips the silent e of some verbs, taking the form for one of a shorter verb: "
         "'hoped', 'hopes', 'hoping' -> 'hop', 'staged' -> 'stag', 'waged' -> 'wag', 'fined' -> 'fin', 'raped' -> "
         "'rap', so every word list naming the verb missed it ('Iran hopes to meet Saudi officials' was a meeting "
         "held, not an intent). A one-syllable lemma ending in one vowel and one consonant doubles it before -ed "
         "and -ing ('hopped') and takes a bare -s: a form adding -ed, -es or -ing to it without doubling is of the "
         "verb with the e. Corrected while the document is coded, restored for the other stages (lemmas.py). On "
         "BBC and Guardian news every such correction is right (hoped/hopes/hoping 143, staged 23, fined 12, waged "
         "11, raped 7, raging, riding, coping, spared ...)."),
    Rule("candidates.nominal-event", _C,
         "An event noun (assassination, attack, arrest, visit, ban, sanctions, threat, accusation, criticism ...) is "
         "a trigger coded by its verb's dictionary entry (or a code of its own: tariff 163, crackdown 175), with the "
         "possessor or modifier as source and the of/on/against phrase as target: 'the assassination of X by Y', "
         "'Israel's attack on Gaza', 'US tariffs on Brazil'; nouns of speech and movement take their target with "
         "to/against ('a visit to X', 'accusations against X': 'of' is their content), nouns of acts done to a "
         "person take the possessor as the one acted on ('his arrest'). An event noun without a target codes "
         "nothing. Nouns and frames are data (lexicons/event_nouns.tsv: nominal, nominal-target, nominal-patient). "
         "Military acts told by a noun: an offensive or incursion is force (190) against whom it is launched "
         "('Turkey's offensive against the YPG', 'the Turkish incursion into Syria'; in a place, "
         "target.force-noun-acts-on-its-place), a siege a blockade (191: 'the regime's siege of eastern Ghouta'); "
         "'under siege', 'the offensive' with no doer code nothing."),
    Rule("candidates.withdrawal-of-forces-is-a-retreat", _C,
         "A noun of withdrawal (withdrawal, pullout, drawdown, retreat) is a military retreat (0874) when armed forces "
         "withdraw, named in its 'of' phrase or as its modifier ('the withdrawal of US troops', 'a troop "
         "withdrawal') or as an armed doer ('the rebels' retreat'), and it is told as done or under way: the "
         "subject of a verb of its course without a modal or 'to' ('the withdrawal of US troops from Syria began', "
         "'the pullout of Russian forces has started'; not 'will begin', 'is expected to begin') or the object of "
         "after/since/following ('violence rose after the withdrawal of US forces from Iraq'). Its 'of' phrase is "
         "who withdraws (not whom it is done to), its 'from' phrase what it withdraws from. Most withdrawals news "
         "names are announced, promised, demanded or planned ('Trump's withdrawal of US troops', 'a troop "
         "withdrawal promised by Trump', 'demanded the withdrawal of Iranian forces'): the verbs that announce or "
         "demand them code them, the noun codes nothing; nor does a withdrawal from a treaty, the EU or a race, of "
         "aid, a film or a player. Words are data (lexicons/event_nouns.tsv: withdrawer-of, withdrawn-force, "
         "withdrawal-done)."),
    Rule("candidates.force-noun-of-a-civil-kind-is-no-force", _C,
         "A noun of force (war, attack, offensive ...) with a modifier that makes it a contest of prices, trade, "
         "words or persuasion (price, trade, tariff, currency, cyber, verbal, charm, diplomatic, peace, publicity, "
         "propaganda, media, PR; lexicons/event_nouns.tsv civil-modifier) codes no force, whether or not its phrase "
         "names whom it is waged against: 'China's trade war against the US' (was 190 CHN -> USA), 'Iran's charm "
         "offensive on the Gulf states', 'a diplomatic offensive against Israel'. What the campaign does in words "
         "is told by its own verbs. Nor is a sexual attack armed force ('a soldier's sexual attack on a Kenyan "
         "woman' was 190 GBRMIL -> KENCVL): it is 1821, told by its verbs."),
    Rule("candidates.consultation-noun", _C,
         "A noun of consultation (talks, meeting, discussion, negotiation, conversation) that is not a verb's "
         "object is a consultation in both directions between the parties named with 'with' or 'between' and its "
         "possessor or modifier, else the subject of the clause it is an adjunct of: 'Israel's talks with Hamas "
         "stalled', 'the meeting between Iran and Saudi Arabia', 'in a meeting with Kenyan officials, the Somali "
         "president said ...' (040 both ways). As the object of a verb ('held talks with X') the verb codes it. "
         "The nouns and codes are data (lexicons/event_nouns.tsv, consultation)."),
    Rule("candidates.fighting-noun-is-force-both-ways", _C,
         "A noun of armed fighting (fighting, clash, battle, gunbattle, firefight, shootout, gunfight, skirmish) that "
         "names a side with 'with' or 'between' and is not a verb's object is force (190) in both directions "
         "between the sides, as the gold codes a clash: 'fighting between rebels and the army', 'clashes between "
         "police and protesters'; with 'with', the other side is the noun's possessor or modifier, else the subject "
         "of the clause it is an adjunct of, for a passive the one it happened to ('X was killed in a gun battle "
         "with police': X <-> police). Without a side named ('the fighting in Gaza') it codes nothing. The nouns "
         "are data (lexicons/event_nouns.tsv, reciprocal-force)."),
    Rule("source.side-of-a-fight-named-inside-its-phrase", _C,
         "The one a passive happened to in a fight ('X was killed in a gun battle with police', the side "
         "candidates.fighting-noun-is-force-both-ways takes) is, when its phrase as a whole codes no actor, the "
         "actor named inside it, breadth first, as an uncoded subject is: 'Arnel Joseph, the notorious leader of "
         "the Village de Dieu gang, was killed in a gun battle with police' fought for the gang (CRM <-> COP), "
         "'the commander of the rebel unit was wounded in a firefight with troops' for the rebels. A person with "
         "no group named ('a farmer was killed in a clash with soldiers') and a fight with no side named ('killed "
         "in the fighting') still code nothing."),
    Rule("candidates.coercion-noun-at-home", _C,
         "An event noun of coercion (CAMEO 17: ban, restrictions, crackdown, curfew, detention; not seizures, "
         "expulsions or the bare root) whose doer, named by its possessor, adjective, role noun or 'by' phrase (not a "
         "compound proper name, which may be what it is done to: 'the EU China arms ban'), is a state's "
         "government, police or courts, in a story about that state, is coded although its own phrase names no "
         "one it is done to ('the Taliban's ban would not stop her', 'Beijing's crackdown drew criticism'): like the "
         "verb ('the Taliban banned the books'), it is aimed at the state's own people, who become the target by "
         "target.restriction-at-home-targets-its-people (not when it aims at trade or at another country's party). "
         "Other nominal events still need a target of their own phrase. A ban or restriction is coercion only when "
         "it is on people or their political or religious life ('a ban on opposition rallies', 'on religious "
         "dress') or names a ban told before; not on an activity or goods ('Ireland's smoking ban', 'restrictions "
         "on gatherings after an outbreak'; lexicons/measures.tsv aimed-measure, people-object)."),
    Rule("candidates.sport-or-personal-ban-is-no-coercion", _C,
         "A noun of coercion that candidates.coercion-noun-at-home would code with no target of its own is no "
         "political event when it is told with sport (a score or a sport word in its sentence: a ban by a sports "
         "body on a player) or when every doer it found is a person coded only by the country of a common noun "
         "('the Glasgow forward's ban for stamping ended on 2 February': the possessor is the one banned, not a "
         "state imposing it; 'a three-match ban'). A state named by its name or capital ('Beijing's crackdown'), "
         "a government, police or courts ('the Ugandan government's crackdown', 'the Taliban's ban') keep it "
         "(review 9 A7's residual)."),
    Rule("source.hyphenated-pair-names-the-parties", _C,
         "A consultation noun with no party named by 'with' or 'between' whose modifier is a hyphenated pair of "
         "names ('U.S.-Ukraine talks', 'the US-China trade talks', 'the Trump-Putin meeting') has the two named "
         "as its parties, both ways: the hyphen joins the two sides of the talks, as 'talks between the US and "
         "Ukraine'. Each part is coded on its own (a country's name or short form when the pair is one token); "
         "not when both parts are one actor, nor for a single name ('the Jeddah talks', 'Jeddah-based')."),
    Rule("code.enacted-measure-takes-its-noun-code", _C,
         "With the bundled dictionaries, a verb of enacting (announce, unveil, approve, slap, introduce, levy, extend, "
         "tighten, reimpose, declare, adopt, order ...) coded only by its default whose object (or passive subject) "
         "is a measure (sanctions, tariffs, an embargo, duties 163; a ban, restrictions 172; a curfew 1723; a "
         "crackdown 175) is the measure put in force, coded as the noun: its doer the verb's subject, its target "
         "whom the measure names ('China announced retaliatory tariffs on US goods': CHN -> USA 163, not a plain "
         "statement; 'the US slapped tariffs on Chinese steel': 163, not an assault; 'Britain unveiled sanctions on "
         "Iranian officials': 163, not 050). A specific pattern of the verb wins. The words are data "
         "(lexicons/measures.tsv). Not a duty without a trade phrase ('new duties for head teachers'), a measure "
         "whose phrase names its own doer ('approved tariffs by the EU'), nor a ban or restriction on goods or an "
         "activity ('a ban on plastic bags'); a measure dated in the future ('to take effect next month') is "
         "announced: threatened, 1312."),
    Rule("candidates.the-attack-repeats-the-last-attack", _C,
         "A definite force noun with no actor of its own phrase ('the attack', 'the airstrike', 'Tuesday's "
         "attack'; nouns of one act, event_nouns instrument, not 'the war') names again the last asserted act of "
         "force between two coded parties told up to four sentences before, and is coded with its parties: "
         "'Israeli jets struck Hamas positions in Gaza ... The attack followed rocket fire' (the gold codes a "
         "repeated mention in its own sentence). Only as its clause's subject: never as another act's object "
         "('condemned the attack': coded once, as the outer act), after 'after'/'since' (an earlier act), nor in "
         "'killed in the attack', where the verb tells the act."),
    Rule("source.place-name-of-talks-is-no-party", _C,
         "A city named as the modifier of a consultation noun ('the Jeddah talks with Ukrainian officials', 'the "
         "Sochi meeting') is where the talks are held, not a party: a name the dictionaries code as its country "
         "only, which is not the country's own name, short form or demonym (actor folds). The parties are then "
         "found around the noun (the subject of the clause it is an adjunct of: 'Rubio will join ... for the Jeddah "
         "talks with Ukrainian officials': USA <-> UKR, not SAU). 'US-China talks', 'Iranian talks' keep theirs."),
    Rule("candidates.telephone-consultation", _C,
         "A consultation noun modified by 'phone' or 'telephone' is CAMEO 041, discuss by telephone ('a phone call "
         "with X', 'in telephone conversations'); 'call' is a consultation only so (a bare 'call' is an appeal). "
         "Without a 'with' phrase, a call that is the adjunct of a verb of telling is between the verb's subject "
         "and the one told: 'the Kenyan president told Museveni in a phone call that ...' (041 both ways). The "
         "object of a light verb too ('held a phone call with Erdogan', 'had a telephone conversation with "
         "Rouhani', 'Putin and Erdogan have had 13 phone calls': 041, where 'call' coded nothing and "
         "'conversation' 040). The words are data (lexicons/event_nouns.tsv medium, medium-consultation; "
         "verb_classes.tsv addressee)."),
    Rule("candidates.speaker-of-talks-is-a-party", _C,
         "A consultation noun with a partner but no possessor, the subject of what a speaker reports, has the "
         "speaker as the other party: 'Ghana said that negotiations with the World Bank were advancing' (046 "
         "GHA <-> World Bank), 'Ukraine says talks with the United States went well'."),
    Rule("candidates.event-noun-of-an-unlisted-verb", _C,
         "A verb outside the verb dictionary whose object, or in/for complement, is an event noun takes the noun's "
         "code ('renewed negotiations with X' = 046); 'be in talks' too. The event noun list is data (lexicon)."),
    Rule("candidates.in-a-place-for-talks", _C,
         "A copula that says where its subject is ('in' a place) and why ('for' a consultation noun) reports the "
         "consultation, as 'came to Tehran for talks' does: 'The Iraqi foreign minister is in Tehran for talks "
         "with Iranian officials' (046 IRQ -> IRN), 'Iraq's prime minister was in Washington for talks with "
         "Trump'. 'Iran is for peace' (a stance) and 'the money is for talks' (no place) are left alone. The nouns "
         "are data (lexicons/event_nouns.tsv consultation, medium-consultation)."),
    Rule("code.being-concerned-is-a-concern", _C,
         "A copula with a predicate adjective of concern (concerned, worried) about something named (an "
         "'about/over/by/at' phrase or a that-clause) says the subject is concerned: it expresses concern, CAMEO "
         "012 (make pessimistic comment), as the dictionary codes 'expressed concern over' (EXPRESS) and 'remains "
         "concerned about' (ENDURE), coded at the copula as 'are in talks' is: 'The World Health Organization said "
         "it was extremely concerned about the conditions facing 23,000 people' (guardian/048), 'we are concerned "
         "about the Turkish incidents in northern Syria' (guardian/184, USA -> TUR), 'The Green Party is concerned "
         "thousands of residents may not be able to vote' (politics/114). The concern is not a plain statement "
         "yielding to the act it is about ('concerned about the arrest of X' codes both, as 'expressed concern "
         "over the arrest' does). Without a complement ('as far as most commentators are concerned'), or with "
         "'with/for' ('concerned for his son's mental state': care, not a comment) no event. The adjectives are "
         "data (lexicons/event_nouns.tsv, concern-adjective). On the review set: 3 events, 3 right."),
    Rule("candidates.need-binds-its-subject", _C,
         "The subject of 'need' coded by its default is the one bound to act, not one who demands: 'we need to "
         "be very firm', 'women need specialised approaches', 'Turkey needs to return the missiles' code no demand "
         "(100) by the subject; a speaker saying 'Y needs to V' demands it of Y "
         "(code.speaker-demands-what-must-be-done). Real-news conventions only (bundled dictionaries)."),
    Rule("candidates.effort-is-no-fight", _C,
         "A verb of fighting that also means striving (struggle, battle, fight, wrestle) with a to-infinitive "
         "complement is an effort toward that act, not a fight: 'women struggle to get jobs', 'the airline is "
         "battling to cut costs' code nothing; 'struggle' and 'wrestle' with no opponent mean a difficulty "
         "('businesses are struggling', 'struggled with the forms'). The verbs are data (lexicons/verb_classes.tsv, "
         "effort and difficulty)."),
    Rule("candidates.died-in-an-attack", _C,
         "A verb whose subject undergoes the act (die, perish) with an attack as its instrument ('died in a US "
         "drone strike', 'died in the attack by the BLA', a definite 'the attack' referring to the last attacker "
         "reported) is force (190) by the attack's doer against the dead. Real-news conventions only (bundled "
         "dictionaries); otherwise candidates.undergoer-has-no-doer."),
    Rule("candidates.undergoer-has-no-doer", _C,
         "A verb whose subject undergoes the act (die, perish) codes nothing by its default: '12 people died' is no "
         "attack by the dead; only a pattern ('* IN CLASHES') says who caused it."),
    Rule("candidates.phrasal-light-verb", _C,
         "A light verb with a particle that is not a dictionary phrase is not the verb's own sense: 'took on the "
         "Americans' is no seizure ('took over', a dictionary phrase, is)."),
    Rule("code.calling-it-wrong-is-criticism", _C,
         "A verb of naming or describing (call, describe, label, term, dub, brand, decry, characterise) with an "
         "object that is something a party says, decides or does (a stance, accusation, act or measure noun) or a "
         "name, and a predicate that judges it (a predicate or 'as' phrase of the verb, also one the parser hangs "
         "inside the object's phrase) passes a judgement on the object's owner: a word of disapproval is a "
         "criticism (111: 'called the EU move to tax U.S.-produced spirits \"deeply disappointing\"' (VOA), "
         "'described the jailbreak as \"deplorable\"', 'decrying the congressional move as an interference'); a "
         "word of falsehood said of an accusation or claim denies it (016: 'Afghanistan's Ministry of Foreign "
         "Affairs called Pakistan's assertions \"baseless\"', 'the UK government called Moscow's accusation ... "
         "ludicrous'). The verb's own sense gave a call (041, both ways), a plain statement (010, no event), a "
         "naming (candidates.naming-is-not-calling: nothing) or the code of a word of the object ('Iran described "
         "the sanctions as illegal': 163). 'Described the performance as disappointing', 'described the situation "
         "as abhorrent' judge no one's act and are left alone. Words are data (lexicons/senses.tsv: judging-verb, "
         "disapproval-word, falsehood-word; stances.tsv, event_nouns.tsv, measures.tsv); real-news conventions "
         "only (judgements.py)."),
    Rule("code.describing-is-no-act-unless-it-judges", _C,
         "A verb of describing (describe, portray, characterise: lexicons/senses.tsv describing-verb) tells what "
         "something is: a statement, an event only when its predicate judges a party's act (code.calling-it-wrong-"
         "is-criticism: 'described the jailbreak as deplorable', 111). Otherwise no event, whatever word of the "
         "description the dictionary reads (DESCRIBE shares EXPLAIN_VERBAL with 'express', whose object is a "
         "feeling): 'the attackers, which it described as a unit of 300 to 500 fighters' (012 by 'fighters' until "
         "session 24, when a synset's word, &FIGHT's FIGHT, stopped matching 'fighters' as a stem), "
         "'describing days-long battles against Isis snipers' (012 by 'battles'), 'Ms Hassan, who he described as a "
         "prominent anti-war activist' (012). Its plain default, a statement (010), is filters.plain-statement-"
         "is-no-event's. Found among the verbs a resolved 'it' exposed (session 17); real-news conventions only "
         "(attributions.py)."),
    Rule("code.blaming-a-cause-is-no-accusation", _C,
         "'Blame' (lexicons/senses.tsv blaming-verb) accuses a party; with no party blamed (no coded target) and a "
         "thing as what is blamed (a common noun object), or 'to blame' said of its own subject ('X is to blame', "
         "'had only themselves to blame'), it names a cause and no one accused: 'It blamed continuing uncertainties "
         "such as fluctuating oil prices' (112 KORGOV), 'The UK's biggest coal producer blamed geological "
         "problems', 'The carmaker blamed the fall in profits on high launch costs', 'populations ... were partly "
         "to blame for the rise in claims': no event. A party blamed keeps the accusation ('blamed Moscow for "
         "allowing Turkey', 'blamed the Syrian government for the attack', 'Merkel's open-door policy has been "
         "blamed'). 'Blamed X for Y' with the 'for' on the verb is target.uncoded-addressee-leaves-no-event's. Found "
         "among the verbs a resolved 'it' exposed (session 17); real-news conventions only (attributions.py)."),
    Rule("candidates.naming-is-not-calling", _C,
         "'call' with a predicate noun names ('called X a rogue state') or labels ('a group called Y'); it is not "
         "a call (041) on anyone. The predicate may be 'one of ...' ('was called \"one of the biggest Bollywood "
         "pirates in the UK\" by the sentencing judge': was 041 both ways). A pattern whose last word lies inside "
         "the predicate noun's phrase, not on the noun, read the name's words as the verb's: 'what it called a "
         "criminal attack on its software' (BBC tech) matched '* ( ON ) [020]', 'what the State "
         "Department has called \"the preferred shipping line for Iranian proliferators\"' (VOA) a '( FOR ... )' "
         "pattern: naming too. A pattern on the noun itself is the "
         "dictionary's judgement of the name and stays ('called X a monkey' [111])."),
    Rule("candidates.light-verb-needs-an-actor-or-event", _C,
         "A light verb (take, give, hold, issue ...) coded only by its default and acting on a thing that is "
         "neither an actor nor an event codes nothing: 'took all necessary action', 'gave a speech'."),
    Rule("code.claim-with-indicative-complement", _C,
         "A verb of demand, dispute or denial (insist, suggest, argue, deny ...) coded by its default whose "
         "complement clause is indicative reports a claim, coded as a statement (010): 'insisted that the army "
         "remained loyal' is no demand, 'denied the police were involved' no rejection."),
    Rule("code.strikes-carried-out-on-a-named-party", _C,
         "A bare 'strike' (no kind such as air, drone or missile, which codes by itself) that a verb of performing "
         "(carry out, launch, conduct, mount: verb_classes perform) has as its object, with an 'on' or 'against' "
         "phrase naming a party (a proper noun, or a noun compounded with one), is military force (190): 'Israel "
         "carried out strikes on Hezbollah positions', 'the US launched strikes on Iran', 'conducted strikes against "
         "Hamas targets'. Without such a party the word may be a labour strike ('launched strikes against the "
         "pension reform', 'staged strikes on Monday') and codes nothing, as before."),
    Rule("code.event-noun-of-a-light-verb", _C,
         "A light verb or a verb whose default codes nothing takes the code of the event noun it carries: 'held "
         "talks' (046), 'staged a rally' (141), 'began a hunger strike' (142), 'took revenge' (190)."),
    Rule("code.act-received-is-the-givers", _C,
         "A verb of receiving (receive, get, draw; lexicons/verb_classes.tsv receiving) whose event noun codes it by "
         "code.event-noun-of-a-light-verb names an act done TO its subject: the giver, when named ('from Y'), is "
         "the source and the receiver the target ('Russia received new sanctions from the EU' 163 EU -> RUS, 'Iran "
         "got a warning from Washington' 130 USA -> IRN, 'the siege drew condemnation from Ukraine' 111 UKR -> its "
         "doer, '10 athletes have received sanctions' no doer), as "
         "'came under attack' is (code.came-under-attack); the receiver is never the doer of what it receives."),
    Rule("code.aimed-act-takes-its-noun-code", _C,
         "A verb of aiming (target, aim, hit, affect) coded by its default and said of an event noun, the noun it "
         "modifies or its subject, names whom that act is aimed at; the act is the noun's: 'American tariffs "
         "targeting Brazilian steel' (163, not force 190), 'the new sanctions hit Russian banks' (163), 'strikes "
         "that targeted power plants' (190). The verbs are data (lexicons/verb_classes.tsv, aim)."),
    Rule("code.dominant-pattern-root", _C,
         "A verb whose default codes nothing and whose patterns did not match takes the CAMEO root that at least "
         "60% of its five or more coded patterns share, as the root's base code ('blasted' -> 170). Speech verbs "
         "keep their plain sense. A pattern that matched and codes nothing ([---]) says the use is no event and "
         "takes no root: 'pleaded guilty to fraud charges' (APPEAL's '* GUILTY'), 'died of natural causes' (DIE), "
         "'killed in a crash' (KILL) were 020, 190 and 190."),
    Rule("code.came-under-attack", _C,
         "'X came under (a rocket) attack (from Y)': the subject is the target of force (190, Y -> X), not the "
         "verb's own sense; the nouns are the instruments of lexicons/event_nouns.tsv (attack, shelling, "
         "airstrike, raid ...). 'Came under fire', the dictionary's idiom of criticism, keeps its pattern. A "
         "pattern that matched only the subject's kind ('&MILITARY *' of COME, 072) never saw 'under attack' and "
         "gives way too: 'Syrian troops came under attack from rebels near Idlib' (was 072 SYRMIL -> SYRREB)."),
    Rule("code.passive-subject-is-no-pattern-doer", _C,
         "On real news, a pattern whose words before the verb (the doer of an active verb: 'PROTEST *', "
         "'&MILITARY *') matched a passive's subject, who undergoes the act, does not code it; the best pattern "
         "without those words does: 'The protesters were attacked by police officers' is no violent protest (145) "
         "of the protesters nor a repression (175) by them (the converse, read backwards), 'Protesters were beaten "
         "by riot police in Minsk', 'Demonstrators were attacked by security forces'."),
    Rule("code.protest-in-a-scene-phrase-is-no-protest", _C,
         "A protest pattern (CAMEO 14, the subject protests: '* PROTEST [141]' of the HOLD/DETAIN block, made for "
         "'held a protest') does not match a word inside an adjunct of time or scene of the verb ('during', 'amid', "
         "'after', 'before', 'following'): in 'Police detained protesters during a protest in Moscow' the protest "
         "is when the police acted, and their act is the arrest (173), not a protest by the police (issue 17, the "
         "CASE snippets' known wrong firing). The verb's other patterns are matched without the adjunct; a pattern "
         "that names the preposition itself is about the scene and is untouched ('* &RIOTMISSILE ( DURING "
         "DEMONSTRATION ) [145]': 'youths threw stones during demonstrations' is the protest turned violent). On the "
         "48 BBC (not politics 300-417), Guardian and Iran-crisis articles with such an adjunct near a protest word "
         "no event changes. The prepositions are data (lexicons/place_words.tsv, scene-preposition)."),
    Rule("code.town-in-a-place-phrase-is-not-the-object", _C,
         "A bare town pattern ('* &TOWN': TAKE/SEIZE 192, BURN 1712, DEFEND 152, DEMAND 027, ALLOW 174, INVADE, "
         "SEPARATE) matches the town word only as what the act is done to: when the verb already has what it is "
         "done to (a direct object, or the subject of a passive), which is no place itself, and the town word lies"
         " in a phrase of place or direction on its way up to the verb (in, at, near, to, into, from ...; "
         "lexicons/place_words.tsv preposition, direction-preposition), the verb is matched again without that "
         "phrase: 'He took a bus to the Iranian city of Mashhad', 'Baghdadi took up a handheld radio in a village "
         "between the west of the city and the town of Tal Afar', 'Isis leaders have taken refuge in the Syrian "
         "town of Mayedin' seize no town (review25, readable news: Iran crisis, Guardian). 'The army took the "
         "town', 'took control of the town', 'Islamic State captured Raqqa in 2014 before spreading to other "
         "cities' (a place taken) and patterns that name their preposition ('( INTO &TOWN )') are not this rule's "
         "(town_adjuncts.py)."),
    Rule("code.cause-phrase-is-not-the-act", _C,
         "A verb pattern does not match a word inside a phrase of the clause that says what the act answered or on "
         "whose word it is told ('in response to', 'in reply to', 'in retaliation for', 'in reprisal for', 'in "
         "revenge for', 'in protest at', 'according to'; lexicons/function_words.tsv cause-phrase-noun, "
         "source-phrase-word), unless the pattern names the phrase's noun: 'Iran conducted the attacks in response "
         "to the killing of Suleimani' is no CONDUCT '* TO' (030, an intent to cooperate with the dead general), "
         "'the rebels fired rockets in retaliation for the air strikes' no '* ( IN STRIKE )', as "
         "code.concession-is-not-the-act reads 'despite' (trigger_codes.py)."),
    Rule("code.concession-is-not-the-act", _C,
         "A verb pattern does not match a word inside a concessive adjunct of the verb ('despite', 'in spite of', "
         "'notwithstanding'; lexicons/place_words.tsv concessive-preposition): what an act happened in spite of is "
         "not the act. 'The peace talks started in Geneva despite the air strikes carried out by Syrian warplanes' "
         "is no air strike (START's '* { AIR STRIKE } [195]' matched in the concession; CASE tuning half). The "
         "verb's other patterns are matched without the adjunct; a pattern that names the preposition is untouched."),
    Rule("code.word-after-a-stance-prefix-is-no-pattern-word", _C,
         "A word joined by a hyphen to a stance prefix ('anti-', 'pro-', 'non-'; lexicons/function_words.tsv "
         "stance-prefix) modifies the noun after it and names what its bearer is against or for, not what the verb "
         "is done to: 'Lebanese police beat anti-government protesters' is no BEAT * GOVERNMENT (a null code: no "
         "event), 'Hezbollah supporters attacked anti-government protesters' no ATTACK * GOVERNMENT (111 criticise), "
         "'Syrian troops fought pro-government militias' no FIGHT * GOVERNMENT (111). When the pattern matched "
         "reaches such a word, the verb is matched again without the prefixed words and takes that match if it "
         "differs (stance_prefixes.py). CASE tuning half: 'Riot police officers beat an anti-government protester'."),
    Rule("code.passive-agent-is-no-pattern-object", _C,
         "A verb pattern does not match a word inside the 'by' agent of a passive: the agent names who did the "
         "act, not what it was done to or with. 'The air strikes were carried out by Russian warplanes' is no CARRY "
         "* &AIRCRAFT (090 aid: carrying aircraft to someone), 'the raid was carried out by US special forces' no "
         "CARRY * FORCES (062); matched again without the agent, the logical object takes the pattern "
         "(code.logical-object-takes-the-pattern: an attack carried out, 190). A pattern that names 'by' is "
         "untouched. CASE tuning half: 'the strikes were carried out by Russian warplanes'; Guardian: 'the strikes "
         "had probably been carried out by the Syrian air force'."),
    Rule("code.logical-object-takes-the-pattern", _C,
         "When a verb's patterns match nothing in its own phrase and it has no object, its logical object takes "
         "the pattern's object slot: the subject of a passive ('Sanctions were imposed on X' = IMPOSE * SANCTIONS, "
         "163) or the noun an object relative clause modifies ('the tariff Y levied' = LEVY * TARIFF). For the "
         "code only: the source and target are found as usual. The words after the verb are those matched last: an "
         "adjunct or agent a rule took out stays out ('Robinson was arrested ... in the town of Didim' is an arrest, "
         "173, not a bare town pattern, 192). A subject relative ('the sanctions that hurt') "
         "does not, nor a logical object that is an actor ('the minister was arrested': the target)."),
    Rule("code.demand-keeps-its-root", _C,
         "A demand verb matched by an appeal pattern its block borrows keeps the demand root: CAMEO's demand tree "
         "(10x) mirrors the appeal tree (02x), so 'demanded the withdrawal' is 1056, not 0256."),
    Rule("code.negation-ontology", _C,
         "With dictionaries that ship a PICO ontology (UD-PETRARCH), a negated trigger takes the code its "
         "negation amounts to and is asserted: 'did not clash' = 050 (110 negated).",
         note=NOWHERE + "it needs dictionaries with a PICO ontology (UD-PETRARCH), which the bundled Phoenix set "
              "does not ship; the UD-PETRARCH gold suite is its use, and its examples use a fictional ontology "
              "(examples/dictionaries/fictional-pico)"),
    Rule("code.announced-refusal-is-a-rejection", _C,
         "With the bundled dictionaries (real news), a cooperative act a party states it will not do is coded as the "
         "rejection that mirrors it, asserted: 'Turkey will not buy any more U.S. combat aircraft' 1212, 'Iran said "
         "it would not negotiate' 125, 'voted not to attend the conference' 125, 'does not plan to pull its troops "
         "out' 1246 (lexicons/announced.tsv, class refusal; verb_classes decision, unwilling-when-negated). The "
         "text reports the refusal, not an act that failed to happen; the real-news gold codes 'will not succumb "
         "to pressure' 124 and 'not going to bend' 1244. On a condition ('if this happens, Turkey will not buy') "
         "the refusal is a threat (threatened); aid or cooperation announced to end ('would no longer supply "
         "arms') is a cut (162x, class ended), coded as announced (1311, as 'will cut aid'). A past negation "
         "('did not attend'), a refused act of another root ('would not attack') and a refusal only supposed ('if "
         "Iran will not negotiate') stay negated."),
    Rule("code.announced-act-is-intent-or-threat", _C,
         "With the bundled dictionaries (real-news conventions; a PETRARCH suite's own dictionaries code the "
         "announced act itself), an act announced for the future (modality threatened: 'is due to travel to X', "
         "'will impose tariffs', 'vowed to strike') is coded as the announcement the text reports: an intent "
         "(03x) when cooperative ('036' for a planned meeting or visit), a threat (13x) when conflictual ('1312' "
         "for announced sanctions, '138' for announced force); the announced act's converse goes. The code map "
         "is data (lexicons/announced.tsv); statements, appeals, demands, intents and threats keep their codes."),
    Rule("code.announced-deployment-at-no-opponent-is-intent", _C,
         "An announced show of force (15x, coded as announced) is a threat (138) only when aimed at another "
         "country: a target of another country, or forces placed near, along or off one ('will deploy warships "
         "near Taiwan'; lexicons/place_words.tsv posture-preposition). Forces sent with no opponent named and "
         "placed near no other country ('hopes to send police officers to Haiti': 'to' names a destination; "
         "'will deploy troops in its northern provinces') are a mission announced: an intent (030)."),
    Rule("code.speaker-demands-what-must-be-done", _C,
         "'X said Y must stop ...' (or 'Y needs to stop', lexicons/verb_classes.tsv obligation): a speaker saying "
         "that someone must act demands it of them (100, X -> Y), which replaces the plain statement."),
    Rule("code.speaker-advises-what-should-be-done", _C,
         "'X said Y should V' (or 'Y should V, says X'): a speaker saying that someone should act appeals to them "
         "(020, X -> Y), as the real-news gold codes 'said authorities should declare a state of emergency' and "
         "'\"the U.N. should respond to this provocation\", she told VOA'; weaker than 'must' (a demand, "
         "code.speaker-demands-what-must-be-done). Only an active subject (the one asked): not a passive ('Blair "
         "should be sacked'), not 'should have acted' (a reproach), not a question or condition ('asked whether Iran "
         "should'). The act advised is not coded as done (modality: 'should' is a modal of possibility). The word is "
         "data (lexicons/modal_cues.tsv, advice)."),
    Rule("code.telling-someone-they-must-act-is-a-demand", _C,
         "'X told Y (that) it must/should/has to V': a speaker telling someone to their face that they must act "
         "demands it of the one told (100, X -> Y), as 'urged Y to V' is addressed to Y; the clause's pronoun "
         "subject (it, they, he, she, you; not 'we' or 'I', the speaker's own side, nor a passive 'it should be "
         "done') is the one told: 'Donald Trump has told the EU it must take back its 800 Isis fighters' (USA -> "
         "EU), 'Merkel told Erdogan that he should withdraw his troops'. With a subject of its own ('told "
         "reporters Iran must stop') the clause names whom it asks (code.speaker-demands-what-must-be-done). The "
         "pronoun must be able to stand for the one told: not an anticipatory 'it' ('told reporters it must be clear "
         "to Iran that ...', 'told the BBC it should be possible to reach a deal'), and not 'it', 'he' or 'she' for a "
         "plural ('Pompeo told reporters it must stop enriching uranium': 'it' is Iran or the speaker's side, and "
         "reporters are asked nothing; review 14). The verbs are data (lexicons/verb_classes.tsv, telling)."),
    Rule("code.question-is-no-appeal", _C,
         "A verb of asking that the dictionary codes as an appeal (ask, question, wonder; 02) is no appeal when it "
         "asks a question: an indirect or quoted question as complement ('asked whether the plan would work', "
         "'Iran's mullahs will wonder whether Assad is preparing a stab in the back', '\"Why "
         "now?\" he asked'), 'asked about', or the participle whose subject is the one asked ('Asked if he would "
         "stand, Mr Hague replied'): no event; also a 'whether' or 'if' clause the parser hangs on the verb as an "
         "adverbial after a comma ('will wonder, reasonably enough, whether ...'; not a concessive 'whether ... or "
         "not'). 'Asked ministers to act', 'asked for help' stay appeals. Words are "
         "data (lexicons/senses.tsv: question-verb, interrogative); real-news conventions only (views.py)."),
    Rule("code.held-view-is-no-act", _C,
         "A verb of holding or stating a view (think, believe, suspect, expect, hope, argue, feel, accept, fear) "
         "with a clause as complement and no object ('I think the BBC would be better advised ...', 'they suspect "
         "the move is part of a package', 'he argued the minister should have made a statement') says what its "
         "subject believes or contends, no act toward the clause's subject: no event (the dictionary's 04, 11, 03 "
         "or 02 took that subject as a target). 'Argued with ministers', 'expects Iran to comply' keep their code, "
         "and so does a claim already coded as a statement (010, code.claim-with-indicative-complement), and a "
         "verb of suspicion with a target of another country than the source's ('Washington suspects Pyongyang "
         "sold missiles to Iran': a mild accusation, 110; review 8 #10). "
         "Words are data (lexicons/senses.tsv: view-verb, suspicion-verb); real-news conventions only (views.py)."),
    Rule("code.coming-to-know-is-no-act", _C,
         "A verb of coming to know or perceiving (hear, learn, find, discover, realise, know, notice) with a clause "
         "as complement and no object tells what news reached its subject or what it found, no act toward anyone: "
         "'when he heard that Turkey was offering military training to 500 men' (Guardian), 'when ministers "
         "learned that two of the most notorious British jihadists had been captured' (Guardian), 'three Labour "
         "councillors were caught operating a vote-rigging factory, an Election Court has heard' (BBC): no event "
         "(the dictionary codes hear and find out as consultation, 040, and took the clause's subject as the "
         "one consulted; learn codes nothing of its own, verbs_supplement.txt LEARN). 'Heard from the envoy', "
         "'found them guilty' keep their code. "
         "Words are data (lexicons/senses.tsv: knowing-verb); real-news conventions only (views.py)."),
    Rule("code.meaning-is-no-intent", _C,
         "The dictionary codes 'mean' as intend (03), its sense only with a to-infinitive ('Iran meant to attack', "
         "'the visit was meant to reassure Kyiv'). With a clause or a noun phrase as complement it signifies or "
         "entails, and its subject is most often a thing, no party: 'Russian support for the Syrian regime means "
         "Bashar al-Assad will remain in power' (Guardian), 'the use of the Parliament Act meant a total ban on "
         "hunting' (BBC), 'her collective responsibility as a Cabinet minister meant she also took responsibility' "
         "(BBC), 'the capture of Isis-held territory does not mean an end to the Isis threat' (Guardian): no "
         "event. Words are data (lexicons/senses.tsv: signifying-verb); real-news conventions only (views.py)."),
    Rule("code.policy-for-own-people-is-no-intent", _C,
         "An intent (03), or an act announced as the infinitive of a verb of stating a position (want, plan, "
         "intend, promise, pledge, vow, aim, propose, seek), whose every target is a public (people, workers, "
         "pupils, refugees, farmers: roles only of the public) of the source's own country named inside a phrase, "
         "not as the verb's object, is a policy position addressed to voters, no act between actors: 'the Tories "
         "promised an upper limit on the number of people allowed into Britain', 'the home secretary wants to "
         "introduce a points system for economic migrants': no event. An intent toward another country's public "
         "('to help Rwandan survivors'), toward an object ('will meet voters in Leeds') or toward an institution "
         "stays. Words are data (lexicons/senses.tsv: position-verb, public-role); real-news conventions only "
         "(positions.py)."),
    Rule("code.hoping-to-act-is-no-act-of-its-own", _C,
         "A verb of hoping, wanting or striving (hope, want, wish, seek, aim, strive, push) with an infinitive of its "
         "own subject codes nothing itself: the act hoped for is the event, coded as intended (modality.intention: "
         "'Iran hopes to meet Saudi officials' is one intent to meet, 036 IRN -> SAU). WANT and PUSH sit in the "
         "dictionary's appeal block, whose patterns read words of the complement as a thing asked for ('Russia "
         "wants to strengthen the Assad regime's security institutions' was 0212, 'Erdogan and Putin want to shape "
         "any post-war settlement' 027, 'the Pentagon is pushing to keep troops in Syria' 100): a wish or an effort "
         "for one's own act asks nothing of anyone (issue 17 item 3). Not with an object or a clause of another "
         "subject ('pushed Turkey to accept', 'wants Britain to use its influence': asked of them), nor a passive "
         "('was pushed to resign'), nor 'to see' with an object or clause ('wants to see a phased withdrawal of UK "
         "troops', BBC politics; 'Russia wants to see the evidence': what is seen done is another "
         "party's act, asked of them; the dictionary's WANT patterns code the appeal; lexicons/senses.tsv "
         "seeing-done, review 12). The dictionary's HOPE entries read a 'for' or an object inside the complement "
         "as the verb's own ('he hopes to remain MP for Richmond' was an optimistic comment, 013, about the United "
         "States; 'the Lib "
         "Dems will hope to have made advances because of their stand against the war on Iraq' an intent toward "
         "Iraq), and coded 'hope to' itself besides the act (two events for one intent). 'Hope for peace' (013) "
         "and 'hope that ...' (a view held) are other constructions. Words are data (lexicons/senses.tsv: "
         "hoping); real-news conventions only. Reached once the model's 'hop' is corrected "
         "(candidates.lemma-keeps-its-silent-e)."),
    Rule("code.hope-to-cooperate-is-an-intent", _C,
         "A verb of hoping whose infinitive is an act of cooperation (sign, agree, improve, restore, meet ...: "
         "lexicons/wishes.tsv cooperative-act) with a coded party of another code than the hoper's expresses the "
         "intent to cooperate with that party (030), whether or not the act hoped for codes on its own: 'India "
         "hopes to sign a trade deal with Britain' (IND -> GBR 030; the deal signed is hoped for, an intent too), "
         "'Kenya hoped to agree a new trade pact with the EU'. It keeps the hope that "
         "code.hoping-to-act-is-no-act-of-its-own would drop; when the act hoped for is coded too ('hopes to meet "
         "Saudi officials': 036, intended), the hope yields to it, one event per intent. A hope for any other act "
         "('hopes to double Iraq's output', 'hopes to beat Ghana in the final') or with no other party named "
         "stays no event (review 9 B4's residual; wishes.py)."),
    Rule("code.holding-hostage-is-hostage-taking", _C,
         "'Hold X hostage' (and 'were held hostage', 'kept ... hostage') is taking hostages (181), whatever else "
         "the dictionary's HOLD patterns find in the sentence: 'Taliban fighters held two Pakistani soldiers "
         "hostage for two days' was a detention (173, '( FOR DAY )'), 'militants have held the aid workers hostage "
         "since March' a rally (141, 'MARCH'). The parser makes 'hostage' the predicate (oprd) or a second object. "
         "Words are data (lexicons/senses.tsv: holding, hostage-noun); real-news conventions only."),
    Rule("code.expecting-another-to-act-is-a-demand", _C,
         "'X expects Y to V' (an infinitive with a subject of its own, or after an object) requires an act of Y's: "
         "a demand (100) by X on Y, not the intent to cooperate (030) the dictionary gives 'expect' for 'expects to "
         "sign': 'Pakistan expects the Afghan government to uphold its responsibilities' (PAK -> AFG 100), "
         "'Britain expects Iran to comply with its obligations'. The act expected is hypothetical "
         "(modality.request-is-not-done). Only for an act one party requires of another (comply, respect, uphold, "
         "withdraw, release ...: lexicons/senses.tsv compliance; 'Moscow expects Kyiv to launch a "
         "counteroffensive' predicts, review 9 C1), with Y a coded actor and an active infinitive: 'expects it to be "
         "lifted', 'we expect unfounded applications to continue to fall' predict (no event, as before: 030 needs "
         "a target); a prediction by analysts is commentary (filters.commentary-is-no-act); 'expects to sign' "
         "keeps 030. Words are data (lexicons/senses.tsv: expecting); real-news conventions "
         "only."),
    Rule("code.expecting-another-to-act-is-a-prediction", _C,
         "'X expects Y to V' with an act of conflict or contest of Y's ('Moscow expects Kyiv to launch a "
         "counteroffensive', 'Israel expects Hezbollah to retaliate', 'the US expects China to overtake it': "
         "lexicons/wishes.tsv adversary-act), a passive ('expected Isis to be defeated') or an act the sentence "
         "forecasts (an adverb 'eventually', a governing 'predicted': 'Kyiv expects "
         "Russia to withdraw from the plant soon, officials predicted') foresees another party's act: the expecter "
         "neither intends it (the dictionary's 030 is for 'expects to sign', its own act) nor demands it "
         "(code.expecting-another-to-act-is-a-demand): no event (review 9 C1 and its edge). 'Kenya expects Somalia "
         "to respect the maritime ruling' stays a demand; 'expects to sign' an intent; other expected acts ('he "
         "expected the US to show goodwill towards Turkey') are code.expecting-of-another-is-no-intent's. Words are "
         "data "
         "(lexicons/wishes.tsv adversary-act, prediction-cue); wishes.py."),
    Rule("code.expecting-of-another-is-no-intent", _C,
         "'Expect' coded as an intent to cooperate (the dictionary's 030, meant for 'expects to sign', the "
         "expecter's own act) whose object or infinitive with a subject of its own names what another party is to "
         "do or what is to happen, other than an act of compliance (a demand, code.expecting-another-to-act-is-a-"
         "demand) and not already a prediction (code.expecting-another-to-act-is-a-prediction): 'Esper had told "
         "reporters that he fully expected Iranian retaliation' (030 USAGOV -> IRN), 'Hyundai expects its sales in "
         "India to grow', 'the Israelis were entitled to expect Palestinians to give up terrorism' (030 ISR -> "
         "PSE), 'we will do what Australians would expect us to do': foreseen or hoped for, no intent of anyone's "
         "and no act of the one expected: no event. 'Expects to sign a deal with X' (no object, no subject of its "
         "own) keeps its code. Real-news conventions only (wishes.py)."),
    Rule("code.holding-a-thing-hostage-is-no-event", _C,
         "'Hold X hostage' where X is a thing (a bid, a budget, a bill, the talks: lexicons/wishes.tsv held-thing), "
         "as the verb's object or a modifier the parser hangs on 'hostage' ('Bulgaria is holding North Macedonia's "
         "EU membership bid hostage', 'Republicans are holding the budget hostage'), is a metaphor for blocking a "
         "process: no person is seized, so no hostage-taking (181, the dictionary's HOLD pattern) and no event "
         "(review 9 C2). People held ('held two soldiers hostage') stay 181 "
         "(code.holding-hostage-is-hostage-taking); wishes.py."),
    Rule("code.hit-with-a-measure-is-a-sanction", _C,
         "'Hit X with' an economic measure (tariffs, sanctions, duties, a levy, an embargo) imposes it: a sanction "
         "(163) by the subject on the one hit, in one direction, not force both ways (the dictionary's 'HIT * "
         "WITH' [190:190], a clash) nor an effect (code.hit-criticises-only-out-or-back): 'The US hit China with "
         "tariffs on steel' (USA -> CHN 163), 'Brussels hit American motorbikes with import duties' (review 8 "
         "#10). A fine is 172 and not listed. Words are data (lexicons/senses.tsv: economic-measure); real-news "
         "conventions only."),
    Rule("code.force-on-an-aim-is-no-force", _C,
         "A verb of force (other than one of verbal attack) whose object is an aim, not a body or a place ('Ireland "
         "killed off Scotland's hopes', 'Germany shot down Spain's bid to host the games', 'the Lords killed the "
         "bill') is figurative: no event. 'Attacked the plan' is criticism (code.force-needs-arms). Any verb of "
         "force, one of verbal attack too, whose object is one goal (a singular 'target' or 'goal' with no place: "
         "goal-object) tells of a goal met, in a sentence of no arms: 'six European countries - the UK, Denmark, "
         "Norway, the Netherlands, Luxembourg and Sweden - hit the 0.7% UN aid spending target' (Guardian 198: "
         "195 by each country, a state counting as armed) is no event. Words are data (lexicons/senses.tsv: "
         "aim-object, goal-object); real-news conventions only."),
    Rule("code.worst-hit-tells-who-suffered", _C,
         "'Hit' as a participle with a degree of harm ('worst hit', 'hardest hit', 'badly hit'; lexicons/senses.tsv "
         "suffering-verb, suffering-degree), no object and no doer in a 'by' phrase, tells who suffered most from a "
         "cause told apart, no act of anyone's: 'The tragedy has left at least 25,000 people dead, with Sri Lanka, "
         "Thailand, India and Indonesia worst hit' (BBC business 345: 190 by each country), 'ABN Amro's operations "
         "in the Netherlands and the United Kingdom will be hardest hit'. 'Aleppo was the worst hit by Russian "
         "airstrikes' names its doer and 'Israeli jets badly hit the base' an object struck: left to the other "
         "senses. Real-news conventions only (force_senses.py)."),
    Rule("code.sport-result-is-no-force", _C,
         "A verb of force in a sentence with a score ('38-3') or a sport noun (match, cup, coach, referee), with no "
         "party that bears arms, reports a sport result: no event ('France crushed Italy 38-3 in Rome')."),
    Rule("code.attack-on-a-place-or-armed-party-is-force", _C,
         "A verb of verbal attack (attack, hit, slam ...) that a pattern codes as criticism (11x) is force (190) "
         "when what it is done to is a place or a thing struck (lexicons/senses.tsv physical-target: 'areas', "
         "'positions', 'the base'; a location or building), or an armed party attacked by an armed party or in a "
         "sentence of arms: 'Russia has sent in aircraft to attack rebel-held areas of Idlib in its first major "
         "assault for months' (the pattern 'attack ... ASSAULT' [111] matched the noun of the adjunct; leads study, "
         "class C6). Words are aimed at people and at what they say or do, not at places. Not 'hit out/back at' "
         "(criticism-particle), nor a country named ('the newspaper attacked Britain')."),
    Rule("code.attack-with-a-weapon-is-force", _C,
         "A verb of force done with a weapon or a means of force, named in a 'with' phrase on the verb "
         "(lexicons/senses.tsv force-means: gas, chlorine, knives, batons, rockets, drones ...), is force: a verb of "
         "verbal attack that a pattern codes as criticism (11x) becomes 190 ('Syrian civilians were attacked with "
         "poison gas by the Syrian government' matched the bundled '* GOVERNMENT [111]' on the agent), and a code "
         "of force with no armed party in sight stays force ('attacked his neighbour with an axe', was 111 by "
         "code.force-needs-arms). Words are not aimed with gas or knives. The phrase's head noun only ('hit with "
         "higher gas bills' is no gas); not 'hit out/back at'. The weapon's own code comes from the verb patterns "
         "(verbs_supplement.txt: '( WITH &CHEMICALARMS )' 2041, '( WITH &AIRCRAFT )' 195)."),
    Rule("code.capture-of-a-person-is-detention", _C,
         "A verb of capture (capture, seize; lexicons/senses.tsv capture-verb) that the dictionary codes as occupying "
         "territory (192: APPREHEND's '&MILITARY *', matched by a military agent) is detention (173) when every "
         "target is a person, by name or by a role of people (civilians, refugees, journalists, workers ...): 'An "
         "American woman captured by Kurdish forces ... says she regrets travelling to Syria' (leads study, class "
         "C6; the supplement's CAPTURE_PERSON gives 173 for captured commanders, fighters, hostages). 'Rebels "
         "captured the town' stays 192."),
    Rule("code.mobilising-no-force-is-no-show-of-force", _C,
         "A verb of the dictionary's MOBILIZE block (mobilise, marshal, muster, garner, rally, call up; "
         "lexicons/senses.tsv mobilising-verb) coded with the block's bare show of force (150) is no event when its "
         "object names no force (troops, reservists, militias, firepower: sent-force, mobilised-force) and no armed "
         "party: 'it will mobilise public opinion', 'Saudi Arabia has mobilized pressure groups in the United "
         "States', 'the military mobilized efforts to help people trapped by the floods' (PLOVER and CASE tuning "
         "halves). A protest mobilised is the protest (its event noun's code, 141: 'would mobilize public "
         "protests', VOA tuning part); a purpose clause keeps its own event; with no object the code stands ('the "
         "army mobilised')."),
    Rule("code.pushing-along-a-way-is-no-demand", _C,
         "'Push' coded as a demand (100, PUSH of the DEMAND block) with a particle or phrase of direction (back, "
         "through, off, out, towards; lexicons/senses.tsv pushing-way) moves something along a way and presses no "
         "party to act: no event ('Labour has pushed through plans', 'the US has pushed Japan off the top of the "
         "chart'), or fighting (190) when a fighting party pushes or is pushed ('the Yemeni forces pushed them "
         "back', 'Isis was pushed back by the Syrian Democratic Forces', 'sent troops to push back Boko Haram'). "
         "'Push Turkey to make choices' stays a demand."),
    Rule("code.pressing-ahead-is-going-on", _C,
         "'Press' or 'push' (the DEMAND block) with 'ahead', 'forward' or the particle 'on' and no object goes on "
         "with the subject's own course and presses no party to act (lexicons/senses.tsv going-on-verb, "
         "going-on-way): coded as a demand (10x, from patterns read in the 'with' phrase) or as the dictionary's "
         "bare '* AHEAD' coercion (170), it is no event: 'Ankara can press ahead with its attempts to drive the "
         "Syrian Kurds out of Afrin' (TURGOV -> SYR 170), 'Russia will be able to press ahead with its political "
         "solution for Syria' (RUSGOV -> SYRGOV 107), both shown and wrong on the 631 readable articles of review "
         "24; 'Iran pushed ahead with its nuclear programme'. A fighting party's is fighting (190), as for "
         "code.pushing-along-a-way-is-no-demand. What the 'with' phrase names keeps its own code ('pressed ahead "
         "with its offensive against the Kurdish militia', 195) and an event noun there is coded by itself "
         "('pressed ahead with talks with France', 040); 'pressed China to release the activists' stays a demand."),
    Rule("code.leaving-is-no-visit", _C,
         "A verb of departure (leave, depart; lexicons/senses.tsv leaving-verb) that the dictionary's GO_SOMEWHERE "
         "block codes as consultation, an intent to meet or a visit (03, 04) is no event: what is left is no host "
         "('the UK foreign secretary will leave the Warsaw summit early', 'calls for the Syrian president to leave "
         "office', 'Turkey would not leave Syria'; issue 17, readable news: 4 such events, all wrong). Leaving "
         "'for' a place or talks ('left for Moscow', 'will leave for talks in Geneva'), on a journey "
         "(leaving-journey: 'is leaving Britain on a tour of Africa') or to meet someone stays a visit. It masks "
         "target.place-left-is-not-met, which keeps the place left out of the targets of the visits that stay."),
    Rule("code.removing-no-person-is-no-expulsion", _C,
         "'Remove' (lexicons/senses.tsv removing-verb) coded as expulsion (174, the DEPORT block) expels people: "
         "a thing removed is no event ('has since removed it', 'could help remove some of the uncertainty', "
         "'protesters removed the fences'), and one's own forces removed (sent-force, mobilised-force, "
         "removed-force, with no party of another country) are withdrawn, 0874, as the dictionary codes 'withdraw' "
         "and 'pull' with forces ('Slovakia has also removed its seven soldiers', 'NATO is removing some of the "
         "trainers'). People removed stay 174: by a coded party, a name, a pronoun of persons or a person noun "
         "('failed to remove 250,000 failed asylum seekers', 'remove disruptive children from the classroom')."),
    Rule("code.calling-an-occasion-is-no-call", _C,
         "'Call', a telephone call by the dictionary's default (041, both ways between a compound subject), with "
         "an occasion as its object (lexicons/stances.tsv occasion-noun: conference, meeting, election, summit, "
         "session ...) convenes it: no call to anyone, no event of the verb's own: 'Esper and Milley called an "
         "urgent news conference to deny the reports' is no call between the two, nor 'the prime minister called "
         "a snap election' a call to anyone. 'Trump called Erdogan on Wednesday' stays a call (object_senses.py)."),
    Rule("code.merging-others-is-no-cooperation", _C,
         "A verb of the MERGE block (merge, combine, fuse, unify; lexicons/senses.tsv merging-verb) coded as "
         "cooperation (06) whose every coded target is in what is merged (its object or a passive's subject) joins "
         "things its subject controls, no cooperation with them: 'He also merged the New University of Ulster and "
         "the Ulster Polytechnic' (issue 17, readable news). Those who merge with each other stay ('Vodafone "
         "merged with Mannesmann')."),
    Rule("code.preparing-a-thing-is-no-intent", _C,
         "'Prepare' (lexicons/senses.tsv preparing-verb) coded as an intent to cooperate (030, the PREPARE block's "
         "bare verb and its 'PLAN' pattern) whose every object is a reflexive or a common noun is no event: "
         "readying oneself or a thing intends nothing toward anyone ('businesses need to prepare themselves for a "
         "jolt ahead as the Bank of England reacts', 'a body to prepare a constitution and elections in Syria'; "
         "issue 17, readable news). An act prepared is no cooperation either ('Iran is preparing an attack'); the "
         "block's own patterns code threats ('INCURSION', 'AIRSTRIKE' 138) and talks (036). An infinitive "
         "('prepared to launch attacks'), a party prepared ('prepare them') and a thing prepared with a partner "
         "('preparing a new plan with India', an intent to cooperate) are not this rule's."),
    Rule("code.military-campaign-is-force", _C,
         "A verb of launching (launch, begin, start, mount, wage; lexicons/senses.tsv launching-verb) coded as an "
         "appeal (02, LAUNCH's 'CAMPAIGN' 020) or criticism (11, 'CAMPAIGN ( AGAINST )' 111, listed before "
         "'&MILITARY CAMPAIGN') is the use of force (190) when its object is a campaign or offensive (campaign-noun) "
         "military by a modifier (military-mark: 'Turkey launched a military campaign against the Kurdish militia', "
         "'an air campaign', 'a bombing campaign') or, launched by a state or an armed party, named for the place it "
         "is fought in ('Turkey said it was launching the Afrin campaign to clear out the YPG'). 'Labour launched its "
         "campaign against the Conservatives' and 'Labour launched its Scotland campaign' stay."),
    Rule("code.going-to-fight-is-no-visit", _C,
         "A verb of going (go, come, travel, fly, head, return; lexicons/senses.tsv journey-verb) that the "
         "dictionary codes as consultation or a visit (03, 04) is no event when its purpose clause is to fight or "
         "attack (force-purpose) or to join an armed party (by its code) or a group of armed people or a fight "
         "(journey-joined: 'the terror group', 'the war'): 'many nations whose citizens travelled to join Isis', "
         "'she deeply regrets travelling to Syria to join the terror group', 'a British man who went to Syria to "
         "fight Islamic State' (issue 17, readable news: private persons taking up arms visit no one). 'Travelled "
         "to Geneva to join the talks' stays a visit."),
    Rule("code.private-journey-is-no-visit", _C,
         "A verb of going (go, come, travel, fly, arrive, return; lexicons/senses.tsv journey-verb) coded as a "
         "visit (04) is no event when every source is coded by roles of private people only (civilians, the "
         "public, pupils, refugees ...) and every target is a place (a country with no role, or a place's name): "
         "'it would allow hundreds of men to return to the UK from Syria and Iraq', '12,000 women and children of "
         "all nationalities have arrived from Isis-controlled Baghuz', 'Aksoy went to Syria in the summer to "
         "document the Kurdish resistance' (issue 17, readable news: a visit is a political actor's). 'Travelling "
         "to a nearby British embassy' (GBRGOV) and officials' journeys stay."),
    Rule("code.steering-a-thing-is-no-journey", _C,
         "A verb that moves, steers or runs its object (direct, channel, steer, fly, ship, control, manage, "
         "regulate ...; lexicons/senses.tsv steering-verb) coded as consultation or a visit (03, 04: the control "
         "block shares 'head''s '( TO )' 042:043 and 'TO' 030, and 'fly' reads 'flew to Moscow') is no event when "
         "every object is a thing, no person, visitor, force or coded party: 'direct the money into aid programmes "
         "for the poor', 'state controlled carriers will be able to fly the lucrative Gulf routes, to countries "
         "such as Kuwait', 'I, Qassem Suleimani, control the policy for Iran with respect to Iraq, Lebanon, Gaza and "
         "Afghanistan' (issue 17, readable news). 'Led a delegation to Moscow', 'flew men and munitions to "
         "Damascus', 'directed the troops to Basra' are not this rule's."),
    Rule("code.journey-abroad-is-a-visit", _C,
         "A verb of going (travel, arrive, fly, go, head ...; lexicons/senses.tsv journey-verb) that the dictionary "
         "codes as consultation with the place reached (040: TRAVEL, ARRIVE '( TO )') or as an intent to meet (036: "
         "FLY '( TO )') is a visit (042, one way) when it is told as made (no modal, no infinitive's 'to'), by a "
         "political actor (no private person, no irregular armed group), to places in another country than its own: "
         "'the presidents of Iran and Turkey arrived in the Black Sea resort of Sochi', 'Turkish military officials "
         "travelled to Moscow ahead of the Turkish invasion', 'Mr Blair flew to Washington on Tuesday' (issue 17, "
         "cause 4; the real-news gold codes 'Rubio ... landing in Jeddah' and 'I have not traveled to Afghanistan' "
         "042; the dictionary's negotiation with the place, 'ARRIVE ( FOR TALKS )' [046:046], is read so too: 'the "
         "Foreign Secretary Jack Straw arrives in Indonesia for a special summit meeting'). 'Will fly to Moscow', "
         "'is due to travel to Mauritius' keep their intent (036); 'went to see the Turkish president' stays a "
         "meeting."),
    Rule("code.crossing-into-a-country-is-no-appeal", _C,
         "'Cross', coded as an appeal for humanitarian aid (0233) by the dictionary's '&REFUGEE * ( INTO )', is no "
         "event: crossing a border is a journey, and refugees (and those who cross with them) ask nothing of the "
         "country's state by it: 'more than 3,000 refugees and militants have crossed the Lebanese border into "
         "Syria in the second phase of a repatriation' (Guardian; 0233 to SYRGOV from both), 'hundreds of Afghan "
         "refugees crossed into Pakistan', 'thousands of Syrian refugees crossed into Turkey overnight' (issue 17, "
         "cause 1). An appeal in words ('the refugees appealed for aid') is not this verb's."),
    Rule("code.dealing-with-a-matter-is-no-act", _C,
         "'Deal', diplomatic cooperation (050) by default in the dictionary (BARGAIN, made for 'dealt with the "
         "rebels'), is no event when what is dealt with (the object of its 'with' phrase) is no party the coder "
         "found, or when something is dealt out to someone and there is no 'with' phrase: 'as a Northern Ireland "
         "minister he dealt with education and later security', 'failing to properly deal with the issue of "
         "British teenagers who have left to join Isis' (BBC, Guardian), 'the country dealt with an earthquake on "
         "the border with Iran', 'his military had dealt the United States a slap in the face' (Iran crisis) "
         "(issue 17, cause 1: handling a matter is no act toward those named inside it). 'Crocker dealt with "
         "Suleimani indirectly' and 'terrorists must be dealt with' stay."),
    Rule("code.defending-a-decision-is-verbal", _C,
         "'Defend', military protection (074) by default, is verbal defence (052, 'defend or justify policies, "
         "actions, or person of another actor') when every object (or passive subject) is a decision, an act, a "
         "plan, a record or words (lexicons/senses.tsv defended-matter), whoever defends it: 'Russia's "
         "president has defended the purchase of Yukos' key production unit by state-owned oil firm Rosneft' (BBC), "
         "'Brandon Lewis defended Javid's decision to strip Begum of her citizenship' (Guardian), 'the Home Office "
         "defended the measures' (issue 17, cause 4). 'Kurdish forces defended the city of Kobane' and 'Iran will "
         "defend itself against any aggression' are not this rule's."),
    Rule("code.journey-to-come-abroad-is-an-intent", _C,
         "A political actor's journey to places in another country than its own (as code.journey-abroad-is-a-visit) "
         "still to come, which the dictionary codes as negotiation with the place reached both ways ('ARRIVE ( FOR "
         "TALKS )', 'HEAD ( FOR TALKS )' [046:046]) after a modal or an infinitive's 'to', or as consultation told "
         "in the present progressive, is an intent to visit (036), one way: the place is where the talks are held, "
         "no party to them, and does nothing back: 'a Syrian government delegation will arrive in Geneva on "
         "Wednesday for the first UN-sponsored peace talks' (Guardian; the converse made Geneva negotiate with the "
         "delegation), 'the Turkish president is due to arrive in Berlin for talks', 'the chancellor is travelling "
         "to America next week' (BBC; 040 asserted before) (issue 17, causes 1 and 4; the gold codes an announced "
         "visit 03 or 04, the visitor to the host country). 'Arrived in Moscow for talks with Lavrov' (a party "
         "named) is not this rule's."),
    Rule("code.attending-a-school-or-place-is-no-visit", _C,
         "'Attend', a visit in the dictionary (042:043, made for summits, meetings, funerals), is no event when "
         "every object is a school, a course or a place of worship or training (lexicons/senses.tsv schooling, "
         "attended-place): 'he attended Lewis Boys' School in nearby Pengam', 'charged with attending a place or "
         "places in Iraq and Syria where instruction or training was provided', 'the Iraqi prime minister attended "
         "a university in London' (issue 17, readable news: the place hosts no one). 'Attended the funeral in "
         "Baghdad' and 'attended the summit' stay."),
    Rule("code.taking-refuge-is-no-occupation", _C,
         "'Take' (arrest 171 by default, occupation 192 with an armed subject, and '( IN &REFUGEE )' 075) is no "
         "event when its object is refuge, shelter, cover or sanctuary (lexicons/senses.tsv refuge-noun): flight "
         "to a place is no act on it nor on its state: 'Afghan soldiers took refuge in Tajikistan', 'Syrian rebels "
         "took shelter in Turkey after the fall of the town', 'Iraqi soldiers took cover in a mosque in Mosul' "
         "(issue 17, cause 1, readable news: 'Isis leaders have taken refuge in the Syrian town of Mayedin', which "
         "code.town-in-a-place-phrase-is-not-the-object now also keeps from being a seizure). 'Syrian government "
         "troops took the town of Palmyra from Isis' stays."),
    Rule("code.joining-a-fight-has-no-partner-in-its-place", _C,
         "'Join' with a fight as its object (war, fight, battle, conflict, insurgency; lexicons/senses.tsv "
         "joined-fight), military cooperation (062) in the dictionary ('JOIN &FIGHT'), is no event when no target is "
         "named as a side ('on the side of X', 'alongside X', 'with X'): the war's place and the joiners listed are "
         "no partners: 'an estimated 850 Britons believed to have joined the war in Syria and Iraq on the side of "
         "Isis', 'other members of Isis' foreign legion had joined the fight, including Algerians and Moroccans', "
         "'French jihadists joined the battle for Mosul' (issue 17, cause 1, readable news). 'Iran joined the war "
         "on the side of Russia' stays."),
    Rule("code.joining-another-force-is-military-cooperation", _C,
         "'Join' coded as a show of force (154, 'JOIN &MILITARY', made for forces reinforcing their own) or as "
         "economic cooperation (060, 'JOIN FORCES', which 'government forces' matches) is military cooperation (062) "
         "when what is joined, or the side named of a fight joined, is an armed party of another country or group "
         "than the joiner's: 'Turkey saying it has joined allied Syrian rebel fighters to take control of a series "
         "of YPG military points', 'Russian troops joined Syrian government forces near Palmyra', 'Hezbollah "
         "fighters joined the Syrian army in the offensive on Qusair' (issue 17, cause 4). 'Russian marines joined "
         "the Russian forces in Syria' reinforces its own (154 stays)."),
    Rule("code.dismantling-an-armed-group-is-force", _C,
         "A verb of dismantling (dismantle, destroy; lexicons/senses.tsv dismantle-verb) that the dictionary codes "
         "as reducing relations (16, the dominant root of its block SEPARATE) is force (190) when a fighting party "
         "by its role (forces, troops, rebels; not police, whose dismantling of a cell is arrests) does it to an "
         "armed party or to what an armed group holds (caliphate, stronghold, enclave, network, cell, base, camp; "
         "armed-holding): 'Kurdish forces have almost completely dismantled Islamic State's caliphate' (leads "
         "study, class C6). 'Iran dismantled centrifuges', 'dismantled trade barriers' stay."),
    Rule("code.attack-on-a-crowd-is-assault", _C,
         "A verb of verbal attack (attack, clash ...) with no armed party whose object is people in a crowd (fans, "
         "supporters, spectators, shoppers, passengers) is bodily assault (180), not criticism: 'British fans "
         "attacked Turkish supporters in Istanbul' (review 7, section 11), when the subject is people acting as "
         "a crowd (fans, youths, protesters, a mob), not a body ('Human rights groups attacked the president's "
         "supporters' stays criticism; review 8 #10). Words are data (lexicons/senses.tsv: crowd-noun, "
         "crowd-doer); real-news conventions only."),
    Rule("code.attack-on-a-computer-is-no-event", _C,
         "A verb of verbal attack with no armed party whose object is a computer, a website or a network "
         "('Chinese hackers attacked Microsoft's website') is neither force between actors nor criticism: no "
         "event (review 7, section 11). Words are data (lexicons/senses.tsv: computer-noun); real-news "
         "conventions only."),
    Rule("code.force-needs-arms", _C,
         "A trigger the dictionary codes as force (18, 19, 20) is force only when an armed party takes part (a "
         "military, rebel, police or criminal role, or a state named alone), a place is its target, the verb names "
         "bodily harm by its meaning (kill, shoot, abduct), or its sentence speaks of arms or bodily harm; "
         "otherwise news uses the verb for words or contests: 'the Tory leader attacked Labour's plans', 'the "
         "judge clashed with ministers over inquiries' are criticism (111) of their target (verbs of verbal "
         "attack), 'Ruth Kelly wants to ditch the report', 'the heart of Britain beats as strong' no event. A "
         "person is no armed party by an office ('Defence Secretary Liam Fox'). Words are data "
         "(lexicons/senses.tsv); real-news conventions only (bundled dictionaries)."),
    Rule("code.facing-is-no-meeting", _C,
         "'Face' (confront) coded as a meeting (04), an intent to meet (03) or disapproval (11) names a situation "
         "its subject is in, no act between actors: 'Tory leader Michael Howard faces a possible rebellion', "
         "'voters faced a clear choice', 'faced with Turkish restrictions, US operations ...', 'Putin has faced "
         "sharp western criticism' (the critics are not named): no event. Words are data (lexicons/senses.tsv: "
         "facing); real-news conventions only."),
    Rule("code.going-is-a-visit-only-to-a-place-or-host", _C,
         "'Go' or 'come' coded as a meeting or visit (04) is one only to a place or host named ('Erdogan went to "
         "Washington', 'the minister went to the Kremlin', 'the right time for Mr Zarif to come to the United "
         "States') or to see or meet someone ('went to see the president'); otherwise no event: 'Mr Blair went "
         "back on a pledge', 'went further than Theresa May', 'went out of its way', 'he went to Cardiff "
         "University', 'went on Twitter', 'the UK is coming to Baghdad's aid', 'the battle is coming to an end', "
         "'the two countries came to blows', 'have come to an agreement'. Talks, negotiations or "
         "meetings that go on or go nowhere are the consultation the dictionary codes, kept. Words are data "
         "(lexicons/senses.tsv: going, going-away, schooling); real-news conventions only."),
    Rule("code.meeting-goes-both-ways", _C,
         "With the real-news conventions, the verb 'meet' coded as a plain meeting (040) with a partner named "
         "(its object or 'with' phrase) is also coded from the partner to the subject: a meeting is between both, "
         "each consults the other, and the gold codes a symmetric interaction both ways (docs/events-gold.md, "
         "'Several actors'), as the dictionary's own meeting patterns do ('( FOR TALKS )' 036:036) while the bare "
         "verb MEET [040] goes one way: 'Saudi Crown Prince Mohammed bin Salman met with Rubio in Jeddah' is SAU -> "
         "USA and USA -> SAU. Only a partner that is the verb's object or the object of its 'with' counts ('failed to "
         "meet the deadline set by the court' met no court); a passive ('protesters were met with tear gas by "
         "police': received, not consulted), a pattern with another code and a meeting with no partner named are "
         "left alone; the verbs are data (lexicons/verb_classes.tsv, mutual-meeting)."),
    Rule("code.object-of-a-with-pattern-is-no-partner", _C,
         "A paired code of a 'with' pattern (PHYSICAL_CONFLICT's '* WITH [190:190]', made for 'clashed with', "
         "'fought with') is not coded as the converse when the target is the verb's direct object: 'Russia's defence "
         "ministry confirmed it had hit Idlib in coordination with Turkey' was also SYR -> RUSGOV 190 (Idlib hit "
         "no one); the act is done to the object, one way, and the 'with' phrase is an instrument or a companion "
         "of the doer. A 'with' party as target ('clashed with Kurdish fighters') keeps the mutual reading. "
         "Real-news conventions only."),
    Rule("code.visited-thing-hosts-no-one", _C,
         "A visit's converse, hosting (the dictionary's paired '[042:043]'), is not coded when what is visited is a "
         "place or thing that hosts no one, a common noun of lexicons/senses.tsv hostless-place: 'Gordon Brown has "
         "visited Kenya's biggest shantytown' (was also KEN -> GBRGOV 043), 'Mr Blair briefly visited the tomb of "
         "Yasser Arafat in Ramallah' (was PSEGOV -> GBRGOV 043: the tomb coded by the man buried in it), 'visiting "
         "Sikhism's holiest shrine' (was IND -> GBRGOV). A place is no actor unless the act is done to it "
         "(docs/events-gold.md, section 2), and the real-news gold codes such visits one way ('-> villages "
         "affected by the fighting' 042 only). The visit itself stays; a country, capital or city visited keeps "
         "its converse (its government as host), as does a person or body. Real-news conventions only."),
    Rule("code.planned-meeting-goes-both-ways", _C,
         "A meeting or negotiation announced for the future keeps its converse: 'Bolton is expected to hold tense "
         "talks with Turkish officials' (USA -> TUR and TUR -> USA 036), 'Putin will meet Erdogan' (both ways), as "
         "an asserted meeting goes both ways (code.meeting-goes-both-ways; docs/events-gold.md, 'Several actors'): "
         "both sides intend to meet. A visit's converse, hosting (043), has not happened and still goes "
         "(code.announced-act-is-intent-or-threat)."),
    Rule("code.meeting-a-need-is-no-meeting", _C,
         "'Meet' coded as a meeting (04) or an intent to meet (03) whose object (or passive subject) is a need, a "
         "target, a demand, a deadline, criteria, costs or obligations fulfils it and meets no one: 'Greece failed "
         "to meet the targets agreed with the European Union', 'whether or not Turkey has met its economic "
         "criteria', 'firms unwilling to meet US requirements', 'to meet the demands of a booming economy': no "
         "event (and no converse meeting, code.meeting-goes-both-ways). Only a common noun ('met Bill' is a "
         "meeting). Words are data (lexicons/senses.tsv: met-need); real-news conventions only."),
    Rule("code.met-with-is-a-response", _C,
         "The passive 'be met with X' tells of the response X to its subject, not of a meeting: 'protesters were met "
         "with tear gas by police', 'the report has been met with anger by the families', 'such a move would be met "
         "with sharp criticism': no meeting (04/03) is coded; so is the active 'met the demonstrators with tear gas' "
         "(what it is met with is force, lexicons/senses.tsv: met-hostile), and an active 'meet' whose object is a "
         "response (met-response, met-hostile: 'the plan met a cool reception from the French government', 'Russian "
         "troops met fierce resistance'; issue 17). A passive with 'by' only ('the minister "
         "was met by Chinese officials at the airport') is a meeting, kept. Real-news conventions only."),
    Rule("code.hosting-is-a-visit-only-of-a-visitor", _C,
         "'Host' coded as a visit (042/043) is one only when what is hosted is a visitor: a person or group named, "
         "an office holder or a delegation ('Putin hosted Erdogan', 'Beijing hosted a delegation from Pyongyang', "
         "'hosted his Turkish counterpart'); hosting refugees, troops, bases, an event, a summit or talks is no "
         "visit between the host and them: 'Ankara hosts 3.5 million refugees', 'two Iraqi military bases hosting "
         "U.S. troops', 'Qatar will host the talks': no event. Words are data (lexicons/senses.tsv: hosting, "
         "visitor-noun); real-news conventions only."),
    Rule("code.releasing-a-publication-is-no-release", _C,
         "'Release' or 'free' coded as freeing people (08, or its announcement 03) frees no one when what is "
         "released is a publication ('Islamic State fighters have released a video', 'the Commission's report "
         "will be released on 11 March', 'the US and Turkey have released opposing accounts of a phone call', "
         "'the figures have been released by the UNHCR') or a product put on sale ('the original track was "
         "released in the US', 'Xbox video game Halo 2 has been released in the US', 'his cartoon book Flanimals "
         "which is released in the US in March': the noun, a compound before a title, the noun a title is in "
         "apposition to, or the noun a relative pronoun stands for), or when it is 'freed up' ('US troops freed "
         "up in Syria'): no event. Words are data (lexicons/senses.tsv: releasing, publication); real-news "
         "conventions only."),
    Rule("code.feeling-a-participle-is-no-act", _C,
         "A verb in a participle that completes 'feel' ('Brown feels deeply betrayed', 'many Muslims felt "
         "targeted', 'the minister felt let down') tells the subject's feeling, not an act by or on anyone named in "
         "the sentence: no event (the dictionary coded 'betrayed' 160 from the feeler). Who betrayed or targeted "
         "them, if anyone, a sentence telling the act says. Words are data (lexicons/senses.tsv: feeling); "
         "real-news conventions only."),
    Rule("code.side-fought-for-is-no-enemy", _C,
         "A verb of fighting coded as force (18-20, or force's verbal reading, criticism) whose every target is in "
         "a phrase naming the side it fights on ('for X', 'alongside X', 'beside X', 'on behalf of X', 'on the side "
         "of X') names its fighters' ally or cause, not their enemy: 'British citizens going to fight for a "
         "terrorist group', 'Russian nationals fighting alongside Syrian government troops', 'the attacking forces "
         "were fighting on the side of Bashar al-Assad's regime', 'not prepared to fight for a free, democratic "
         "Syria': no event (the dictionary's own '* ALONGSIDE' [062] reads the phrase as an ally). An enemy named "
         "by the object or an against/with phrase is kept ('fighting Isis', 'fighting against Turkey'). Words are "
         "data (lexicons/senses.tsv: fighting-verb, side-preposition, side-noun); real-news conventions only. "
         "Module side_senses.py."),
    Rule("code.acknowledging-a-fact-is-no-responsibility", _C,
         "'Acknowledge', which the bundled dictionary codes as acknowledging or claiming responsibility (015), "
         "with a clause about another party concedes a fact and takes responsibility for nothing: 'Republican "
         "senators have acknowledged that the SDF has borne the brunt of fighting Isis', 'British diplomats have "
         "acknowledged that Assad would have to be allowed to stand', 'Erdogan ... acknowledging that Turkey had "
         "legitimate concerns': no event. A clause whose subject is a personal pronoun or a noun owned by one is "
         "about the acknowledger's own doing and keeps 015 ('Iran acknowledged that it had shot down the plane'); "
         "the gold codes 015 only for responsibility claimed. Words are data (lexicons/senses.tsv: "
         "acknowledging-verb); real-news conventions only. Module side_senses.py."),
    Rule("code.meeting-held-at-a-place-is-a-meeting", _C,
         "The bundled dictionary's 'MEET ( AT )' pattern codes 'meet ... at' as an intent to meet (036), right for "
         "'will meet at the summit' but not for a meeting told in the past tense: 'the Pakistani president met "
         "Tony Blair at 10 Downing Street', 'Blinken met Wang Yi at the G20' are meetings held (040). Words are "
         "data (lexicons/senses.tsv: meeting); real-news conventions only."),
    Rule("code.visit-to-a-home-place-is-no-visit", _C,
         "A meeting or visit (04) one side of which is only places (a name coded as a country with no role: "
         "'Manchester', 'Britain') in the country of the other side is a tour at home with no host: 'Mr Kennedy "
         "visits Manchester, Liverpool and Leicester', 'the chancellor is leaving Britain on a tour of Africa', "
         "'people coming to the UK': no event. A place of another country keeps its visit ('Blair visited "
         "Basra', 'Musharraf's visit to London'). Real-news conventions only."),
    Rule("code.joining-is-a-meeting-only-of-talks", _C,
         "'Join', which the dictionary codes as assembling (040) or, planned, an intent to meet (036), is a "
         "consultation only when what is joined is talks, a meeting or a summit ('Iran joined the talks in "
         "Vienna'); joining a person, a body or a delegation is company or membership, no act: 'Mr Brown was "
         "joined by Alan Milburn at a poster launch', 'to encourage black and Asian people to join the police', "
         "'Prince Edward will join the UK delegation in Poland'. Patterns of other roots ('joined in condemning' "
         "111, 'joined the protest' 141) are untouched. Words are data (lexicons/senses.tsv: joining, "
         "joined-talks); real-news conventions only."),
    Rule("code.agreement-named-for-a-place-is-no-party", _C,
         "An agreement named for the place it was signed ('the Kyoto Protocol', 'the Paris climate agreement', "
         "'the Minsk accords', 'the Geneva Conventions') is coded by the dictionaries as that place's country, "
         "but it is the object of the act, not a party to it: when every party on one side of an event is such "
         "an agreement, the event has no other party and is dropped ('the US has refused to sign up to the Kyoto "
         "treaty' is no act towards Japan). An agreement with a party named keeps it ('signed an agreement with "
         "Mauritius'). Words are data (lexicons/senses.tsv: agreement-noun); real-news conventions only."),
    Rule("code.joined-forces-are-no-party", _C,
         "The bare plural 'forces' that a verb of joining or combining takes as its object (the idiom 'join "
         "forces': lexicons/senses.tsv force-joining) is no party, though the agents dictionary codes it as armed "
         "forces: an event whose every party on one side is that noun is no event ('The star of Day of the "
         "Jackal has joined forces with Swansea-born actor-director Terry Palmer': 046 with ---MIL both ways; "
         "'NTT DoCoMo and Vodafone joined forces to develop the next generation of networks': 060 to USAMIL; "
         "'whether central banks will combine forces'). 'Joined the armed forces', 'forces joined the "
         "offensive' and 'France joined forces with Britain' (whose partner is named) keep their parties. "
         "Real-news conventions only."),
    Rule("code.visiting-a-website-is-no-visit", _C,
         "A verb coded as a visit, meeting or hosting (04) whose every object (or object of 'to' or 'through') is a "
         "place on the web (website, homepage, blog, chatroom; a 'site' only as a 'web' or 'internet' site: "
         "lexicons/senses.tsv web-place, web-site-mark) tells of pages read or served, no host met: 'Around "
         "10,000 people visited the campaign's website' (042 and 043 between the people and the campaign), "
         "'criminals use bot nets to host websites that look like those of banks', 'surfers have been unable to "
         "visit the official web site of President George W Bush' (042 to the US and Bush): no event. 'Visited "
         "the site of the bombing' and 'Blair visited Basra' keep their visits; hacking a website (other codes) "
         "is untouched. Real-news conventions only."),
    Rule("code.prize-won-is-no-act", _C,
         "A verb whose object (or passive subject) is a prize (award, prize, Oscar, nomination, medal, trophy, "
         "title: lexicons/senses.tsv prize-noun) tells of an honour won, given, taken or refused, no act between "
         "political actors, whatever the verb's dictionary code: 'Veteran actor Morgan Freeman took the best "
         "supporting actor award' (181 abduction from 'take'), 'A novel set in 19th century Paraguay has won the "
         "fiction prize' (051), 'Three people have refused Oscars' (120), 'British television music shows have "
         "picked up six nominations' (110): no event. Not the awarding of a thing named ('challenged the award of "
         "the contract'); 'the opposition won the election', 'troops took the town' name no prize. Real-news "
         "conventions only."),
    Rule("code.team-in-a-sport-story-is-no-state", _C,
         "In an article that tells of sport in at least three sentences (a score or a sport noun: match, cup, "
         "coach, striker, final ...; force_senses.sport_sentence), an event whose every party is a country named "
         "alone or a person known only by one (no government, armed, court, police or other role) is play "
         "between teams and their players, no act between states: 'Wales have beaten France on two of their last "
         "three visits to Paris' (182), 'Italy travel to Edinburgh with high hopes' (040), 'Russia won the meeting "
         "with a final total of 63 points' (040), 'Ireland fly-half Ronan O'Gara hailed his side's 19-13 victory "
         "over England' (051): no event. Athletics counts as sport by its events' names too (relay, heptathlon, "
         "decathlon, javelin, steeplechase: lexicons/senses.tsv sport-story-word). A party with a role keeps the "
         "event ('Greek prosecutors charged the sprinters'), and so does every event of an article that is no sport "
         "story. A sport story that also tells of states' business in two sentences of no sport (diplomats, "
         "ministers, an embassy, sanctions: state-story-word) is a political story about sport, where a country "
         "named alone is a team only in a sentence that tells of sport: 'Britain has expelled 23 Russian "
         "diplomats ... Ministers will not attend the Olympics in Russia ... Russia condemned Britain' keeps the "
         "111 (review 12 #5). Real-news conventions only."),
    Rule("code.topic-discussed-is-no-party", _C,
         "A verb of discussing coded as consultation (04: discuss, debate, consider) whose every target lies in what "
         "is discussed (its object, or the subject of its passive) talks about the target, not with it: 'Theresa "
         "May discussed the situation in Ukraine', 'the foreign secretary discussed Syria and Ukraine with his "
         "French counterpart', 'he will meet Li Zhaoxing to discuss relations between their two countries and Hong "
         "Kong' are no consultation with Ukraine, Syria or Hong Kong: the event is dropped (a partner named with "
         "'with' that is coded keeps it: 'discussed the crisis with Macron'). Words are data (lexicons/senses.tsv: "
         "discussing); real-news conventions only."),
    Rule("code.wanting-a-thing-is-no-act", _C,
         "'Want' with a noun object and no clause, every target inside what is wanted, states a wish or a policy "
         "asked of no one: 'the Tories want quotas for economic migrants and refugees' (was a demand for aid, "
         "1033), 'MPs want research into whether UK visa holders leave' (1014), 'the Conservatives want the "
         "publication of the full legal advice' (030): no event. Not when a 'from' phrase names whom it is asked "
         "of ('wants an apology from Beijing'), nor with a clause ('wants Britain to use its influence', 'wants to "
         "cut taxes': the appeal and position rules decide). Words are data (lexicons/senses.tsv: wanting); "
         "real-news conventions only."),
    Rule("code.raising-no-ties-is-no-cooperation", _C,
         "A verb of increasing (increase, boost, expand, enhance, heighten, deepen) that the bundled "
         "dictionary codes by its default as material cooperation (BOOST 060) is cooperation only when what grows "
         "is a relation, aid or supplies ('deepened ties with', 'increased trade with China') or toward another "
         "country; otherwise a policy or an effect, no event: 'Charles Clarke wants to increase deportations of "
         "failed asylum seekers', 'the council expanded the scheme', 'heightened fears'. The counterpart of "
         "code.cutting-no-ties-is-no-sanction (same relation words: lexicons/senses.tsv relation-object; verbs: "
         "boosting); real-news conventions only."),
    Rule("code.invitation-is-an-offer-to-meet", _C,
         "A verb of inviting coded by the dictionary's default (INVITE [040], consultation) offers a meeting or a "
         "visit that has not been held: it is an intent to meet (036; CAMEO's 036 is an offer or agreement to "
         "meet, visit or negotiate), as the real-news gold codes 'the UN did not invite Afghan women' (036): "
         "'Putin has invited Erdogan to Moscow for talks', 'Straw invited his Iranian counterpart to visit "
         "London', 'invited Iran to attend the conference' (were 040, a consultation held, shown). Only with no "
         "infinitive or one of meeting or visiting (lexicons/senses.tsv invited-act: visit, come, attend, join "
         "...); 'invited Chinese firms to bid for contracts' keeps its code. The dictionary's own patterns "
         "('invited to negotiations' 030) are left alone. Real-news conventions only."),
    Rule("code.speaking-on-the-media-is-no-consultation", _C,
         "A verb of speaking or coming coded as consultation (04: speak, talk, arrive, approach) whose every party "
         "on one side is the news media (a MED role: a broadcaster, a programme, a reporter) is an interview or an "
         "appearance, not talks between actors: 'Speaking on BBC One's Breakfast with Frost, he said ...' (was "
         "046 both ways with the BBC), 'Mr Livingstone was approached by Evening Standard reporter Oliver "
         "Finegold', 'the UKIP member was arriving at the BBC for a radio show': no event (what is said is coded "
         "by the verb of saying). Meetings keep theirs ('the BBC's director general met the culture secretary'). Words "
         "are data (lexicons/senses.tsv: appearing); real-news conventions only."),
    Rule("code.firm-and-its-customers-is-commerce", _C,
         "An act coded as cooperation or talk (roots 01-10) whose every source is a firm (a business or media "
         "role, no government one: a company, a broadcaster, a website) and every target its customers or people "
         "at large named by a common noun (people, customers, users, children, viewers: lexicons/senses.tsv "
         "customer-noun) is a firm's dealing with the public it sells to, no act between political actors: 'The "
         "Auction Drop website is asking people to donate old digital cameras' (020), 'The company is inviting "
         "people to come along to a shopping mall' (040), 'Vodafone encourages people to use Sim back-up devices' "
         "(051): no event. A government's appeal to its people, a firm's act toward a government or another "
         "firm, and a firm's lawsuits and accusations (root 11) are kept. Real-news conventions only."),
    Rule("code.deal-between-firms-is-commerce", _C,
         "An act coded as cooperation of any kind (roots 01-10) or as a battle (19) whose every source and every "
         "target is a firm is commerce, no act between political actors: 'Belgium's Interbrew bought Brazilian "
         "brewer Ambev' (061 BEL -> BRA), 'Swiss cement firm Holcim has bid $800m to buy two Indian cement firms', "
         "'Boeing is to supply Japan Airlines with up to 50 planes' (0332), 'the battle between Microsoft and "
         "Google' (190): no event. A firm is a party coded as a business or multinational (BUS, MNC, with at most "
         "a media, farming or health sector) or headed by a firm noun, also through what is bought of it ('33% of "
         "Changyu', 'a 26% stake in Jagran': lexicons/senses.tsv firm-noun, firm-part); a proper name of no person "
         "or place coded with a country alone ('Italy's Illva Saronno') counts when another party is plainly a "
         "firm. A government, regulator, court or any other state or political role keeps the event, and so does "
         "a firm marked as the state's ('state-run oil group Rosneft': state-firm-mark), a firm acting on a "
         "country ('Iberdrola debuted in Australia', 061 in the VOA gold) and lawsuits, accusations and "
         "rejections between firms (11-17). Real-news conventions only."),
    Rule("code.moving-an-economic-quantity-is-no-act", _C,
         "A verb of change whose subject is an economic quantity (a price, shares, an index, inflation, a currency, "
         "profits, the economy: lexicons/senses.tsv quantity-verb, economic-quantity), or a verb of moving whose "
         "object or passive subject is one (push, drive, lift, raise, force: moving-verb), tells of that quantity "
         "moving, no act of anyone's, whatever the verb's dictionary code: 'Irish shares have risen to a record "
         "high' (080 from RISE in the block LIFT), 'Fiat's shares ... having shot up more than 7%' (190), 'Cold "
         "weather ... has pushed US crude oil prices above $50 a barrel' (100), 'heavy spending by President Bush "
         "has pushed the budget deficit to a record' (100), 'Sales of stakes in firms ... raised 1.17bn euros' "
         "(0231): no event. What moves is no party, whoever moves it. Not money sent ('sent 50m euros to Greece', "
         "no verb of moving in this sense), nor measures on a quantity ('hit China with tariffs'), nor acts whose "
         "object is no quantity ('pushed Iran to accept', 'raised concerns'). Real-news conventions only "
         "(market_senses.py)."),
    Rule("code.demonstrating-a-thing-is-no-protest", _C,
         "'Demonstrate' (lexicons/senses.tsv showing), coded by the dictionary as a protest (14, its default 141 in "
         "the block MARCH), protests only without an object: 'protesters demonstrated outside BBC buildings', "
         "'campaigners were expected to demonstrate during the conference'. With what it shows, an object or a "
         "clause, it is showing, no protest and no event: 'Samsung demonstrated a phone using UWB technology', "
         "'Nokia was happy to demonstrate its 6230i' (BBC tech), 'After Syria, Mr Putin travelled on to Cairo ..., "
         "demonstrating Russia's new clout in a region' (141 RUSGOV -> RUS), 'People coming to settle in the UK "
         "... will have to demonstrate they have an acceptable standard of health'. Patterns that code another "
         "root stay ('demonstrated their support', 051; 'in solidarity', 053), and so does the protest whose "
         "object is the demonstrators' own stance ('Thousands of Iraqis demonstrated their anger at the US strike', "
         "'demonstrated their rejection of the election result': lexicons/senses.tsv protest-stance, with a "
         "possessor; 'Strikes ... have demonstrated the displeasure' shows it). Real-news conventions only "
         "(no_act_senses.py)."),
    Rule("code.cooperation-with-own-public-is-policy", _C,
         "Diplomatic or material cooperation (05, 06) by a government, party or leader whose every target is a "
         "public of its own country or of none (roles only of people, voters, pupils, workers, refugees: "
         "lexicons/senses.tsv public-role) is domestic policy, not an act between actors: 'the government gives "
         "200 pounds for winter fuel to households' (060), 'Labour would encourage more people to achieve their "
         "aspirations' (051), 'the UK would welcome genuine economic migrants' (051), 'the Tories can improve "
         "public services' (060): no event. On the judged BBC politics 001-299 events all 11 such events were "
         "judged not real; the VOA gold has none. The counterpart for intents is "
         "code.policy-for-own-people-is-no-intent (positions.py); releases and concessions (08) at home stay "
         "events (the gold codes them). Real-news conventions only."),
    Rule("code.settling-in-a-place-is-no-compromise", _C,
         "'Settle', which the dictionary codes as a compromise (COMPROMISE, 080), with no object, passive subject "
         "or clause, no phrase of what is settled with or on ('with', 'on', 'for', 'over', 'out of court'), and "
         "an 'in', 'into', 'inside' or 'within' phrase of a place (a named place or a place noun) is taking up "
         "residence there, no yielding to anyone: 'Begum told the Times she initially settled in Raqqa' (SYRCVL "
         "-> SYR 080), '3.5 million refugees from neighbouring Syria have settled inside Turkey' (SYRREF -> TUR): "
         "no event (2 of the 4 'settle' events on the 631 readable articles of review 22, both shown and wrong). "
         "A noun after a dash no second dash closes is a comment on the clause, not what is settled: 'nearly "
         "160,000 people were settling in the UK every year - the size of a city like Peterborough' (the parse "
         "makes 'the size' the object; GBRCVL -> GBR 080 shown). 'Walt Disney has settled charges from US federal "
         "regulators' stays. Words are data (lexicons/senses.tsv: settling); real-news conventions only "
         "(no_act_senses.py)."),
    Rule("code.cutting-no-ties-is-no-sanction", _C,
         "A verb of cutting (cut, slash, reduce) that the dictionary codes as reducing relations (16) or as a "
         "threat of it (13) does so only for ties, aid, supplies or a named actor ('cut ties with Qatar', 'cut aid "
         "to Ukraine', 'cut off gas supplies'); cutting anything else is a policy: 'the Tories would cut the "
         "number of MPs', 'plans to cut immigration', 'taxes were cut by the chancellor': no event. Words are "
         "data (lexicons/senses.tsv: cut-verb, relation-object); real-news conventions only."),
    Rule("code.sending-forces-to-attack-is-no-aid", _C,
         "A verb of sending forces (send, dispatch, deploy) whose purpose infinitive is a verb of force (attack, "
         "strike, bomb, fight ...; lexicons/senses.tsv force-purpose), coded by the dictionary as anything but force "
         "or a show of force, is no event of its own: 'Russia has sent in aircraft to attack rebel-held areas of "
         "Idlib' is the attack, not military aid (072) to Idlib, and 'the US sent warplanes to strike Islamic State "
         "positions in Syria' no military cooperation (062) with Syria, when every target of the sending was found "
         "inside the purpose (those attacked or where); the force is coded from the infinitive (leads study, class "
         "C6). 'Sent troops to help the army', 'sent aid to Idlib' and 'Kenya sent soldiers to Somalia to fight "
         "al-Shabaab' (a target of the sending's own) stay."),
    Rule("code.sending-own-forces-is-a-deployment", _C,
         "A verb of sending forces (send, dispatch, deploy) whose object or passive subject is armed forces "
         "(troops, soldiers, warships, jets ...; lexicons/senses.tsv sent-force) and which the dictionary codes as "
         "cooperation (06) or a show of force (15) is never aimed at the forces sent nor at a destination of the "
         "sender's own country: 'India deployed thousands of soldiers in Kashmir' is no act on the soldiers, "
         "'Sheinbaum sent 10,000 troops to Mexico's northern border' (MEX -> MEX 062) a deployment at home, 154 "
         "without a target as the VOA gold codes it. Cooperation (CAMEO 06: joint exercises, arms deals) takes two "
         "parties; a state moving its own forces mobilises them (154, aimed at the party the move is directed at): "
         "at home, 'into' another's territory ('Turkey sent troops into Syria in 2016': TUR -> SYR 154) or with no "
         "other destination left. Sent 'to' another country it keeps the dictionary's code (the host may be helped "
         "or a third party deterred; the sentence must say), and so does a sending with a purpose of support "
         "('deployed troops to Syria to support Assad'; lexicons/senses.tsv support-purpose) or of force "
         "(code.sending-forces-to-attack-is-no-aid) (deployments.py)."),
    Rule("code.preposition-of-an-adjunct-is-no-particle", _C,
         "A pattern of a verb and one bare preposition (CALL '* ( ON )' and '* ( FOR )', an appeal, 020) does not "
         "match a preposition that opens a phrase of time ('on Wednesday', 'on 14 December') or follows the verb's "
         "object when that is a name or a pronoun: 'Donald Trump called Erdoğan on Wednesday, urging him to "
         "curtail the operation' is a telephone call (the verb's own CALL, 041, both ways: CAMEO's example is "
         "'Christopher telephoned Kozyrev on Tuesday'), not 'called on' Turkey. The prepositional verb's particle "
         "comes right after the verb and takes the addressee as its object: 'called on Iran on Monday to free the "
         "sailors', 'has called on the management to recall the notice' stay appeals (particles.py)."),
    Rule("code.preposition-inside-an-adjunct-is-no-particle", _C,
         "A pattern of a verb and one bare preposition (CONFER '* ( WITH )' and '* ( BETWEEN )', a discussion both "
         "ways, 046) does not match a preposition that belongs to a noun inside a phrase of time or topic of the "
         "verb ('after', 'before', 'following', 'since', 'about', 'of': lexicons/place_words.tsv "
         "outer-adjunct-preposition): 'Speaking after a meeting with Theresa May in London, Binali Yıldırım said' is "
         "no discussion with May (the meeting's own 040 both ways stays), 'As the White House talks about the "
         "possibility of restoring economic cooperation with Russia' none with Russia, 'Lavrov spoke to reporters "
         "after the Geneva talks with American diplomats' none with the diplomats: the phrase names the partner of "
         "that noun, not of the verb. The verb is coded without that preposition's phrase. A 'with' of the verb "
         "('spoke with Russian President Vladimir Putin', 'spoke by video link last week with his French "
         "counterpart'), of its object ('discussed developments in Syria with the Turkish president') or inside a "
         "phrase of place, manner or occasion ('hit Aleppo in coordination with Turkey', 'hopes to resolve the "
         "pause in aid during talks with Ukrainian officials') still counts (particles.py)."),
    Rule("code.relief-deployment-is-no-show-of-force", _C,
         "A mobilisation or deployment the dictionary codes as a show of force (15) whose purpose infinitive is an "
         "act of relief (help, rescue, evacuate, assist, distribute ...; also of its object: 'mobilised efforts to "
         "help') and which is aimed at no armed party or state is no event: 'the army was deployed to help flood "
         "victims', 'troops mobilised to rescue people trapped by the earthquake', 'the military mobilised to help "
         "dig out vehicles stuck in snow'. CAMEO 15 is a posture toward an adversary; forces serving people struck "
         "by a disaster act toward no political actor (issue 17). 'Russia deployed troops to help Assad's forces' "
         "(an armed party helped), 'mobilised troops to the border with Ukraine' stay 15, and so does a deployment "
         "to help do what is no relief ('deployed to help quell the unrest', 'to help restore order': what a "
         "helping verb governs is the act); the purpose clause's own act (070 help, hypothetical) is coded as "
         "before. Words are data (lexicons/senses.tsv relief-verb)."),
    Rule("code.ban-on-goods-is-no-coercion", _C,
         "A verb of banning (ban, prohibit, outlaw, proscribe) coded as coercion (17) is so only when what it bans "
         "is people, a named group, their political or religious life or what they read or say (a pronoun, a name, "
         "a people-object word, a party it is aimed at, or people the coder finds inside it: 'banned the opposition "
         "party', 'prohibited rallies', 'banned women from driving', 'the Taliban banned her book', 'banned sales to "
         "Huawei', 'banned public gatherings of more than five people'); a ban of goods or "
         "an activity with no such party is public policy, no act against anyone: 'the Scottish government banned "
         "smoking in enclosed public places', 'authorities banned the sale of alcohol in some communities', 'Kenya "
         "banned plastic bags' (issue 17; as the noun, candidates.coercion-noun-at-home). Words are data "
         "(lexicons/senses.tsv ban-verb, lexicons/measures.tsv people-object)."),
    Rule("code.hit-criticises-only-out-or-back", _C,
         "'Hit' without arms is criticism (111) only as 'hit out at', 'hit back at', 'hit at' its target; "
         "otherwise it names an effect ('the stamp duty rise hit first-time buyers', 'the strike hit Jobcentres', "
         "'the government will hit its target'): no event. Fires where code.force-needs-arms decides. Words are "
         "data (lexicons/senses.tsv: criticism-particle); real-news conventions only."),
    Rule("code.warning-is-no-threat-of-others", _C,
         "A warning (warn, caution) of what may happen or of what others do (a that-clause, 'of', 'about') "
         "predicts it: 'warned that small firms could be crippled', 'warned ministers about the dangers of "
         "disunity' are a pessimistic comment (012, coded only about a named actor), not a threat (13). It stays a "
         "threat when the harm is the warner's own ('warned it would retaliate', 'warned of serious consequences', "
         "'stop or face ...': 'face' only in such an ultimatum, not of someone who faces hardship: 'Sri Lanka's "
         "banks face hard times, officials have warned' is 012), and when bare or addressed to someone not to act "
         "('warned France not to "
         "interfere'), where diplomacy leaves the harm implied. Words are data (lexicons/senses.tsv); real-news "
         "conventions only (bundled dictionaries)."),
    Rule("code.refusing-to-say-declines-comment", _C,
         "A refusal (refuse, decline) of a verb of saying ('refused to say whether he would stay', 'declined to "
         "comment', 'refused to confirm') declines to comment (011, as the gold codes it), not a rejection (12) "
         "of anyone; kept only with an addressee. Words are data (lexicons/senses.tsv); real-news conventions only."),
    Rule("code.not-commenting-declines-comment", _C,
         "A negated verb of commenting coded by its default (010) declines comment (011, asserted: the negation is "
         "the act), as 'declined to comment' does (docs/events-gold.md, section 8): 'the State Department does not "
         "comment on intelligence matters', 'We do not comment on Congressional correspondence', 'Mr Blair did not "
         "comment on Mr Brown's future'. 'Did not respond to a request for comment' is left alone: the gold codes it "
         "either as 011 or as a negated statement. Words are data (lexicons/senses.tsv: not-commenting)."),
    Rule("code.failing-is-no-refusal", _C,
         "'X failed to V' ('the government failed to tackle the problem', 'ministers had failed to reassure "
         "agencies') is an act not done, mostly in a critic's words, not X rejecting anyone (12): no event. Words "
         "are data (lexicons/senses.tsv); real-news conventions only."),
    Rule("code.denial-of-a-claim-is-no-rejection", _C,
         "A verb of denial (deny, dismiss, reject, refute, rebut) coded by its default as a rejection (12) or "
         "disapproval (11) denies a claim, not a proposal or request, when what it denies is a clause or gerund "
         "('denied it amounted to a crisis', 'denied having personal experience'): a statement to no one, no "
         "event; or a claim noun, a content noun with its clause, or (deny) a pronoun ('dismissed claims of a "
         "rift', 'rejected newspaper speculation that ...', 'rejected the idea Mr X posed a threat', 'denied all "
         "that'): the denial of an accusation, 016, as the dictionary codes 'denied the claims'. Requests and "
         "proposals stay rejected ('rejected calls for an inquiry'). Words are data (lexicons/denials.tsv); "
         "real-news conventions only."),
    Rule("code.demand-or-appeal-to-no-one-is-no-act", _C,
         "A verb of insisting, proposing, suggesting or questioning coded by its default as a demand (10) or an "
         "appeal (02) asks no one to act when it has no coded addressee ('ministers insist they are committed to "
         "free care', 'the government proposed the idea', 'the Tories questioned the timing of the rules') or "
         "when its clause states a fact or a guess ('suggested Parliament could decide'): a policy put to the "
         "public, a claim or a doubt, no event. A mandative clause ('suggested he should resign') or an addressee "
         "('proposed talks to Iran') keeps it. Words are data (lexicons/denials.tsv); real-news conventions only."),
    Rule("code.present-after-a-demand-is-mandative", _C,
         "After a verb of demanding (insist, demand, propose, recommend: lexicons/wishes.tsv demanding-verb; not "
         "'suggest', which also means 'imply'), a that-clause in the bare present with no auxiliary, whatever the "
         "number of its subject, or in the present passive of an act, says what another party is to do, as the "
         "singular subjunctive does: 'Maliki and his coalition partners insist that all American troops leave the "
         "country' (IRQ -> USA 100), 'Erdogan is insisting Syrian Kurds are excluded from the congress' (the "
         "plural subjunctive looks like the present; British English puts the mandative in the present passive). "
         "So the demand is kept by code.demand-or-appeal-to-no-one-is-no-act. Not a negated clause, a state "
         "('they are committed to free care', state-participle), nor a pronoun subject (review 9 A4's residual)."),
    Rule("code.or-face-is-an-ultimatum", _C,
         "An act asked of someone 'or' a penalty they will 'face' is an ultimatum: 'G7 ministers urged Russia to "
         "accept the ceasefire or face the possibility of additional sanctions', 'Britain told Iran to release the "
         "tanker or face the consequences', 'the union called on the management to withdraw the notice or face a "
         "strike ballot'. 'Face', joined by 'or' to the infinitive (or its object) of a verb of asking (urge, tell, "
         "call on, demand, order, warn, press, ask), with a penalty as its object (sanctions, an embargo, tariffs "
         "1312; the consequences, penalties, fines, prosecution, legal action, a strike ballot 130; strikes, force, "
         "military action 138; or one in the 'of' phrase of 'the possibility/prospect/threat/risk of'), is a "
         "threat by the one asking against the one asked (the asking verb's subject and object), not the asked "
         "party's meeting or facing anything. Without 'or' ('faced a clear choice'), without a verb of asking "
         "over it ('could lose his job or face a fine': a hypothesis) or without a penalty ('or face a long wait') "
         "it is no threat. The words are data (lexicons/measures.tsv, ultimatum-verb, ultimatum-penalty, "
         "ultimatum-frame)."),
    Rule("code.warning-against-is-advice", _C,
         "A warning (warn, caution) against an act ('warned both parties against pandering to prejudice', "
         "'warned against disunity') advises against it: an appeal (020) to the one warned when the text codes "
         "them, else no event; a warning reported after what it says ('Deaths in custody have reached shocking "
         "levels, a committee of MPs has warned') comments on it (012). A harm of the warner's own keeps the "
         "threat ('warned against any attack, threatening retaliation'). Words are data (lexicons/denials.tsv, "
         "senses.tsv warner-harm); real-news conventions only."),
    Rule("code.warning-by-a-power-over-the-warned-is-a-threat", _C,
         "A warning against an act (warn, caution) by a power over the ones warned stays a threat (13), not advice "
         "(code.warning-against-is-advice), because the harm it leaves implied is the warner's to bring: police, "
         "armed forces, security services, a court or a government warning protesters, activists, strikers or the "
         "opposition of their own country ('Kenyan police warned opposition supporters against holding protests in "
         "Nairobi', 'Erdogan warned Kurdish political activists against staging protests': repression is implied), "
         "and an international body warning a state (its government or forces) against an act of force or "
         "coercion ('ECOWAS warned Niger's junta against harming the deposed president': deterrence by a body that "
         "may sanction or intervene). A warning against a policy ('the IMF warned Argentina against new "
         "spending'), a UN agency warning the public ('the WHO warned people against travelling to the region') or "
         "a party warning parties has no such power behind it: advice (020) as before. Roles, nouns and acts are "
         "data (lexicons/wishes.tsv coercive-role, warned-public, deterred-act; review 9 A1's residual)."),
    Rule("code.warning-to-act-at-home-is-advice", _C,
         "A warning at home (not across borders, not by a power over the warned: "
         "code.warning-by-a-power-over-the-warned-is-a-threat) that the one warned should or should not act "
         "('Peter Mandelson warned the BBC to steer away from demonising Mr Howard', 'the CBI's director general "
         "warned Mr Brown not to be tempted to use any extra cash on pre-election bribes') or about a danger, "
         "hanging on the one warned ('Labour MPs warned Mr Blair and Mr Brown about the dangers of disunity'), "
         "advises: an appeal (020) to the one warned when the text codes them, else no event, as "
         "code.warning-against-is-advice does for 'against'. A harm of the warner's own keeps the threat; a state "
         "warning another ('China warned France not to interfere') stays a threat (diplomacy leaves the harm "
         "implied)."),
    Rule("code.taking-no-possession-is-no-seizure", _C,
         "'Take' coded by its default as a seizure (171) seizes nothing in a phrase of its own: with a direction "
         "('took the UK to war', 'take Britain out of the EU', 'took over at the Home Office'), "
         "an object that is a stance, decision, office or time ('the stand the party took', 'took over the "
         "chairmanship of the EU', 'taken too long'), 'for granted' wherever the parser hangs it ('cannot "
         "afford to take older UK voters for granted': on the object), 'seriously', 'taken together', or 'took "
         "over' without an object: no event. The dictionary's patterns ('took control of the town', 'took "
         "hostages') are not touched. Words are data (lexicons/denials.tsv); real-news conventions only."),
)
