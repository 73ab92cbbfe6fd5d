"""The event coder's rules of one phase, modality, strongest first: the first rule that decides wins, in the order the
coder meets them; ``..registry`` joins the phases in their order."""

from __future__ import annotations

from ..base import PHASES, Rule
from .notes import QUIET

_M = PHASES[3]

MODALITY: tuple[Rule, ...] = (
    Rule("modality.request-is-not-done", _M,
         "What a directive verb asks someone to do is hypothetical: 'urged X to respond', 'warned France not to "
         "interfere', and every act coordinated with it under the same subject ('urged Israel to halt the offensive "
         "and withdraw its troops') or embedded in it ('urge the ministers to focus on ending the war', 'urged Iran "
         "to try to free the hostages'; not through 'stop', 'cease', 'continue': 'urged China to stop arming Russia' "
         "says that it arms), also when the parse gives the infinitive its own subject ('expects the government to "
         "uphold ...'), and in the passive: 'Iran was urged to release the tanker', 'the Iranian president has "
         "been invited to visit France' (were asserted; not 'is expected to', a forecast)."),
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
    Rule("modality.unasserted-under-a-negated-belief", _M,
         "A finite clause governed by a negated verb of belief or implication (think, believe, expect, mean, imply, "
         "indicate, show, prove ...), a negated 'true', or a noun of evidence with 'no' (evidence, sign, indication, "
         "proof) is not told as true: its act is hypothetical. 'The withdrawal did not mean that Libya had cut its "
         "ties with the US' (was a reported 160, shown), 'the Pentagon said there was no evidence that any British "
         "detainee was tortured or abused', 'I don't think he will give it away', 'it is not true that Turkey "
         "invaded Syria' (asserted). English puts the negation of a belief on its verb ('I don't think X' means "
         "'I think not X'), and a negated implication or a missing proof leaves the clause open; factive verbs "
         "(know, regret, reveal) presuppose their clause and are not in the list, nor are verbs of saying ('did not "
         "say that ...'). Not through an adverbial, relative or subject clause, which tells its own act ('I don't "
         "think that is fair, because Iran attacked'). The words are data (modal_cues.tsv, unasserting-when-negated, "
         "evidence-noun)."),
    Rule("modality.dominant-root-needs-a-told-act", _M,
         "A verb whose code is still the root its dictionary patterns share (code.dominant-pattern-root: no pattern "
         "matched and no rule of sense recoded it, the sense is a guess) codes no act the text tells as not done "
         "or only supposed (hypothetical, negated): such a use confirms nothing of the sense and mostly is not it: "
         "'a total withdrawal of US personnel at this time would restore Assad' (050, shown), 'Can the UN accept "
         "people who have accepted war crimes to be candidates' (030, shown), 'They should refuse to pay money "
         "over to the perpetrators' (120, shown), 'Turkish plans to unleash Nato forces' (190, shown), 'to allow "
         "Singapore Airlines to fly between the Australia and the US' (070 twice), 'We won't accept another "
         "dictator' (030), 'the UK should not ignore the need to reform' (120). An announced act (threatened) "
         "stays: 'will make Iran more decisive to resist America's expansionism' (120), 'Iran threatened to cut "
         "off electricity to the autonomous Azerbaijani republic of Nakhichevan' (PLOVER) are right."),
    Rule("modality.refusal", _M, "A refusal governs the act: 'refused to lift the curfew' (negated)."),
    Rule("modality.stopped-act-is-not-told", _M,
         "The gerund of an aspectual verb of ending (stop, cease, quit, halt, discontinue; lexicons/verb_classes.tsv "
         "ending) is an act that no longer goes on, not one told as done: 'Khomeini stopped urging Iranians to "
         "export the revolution', 'the rebels ceased firing on the city', 'the bank discontinued lending to "
         "Iranian firms' (negated). Only a stop told as done: in 'wants China to stop arming Russia', 'told Kiev it "
         "must stop shelling Donetsk', 'did not stop attacking' the act goes on. 'Stopped to talk' (an infinitive "
         "of purpose) and 'stopped X from V-ing' (modality.prevented-act) are not it."),
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
    Rule("modality.purpose-done-in-its-act", _M,
         "The purpose of an act told as done that the act itself does takes that act's modality (asserted, "
         "reported): an appeal, demand or consultation (02, 04, 10) as the purpose of a call, talk, letter or "
         "meeting ('spoke with Rouhani by phone to plead for calm', 'met Iran's leaders to push his plan') or of a "
         "journey ('flew discreetly to Geneva to meet a group of Iranian diplomats'), and protection (074) as the "
         "purpose of forces deployed or sent ('peacekeepers have been deployed to protect civilians', coded 074 "
         "asserted by the real-news gold). Other purposes stay aims ('went to Syria to fight', 'deployed to push "
         "back the rebels'); so does any purpose of an act not told as done in a past or a perfect ('is sending a "
         "delegation to urge', 'is meeting British officials this week to press the case')."),
    Rule("modality.purpose-is-an-aim", _M,
         "The aim of an act is not an act: an infinitive of purpose ('troops were deployed to protect civilians', "
         "'in order to') or of a noun ('an agreement to combat smuggling', 'calls to end the violence'), and its "
         "conjuncts, are hypothetical; the act done is the governing one. Not an infinitive of rank ('the first "
         "country to recognise X')."),
    Rule("modality.going-on-to-is-the-act-told", _M,
         "Aspectual 'go on to' tells what the subject did next, not a purpose: in 'Trump went on to accuse Iran of "
         "lying', 'Pompeo went on to praise Saudi Arabia', 'the minister went on to criticise the EU' the act is told "
         "as 'went' is (asserted; reported under 'he said'), where modality.purpose-is-an-aim made it hypothetical "
         "(leads of session 25: 'went on to suggest'). Not when 'go on' has a place or goal ('went on to the UN to "
         "accuse Washington': a journey and its aim). The verb and particle are data (modal_cues.tsv, succession)."),
    Rule("modality.designed-act-is-an-aim", _M,
         "What a thing is made or meant for is its aim, not an act done: the to-infinitive of a participle of design "
         "or intent ('UN-sponsored talks in Geneva designed to end the Syrian civil war have collapsed', 'sanctions "
         "intended to punish Russia', 'a summit meant to ease tensions') or the gerund of 'aimed at' ('a plan aimed "
         "at ending the war') is hypothetical (issue 17 cause 3; the talks' 'end' was an asserted 0871 with Geneva "
         "as its source). Not an active perfect ('had intended to strike': an intention, modality.intention). The "
         "participles are data (modal_cues.tsv, design-participle)."),
    Rule("modality.aim-of-a-future-act-is-announced", _M,
         "The purpose infinitive of a verb in the future is announced with it (threatened, so coded as the intent "
         "or the threat): 'Russia, Iran and Turkey will meet in Sochi on Wednesday to discuss the war' (the "
         "discussion was an asserted 040 between each pair, shown, while the meeting itself was 036), 'the "
         "minister will travel to Delhi to sign the agreement', 'the army will send troops to retake the town' "
         "(an announced attack, a threat). modality.purpose-is-an-aim leaves the aim of a promised act to the "
         "rules of promise, but modality.future does not read a future on the main verb for the clauses under it "
         "(a relative or adverbial clause keeps its own tense), so the aim was asserted. Not under a negated "
         "future ('will not meet to discuss': left as it was), nor the infinitive of a noun ('an agreement to "
         "combat smuggling')."),
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
         "'would' under a past speech verb, or verb of threat or promise, is a future: 'said they would blockade "
         "Paris', 'swore that Iran would retaliate' are threatened."),
    Rule("modality.hedged-clause", _M,
         "A governing clause of likelihood or doubt: 'it is likely that ...', 'it is unclear whether ...'."),
    Rule("modality.conditional-clause-above", _M, "A governing clause that is itself conditional."),
    Rule("modality.hedge-word", _M,
         "A hedge noun or adjective above the trigger: 'the growing possibility of attacks', 'likely to strike'."),
    Rule("modality.conditional-act", _M,
         "An act made conditional: with a future it is committed (a threat or promise, 'will strike if'), "
         "without one it states a rule (hypothetical, 'strikes if')."),
    Rule("modality.threat-on-a-condition-is-made", _M,
         "A threat or warning (CAMEO 13x, a verb of threat or warning or the act it governs) with a condition and no "
         "future: the condition is what the threat says, "
         "the threat is made (threatened, as any threat): 'Ankara is warning Washington of severe consequences if "
         "it has to turn to Moscow', 'Damascus has threatened to hit back if Erdogan advances'. The real-news "
         "gold codes a conditional threat as a threat, asserted."),
    Rule("modality.event-noun-under-an-unrealising-noun", _M,
         "An event noun that is the prepositional complement ('for', 'of', 'on') of a noun of planning, asking, "
         "deciding or fearing (event_nouns.tsv unrealising-head) names an act not (yet) done: 'Erdogan said "
         "preparations for the military attack on Afrin are complete', 'Israel's plans for an offensive in Rafah', "
         "'the threat of sanctions' (threatened: a party's plan or threat, as 'plans to attack'); 'calls for "
         "sanctions on Russia', 'a decision on military strikes in Syria', 'the prospect of a US strike', 'a "
         "proposal for talks' (hypothetical; 'possibility', 'risk' and 'fear' are "
         "modality.hedge-word's). The call or proposal itself is coded by its own verb's rules. Before, "
         "only the path where a place is the target (nominals) read these heads, and every other event noun was "
         "asserted (issue 17 cause 3). A noun told as going on ('calls for an end to the continued shelling') is "
         "left alone."),
    Rule("modality.event-noun-follows-its-governor", _M,
         "An indefinite event noun that is another verb's argument takes that verb's say on it: the object of a "
         "verb of asking or proposing is hypothetical ('Iran called for talks with the EU', 'the EU urged new "
         "sanctions on Russia'), of a verb of threat, promise or intention threatened ('Trump threatened a military "
         "offensive against Iran', 'Israel is planning an offensive against Hamas'); under a modal, a condition, a "
         "future or a negation it takes its governor's modality ('Turkey could face US sanctions', 'sanctions could "
         "follow'). A definite, possessed or ongoing noun presupposes its act ('condemned the attack', 'could end "
         "Israel's offensive'), and so does one under a verb of an act's course ('urged Israel to halt attacks')."),
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
    Rule("modality.future", _M,
         "A future auxiliary ('will', 'shall', a present 'going to', contracted too: 'we're going to protect "
         "American forces', 'I'm going to meet Putin', which were reported or asserted acts) makes the act "
         "threatened."),
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
         "due to'; and the gerund of 'look forward to V-ing', an act hoped for as after 'hopes to', not one done "
         "('Iraq looks forward to working with the United States': 032, was 050 asserted)."),
    Rule("modality.trying-to-cooperate-is-no-deed", _M,
         "A cooperative act (CAMEO roots 01-09) governed by a verb of trying (try, attempt, endeavour; "
         "lexicons/verb_classes.tsv trying) is sought, not done: intended, as after 'strives to' "
         "(modality.intention): 'Britain is trying to strike a deal with France' is no deal signed (057 asserted "
         "became an intent, issue 17). A conflictual act tried keeps the modality it is told with: an attempted "
         "attack is an attack ('rebels tried to storm the Iraqi embassy')."),
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
    Rule("modality.gerund-complement-shares-its-verb", _M,
         "The gerund a verb takes through a preposition is its complement ('tasked with monitoring', 'focus on "
         "rebuilding', 'succeed in capturing'), done only if the verb's act is: when the verb is hypothetical, "
         "threatened or reported, so is the gerund ('A day after Trump said US soldiers in Iraq would be "
         "tasked with monitoring Iran': the monitoring, 090 USAMIL -> IRN, was asserted, since the clause rules "
         "stop at the preposition; 'US troops will be tasked with monitoring Iran': threatened). Not the gerund of "
         "a reason ('for', 'over': 'could be punished for attacking the tanker' tells the attack as done), of a "
         "time or a means (gerund-after-a-time-is-done, means-shares-its-act), nor one an earlier rule decides "
         "('accused of attacking', 'called for expelling', 'barred from entering'). A verb told as done leaves "
         "the gerund as it was, and so does a negated one ('had the government not prevaricated since 1997 in "
         "introducing the ban', 'did not hesitate in striking': the act was done; on the review set the one "
         "negated case was such)."),
    Rule("modality.result-participle-shares-its-verb", _M,
         "A participle clause with no subordinator tells what the act of its verb does or brings about ('Israel "
         "could strike Iran next week, killing hundreds of Iranian soldiers', 'Russia will attack Kyiv again, "
         "targeting Ukraine's power grid', 'Turkey promised to drill and discipline them, creating the nucleus of "
         "a new rebel army'): it happens only if that act does, so it takes the verb's hypothetical or threatened "
         "modality (the killing and the targeting were asserted 190s, shown; issue 17 cause 3). A verb told as "
         "done ('struck Gaza, killing 20 Palestinians'), reported (the report rules reach the participle already) "
         "or negated ('did not attend, citing security') leaves the participle as it was; a participle with its "
         "own subordinator, auxiliary or subject is a clause of its own. Only a participle set off by a comma: "
         "without one it is mostly a reduced relative on the object ('prosecute their citizens fighting in Syria': "
         "the fighting goes on); nor one on a purpose infinitive ('bent forward to pray, pressing their foreheads "
         "to the carpet'). Both were made hypothetical by a first version on the review set."),
    Rule("modality.reported-speech", _M,
         "A trigger inside a clause reported by a speech or cognition verb: 'officials said the strike ...'."),
    Rule("modality.inside-quotes", _M, "A trigger inside quotation marks is reported."),
    Rule("modality.be-to-is-scheduled", _M,
         "A present 'be' with a to-infinitive schedules the act, as 'is due to' does: 'Iraq is to invite bids', "
         "'EU ministers are to meet on Friday', 'the firm is to cut 2,850 jobs and close two plants' (threatened, "
         "so coded as the announcement: an intent or a threat). Not a past 'was to' (a plan that may have failed), "
         "'is to blame', nor a subject that names an aim ('the aim is to end the war'). Decided after the other "
         "modality rules, on an act they left asserted or reported."),
)
