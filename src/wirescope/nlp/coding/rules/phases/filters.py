"""The event coder's rules of one phase, filters: which events are dropped, in the order the coder meets them;
``..registry`` joins the phases in their order."""

from __future__ import annotations

from ..base import PHASES, Rule

_F = PHASES[4]

FILTERS: tuple[Rule, ...] = (
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
    Rule("filters.filming-a-work-is-no-shooting", _F,
         "A verb of shooting (lexicons/senses.tsv filming-verb) whose patient is a work of the screen or what is "
         "filmed for one (work-noun, filmed-noun: film, movie, series, version, scene, footage, documentary ...) "
         "as its object, a passive's subject, the noun its participle describes or a relative pronoun stands for, "
         "is filming, no force (190): 'where the actor had been shooting the film Retirement', 'A South African "
         "film version of Bizet's opera Carmen shot in Cape Town' (BBC entertainment/044, 090, review 17). "
         "Shooting a person named with a film's word ('shot the film's director') stays force."),
    Rule("filters.headline-participle-is-a-passive", _F,
         "In a headline (the text's first line when it is the title, or a title given apart from the text), the "
         "main verb as a bare past participle is a passive with its auxiliary left out, as headlinese writes it: "
         "'Straw attacked on China arms' (Straw was criticised), 'US peer-to-peer pirates convicted', 'Bush website "
         "blocked outside US'. Its subject is the one the act was done to, so the act coded with it as the doer is "
         "dropped. A headline tells an act done in the present tense ('Iran fires missiles'); a past tense with an "
         "auxiliary ('has fired', 'was shot down'), a participle below another verb ('Iran says it fired') and a "
         "verb with a direct object, which a passive participle does not take, stay: the tagger gives VBD to "
         "present tenses whose form is also a past or to a plural's bare verb ('Missiles hit US base', 'Police "
         "beat protesters in Minsk', 'Protesters storm US embassy in Baghdad'; review of session 16), except the "
         "passive of a verb of two objects, which keeps one ('Monsanto fined $1.5m for bribery', 'England given "
         "tough Sevens draw': lexicons/senses.tsv two-object-verb). Real-news conventions only. Module headline.py."),
    Rule("filters.headline-to-infinitive-is-a-plan", _F,
         "In a headline, the main verb as a 'to' infinitive is headlinese for the future ('China to overtake US net "
         "use', 'Iraq to invite bids for oil fields'): a plan, no act done, and headline events count only when "
         "asserted, so the act is dropped (the body's sentence that tells the plan is coded as such). Real-news "
         "conventions only. Module headline.py."),
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
         "'agreed to provide aid'; also a complement clause in the future of the promise: 'Zarif swore that Iran "
         "would retaliate against the United States' is the threat (138), not an allegation (SWEAR's 110)."),
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
)
