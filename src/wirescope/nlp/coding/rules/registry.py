"""The one registration place of the event coder's rules, in the order the coder meets them for a trigger.

A rule is a decision of the coder that creates or drops an event or changes its code, source, target, modality or
confidence, together with the conditions that guard it; dictionary lookups (verb patterns, actor entries) are data,
not rules. The code of a rule calls ``DocContext.fire(RULE_ID)`` as the last test of its condition: that records
the rule in the event's trace and returns False when the rule is switched off (``--disable-rule``), so the coder
goes on as if the condition did not hold.

Each rule's examples (at least three positive sentences from different texts and one negative, each with its
expected effect) are reviewable parses in ``wirescope/data/coding/examples/<rule id>.conllu``; see
``examples.py`` and docs/events.md, "How to add a rule".

Order: candidates (which tokens are triggers and which code they get), arguments (source, then target), actors
(which actor a phrase names), modality (strongest first, the first that decides wins), filters (which events are
dropped), confidence.
"""

from __future__ import annotations

from .base import PHASES, Rule, RuleSet

__all__ = ["PHASES", "RULES", "Rule", "RuleSet", "check_rule_ids", "rule", "rule_ids"]

_C, _A, _ACT, _M, _F, _CONF = PHASES
NOWHERE = ("fires on no sentence of bbc2225, the tuning part of the real-news gold, guardian_sdf_2017_2019 or "
           "iran_crisis_2020 (rules --stats, December 2026): ")
# what the measures of a note below name: `wirescope rules --stats ../shared/data/corpora/bbc2225.jsonl` and
# `wirescope rules --stats data/voa2025/voa_2025_dev.jsonl --ids-from data/voa2025/split.json --part tuning`
QUIET = "fires on no sentence of bbc2225 or the tuning part of the real-news gold (rules --stats, December 2026): "

RULES: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- candidates: triggers and their codes
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
         "is told by its own verbs."),
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
    Rule("candidates.naming-is-not-calling", _C,
         "'call' with a predicate noun names ('called X a rogue state') or labels ('a group called Y'); it is not "
         "a call (041) on anyone."),
    Rule("candidates.light-verb-needs-an-actor-or-event", _C,
         "A light verb (take, give, hold, issue ...) coded only by its default and acting on a thing that is "
         "neither an actor nor an event codes nothing: 'took all necessary action', 'gave a speech'."),
    Rule("code.claim-with-indicative-complement", _C,
         "A verb of demand, dispute or denial (insist, suggest, argue, deny ...) coded by its default whose "
         "complement clause is indicative reports a claim, coded as a statement (010): 'insisted that the army "
         "remained loyal' is no demand, 'denied the police were involved' no rejection."),
    Rule("code.event-noun-of-a-light-verb", _C,
         "A light verb or a verb whose default codes nothing takes the code of the event noun it carries: 'held "
         "talks' (046), 'staged a rally' (141), 'began a hunger strike' (142), 'took revenge' (190)."),
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
         "airstrike, raid ...). 'Came under fire', the dictionary's idiom of criticism, keeps its pattern."),
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
    Rule("code.logical-object-takes-the-pattern", _C,
         "When a verb's patterns match nothing in its own phrase and it has no object, its logical object takes "
         "the pattern's object slot: the subject of a passive ('Sanctions were imposed on X' = IMPOSE * SANCTIONS, "
         "163) or the noun an object relative clause modifies ('the tariff Y levied' = LEVY * TARIFF). For the "
         "code only: the source and target are found as usual. A subject relative ('the sanctions that hurt') "
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
         "(the dictionary codes hear, learn and find out as consultation, 040, and took the clause's subject as "
         "the one consulted). 'Heard from the envoy', 'learned of the plan', 'found them guilty' keep their code. "
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
         "bill') is figurative: no event. 'Attacked the plan' is criticism (code.force-needs-arms). Words are data "
         "(lexicons/senses.tsv: aim-object); real-news conventions only."),
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
    Rule("code.capture-of-a-person-is-detention", _C,
         "A verb of capture (capture, seize; lexicons/senses.tsv capture-verb) that the dictionary codes as occupying "
         "territory (192: APPREHEND's '&MILITARY *', matched by a military agent) is detention (173) when every "
         "target is a person, by name or by a role of people (civilians, refugees, journalists, workers ...): 'An "
         "American woman captured by Kurdish forces ... says she regrets travelling to Syria' (leads study, class "
         "C6; the supplement's CAPTURE_PERSON gives 173 for captured commanders, fighters, hostages). 'Rebels "
         "captured the town' stays 192."),
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
         "'Go' coded as a meeting or visit (04) is one only to a place or host named ('Erdogan went to "
         "Washington', 'the minister went to the Kremlin') or to see or meet someone ('went to see the "
         "president'); otherwise no event: 'Mr Blair went back on a pledge', 'went further than Theresa May', "
         "'went out of its way', 'he went to Cardiff University', 'went on Twitter'. Talks, negotiations or "
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
         "(what it is met with is force, lexicons/senses.tsv: met-hostile). A passive with 'by' only ('the minister "
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
    Rule("code.speaking-on-the-media-is-no-consultation", _C,
         "A verb of speaking or coming coded as consultation (04: speak, talk, arrive, approach) whose every party "
         "on one side is the news media (a MED role: a broadcaster, a programme, a reporter) is an interview or an "
         "appearance, not talks between actors: 'Speaking on BBC One's Breakfast with Frost, he said ...' (was "
         "046 both ways with the BBC), 'Mr Livingstone was approached by Evening Standard reporter Oliver "
         "Finegold', 'the UKIP member was arriving for a BBC radio show': no event (what is said is coded by the "
         "verb of saying). Meetings keep theirs ('the BBC's director general met the culture secretary'). Words "
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
         "'stop or face ...'), and when bare or addressed to someone not to act ('warned France not to "
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
    # ---------------------------------------------------------------- arguments: sources
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
         "central predicament of the rebels' (Guardian, not 173): no source, so no event. Acts and their "
         "instruments ('Turkey's attack killed ...', 'the decision angered ...') are not such nouns, nor are aims "
         "('the aim of UKIP is to withdraw from the EU' is UKIP's intent, modality.aim-is-an-intention). Words are "
         "data (lexicons/senses.tsv: quality-noun)."),
    Rule("source.place-of-an-event-is-no-party", _A,
         "Looking for an actor inside an uncoded subject, the place phrase of an event noun is skipped for acts "
         "other than force ('the vote in Kenya approved ...' is not Kenya's)."),
    Rule("source.role-owned-by-a-pronoun", _A,
         "'France said its forces would respond': a role owned by 'its/their' belongs to the coded country that "
         "is the subject of the embedding clause (FRAMIL)."),
    Rule("source.coordinated-passive-shares-its-patient", _A,
         "A verb coordinated with or controlled by a passive shares its subject, the patient, not the 'by' agent: "
         "'X was indicted by Y and condemned Z' has X as the condemner."),
    Rule("source.passive-subject-acts", _A,
         "The passive subject is the source of a mobilisation ('troops are deployed', 15x) and of an action "
         "embedded under a passive ('X was seen to break ...') or coordinated with one ('troops were deployed and "
         "attacked X'); not of a bare participle coordinated with the passive or adverbial to it, which is the "
         "same passive ('journalists were arrested and beaten': they were beaten, they beat nobody; 'five people "
         "were killed, 20 injured': the 20 were injured, issue 17)."),
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
         "merely describe). When the instrument names no actor of its own ('in a bomb attack in Kabul') the "
         "phrase is coded as before."),
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
         "doer's country or a doer of its own ('Gunmen killed', 'killed in a U.S. airstrike'), not for an event noun "
         "(the act named in passing, 'tensions soared after the assassination of Soleimani': a second event of the "
         "same act), nor from a doer the headline only quotes ('Pentagon says general killed in strike': the speaker "
         "is no argument of the act) or a participle the parser took for the headline's verb ('UK helps raped Rwandan "
         "women'), nor for another act or another victim ('Iraq bombs Islamic State positions' is not 'Three Iraqi "
         "soldiers were killed in a roadside bombing'). Needs the headline coded with the article (plain-text ingest "
         "keeps the title as the first line; a title given apart from the text is not parsed). Module "
         "headline_doer.py."),
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
    # ---------------------------------------------------------------- arguments: targets (in finder order)
    Rule("target.rejected-accusation-is-against-the-rejecter", _A,
         "An accusation noun (allegation, accusation, criticism) with its accuser named (possessor, 'by' or 'made "
         "by') and no 'against' phrase, which a verb of rejection or denial has as its object ('the Afghan Taliban "
         "rejected "
         "Pakistan's allegation that ...', 'India rejected the allegations made by Pakistan', 'Qatar denies "
         "Riyadh's accusations'), is an accusation (112) against the one who rejects it: one rejects what is said "
         "of oneself. The rejection is coded by its verb too (016/12). Nouns and verbs are data "
         "(lexicons/event_nouns.tsv: accusation, shared with target.denial-answers-the-accuser; accusation-rejecter)."),
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
    Rule("target.topic-is-no-party", _A,
         "The object of a verb of discussion coded by its default is a topic, not a counterpart ('discussed "
         "Idlib'); only a 'with' phrase gives the target."),
    Rule("target.place-left-is-not-met", _A,
         "A departure verb coded as a consultation does not meet the place it leaves ('left Baghdad'), nor a "
         "companion ('with an escort'); a destination ('left for X') is met."),
    Rule("target.placed-by-the-pattern", _A,
         "A '+' in the matched pattern places the target: the first actor after the pattern word it follows.",
         note="no example with the bundled dictionaries: their '+' patterns put '+' first ('* + MISSION', which "
              "places nothing) or after a word whose actor a later finder reaches too"),
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
         "codes, are no antecedent."),
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
    Rule("target.after-the-pattern", _A,
         "The target is the first actor after what the matched pattern consumed: 'condemned an attack by X', "
         "'vowed to wage war on X'.",
         note="masked on its examples: with it off, the object or prepositional-phrase finder reaches the same "
              "actor; kept until the real-news gold can tell whether it earns its place"),
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
    Rule("target.place-only-for-place-acts", _A,
         "A place 'in/at/near X' is a target only for acts done to a place or its people (concessions, protests, "
         "sanctions, force, deployment, coercion) or a journey's end: 'said in Ankara' has no target."),
    Rule("target.prepositional-phrase", _A,
         "An actor in a prepositional phrase of the verb (also after a complex preposition, 'close to the border "
         "with X') is the target."),
    Rule("target.subject-of-a-complement", _A,
         "The subject of a non-speech complement clause is the target: 'believes Chile can cope' targets Chile; "
         "'said Chile would cope' does not."),
    Rule("target.one-asked-to-act", _A,
         "An appeal or demand (roots 02, 10) 'for X to act' targets X, the subject of the 'for ... to' clause the "
         "parse hangs on the verb: 'called for Iran to free the sailors' is addressed to Iran, as 'urged Iran to "
         "free them' is (a pronoun subject is left alone)."),
    Rule("target.object-of-a-purpose-clause", _A,
         "The object of a 'to' purpose clause is the target: 'signed an accord to supply Chile with wheat'; not a "
         "topic ('met to discuss Idlib')."),
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
    Rule("target.one-sided-act", _A,
         "Without a target (or with only the source itself), a root that needs none (appeals, demands, threats, "
         "protests, force ...) gives a one-sided event."),
    # ---------------------------------------------------------------- actors
    Rule("actors.lead-subject-gives-the-story-country", _ACT,
         "In the first sentence that names a country, a phrase that is not a subject has no country of the story "
         "before it (referents.country_at); it takes the country of the actor that is its sentence's main subject "
         "when that is a body acting at home (officials, courts, police; not forces, armed groups or a country as "
         "a whole, which often act abroad), as a lead names its main actor first ('Congolese officials are "
         "urging families to return after clashes between rebels and Congolese troops': the rebels fight in "
         "Congo; 'Zimbabwean judges postponed the case "
         "of a journalist arrested over his reporting': Zimbabwe's police arrested a Zimbabwean journalist). Used "
         "where an unidentified party or an authority takes the story's country; a subject without a country "
         "gives none."),
    Rule("actors.they-who-use-force-bear-arms", _ACT,
         "'They' as the subject of an act of force (CAMEO 18-20) that no other rule resolves is the nearest armed "
         "group, force or gang (REB, UAF, INS, MIL, CRM, SEP, RAD) named before it in its sentence or the four "
         "before, not the nearest group named, which may be the victims telling of it: 'Survivors described the "
         "raid by the Allied Democratic Forces. \"They shot people in their homes\"' (the ADF shot them)."),
    Rule("actors.apposition-names-the-actor", _ACT,
         "An uncoded noun phrase takes the actor of its apposition: 'Soleimani, leader of the Quds force'."),
    Rule("actors.role-of-a-pronoun-is-unknown", _ACT,
         "A role without a country owned by a pronoun ('our people', 'their forces') is no identified actor."),
    Rule("actors.stray-place-repair", _ACT,
         "Parse repair: 'lawmakers in France and Chile' misparsed as '[lawmakers in France] and [Chile]' gives "
         "one role per place."),
    Rule("actors.shared-modifier", _ACT,
         "A country modifier before coordinated roles applies to each: 'the Danish media and government' (DNKMED, "
         "DNKGOV)."),
    Rule("actors.coordinated-modifiers", _ACT,
         "Coordinated modifiers of one noun give one actor each: 'French and Chilean leaders'."),
    Rule("actors.misparsed-list-of-names", _ACT,
         "A misparsed list 'France, Chile and Peru' (the first names hanging on the last) gives an actor per "
         "named conjunct."),
    Rule("actors.role-distributed-over-places", _ACT,
         "A role with an of/in/from phrase of coordinated places is one actor per place: 'soldiers in France and "
         "Chile' (FRAMIL, CHLMIL); only when each place gives a country of its own ('passengers of Punjabi and "
         "Saraiki ethnicity', 'fighters of the group and its allies' are one actor, not one event each)."),
    # actors inside the actor coder (nlp/coding/actors.py), in the order it meets them for a phrase
    Rule("actors.given-name-inside-a-longer-name", _ACT,
         "A one-word dictionary person inside a longer proper name is only a given name: 'Omar Hassan al-Bashir' is "
         "not the Jordanian listed as 'Hassan'."),
    Rule("actors.honorific-names-a-person", _ACT,
         "A one-word dictionary place, country or people (a code without a role) written after an honorific (Mr, "
         "Mrs, Ms, Miss, Dr, Sir, Lord, Lady, Baroness, Dame: lexicons/title_words.tsv, honorific) is a person's "
         "name, not that place: 'Mr Houston' (a UKIP candidate) is not the United States the Texan city codes, "
         "'Mr English' not England, 'Lady Jersey' not Jersey; the article's full name of the person may then code "
         "them (actors.surname-of-a-person-named-in-full). A listed person's surname after an honorific ('Mr "
         "Sharon') and a place without one ('flights to Houston') are left alone."),
    Rule("actors.plural-demonym", _ACT,
         "The plural of a one-word demonym codes its country: 'Algerians', 'Israelis'."),
    Rule("actors.surname-guess-needs-its-country-named", _ACT,
         "With the bundled dictionaries, a capitalised last name that only the dictionaries' surname guess "
         "(actors.last-name-of-a-listed-person) codes is no one when the article never names the guessed person's "
         "country (by its name, an alias, a demonym or its capital): 'Mr Howard' in a British article is not John "
         "Howard of Australia, 'Mr English' not Bill English of New Zealand, 'the Crime Bill' not a Guinean minister "
         "called Bill; 'Mr Sharon' beside 'Israeli' stays Ariel Sharon. Pronouns, roles and the article's country "
         "then no longer refer back to the guessed foreigner (bbc2225 politics: 'Glos' DEUGOV, 'Mr Leslie' BLZGOV)."),
    Rule("actors.last-name-of-a-listed-person", _ACT,
         "With the bundled dictionaries, a capitalised last name of dictionary people who share one country codes "
         "that person (or country): 'President Mugabe', 'Mr Bouteflika'."),
    Rule("actors.province-gives-its-country", _ACT,
         "With the bundled dictionaries, a first-level division named with a division word codes its country: "
         "'Sindh province', 'the province of Sindh' (data/events/admin1_countries.tsv)."),
    Rule("actors.common-words-are-no-name", _ACT,
         "A dictionary alias written in lower case in a text with capitals is a common noun, not the name: "
         "'youths' is not the group listed under that alias."),
    Rule("actors.organisation-word-alone-names-nobody", _ACT,
         "An organisation word alone ('Organization', 'Movement') names nobody, even when a dictionary lists it as "
         "an alias."),
    Rule("actors.sponsor-is-not-the-actor", _ACT,
         "An actor that backs, funds or hosts the phrase's actor is not it: 'Iran-backed militia', 'pro-Iran "
         "protesters', 'UN-hosted talks'."),
    Rule("actors.anti-is-not-the-actor", _ACT,
         "A role opposed to a country is not of that country: an 'anti-Syria journalist' is not Syrian."),
    Rule("actors.ethnic-group-by-home-country", _ACT,
         "A plural ethnic group is coded by the country it lives in: 'Bosnian Serbs' (BIH), 'Albanians of southern "
         "Serbia' (SRB).",
         note=NOWHERE + "those corpora name no ethnic group abroad; kept, the PETRARCH suites test it (Balkan "
              "news) and it fires on its examples"),
    Rule("actors.relation-head-is-not-its-modifier", _ACT,
         "A head naming a relation ('ally', 'proxy', 'rival') is not the actor that modifies it: 'Israel's militia "
         "ally' is not Israeli; only an of/in/from phrase places it."),
    Rule("actors.regional-group-takes-its-country", _ACT,
         "A group the dictionaries code by region (MEAREB) takes the country named in or before its name: "
         "'Palestinian Islamic Jihad' (PSEREB).",
         note=NOWHERE + "those corpora name none of the 111 region-coded groups with a country; kept, it fires on "
              "its examples"),
    Rule("actors.named-body-is-an-ngo", _ACT,
         "With the bundled dictionaries, a named association, forum or institute outside the dictionaries is an NGO: "
         "'the Third World Water Forum'."),
    Rule("actors.envoy-is-of-the-country-sending-them", _ACT,
         "With the bundled dictionaries, a diplomat or diplomatic body (ambassador, envoy, mission, delegation: "
         "lexicons/title_words.tsv envoy) named after a country, with no international organisation before the "
         "country, is that country's government, the organisation being where it serves: 'China's U.N. ambassador "
         "Zhang Jun' (CHNGOV, not IGOUNO), 'Russia's UN envoy', 'Iran's mission to the United Nations' (IRNGOV). "
         "'The UN's envoy to Syria', 'the EU ambassador to China' stay the organisation's. 'Mission', 'delegation', "
         "'delegate', 'representative' only with an organisation ('China's U.N. mission') or sent to one or to "
         "another country ('a delegation to Iran', 'at the OSCE'): not 'a Chinese Olympic delegation', 'India's "
         "space mission to the moon', 'a British sales representative'; the phrase keeps its other roles."),
    Rule("actors.title-gives-the-office", _ACT,
         "A person the dictionary knows only as an elite takes the office of their title in the text: 'Iranian "
         "President Hassan Rouhani' is IRNGOV."),
    Rule("actors.party-gives-its-country-to-a-role", _ACT,
         "A political party named before a legislator, government or opposition word gives the phrase its country, "
         "the word its role: 'Labour MPs' is GBRLEG, 'a Conservative government' GBRGOV, not the party (PTY)."),
    Rule("actors.shadow-title-is-the-opposition", _ACT,
         "A government title after 'shadow' gives no government role: a shadow minister is the opposition's "
         "spokesman for the office, not its holder ('Tory shadow chancellor Oliver Letwin' is the party's, GBRPTY, "
         "not GBRGOV); without a party or a person of a country named, the title gives the opposition's role ('shadow "
         "home secretary David Davis', OPP, placed as any role without a country: GBROPP); the title alone "
         "('Chancellor Gordon Brown') still gives the office."),
    Rule("actors.mayor-is-no-national-government", _ACT,
         "A mayor gives no government role: a mayor governs a town or city, not the country the dictionaries give "
         "the city ('London mayor Ken Livingstone' is GBR, not GBRGOV, the national government he may quarrel with); "
         "the coder has no code for local government. A mayor without a named place ('the mayor') keeps GOV (the "
         "CAMEO convention), which leaves the phrase an actor."),
    Rule("actors.leader-is-of-the-named-body", _ACT,
         "A leader is the actor of the party or group named before the word: 'the Tory leader' is GBRPTY, 'the Hamas "
         "leader' Hamas's, as 'Tory leader Michael Howard' already was; a modifier that names a person or body is "
         "otherwise no actor of a common noun ('Trump ally'), which left 'The Tory leader accused Mr Blair' without "
         "a source."),
    Rule("actors.local-title-refers-to-its-holder", _ACT,
         "A local office's title without a place ('the mayor') refers back to the person the article named with that "
         "title ('London mayor Ken Livingstone' ... 'the mayor'), and takes their code (GBR), not the nearest "
         "government actor's that actors.role-refers-back would give it (the prime minister's GBRGOV, which made "
         "'Mr Blair urged the mayor to say sorry' one actor and dropped it)."),
    Rule("actors.named-country-owns-the-party", _ACT,
         "A country named as a party's possessor, demonym or 'of' phrase owns it, over the country of the party's "
         "entry: 'New Zealand's Labour Party' is NZLPTY, 'the Conservative Party of Canada' CANPTY, not GBRPTY."),
    Rule("actors.named-actor-keeps-its-role", _ACT,
         "A named person or body keeps its own role: role words around it add nothing ('fighters of Hezbollah' is "
         "LBNREB, not LBNREBMIL)."),
    Rule("actors.title-in-the-article-gives-the-office", _ACT,
         "In an article without a date, a person the article titles with a government office ('Prime Minister "
         "Tony Blair', 'Foreign Secretary Jack Straw', 'Gordon Brown, the chancellor') is coded with that office "
         "(the person's country, the title's role: GBRGOV) at every mention ('Mr Blair', 'he' resolved to him), "
         "over the dictionary's undated code (an elite, ELI) or the last dated one listed (GBRGOVJUD, Straw's post "
         "of 2007); the title is the article's own word on its time. Not for 'shadow' or 'former' titles, nor for "
         "a person given two different offices, nor over a role of another kind (a party, a court); an article "
         "with a date is coded by its date (actors.office-holder-on-the-date)."),
    Rule("actors.title-that-refers-back-gives-the-office", _ACT,
         "In an article without a date, a person named before a definite government title without a country that "
         "refers back to them ('Tony Blair has said ... The prime minister said', 'Gordon Brown ... the chancellor "
         "insisted') is coded with that office at every mention ('Mr Blair', GBRGOV over the dictionary's undated "
         "elite GBRELI), as actors.title-in-the-article-gives-the-office codes a title before the name: a definite "
         "description is true of its referent when the article is written. The person is the nearest one with that "
         "role named in the sentences before the title (actors.role-refers-back); a title that refers back to two "
         "different persons in one article gives no office, nor does a 'former' or 'shadow' title, nor a title for "
         "someone the article calls former or shadow elsewhere; an article with a date is coded by its date."),
    Rule("actors.spokesman-speaks-for-the-owner", _ACT,
         "A spokesman (spokeswoman, spokesperson) coded as the media (MED, the agents dictionary's role for the "
         "word) speaks for the one whose spokesman they are, named as possessor or with for/of: 'a spokesman for "
         "UKIP' is GBRPTY, 'a spokesman for the Albanian embassy' ALBGOV, 'the Pentagon's spokesman' USAMIL. Only "
         "an owner coded with a role of its own replaces MED."),
    Rule("actors.iso-country-codes", _ACT,
         "With the bundled dictionaries, the few non-ISO country codes of the Phoenix dictionaries are reported as "
         "ISO 3166: ANG -> AGO, TMP -> TLS."),
    Rule("actors.office-holder-on-the-date", _ACT,
         "With the bundled dictionaries, a person of the office holders table (data/events/office_holders.tsv) is "
         "coded as of the article's date: the office held that day ('Trump' in 2018 and in 2025: USAGOV), an elite "
         "of their country once every term has ended ('Abe' in 2023: JPNELI); a title of a country's office ('the "
         "president', 'the foreign minister') is its holder that day."),
    Rule("actors.surname-refers-back", _ACT,
         "With the bundled dictionaries, a lone name the dictionaries do not code ('Abe said') is the person the "
         "article names in full with it ('Prime Minister Shinzo Abe'), when all such names share one country; a "
         "dictionary guess for a lone surname ('Mr Howard' -> John Howard) is dropped when the article names in "
         "full another person of that name the dictionaries do not know ('Tory leader Michael Howard')."),
    Rule("actors.plural-role-refers-back", _ACT,
         "With the bundled dictionaries, a definite plural role without an owner and without other modifiers ('the "
         "diplomats said', 'the ministers') repeats the latest coded phrase before it with the same head noun "
         "('top diplomats from the Group of Seven'): it takes that phrase's owner, a country or an organisation. "
         "Adjectives and nouns before it may describe it when each is a word of that phrase ('the foreign "
         "ministers' after 'G7 foreign ministers': IGO, not the article's country and its foreign minister); a "
         "modifier the antecedent lacks ('the defence ministers' after 'G7 foreign ministers') names other holders "
         "and is left to the other rules."),
    Rule("actors.they-refers-to-the-plural-subject-before", _ACT,
         "With the bundled dictionaries, a subject 'they' outside quotation marks that no other rule resolves "
         "continues the nearest plural or collective subject of a finite clause before it, in its sentence or the "
         "one before ('Pakistani officials met in Islamabad on Friday. They accused India ...', 'Taliban "
         "negotiators arrived in Doha. They rejected the American proposal', 'The group said ... They accused "
         "Saudi Arabia'), coded as that mention is (centering: a subject pronoun continues the previous subject; "
         "'they' is only a plural or a body). A singular subject in between is passed over; when the nearest "
         "plural subject names no one who can be coded ('Analysts said') or several countries ('Cameroon and "
         "Chad officials'), 'they' stays uncoded. Inside a quotation 'they' is mostly the speaker's other side and "
         "is left alone."),
    Rule("actors.member-of-a-named-body", _ACT,
         "With the bundled dictionaries, a role without an owner 'from' or 'of' a named body whose name has a "
         "preposition of its own ('foreign ministers from the Group of Seven', 'officials of the Organization of "
         "American States') belongs to that body: the noun phrase stops at the body's first word, so its whole "
         "name is coded and gives the role its owner."),
    Rule("actors.surname-of-a-person-named-in-full", _ACT,
         "With the bundled dictionaries, a lone surname ('Balkhi said') is the person the article names in full "
         "with it, coded by that full name's entry or, where the dictionaries do not know it, by the title or "
         "apposition that describes it ('Afghan foreign ministry spokesperson Abdul Qahar Balkhi', 'Frantz Exantus, "
         "Haiti's secretary of state'), when the dictionaries code the surname as nobody or as a person of another "
         "country ('Bennett' -> a New Zealand minister after 'U.N. rapporteur Richard Bennett'); all the article's "
         "full names with that surname must share one country (the entities stage groups the mentions the same way). "
         "A full name the dictionaries match by its last word only ('Gen. Karim Nasser' -> Egypt) is not their "
         "entry; a description without a country ('the army's spokesman') takes the one country the sentence "
         "introducing the person names, when it is the article's country there ('General David Petraeus' in a "
         "story about Iran stays uncoded)."),
    Rule("actors.capital-stands-for-its-government", _ACT,
         "With the bundled dictionaries, a country's capital named alone as a party to the act (subject, possessor, "
         "object, or after 'with', 'against', 'on', 'by') is the government seated there, as news uses it "
         "('Ankara is warning Washington', 'Beijing sanctioned Copenhagen': TURGOV, CHNGOV); not the place of an "
         "act ('talks in Ankara') nor a place visited or left ('visited Beijing'). Capitals from the actor folds "
         "(GeoNames countryInfo)."),
    Rule("actors.pronoun-refers-to-a-person-named-in-full", _ACT,
         "With the bundled dictionaries, a subject 'he' or 'she' whose nearest antecedent (a subject in its "
         "sentence or the two before, else the nearest mention there) is a person the article names in full with a "
         "description or as an organisation's official, or by the surname of such a person ('U.N. envoy Geir "
         "Pedersen ... Pedersen said ... He called for'), is that person, coded as "
         "actors.surname-of-a-person-named-in-full codes them; the dictionary-coded persons of "
         "actors.pronoun-refers-back win when they are as salient and nearer; when the nearest is a person whose "
         "country the article does not give ('General Stanley McChrystal'), the pronoun is them and stays uncoded."),
    Rule("actors.pronoun-refers-back", _ACT,
         "With the bundled dictionaries, a subject 'he' or 'she' not inside a reported clause is the nearest person "
         "named as a subject in its sentence or the two before (a subject pronoun continues the subject), else the "
         "nearest person named there."),
    Rule("actors.pronoun-refers-to-a-titled-subject", _ACT,
         "With the bundled dictionaries, a subject 'he' or 'she' whose nearest subject antecedent (in its sentence "
         "or the two before) is a person named by a singular title alone ('the Pakistani president', 'the Tory "
         "leader', 'the prime minister'; lexicons/title_words.tsv, person-title) is that person, as a subject "
         "named by a name would be: a subject pronoun continues the previous subject (centering: subject > object), "
         "so 'the Pakistani president met Prime Minister Tony Blair. He is due to visit ...' is Pakistan's "
         "president, not Blair. A title without a country is resolved as that mention is (the article's country, "
         "the office's holder: actors.role-refers-back, actors.role-takes-the-article-country); when that finds no "
         "country the pronoun refers back as actors.pronoun-refers-back has it. A plural ('ministers') or a title "
         "outside the subject is no such antecedent."),
    Rule("actors.role-placed-by-its-own-phrase", _ACT,
         "With the bundled dictionaries, an armed group, rebels, radicals or criminals without a country (roles UAF, "
         "REB, RAD, CRM) placed by a participle or adjective after them ('militants present on Afghan soil', "
         "'fighters based in Libya') are of the one country named in that phrase, as CAMEO codes non-state armed "
         "actors by where they operate, not of the article's country (actors.role-takes-the-article-country); "
         "soldiers are left alone ('troops stationed in Syria' are often foreign)."),
    Rule("actors.side-named-by-its-affiliation", _ACT,
         "With the bundled dictionaries, an armed role without a country (forces, militants, fighters, separatists, "
         "gunmen, police) whose phrase names the side it belongs to with an adjective or participle of affiliation "
         "after it ('forces loyal to Bashar al-Assad', 'separatists belonging to the banned BLA', 'fighters allied "
         "to the Syrian Democratic Forces', 'militants linked to al-Qaida') is of that side: its country with the "
         "role's own roles (SYRMIL, PAKREB, SYRUAF), or for a side that is no state the group itself (IMGMUSALQ; "
         "not for 'allied', an ally being another group), not of the article's country "
         "(actors.role-takes-the-article-country). The words are data (lexicons/title_words.tsv, affiliation)."),
    Rule("actors.we-in-a-quotation-is-the-speaker", _ACT,
         "With the bundled dictionaries, 'we', 'us', 'I' or 'me' inside a quotation (in quotation marks: direct, "
         "mixed or a floating continuation) is the speaker's side: the speaker the quotation extractor attributes it "
         "to, resolved as an event's actor is ('\"We categorically reject these allegations,\" the ministry said', "
         "'\"I urge the Taliban to reverse their decision,\" he said' after 'U.N. rapporteur Richard Bennett')."),
    Rule("actors.pronoun-is-its-antecedent-as-resolved", _ACT,
         "With the bundled dictionaries, a subject 'he' or 'she' whose antecedent (as actors.pronoun-refers-back "
         "finds it) is a lone surname is whoever that mention resolves to as an actor, not the dictionaries' guess "
         "for the bare surname: 'U.N. rapporteur Richard Bennett ... Bennett said ... he said' is the U.N. rapporteur "
         "(actors.surname-of-a-person-named-in-full), not a New Zealand minister named Bennett."),
    Rule("actors.pronoun-continues-its-chain", _ACT,
         "With the bundled dictionaries, a subject 'he' or 'she' with no person named in its sentence or the two "
         "before (so neither pronoun rule above finds one) continues the chain of pronouns before it: it is whoever "
         "the nearest earlier 'he'/'she' subject of the same form in that window is, resolved as that one was "
         "('President Moise tweeted ... \"... ,\" he tweeted. Earlier this week, he was criticized by ...': Moise). "
         "A pronoun continues the subject of the discourse (centering) until another person is named."),
    Rule("actors.the-group-refers-to-the-organisation-named-before", _ACT,
         "With the bundled dictionaries, a subject that is a singular collective noun for an organisation with "
         "nothing but 'the' (no modifier, no phrase after it: 'the group', 'the organisation', 'the alliance', "
         "'the bloc', 'the movement'; lexicons/title_words.tsv, collective-noun), which the dictionaries code as no "
         "one, is the organisation the article named last before it, in its sentence or the four before: a proper "
         "name coded as an international or non-governmental organisation, rebels, an armed group, a party, a union "
         "or a rights or religious group ('BLA has claimed ... The group also opposes Chinese investment': PAKREB; "
         "'The G7 joint statement said the group remains concerned': IGO; 'the Taliban today is active ... the "
         "movement temporarily seized Kunduz': AFGREB). A definite description refers back to the most recent "
         "entity of its kind; places, peoples and persons in between are no such entity. The search stops, leaving "
         "the mention uncoded, at a company ('the group' of a business story is a firm), at a name the parse labels "
         "an organisation that codes no such body ('said the Syrian Democratic Forces, an alliance that ...': not "
         "Isis named before them), at a name the tagger took for a common noun ('Isis’s sectarian focus', with a "
         "curly apostrophe: the Taliban named before are not the group) and before the same noun with an indefinite "
         "article ('a group of Syrian refugees ... the group wants'). As an object or with a modifier or phrase "
         "('the alliance with the US', 'the alliance fighting Isis') the noun is as often a group the clause itself "
         "describes, and is left alone."),
    Rule("actors.the-two-are-the-last-two-named", _ACT,
         "With the bundled dictionaries, a definite plural that counts two known parties ('the two presidents', "
         "'the two countries', 'both leaders') with no modifier naming their country is the latest two actors of "
         "different countries named before it (in its sentence or the two before), holders of the noun's role when "
         "two such are named: 'Russian President Vladimir Putin is courting Erdogan ... The two presidents are "
         "cooperating' (RUS and TUR; with no target of its own, a compound subject acts reciprocally)."),
    Rule("actors.party-speaks-of-its-own-government", _ACT,
         "With the bundled dictionaries, a government or parliament named without a country ('the government', "
         "'ministers', 'MPs') in a clause whose subject, or the subject of the clause it is said or done in, is "
         "one country's party, opposition or legislators ('Labour leader Jeremy Corbyn accused the government of "
         "waiting for instructions from Donald Trump', 'Tory MPs said ministers had failed', 'the Liberal Democrats "
         "urged the government to press Iran') is that country's own: a party speaks of its own government, "
         "whatever country the article's earlier sentences or the nearest official named belong to (Guardian "
         "2018: 'the government' in a British article on the Syria strikes was coded SYRGOV or RUSGOV)."),
    Rule("actors.role-refers-back", _ACT,
         "With the bundled dictionaries, a definite or bare role without a country ('the prime minister', 'the "
         "ministry') is the nearest actor with the same role named in the four sentences before (not its own, where "
         "an actor beside it is another one: 'Putin met the president'); a government title also takes a person the "
         "dictionaries know only as an elite, and a definite description the latest coded phrase with its head noun "
         "('the US embassy in Baghdad' ... 'the embassy': USAGOV)."),
    Rule("actors.definite-body-refers-back", _ACT,
         "With the bundled dictionaries, a definite singular role with no other modifier ('the court', 'the "
         "commission') repeats the latest coded phrase before it with the same head noun that belongs to an "
         "organisation ('the United Nations' highest court' ... 'the court regrets': IGOUNOJUD), as "
         "actors.role-refers-back does for a country's body ('the US embassy' ... 'the embassy'); it is not the "
         "article's country's court."),
    Rule("actors.the-country-is-the-article-country", _ACT,
         "With the bundled dictionaries, a role without a country whose possessor is 'the country' or 'the nation' "
         "('the country's president', 'the nation's army', 'the country's opposition') is of the country of the "
         "last subject named before it in its sentence ('France has said its forces will remain in place and the "
         "country's armed forces minister ...'), else of the country the article is about there "
         "(Referents.country_at, as for actors.role-takes-the-article-country), with the office's holder on the "
         "day: 'the definite 'the country' refers back to the story's country, and the "
         "possessor kept the role from counting as a bare one, so it had no country at all ('a journalist ... "
         "with a war veteran-turned-politician who criticized the country's president' in a story on Zimbabwe: "
         "ZWEGOV). Not 'a country's', 'the other country's', nor in an article's first sentence with no country "
         "named before it."),
    Rule("actors.the-country-refers-back", _ACT,
         "With the bundled dictionaries, a subject that is a definite 'the country' or 'the nation' with nothing else "
         "to say which refers back as the possessor 'the country's' does (actors.the-country-is-the-article-"
         "country): to the country or country's body named last as a subject before it in its sentence, a demonym "
         "or possessor placing a common noun included ('Iranian state TV, citing a military statement, says the "
         "country unintentionally shot down a Ukrainian jetliner': IRN -> UKR, reported), else the country named "
         "as the place of a verb, else, in the article's first three sentences, the article's country there (issue "
         "17, leads study C3; deeper in an article the year's review 'As key Islamic State strongholds fell, the "
         "country held the Kurdish referendum' is Iraq's, not the country named most before it). The dictionaries "
         "coded the phrase as no one, so the act had no source. Not after a person named in its sentence with "
         "neither (a visitor's country is not the country visited), not 'a country', 'the other country', 'the "
         "country where ...', nor an object (which need not be the subject's country)."),
    Rule("actors.possessive-pronoun-gives-the-country", _ACT,
         "With the bundled dictionaries, a subject that is a state's body without a country (government, military, "
         "army, forces, police, intelligence: GOV, MIL, COP, SPY) owned by 'his' or 'her' is the country of the "
         "person the pronoun refers to, found as a pronoun subject's antecedent is (actors.pronoun-refers-back): "
         "'Ayatollah Ali Khamenei said his military had dealt the United States a slap in the face when it "
         "unleashed more than 20 missiles at American forces' (IRNMIL, and the when-clause's 'it' with it, leads "
         "study C3); 'Netanyahu said his army had struck Iranian targets in Syria' (ISRMIL). The possessor kept the "
         "role from counting as a bare one (actors.role-takes-the-article-country), so it had no country at all. "
         "As a subject only: an object owned by the pronoun is as often the subject's own, no party facing it ('Mr "
         "Blair praised his chancellor'). 'its' and 'their' are source.role-owned-by-a-pronoun's (the subject of "
         "the embedding clause: 'Russia said its forces ...')."),
    Rule("actors.role-takes-the-article-country", _ACT,
         "With the bundled dictionaries, a definite or bare role without a country and no such actor just before "
         "('the administration', 'police', 'the military') belongs to the country the article's earlier sentences "
         "name most, the latest on a tie; in the first sentence with names, a subject takes the first country named "
         "before it."),
    Rule("target.government-appealed-to-is-of-the-story-country", _ACT,
         "With the bundled dictionaries, 'the government' without a country or owner as the addressee of an "
         "appeal or demand (02x, 10x) is the government of the country the article is about there "
         "(actors.role-takes-the-article-country's country, or the lead subject's), else the appealer's own: one "
         "calls one's own government 'the government' ('The father of Shamima Begum, a British-born teenager ..., "
         "has urged the government not to revoke her UK citizenship': GBRGOV; 'Rights groups urged the government "
         "to free the journalists' in a story on Zimbabwe: ZWEGOV). An appealer of no country in a story of none "
         "leaves it countryless."),
    Rule("actors.role-in-a-lead-takes-the-country-of-its-place", _ACT,
         "With the bundled dictionaries, a party of an event that is still a definite or bare role without a "
         "country once every other rule has placed it ('police', 'the gang', 'the army', 'soldiers'), in the "
         "article's first sentence with names, belongs to the one country that sentence names, when every name "
         "there that codes a country names a place ('Arnel Joseph, the leader of the Village de Dieu gang, was "
         "killed in a gun battle with police Friday ... near Gonaives in Haiti's north': HTICRM <-> HTICOP; "
         "'Soldiers killed five gunmen in an ambush in Niger's Tillaberi region': NERMIL -> NERUAF): a lead that "
         "sets its act in one country and names no other tells of that country's own police, gangs and army "
         "(actors.role-takes-the-article-country has no earlier sentence to count there). Not when the sentence "
         "names a second country by a name or a capitalised demonym ('Police arrested a British tourist in "
         "Thailand'), nor when a name of the country is a party ('The prime minister met Donald Trump at the White "
         "House': the visitor is no American), nor after the first sentence with names."),
    Rule("actors.unidentified-party-takes-the-country-where-it-acts", _ACT,
         "With the bundled dictionaries, a party named by a role without a country ('civilians', 'people', "
         "'gunmen', 'rebels', 'a journalist') facing an actor of a country takes the country where it acts "
         "(docs/events-gold.md, section 2): the one country named as a place in the trigger's clause, else the "
         "other party's country when that is the country the article is about there: 'Nigerian soldiers killed 12 "
         "gunmen near Maiduguri' (NGAMIL -> NGAUAF); 'Kenyan police arrested dozens of protesters' in a story on "
         "Kenya (KENCOP -> KENOPP). Not institutions (an army, police, a parliament: 'the army shelled positions "
         "near Aleppo' need not be Syria's), nor a party with a foreign modifier ('the international community'), "
         "nor one with the other party's own role; a party facing an actor of another country than the story's "
         "keeps none."),
    Rule("actors.armed-group-takes-the-country-where-it-acts", _ACT,
         "With the bundled dictionaries, a named armed group without a country of its own, an international "
         "militant group ('Isis', 'the Islamic State', 'al-Qaida': IMG) or fighters named by a people or a name "
         "without a state ('Kurdish-led forces', 'al-Qaida militants', 'US-backed fighters'; lexicons/"
         "title_words.tsv armed-group), takes the country where it acts in the story, role REB (docs/events-gold.md, "
         "section 2: 'ISIS in Syria SYR'): the one country named as a place in the trigger's clause ('A suicide "
         "bombing claimed by the Islamic State killed four Americans in north-eastern Syria': SYRREBIMGMUSISI -> "
         "USA), else the country the article names most as a place so far in sentences that tell of fighting or "
         "name the group (where it fights, not where officials talk about it), with or without another party. Not "
         "that country when it is the other party's and that party is named by its nationality and is no state "
         "body ('Isis killed four Americans' in a story that names Washington: nationals may be abroad); not bare "
         "roles ('the rebels', 'gunmen': actors.unidentified-party-takes-the-country-where-it-acts), nor forces "
         "owned by someone ('the nation's air force') or named a state's ('Iran-backed government forces', "
         "'regime forces'), nor fighters put outside ('foreign fighters'). The group's own sentence decides "
         "first: the place phrase of its noun ('Al Qaeda fighters in Iran were preparing an attack on Western "
         "targets in Saudi Arabia': IRN), the one country of the clause's places ('north of Idlib city'), or, when "
         "these are in several countries, the trigger's own locative adjunct; a town by its country in the "
         "gazetteer (actors.armed-group-places-it-by-the-town-where-it-acts)."),
    Rule("actors.armed-group-places-it-by-the-town-where-it-acts", _ACT,
         "For actors.armed-group-takes-the-country-where-it-acts, a town, province or region named as a place "
         "that the actor dictionaries do not code counts by its country in the offline gazetteer (the places "
         "stage's index, read one name at a time: only a clear reading, a town of some size, a division or a "
         "region with no reading in another country near it): 'Isis fighters surrendered to Kurdish-led forces near "
         "Deir ez-Zor' (SYR), 'Kurdish YPG militia shelled Turkish positions near Afrin' (SYR), 'north of Idlib "
         "city', 'in Hajin'; so the group's own sentence sets it before the country the article names most. The "
         "place phrase of the group's own noun comes first ('Al Qaeda fighters in Iran were preparing an attack "
         "on Western targets in Saudi Arabia': IRN), then the one country of the places in the trigger's clause, "
         "then, when they are in several countries, the trigger's own locative adjunct. Not a name the gazetteer "
         "reads in two countries ('Kurdistan'), a demonym, a person, or a place whose country the dictionaries "
         "give already."),
    Rule("actors.country-acting-as-a-state-is-its-government", _ACT,
         "With the bundled dictionaries, a country named without a role ('Kenya', 'the U.S. proposal') that does a "
         "state's act (CAMEO 01-16: 'Kenya refused to attend the hearing', 'Britain signed an agreement', 'Somalia "
         "cut ties with Kenya') or receives a statement, appeal, intent, consultation, diplomatic cooperation, "
         "demand or disapproval (01-05, 10, 11: 'the G7 urged Russia to accept', 'Japan criticized China') is its "
         "government (GOV), the state acting as a state, as the real-news gold codes it. Not the doer of coercion "
         "or force (17-20: its police, courts or forces, which the name does not say), not the target of material "
         "acts ('tariffs on China', 'strikes on Syria': the country as a whole), not its people ('Malaysians', "
         "'the Chinese'), not a place (the object of a place preposition: 'the meeting in Monaco', '100% in the "
         "UK'; where people who are no state's agents go: 'migrants to come to the UK'), not a team (a sentence "
         "naming a match, referee, coach, medal ...: lexicons/place_words.tsv sport-word; or telling a contest's "
         "result: a subject of win/beat/lose ... and a score or a count of points or goals, 'Russia "
         "won the meeting with a final total of 63 points, with Britain second', contest-verb, result-noun), not "
         "the possessor of a "
         "named thing ('Russia's Mikoyan-Gurevich'), not a target of the source's own country."),
    # ---------------------------------------------------------------- modality (strongest first)
    Rule("modality.request-is-not-done", _M,
         "What a directive verb asks someone to do is hypothetical: 'urged X to respond', 'warned France not to "
         "interfere', and every act coordinated with it under the same subject ('urged Israel to halt the offensive "
         "and withdraw its troops') or embedded in it ('urge the ministers to focus on ending the war', 'urged Iran "
         "to try to free the hostages'; not through 'stop', 'cease', 'continue': 'urged China to stop arming Russia' "
         "says that it arms), also when the parse gives the infinitive its own subject ('expects the government to "
         "uphold ...')."),
    Rule("modality.warned-against-act-is-not-done", _M,
         "What a warning (warn, caution: lexicons/senses.tsv warning) is against has not been done: it is warned "
         "off, hypothetical ('Kenyan police warned opposition supporters against holding protests' is no protest "
         "held, 'the UN warned Israel against annexing parts of the West Bank' no annexation, 'cautioned against "
         "an invasion'), whether the 'against' phrase hangs on the verb or, as the parser often has it, on the one "
         "warned; 'protested against the war' (no warning) is untouched."),
    Rule("modality.negative-subject", _M,
         "An act whose subject is a negative quantifier phrase did not happen: 'no passengers were killed', 'none "
         "of the hostages was harmed', 'nobody was arrested', 'neither Iran nor Iraq has attacked the tanker' "
         "(negated); a correlative 'neither' needs its 'nor', so 'not only X but also Y attacked' stays asserted. "
         "The words are data (lexicons/modal_cues.tsv, negation)."),
    Rule("modality.negation", _M, "A negation on the trigger or its adverb: 'did not attack', 'never signed'."),
    Rule("modality.without-is-not-done", _M,
         "An act in a 'without' phrase did not happen: 'withdrew from the town without firing a shot', 'left the "
         "square without clashing with the police', 'shelled the town without warning' (negated); the act done "
         "with it is coded as usual."),
    Rule("modality.means-shares-its-act", _M,
         "The means of an act ('by V-ing') is done only if the act is: it takes the modality of the verb it is the "
         "means of when that is not asserted or reported ('could end the war by withdrawing its troops' and 'can "
         "only throw the region into chaos by targeting Iran' are hypothetical, 'would punish Hamas by bombing "
         "Gaza' threatened); 'retaliated by shelling rebel positions' stays asserted."),
    Rule("modality.yes-no-question", _M,
         "An act a yes-no question asks about is hypothetical: 'Did Iran attack the tanker?', 'Will China invade "
         "Taiwan this decade?' (a question mark closes the trigger's clause, after any closing quotes). A "
         "wh-question presupposes its act and is left alone: 'Why did Iran attack the tanker after the US seized "
         "its ship?' reports both; the pronoun of a relative clause opens no wh-question, so 'Did Al-Abdullah know "
         "of any protesters who were later killed by US-led airstrikes?' asks about the killing too (it was "
         "asserted), unless the clause's noun is definite ('the soldiers who were killed': presupposed)."),
    Rule("modality.negated-governor", _M, "A negated governor of an infinitive: 'did not try to attack'."),
    Rule("modality.refusal", _M, "A refusal governs the act: 'refused to lift the curfew' (negated)."),
    Rule("modality.prevented-act", _M,
         "An act in the 'from V-ing' complement of a verb of prevention (bar, ban, prevent, stop, prohibit, keep "
         "...) did not happen: 'barred girls from attending school', 'prohibited him from entering the country' "
         "(negated; the bar itself is coded). The verbs are data (lexicons/verb_classes.tsv, prevention)."),
    Rule("modality.inverted-condition", _M,
         "An adverbial clause opened by 'had', 'were' or 'should' before its subject, with no marker, is a condition, "
         "as an 'if' clause is, when the clause it hangs on has a modal or a future (its consequence): 'Had the US "
         "struck Iran, Tehran would have retaliated', 'Were Britain to withdraw its troops, the insurgents would "
         "attack', 'Should Iran attack Israel, the US will respond'. Its act, and every act the clause embeds, is "
         "hypothetical (a counterfactual 'had' even says it did not happen); modality.possibility-or-condition reads "
         "only a marker ('if', 'unless'), so 'Had the US struck Iran' was an asserted strike (issue 17 item 3). Not a "
         "negative inversion ('Not only had Iran seized the ship, ...'), nor a question. The auxiliaries are data "
         "(modal_cues.tsv, inverted-condition)."),
    Rule("modality.past-clause-keeps-its-tense", _M,
         "A finite past clause tells on its own that its act happened: a past (or present perfect, or past "
         "passive) adverbial or relative clause with its own subject ('analysts questioned whether a US court has "
         "jurisdiction, while Moscow officials have dismissed the case'), or a past-tense verb coordinated with one "
         "that is not past ('Turkey has been threatening the Kurds, and in 2018 invaded Afrin': a past tense cannot "
         "be the participle or infinitive its conjunct is; not a tagged past whose form is its conjunct's own "
         "under the same auxiliary: 'it must take back its fighters and put them on trial', 'hoped the two men "
         "would be put on trial and imprisoned', a base-form past after a bare infinitive, a participle with no "
         "subject, auxiliary or object after a passive one). The condition, hedge, modal, threat or plan of the "
         "clause it hangs on is not its own: the act is asserted (or reported, when a speech verb or quotation "
         "marks embed it), where modality.conditional-clause-above, modality.hedged-clause or "
         "modality.threat-or-promise-verb made it hypothetical or threatened (issue 17 item 3). Not a condition "
         "of its own ('if Iran attacked', an inverted 'had he denied the charge'), not a clause with a hedge of its "
         "own ('while the police likely prevented the escape'), not a hedge's own content parsed as an adverbial "
         "('it is unclear when Mordor attacked Gondor'), not a 'relative' clause without a relative pronoun (a "
         "claim's content: 'refused to deny claims the prime minister had reneged on a deal'), not a conjunct "
         "with no 'and', 'but' or 'or' (the parser joining a headline teaser's two lines), not a threat code (13x "
         "keeps its mark), and left to modality.adverbial-clause-keeps-its-tense under a future, threat or "
         "intention alone."),
    Rule("modality.aim-is-an-intention", _M,
         "What a party's aim, plan, goal or policy 'is to' do is intended, not done: 'the aim of UKIP is to "
         "withdraw from the EU', 'the Tory plan is to cut immigration', 'Labour's policy is to scrap the tax' "
         "(threatened: the engine codes the intent 03x or the threat 13x, as for 'plans to'); 'the answer is to "
         "talk', 'the way forward is to negotiate' name an option, no act (hypothetical). The nouns are data "
         "(modal_cues.tsv, aim-noun and intention-noun). Where the sentence reads as 'X is to V' (scheduled), "
         "an aim noun was already no actor (modality.be-to-is-scheduled); the act was asserted (issue 17 item 3). "
         "The aim's conjuncts, its participles and the complements of its verb are aimed at too: 'the mission of "
         "the troops is to protect civilians and train Iraqi forces' (the training was asserted), 'America's goals "
         "are to prevent Isis cells re-emerging, and to maintain influence, resisting Moscow's attempts' (the "
         "resisting was asserted; the parser joins the second infinitive to the copula), 'the aim is to help Iraqi "
         "police arrest the smugglers' (a bare infinitive with its own subject; not through 'stop' or "
         "'continue')."),
    Rule("modality.adjective-shares-its-copula", _M,
         "The infinitive of an adjective takes the modal of the copula the adjective completes: 'the UK would "
         "still be able to reject proposals', 'only judges should be able to order detention' (hypothetical), "
         "'will be ready to leave' (threatened; a 'would' under a past speech verb is a future). Ability ('able', "
         "'unable') under a modal or a future is no act (hypothetical). The walk up the clauses stops at an "
         "adjective (acomp), so the modal was not seen and the act was asserted (issue 17 item 3). A future "
         "commits the subject to the act (threatened) only through an adjective of intention or readiness "
         "(verb_classes.tsv intention: 'will remain determined to retake Idlib', 'will be ready to sign'); with "
         "another adjective it says what would follow or be allowed, no act announced (hypothetical): "
         "'withholding reconstruction funds will be sufficient to force Russia to negotiate' was an invented "
         "170 turned into an invented threat, 137 (review 11 #8), 'will be free to veto the Turkish bid' a 132."),
    Rule("modality.force-sent-for-is-told-done", _M,
         "The purpose infinitive of force of a verb of sending forces ('sent in aircraft to attack rebel-held areas "
         "of Idlib') is done when the sentence names it as an assault that happened: a noun of assault (assault, "
         "offensive, attack, airstrike, raid ...; lexicons/senses.tsv assault-noun) after 'in' or 'during' on the "
         "infinitive or the sending ('in its first major assault for months'). The force then takes the sending's "
         "modality (asserted, reported, ...) instead of being an aim (modality.purpose-is-an-aim; leads study, class "
         "C6). 'Sent troops to attack the town' without such a noun stays an aim."),
    Rule("modality.purpose-is-an-aim", _M,
         "The aim of an act is not an act: an infinitive of purpose ('troops were deployed to protect civilians', "
         "'in order to') or of a noun ('an agreement to combat smuggling', 'calls to end the violence'), and its "
         "conjuncts, are hypothetical; the act done is the governing one. Not an infinitive of rank ('the first "
         "country to recognise X')."),
    Rule("modality.act-inside-an-aim", _M,
         "What an aim would bring about is not done either: the complement of an aim's verb ('pushed through "
         "plans to let universities charge fees', 'launched an initiative to help Kenyan police arrest smugglers', "
         "'a deal to allow Turkey to deport migrants') is hypothetical, as the aim is "
         "(modality.purpose-is-an-aim reads only the aim's own verb, so the act it lets or helps was asserted; "
         "issue 17 item 3). Not the aim of a promised act ('will send troops to help X attack': promised too), "
         "nor through 'stop' or 'continue', nor an act asked for ('urged Israel to let aid agencies enter Gaza' is "
         "modality.request-is-not-done's), nor a past clause with its own subject and a wh-word or complementiser, "
         "which is what the aim is about, told as done ('more was needed to understand ... how they targeted "
         "young people', 'to establish how the police arrested the protesters')."),
    Rule("modality.capability-is-no-act", _M,
         "A capacity is not an act: a trigger under a word of ability ('is capable of attacking', 'the capability "
         "to strike', 'the capacity to launch attacks') is hypothetical. The words are data (hedges.tsv, "
         "capability).",
         note=QUIET + "it fires once on iran_crisis_2020; new (issue 17), its owner decides"),
    Rule("modality.disputed-act", _M,
         "What an accusation, a charge or a denial is about is disputed, not done: 'Paris was accused of aiding "
         "rebels', 'charged him with terrorizing residents', 'deny providing sanctuary', 'alleged that the "
         "government had prevented ...' are hypothetical; the accusation or denial is the event. The words are data "
         "(hedges.tsv, dispute)."),
    Rule("modality.demanded-act", _M,
         "What a demand or a proposal asks for has not happened: a mandative clause (a subjunctive or 'should/"
         "must') under a verb or noun of demand or proposal ('the G7 demanded that Russia withdraw its troops', "
         "'France proposed that Iran suspend its tests', 'a resolution that Israel withdraw') is hypothetical; the "
         "demand or proposal is the event (02x, 10x). An indicative clause reports a claim ('insisted that Israel "
         "had attacked') and is left alone."),
    Rule("modality.obligation-is-not-done", _M,
         "What someone is bound to do is not done: an act under 'must' or 'ought to' (not 'must have', an "
         "inference), the infinitive of 'need to', of 'is required/obliged to' or of a present or future 'has to' "
         "('Iran must release the tanker', 'they need to destroy the missiles', 'will have to undergo') is "
         "hypothetical, and so are its conjuncts; a "
         "past 'had to withdraw' says that they did and is left alone. A speaker saying so demands it "
         "(code.speaker-demands-what-must-be-done). The words are data (modal_cues.tsv, obligation*)."),
    Rule("modality.proposed-act", _M,
         "The gerund object of a verb of proposal or deliberation is an option put forward, not an act done: "
         "'proposed holding talks', 'called for expelling the diplomats', 'is considering imposing sanctions', "
         "'suggested resuming the negotiations' are hypothetical; the proposal is the event. Aspectual verbs "
         "('began deporting') are not in the list. The verbs are data (modal_cues.tsv, proposal)."),
    Rule("modality.possibility-adverb", _M,
         "An adverb of possibility on the act's own clause says that it may have happened, not that it did: "
         "'maybe some passengers got caught', 'the police likely prevented the escape', 'jets probably bombed the "
         "hospital' (hypothetical); an evidential adverb ('reportedly bombed') leaves the act asserted. The words "
         "are data (lexicons/modal_cues.tsv, possible)."),
    Rule("modality.possibility-or-condition", _M,
         "A modal of possibility (may, might, could, would, should, can) or an 'if/unless/whether' marker in the "
         "trigger's own clause makes it hypothetical."),
    Rule("modality.conjunct-shares-its-auxiliary", _M,
         "A bare verb coordinated with a verb under a modal or future auxiliary, with no subject or auxiliary of "
         "its own, is in the auxiliary's scope (English coordination of verb phrases under one auxiliary: 'will "
         "[attack Afrin] and [shell Kurdish positions]'), so its act is no more done than the first one's: "
         "'Turkey will attack Afrin and shell Kurdish positions' (threatened, not an asserted 190), 'the US "
         "presence would counterbalance Iran, continue to battle remnants of Isis' (Guardian: the battle "
         "hypothetical, or threatened when 'would' is a reported future, as the first conjunct), and an "
         "infinitive governed by such a conjunct ('continue to battle') with it. The auxiliary hangs on the first "
         "conjunct only in the parse, and the rules of modals and of the future read the trigger's own clause, so "
         "the second was read as an act done. A past tense coordinated with a future keeps its tense "
         "(modality.past-clause-keeps-its-tense: 'has been threatening the Kurds, and in 2018 invaded Afrin')."),
    Rule("modality.indefinite-act-under-if-or-whether", _M,
         "An act named by an indefinite noun (a, an, any, another: modal_cues.tsv indefinite-determiner) in a clause "
         "of 'if', 'unless' or 'whether' (the noun's verb or a clause embedding it has the marker) is supposed or "
         "asked about, as the clause's verb is: 'Russia would attack the launchers if a US strike on Syria "
         "threatened Russian personnel', 'Blair refused to say whether Britain would join a US attack on Iran' "
         "(hypothetical; modality.possibility-or-condition reads the clauses of verbs only, so the strike and the "
         "attack were asserted, issue 17 item 3). A definite noun is presupposed and left alone ('asked whether "
         "the attack on the convoy was legal')."),
    Rule("modality.reported-future", _M,
         "'would' under a past speech verb is a future: 'said they would blockade Paris' is threatened."),
    Rule("modality.hedged-clause", _M,
         "A governing clause of likelihood or doubt: 'it is likely that ...', 'it is unclear whether ...'."),
    Rule("modality.conditional-clause-above", _M, "A governing clause that is itself conditional."),
    Rule("modality.hedge-word", _M,
         "A hedge noun or adjective above the trigger: 'the growing possibility of attacks', 'likely to strike'."),
    Rule("modality.conditional-act", _M,
         "An act made conditional: with a future it is committed (a threat or promise, 'will strike if'), "
         "without one it states a rule (hypothetical, 'strikes if')."),
    Rule("modality.threat-code", _M, "A CAMEO threat code (13x) is threatened."),
    Rule("modality.adverbial-clause-keeps-its-tense", _M,
         "A past (or present perfect, or past passive) adverbial or relative clause, or a causal one ('because', "
         "'since', 'as'), says on its own when its act happened: the future, threat, promise "
         "or intention of the clause it hangs on is not its own ('Iran vowed revenge after Israel killed its "
         "general', 'threatened the EU with tariffs after the EU levied a tariff on whiskey', 'will retaliate "
         "because Iran attacked'), so the act is asserted (or reported, when a speech verb or quotation marks "
         "embed it), where modality.future, modality.threat-or-promise-verb and modality.intention made it "
         "threatened (and code.announced-act-is-intent-or-threat then recoded a past killing as a threat). A "
         "purpose infinitive ('will send troops to protect'), a participle, or a present verb after 'when', "
         "'after', 'once', 'until' or 'if' ('vowed to retaliate when Israel attacks again': the present speaks of "
         "the future) shares its governor's modality."),
    Rule("modality.time-clause-shares-the-future", _M,
         "A clause of time in the present under a future act is in the future too: 'Parliament will examine the "
         "issue next year when it debates a new bill', 'he will see an orphanage before chairing a meeting of the "
         "Commission', 'will lift the ban once Iran complies' (threatened, coded as the announcement). "
         "modality.future reads a future auxiliary on the clauses that embed the act but not on the sentence's "
         "main verb (a relative clause under 'will' is no future), so the time clause was asserted. The markers "
         "are data (modal_cues.tsv, time-marker); a past time clause keeps its tense "
         "(modality.adverbial-clause-keeps-its-tense). The act of another party than the main clause's doer is "
         "only foreseen (hypothetical), unless a presupposing marker ('when', 'before', 'after', 'while': "
         "scheduled-time-marker) and a date make it scheduled: 'Blair will put Africa at the top of the agenda when "
         "Britain chairs the G8 summit next year' (threatened, an intent; it was hypothetical, review 11 #10). A "
         "clause the parser hangs on a time noun as a relative clause is one too: 'Trump's irrelevance will be "
         "highlighted on Friday when Iran hosts a summit with Russia and Turkey' (the summit was asserted)."),
    Rule("modality.future", _M, "A future auxiliary ('will', 'shall', 'going to') makes the act threatened."),
    Rule("modality.threat-or-promise-verb", _M,
         "A governing verb of threat or promise: 'vowed to', 'threatened to', 'pledged to', 'warned of'."),
    Rule("modality.expected-conflict-is-a-prediction", _M,
         "A conflictual act (roots 10-20: announced, a threat) under a passive 'is expected to' is a prediction, "
         "hypothetical, not an intention or threat of its subject's: 'is expected' tells what others foresee of the "
         "subject, and a threat is the threatener's own words. 'Lib Dem leader Charles Kennedy is expected to "
         "attack Mr Blair's words' (111, was threatened and so scored as a threat), 'pensioners' rights activists "
         "... were also expected to demonstrate' (14), 'Iran is expected to retaliate against American forces'. A "
         "cooperative act expected stays planned (modality.intention: 'Bolton is expected to hold tense talks with "
         "Turkish officials', a scheduled meeting, 036); an active 'expects to V' is the subject's own intent. "
         "Words are data (lexicons/senses.tsv expecting)."),
    Rule("modality.intention", _M,
         "A governing verb or adjective of intention or schedule: 'plans to', 'is prepared to', 'agreed to', 'is "
         "due to'."),
    Rule("modality.gerund-after-a-time-is-done", _M,
         "A gerund after 'after' or 'before' (lexicons/place_words.tsv, done-time) is an act the main clause's subject "
         "did (source.by-gerund-inherits-the-subject): the adjunct presupposes it, so it keeps neither the main "
         "verb's negation nor a denial ('Iran says it did not seek war after launching more than a dozen missiles "
         "at bases housing Americans': the launch is reported, not negated; leads study C5b), and it is reported "
         "when a speech verb or quotation marks embed the main clause, else asserted. A future, modal or condition "
         "over the main clause is shared, as a means shares its act's ('Judges should think carefully before "
         "heading an inquiry': hypothetical; 'will see an orphanage before chairing a meeting': threatened). After "
         "'before' the act may never have been when the main clause stops its subject (a passive, a verb of "
         "prevention or a police act: 'the militant was arrested before attacking the police station'): "
         "hypothetical. filters.background-gerund dropped these gerunds as scene-setting until session 14."),
    Rule("modality.reported-speech", _M,
         "A trigger inside a clause reported by a speech or cognition verb: 'officials said the strike ...'."),
    Rule("modality.inside-quotes", _M, "A trigger inside quotation marks is reported."),
    Rule("modality.be-to-is-scheduled", _M,
         "A present 'be' with a to-infinitive schedules the act, as 'is due to' does: 'Iraq is to invite bids', "
         "'EU ministers are to meet on Friday', 'the firm is to cut 2,850 jobs and close two plants' (threatened, "
         "so coded as the announcement: an intent or a threat). Not a past 'was to' (a plan that may have failed), "
         "'is to blame', nor a subject that names an aim ('the aim is to end the war'). Decided after the other "
         "modality rules, on an act they left asserted or reported."),
    # ---------------------------------------------------------------- filters
    Rule("filters.story-discard", _F,
         "A story-level discard phrase of the dictionaries (sports, weather ...) skips the whole document."),
    Rule("filters.passing-mention-discards-its-clause", _F,
         "On real news a story-level discard phrase (sports, shows: 'WORLD CUP', 'CHAMPIONS LEAGUE', 'FIFA') "
         "skips the whole document unless the story is of states' business and only mentions it: two sentences "
         "naming no sport noun tell of diplomats, ministers, a government or sanctions (lexicons/senses.tsv "
         "state-story-word), the article is no sport story by its own sentences and the phrase is in one sentence "
         "only. Such a passing mention discards only the clause it is in, as a sentence-level phrase does: "
         "'Britain has expelled 23 Russian diplomats ... Ministers will not attend the World Cup in Russia ... "
         "Russia condemned Britain' keeps the expulsion and the condemnation (PETRARCH's 'WORLD CUP' dropped every "
         "event; review 12 #6). The PETRARCH suites' own dictionaries keep PETRARCH's rule."),
    Rule("filters.sentence-discard", _F,
         "A sentence-level discard phrase ('BASEBALL', a past year) cancels the events of the clause it is in, not "
         "those of a clause beside it."),
    Rule("filters.shown-in-a-picture", _F,
         "A trigger described as seen in a picture ('images showing jets taking off') reports a picture."),
    Rule("filters.depicted-in-a-work", _F,
         "A trigger inside what a film, drama, novel or game depicts (the object, or the 'of', 'at', 'on' or "
         "'about' phrase, of a verb of depicting whose subject is such a work: lexicons/senses.tsv work-noun, "
         "depicting-verb) is a scene of the work, no act in the news: 'Dirty War, a BBC drama, depicts a dirty "
         "bomb attack on the City of London', 'French-Israeli production Wall looks at Israel's security wall "
         "separating it from the Palestinian territories', 'a film that depicts a priest having an affair'. A "
         "'that' clause is a claim about the world and is kept, and so is a documentary's or a programme's "
         "report ('a Panorama programme showed police officers ...'). Real-news conventions only."),
    Rule("filters.background-gerund", _F,
         "A gerund after a temporal preposition of background ('since', 'upon', 'while': lexicons/place_words.tsv, "
         "temporal) sets the scene: 'has lived in exile since leaving office'. Not 'after'/'before', whose gerund is "
         "an act the subject did (modality.gerund-after-a-time-is-done; session 14)."),
    Rule("filters.descriptive-participle", _F,
         "A participle describing its noun by a standing relation (statements to demands, 01-10): 'militants "
         "backed by Iran' is no news of backing."),
    Rule("filters.statement-yields-to-reported-act", _F,
         "A statement verb coded by its default that governs another coded trigger yields to it, unless it has "
         "its own object: 'officials said the strike killed ...'."),
    Rule("filters.intent-yields-to-promised-act", _F,
         "An intent verb coded by its default yields to the act it governs, which modality marks as promised: "
         "'agreed to provide aid'."),
    Rule("filters.request-content-is-no-act", _F,
         "What an appeal or demand asks for is its content, not an event: 'urged Chile to withdraw its troops'."),
    Rule("filters.claim-to-no-one-is-no-event", _F,
         "A claim, the statement (010) a verb of demand, dispute or denial is recoded to when its complement is "
         "indicative (code.claim-with-indicative-complement: 'the prime minister insisted he did not know what date "
         "the poll would take place', 'Mr Llwyd has argued that some of the terror attacks may have had the "
         "involvement of ...', 'Mr Balls had suggested that Mr Brown would meet his golden rule'), asserts "
         "something to no one: a plain statement, which the real-news gold does not code (docs/events-gold.md: a "
         "bare 'make statement' is no event), like filters.plain-statement-is-no-event for 'said'. Criticism, "
         "praise or denial in such words is coded by the verb's patterns and other rules, not by the claim."),
    Rule("filters.plain-statement-is-no-event", _F,
         "With the bundled dictionaries (real-news conventions), a statement coded only by the verb's default, 010 "
         "('told reporters', 'noted that ...', 'cited a mix of reasons'), introduces what was said and is no act "
         "of its own: only a statement of a CAMEO kind (appeal, demand, threat, criticism, praise, denial ...) is "
         "an event (docs/events-gold.md). A claim recoded from a demand or denial verb stays."),
    Rule("filters.commentary-is-no-act", _F,
         "An event whose source is a commentator (an analyst, an expert, an academic, a think-tank fellow; "
         "lexicons/commentary.tsv), itself or by apposition, or that a commentator reports ('..., said Alan Chong, "
         "associate professor at ...'), is commentary, not an act of a party: 'analysts warned that the sanctions "
         "may backfire' is no threat (docs/events-gold.md)."),
    Rule("filters.nominal-restates-its-verbs-act", _F,
         "An event noun coded with the same root between the same countries and with the same modality as the verb "
         "whose subject, object, instrument or purpose it is names that verb's act, which is coded once, at the "
         "verb (docs/events-gold.md, 'one event per act'): 'Russian shelling of Kharkiv killed two civilians' (one "
         "force event), 'Assad spoke during a meeting with Velayati'. A noun of another act ('condemned the "
         "invasion of Ukraine': 111 and 192), of an earlier one ('spoke after the talks') or between other parties "
         "stays."),
    # ---------------------------------------------------------------- confidence
    Rule("confidence.embedded-clause-is-weaker", _CONF,
         "-0.1 when the trigger is not the sentence's main predicate (or a conjunct of it): an embedded clause "
         "rests on a longer, less reliable parse path."),
    Rule("confidence.inferred-event-is-weaker", _CONF,
         "-0.1 for an inferred event: the converse of a paired code [042:043] or the code a negation amounts to."),
    Rule("confidence.uncertain-event-is-halved", _CONF, "The score of a hypothetical or negated event is halved."),
)

_BY_ID = {r.id: r for r in RULES}


def rule_ids() -> tuple[str, ...]:
    """Every rule id, in registration order."""
    return tuple(_BY_ID)


def rule(rule_id: str) -> Rule:
    """The rule of an id (an unknown id is an error that suggests close ones)."""
    check_rule_ids([rule_id])
    return _BY_ID[rule_id]


def check_rule_ids(ids: object) -> RuleSet:
    """A ``RuleSet`` switching off ``ids``; an unknown id raises ``ConfigError`` naming the closest ids."""
    return RuleSet.of(ids, rule_ids())  # type: ignore[arg-type]
