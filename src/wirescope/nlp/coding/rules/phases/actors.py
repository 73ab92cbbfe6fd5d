"""The event coder's rules of one phase, actors: which actor a phrase names, in the order the coder meets them;
``..registry`` joins the phases in their order."""

from __future__ import annotations

from ..base import PHASES, Rule
from .notes import NOWHERE

_ACT = PHASES[2]

ACTORS: tuple[Rule, ...] = (
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
    Rule("actors.apposition-names-whose-role-it-is", _ACT,
         "With the bundled dictionaries, a role without a country ('the foreign secretary', 'the president') with "
         "a name in apposition that the dictionaries code with a country ('the foreign secretary, Jeremy Hunt, "
         "said'; 'The president, Donald Trump, condemned') is that person's actor (GBRGOV, USAGOV), as the "
         "quotation's speaker, coded over the whole phrase, already was: the article's country "
         "(actors.role-takes-the-article-country) made Hunt SYRGOV and Trump SYRGOV in stories about Syria "
         "(Guardian 2019). A title written with capitals is a role as much ('The Secretary of State for Culture, "
         "Media and Sport, Tessa Jowell, has hit out': GBRGOV, BBC). A name the dictionaries do not place leaves "
         "the role as it was."),
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
    Rule("actors.person-name-is-no-stem", _ACT,
         "A dictionary person's name matches a word of the text whole, not as the stem of a longer word: the "
         "dictionaries' stemming (a last word without a final '_' also matches longer words, for 'ARGENTIN' -> "
         "Argentine) made 'Ahmed al-Assadi, a spokesman for Iraq's Popular Mobilisation Forces' Bashar al-Assad "
         "(SYRGOV, Iran crisis 2020), 'Anna Lavrova' Sergey Lavrov and 'Obamacare' Barack Obama. A family name "
         "with further letters is another family's (Assadi) or no person (Obamacare); a plural ('the Assads') "
         "still matches. Only for an entry listed by the last word of a longer name with a role (a person or "
         "body: 'ASSAD' of Bashar al-Assad); a country's stem still matches ('South Korean')."),
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
         "that person (or country): 'President Mugabe', 'Mr Bouteflika'. A name whose last word is a body's head "
         "noun (Institute, Authority, Network, Assembly: lexicons/title_words.tsv org-head, ngo-head) is no "
         "person's: 'The Institute for Fiscal Studies criticised the chancellor' is not USAELI (a think tank "
         "listed by a name ending in 'Institute')."),
    Rule("actors.province-gives-its-country", _ACT,
         "With the bundled dictionaries, a first-level division named with a division word codes its country: "
         "'Sindh province', 'the province of Sindh' (data/events/admin1_countries.tsv)."),
    Rule("actors.common-words-are-no-name", _ACT,
         "A dictionary alias written in lower case in a text with capitals is a common noun, not the name: "
         "'youths' is not the group listed under that alias."),
    Rule("actors.lower-case-state-is-no-name", _ACT,
         "A dictionary name ending in 'State' whose last word is written 'state' after a capitalised word, in a "
         "text with capitals, is the common noun, not the name: 'an Islamic state' (a state governed by Islamic "
         "law: 'the project of constructing an Islamic state has been defeated') is not the group Islamic State "
         "(IMGMUSISI), which the dictionaries match case-blind; 'Islamic State fighters' and 'the Islamic State' "
         "keep it."),
    Rule("actors.organisation-word-alone-names-nobody", _ACT,
         "An organisation word alone ('Organization', 'Movement') names nobody, even when a dictionary lists it as "
         "an alias."),
    Rule("actors.compound-role-reaches-its-head", _ACT,
         "A role noun after a compound role whose longest agent entry stops before it is one of that role: "
         "'riot police officers' matched RIOT POLICE and left the head 'officers' outside every agent, which made "
         "the phrase no actor, while 'police officers' and 'riot police' were COP; an entry starting inside the "
         "compound (POLICE OFFICER) reaches the head, and the compound's own code stands ('secret police "
         "officers' are the secret police's, SPY)."),
    Rule("actors.sponsor-is-not-the-actor", _ACT,
         "An actor that backs, funds or hosts the phrase's actor is not it: 'Iran-backed militia', 'pro-Iran "
         "protesters', 'UN-hosted talks'."),
    Rule("actors.portfolio-title-is-no-us-office", _ACT,
         "'Secretary of State', which the Phoenix dictionaries list as the United States' foreign minister "
         "(USAGOV), followed by 'for' and a portfolio is another country's minister (lexicons/title_words.tsv "
         "one-country-title): Britain's ('The Secretary of State for Culture, Media and Sport, Tessa Jowell', "
         "'the Secretary of State for Scotland', BBC 2005), and in English France's, Canada's or Haiti's ('the "
         "French Secretary of State for European Affairs'). The American title never takes a portfolio. The "
         "match is dropped and the phrase keeps the role the agents give the title (GOV), whose country its "
         "own words, the name in apposition (actors.apposition-names-whose-role-it-is) or the article give; "
         "'Secretary of State Condoleezza Rice' and 'the US Secretary of State' stay USAGOV."),
    Rule("actors.title-word-in-a-name-is-no-title", _ACT,
         "An agent word written before a proper-noun head ('General', 'President') is a title before an unknown "
         "name ('General Milley', 'President Abdelaziz Bouteflika': a military, a government actor) only when "
         "the head is no word of a person's name (lexicons/title_words.tsv not-a-name: 'Election', 'Motors') "
         "and the parse does not name it a thing (an event, a law, a building, a product): 'the General "
         "Election' (BBC politics/001: GBRMIL) and 'General Motors' (---MIL) are no general's, the word is part "
         "of their name, and the phrase keeps no role. Not organisations by the parse alone: a role word before "
         "an organisation's name describes it ('civil rights group Liberty', HRI)."),
    Rule("actors.country-as-topic-is-no-affiliation", _ACT,
         "A country named as a noun before a noun of expertise or coverage (expert, analyst, scholar, watcher, "
         "correspondent, project, desk: lexicons/title_words.tsv topic-head) is the subject of the person's work, "
         "not their country: 'an Iran expert', 'a Russia analyst', 'the Iran project director at the International "
         "Crisis Group' are not IRN or RUS. The demonym names the country ('an Iranian expert' stays IRN) and so do "
         "initialisms, English's adjective for some countries ('a US Iran expert' is American)."),
    Rule("actors.anti-is-not-the-actor", _ACT,
         "A role opposed to a country is not of that country: an 'anti-Syria journalist' is not Syrian."),
    Rule("actors.ethnic-group-by-home-country", _ACT,
         "A plural ethnic group is coded by the country it lives in: 'Bosnian Serbs' (BIH), 'Albanians of southern "
         "Serbia' (SRB).",
         note=NOWHERE + "those corpora name no ethnic group abroad; kept, the PETRARCH suites test it (Balkan "
              "news) and it fires on its examples"),
    Rule("actors.post-of-an-organisation-before-a-name", _ACT,
         "A person named after the title of a post of an international organisation acts for it: 'EU trade "
         "commissioner Peter Mandelson' is IGOEUREEC and 'Nato Secretary General Jens Stoltenberg' NATO's, not "
         "the national entry the dictionaries date by the person's other offices (GBRGOVBUS from 2008, NORGOV). "
         "Only title words stand between the organisation and the name; 'former' or 'ex-' before them, and a title "
         "of one sent to the organisation ('UN ambassador Nikki Haley': her country's envoy), leave the person's "
         "own code; a state named so ('Nato ally Turkey') is no person."),
    Rule("actors.sources-of-a-body-are-its-own", _ACT,
         "Sources and insiders are people speaking from inside the body named before the word: 'Tory sources' "
         "is GBRPTY, 'Kremlin insiders' RUSGOV, as 'Tory officials' already was; a modifier that names a body is "
         "otherwise no actor of a common noun ('Trump ally'), which left 'Tory sources criticised the government' "
         "without a source."),
    Rule("actors.relation-head-is-not-its-modifier", _ACT,
         "A head naming a relation ('ally', 'proxy', 'rival') is not the actor that modifies it: 'Israel's militia "
         "ally' is not Israeli; only an of/in/from phrase places it. So for a name the relation word describes "
         "('Deutsche Boerse's rival Euronext' is not German; its own words after the relation word place it: "
         "'Iran's rival Saudi Aramco'); a common noun is left ('Libya's rival government' is Libyan)."),
    Rule("actors.relative-takes-only-the-country", _ACT,
         "A relative ('the father of Shamima Begum', 'the family of a former British soldier', 'Jack Letts's "
         "parents'; lexicons/title_words.tsv, kin-head) is not the person whose relative they are: the phrase takes "
         "that person's country only, not their name or role (Begum's father is no Begum, a soldier's family no "
         "army, the families of fighters no fighters), and nothing when the person has no country ('the families "
         "of civilians'); the search for an actor inside a phrase does not go into a relative's 'of' phrase or "
         "possessor. The relative's own words still code it ('the Saudi royal family'); a pronoun possessor ('her "
         "father') is left as it was. Bundled (ISO) dictionaries only."),
    Rule("actors.body-seated-in-a-place-takes-its-country", _ACT,
         "A body the dictionaries leave uncoded whose phrase says where it is seated with a participle after it "
         "(lexicons/place_words.tsv, seat-participle: 'the Alliance of Democracies, headquartered in Copenhagen', "
         "'a foundation based in Berlin') is of that place's country, as CAMEO codes a private body by its home, "
         "as object or passive subject too (the search inside a subject already reached the place). Only a name or "
         "a noun of an organisation (org-head, ngo-head, collective-noun): a person 'based in Nairobi' may be a "
         "foreign correspondent there."),
    Rule("actors.possessor-outranks-the-place-after-it", _ACT,
         "A holder's phrase (its head an agent word: minister, commander, forces) with a possessor country and a "
         "place in an 'in/at' phrase of its head is the possessor's actor, not the place's, though the place is "
         "nearer the head: 'Turkey's foreign minister in "
         "Vancouver' (TURGOV, a Turkish minister visiting Canada), 'Pakistan's prime minister in London' (PAKGOV), "
         "'Iraq's army commander in Damascus' (IRQMIL). The possessor says whose the holder is, the place where "
         "they are. Event nouns ('Tesco's price war in Britain') and relation heads ('ally') are left alone."),
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
    Rule("actors.organisation-named-before-the-posting-sends-the-envoy", _ACT,
         "With the bundled dictionaries, an envoy word ('envoy', 'ambassador', 'representative'; title_words.tsv, "
         "envoy) after an international organisation and then a country ('the UN Syria special envoy', 'the U.N. "
         "Yemen envoy') is the organisation's: the country is where the envoy is posted, and the nearest modifier "
         "made the UN's Syria envoy Syria's government (SYRGOV for 'the UN Syria special envoy' meeting the Syrian "
         "opposition, Guardian). A country first keeps the country ('Russia's U.N. ambassador', "
         "actors.envoy-is-of-the-country-sending-them; 'the US Iran envoy' is American, "
         "actors.country-named-before-the-posting-sends-the-envoy)."),
    Rule("actors.country-named-before-the-posting-sends-the-envoy", _ACT,
         "With the bundled dictionaries, an envoy word after two countries with nothing coordinating them ('the US "
         "Iran envoy Brian Hook', 'America's Syria envoy James Jeffrey', 'the US Afghanistan envoy Zalmay "
         "Khalilzad') is the first country's government: the second is where the envoy is posted, as after an "
         "organisation (actors.organisation-named-before-the-posting-sends-the-envoy). The country nearest the "
         "envoy word made all three the posting's government (IRNGOV, SYRGOV, AFGGOV), and a surname after them "
         "too ('Hook accused Iran': IRNGOV). 'The US and Iranian envoys' are both sides' and are left alone."),
    Rule("actors.title-gives-the-office", _ACT,
         "A person the dictionary knows only as an elite takes the office of their title in the text: 'Iranian "
         "President Hassan Rouhani' is IRNGOV."),
    Rule("actors.title-in-the-name-gives-the-office", _ACT,
         "A person the dictionary knows only as an elite (ELI: undated text, or no office on the date) whose matched "
         "name opens with a government title takes the office the title names: the PETRARCH dictionaries list "
         "'President Vladimir Putin' and 'Russian President Vladimir Putin' as names of Putin, so the title is "
         "inside the name's match and actors.title-gives-the-office never sees it; 'Russian President Vladimir "
         "Putin' is RUSGOV, 'King Abdullah' JORGOV. 'Former' or 'ex-' before the title leaves the elite "
         "('former Russian President Yeltsin' stays RUSELI)."),
    Rule("actors.party-gives-its-country-to-a-role", _ACT,
         "A political party named before a legislator, government or opposition word gives the phrase its country, "
         "the word its role: 'Labour MPs' is GBRLEG, 'a Conservative government' GBRGOV, not the party (PTY)."),
    Rule("actors.shadow-title-is-the-opposition", _ACT,
         "A government title after 'shadow' gives no government role: a shadow minister is the opposition's "
         "spokesman for the office, not its holder ('Tory shadow chancellor Oliver Letwin' is the party's, GBRPTY, "
         "not GBRGOV); without a party or a person of a country named, the title gives the opposition's role ('shadow "
         "home secretary David Davis', OPP, placed as any role without a country: GBROPP), with the sector of "
         "the office's title ('shadow education secretary Tim Collins', GOVEDU in the agents: OPPEDU); the title "
         "alone ('Chancellor Gordon Brown') still gives the office."),
    Rule("actors.title-in-a-firm-is-business", _ACT,
         "A government title (PRESIDENT, CHIEF EXECUTIVE, DIRECTOR GENERAL: GOV in the agents dictionary) held in "
         "a firm is business (BUS): 'Ken Mayland, president of ClearView Economics' was USAGOV, 'Rod Eddington, "
         "BA's chief executive' GBRGOV. The firm is whose the title is: the object of its 'of/at/for' phrase, its "
         "possessor or a name before it, coded with a business role and no state one (British Airways, Sony), or "
         "a name the dictionaries do not know that the parser calls an organisation, or a firm noun; a public "
         "body's words ('UK Film Council', 'the Federal Reserve Bank') and a state ('the president of France') "
         "keep the government role."),
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
    Rule("actors.named-country-owns-the-body", _ACT,
         "A country named as the possessor, demonym or 'of' phrase of a state body whose dictionary name many "
         "states' bodies share (its last word an office, ministry or department: lexicons/title_words.tsv, "
         "body-noun) owns it, over the country of the entry: the entries give British news's bare 'Home Office' and "
         "'Foreign Office' to Britain (GBRGOV), 'the German Foreign Office', 'Germany's Home Office' and 'the "
         "Foreign Office of Germany' are DEUGOV. Same country ('the UK's Foreign Office'), a sponsor ('a US-backed "
         "ministry') or a name unique to one state ('the Kremlin') change nothing."),
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
    Rule("actors.titled-office-holders-date-the-article", _ACT,
         "An article without a date is dated by its own titles: a government title before a full name ('Prime "
         "Minister Tony Blair', 'Chancellor Gordon Brown', 'Foreign Secretary Jack Straw'; not 'former' or "
         "'shadow') says the person held office when it was written; the span in which the terms in government of "
         "every titled person overlap (the dictionaries' dated codes, the office holders table) dates it, and a "
         "person it names without a title ('Ariel Sharon', 'Gordon Brown') is coded as of that span's middle day "
         "(ISRGOV, GBRGOV), not with the dictionary's undated code (ISRELI, GBRELI: an elite, as anyone out of "
         "office since). Only a new role of the same country; no titled office holder, or terms that never "
         "overlap, and the article stays undated (actors.title-in-the-article-gives-the-office and "
         "actors.title-that-refers-back-gives-the-office still give the titled persons their office)."),
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
         "UKIP' is GBRPTY, 'a spokesman for the Albanian embassy' ALBGOV, 'the Pentagon's spokesman' USAMIL; so "
         "is a person named with such a spokesman in apposition ('Sara Sendek, a spokesperson for DHS': USAGOV, "
         "was the article's country, IRNMED). Only an owner coded with a role of its own replaces MED."),
    Rule("actors.spokesman-has-the-role-of-the-body", _ACT,
         "With the bundled dictionaries, the word 'spokesman' (spokeswoman, spokesperson), which the agents "
         "dictionary codes as the media (MED), makes no one the media: a spokesman speaks for the body he is of, "
         "so a phrase with the word is what its other words code ('a Foreign Office spokesman' GBRGOV, 'a South "
         "Wales Police spokeswoman' GBRCOP, 'an EU spokesman' IGOEUREEC, 'Michael Lamberty, a Lufthansa "
         "spokesman' the firm's code); the media stays when those words name an outlet ('a BBC spokesman' "
         "GBRMED); with no role named the country alone stays ('the spokesman' in a British story GBR, 'Tony "
         "Macklin, spokesman for Ask Jeeves' USA); 'a spokesman' with nothing else is no one, as speaker or as "
         "an event's doer. After actors.spokesman-speaks-for-the-owner, which codes a named owner ('a spokesman "
         "for UKIP')."),
    Rule("actors.bare-spokesman-speaks-for-the-body-before", _ACT,
         "With the bundled dictionaries, a spokesman whose phrase names no body ('a spokesman', 'A "
         "spokesperson') speaks for the body the report has just been about: the nearest subject (or passive "
         "agent) before him in his sentence or the one before that codes an actor, persons passed over ('But the "
         "Home Office defended the measures. A spokesman said' GBRGOV; 'Delta has repeatedly declined to "
         "elaborate. A spokesperson reiterated this position'). A news report names the body and then quotes its "
         "spokesman; one of another body is named with it ('a spokesman for the family'). A pronoun subject "
         "that codes no one ends the search. After actors.spokesman-has-the-role-of-the-body, which leaves such "
         "a spokesman without a code."),
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
    Rule("actors.it-refers-to-the-body-subject-before", _ACT,
         "With the bundled dictionaries, a subject 'it' outside quotation marks that no other rule resolves "
         "continues the singular subject before it that is no person: the nearest in its own sentence, else in the "
         "sentence before the subject of a main clause first ('Turkey believes the Kurdish militia is taking "
         "advantage of the US alliance. It also accused Washington': Turkey, not the militia of the clause it "
         "believes; a verb of saying inserted in a sentence names its main subject: 'As a result, says the "
         "committee, the government may need to re-legislate. It is also calling on': the committee), else the "
         "subject of the "
         "least embedded clause, the nearest among equals ('analysts believe that the Kok report doesn't come up "
         "with the policies needed to make the Lisbon targets a reality. For example, it recommends': the report, "
         "not a subject deeper in the sentence); when that subject names a body (a country, a state's body, an "
         "organisation or an armed group: 'Hezbollah denied any role. It accused Israel of', 'Iran's foreign "
         "ministry summoned the British ambassador. It accused Britain'), 'it' is coded as that mention is "
         "(centering: a subject pronoun continues the previous subject; 'it' is singular and no person, so plural "
         "subjects and persons are passed over). When that subject is a thing ('The report was published by the "
         "United Nations. It accused Syria'), a business or a service ('The company said ... It accused China'; "
         "a hospital trust, a school, a broadcaster: roles BUS, MNC, HLH, EDU, MED, as the head nouns of a firm or "
         "the media are), an "
         "organisation the dictionaries place only by a modifier ('Anglo-Dutch consumer goods giant Unilever': "
         "a firm), or an actor no code places, 'it' stays uncoded; so does an anticipatory 'it' ('it was reported "
         "that', 'it seems'). Measured on the Guardian, BBC and Iran-crisis articles one may read (session 16): "
         "the actor is right in 15 of the 17 events it adds; the events themselves in 8 of 17 (most others are "
         "verbs in a sense that is no event, 'which it described as'), 4 of 5 at the read-time threshold."),
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
    Rule("actors.pronoun-agrees-in-gender", _ACT,
         "With the bundled dictionaries, a subject 'he' passes over a person the article gives as a woman, and "
         "'she' over one it gives as a man, when it looks for its antecedent (actors.pronoun-refers-back, "
         "actors.pronoun-refers-to-a-person-named-in-full): 'Ms Hewitt met Mr Clarke. She said ...' is Hewitt. What "
         "the article gives is a title before the name (Mr, Sir, Lord, King; Mrs, Ms, Miss, Lady, Baroness, Queen) "
         "or a role noun said of one gender before or in apposition to it (spokeswoman, actress, wife; king, son), "
         "said of that name or of everyone the article calls by its surname when they all agree "
         "(data/entities/gendered_words.tsv, nlp/gender.py), else, without either, the possessive or reflexive "
         "pronouns the person binds as the only person named in a sentence ('Sajid Javid defended his decision'); "
         "no guess from a given name, and a person of unknown gender agrees with either pronoun. Traced where it "
         "changed the antecedent."),
    Rule("actors.pronoun-continues-the-main-clause-subject", _ACT,
         "With the bundled dictionaries, a subject 'he' or 'she' that is the subject of its sentence's main clause "
         "(or of one coordinated with it, or of an inserted verb of saying: '\u201c...,\u201d he said') takes, in "
         "the latest sentence naming a subject antecedent (actors.pronoun-refers-back), the main clause's subject "
         "over the subject of a clause embedded in it: 'Mr Balls rejected the allegation that Mr Brown had been "
         "sidelined. He rejected ...' is Balls, 'Mr Howard denied Mr Yeo had said the plans stink. He also said' "
         "is Howard (centering: the main clause is the unit a reader follows, its subject ranks first). A pronoun "
         "inside an embedded clause keeps the nearest subject. The full names' look-up "
         "(actors.pronoun-refers-to-a-person-named-in-full) and the quotation speakers rank the same way "
         "(nlp/coding/salience.py). Traced where it changed the antecedent."),
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
         "Isis named before them), at a name the tagger took for a common noun that codes no such body, and before "
         "the same noun with an indefinite article ('a group of Syrian refugees ... the group wants'). A name the "
         "tagger took for a singular common noun ('Isis' is tagged NN) is such an organisation when the "
         "dictionaries code the word as one ('US-backed forces fought Isis in Baghuz. The group had killed hundreds "
         "of Iraqi soldiers': IMG; 'Isis’s sectarian focus ... The group also claimed responsibility for a shooting "
         "on a church in Cairo': Isis, not the Taliban named before). As an object or with a modifier or phrase "
         "('the alliance with the US', 'the alliance fighting Isis') the noun is as often a group the clause itself "
         "describes, and is left alone."),
    Rule("actors.the-two-are-the-last-two-named", _ACT,
         "With the bundled dictionaries, a definite plural that counts two known parties ('the two presidents', "
         "'the two countries', 'both leaders') with no modifier naming their country is the latest two actors of "
         "different countries named before it (in its sentence or the two before), holders of the noun's role when "
         "two such are named: 'Russian President Vladimir Putin is courting Erdogan ... The two presidents are "
         "cooperating' (RUS and TUR; with no target of its own, a compound subject acts reciprocally). A noun of "
         "persons ('the two men', 'both women'; title_words person-noun) is the latest two persons named there, "
         "whatever their countries ('Putin and Lavrov flew to Ankara and Damascus. The two men criticised Israel': "
         "the Russians, not TURPPL and SYRPPL as before; Guardian 2018: two British Isis members coded USAPPL and "
         "TURPPL). Not a plain noun of things ('both cars'), nor 'both X and Y', which coordinates two nouns."),
    Rule("actors.the-two-countries-are-states", _ACT,
         "With the bundled dictionaries, 'the two countries', 'both nations', 'the two states' (title_words "
         "country-noun) stand for the two countries of the last two actors named (actors.the-two-are-the-last-two-"
         "named) as states, whoever in them was named: the country's code alone, which a state's act makes its "
         "government (actors.country-acting-as-a-state-is-its-government). 'A phone call between Donald Trump and "
         "Recep Tayyip Erdoğan, highlighting deepening tensions between the two countries' names the US and Turkey, "
         "not Trump's office (USAELI, before) and Erdoğan's government (Guardian 2018); 'Putin met Erdogan in Sochi. "
         "Relations between the two countries have improved' are Russia and Turkey."),
    Rule("actors.the-two-are-no-setting", _ACT,
         "With the bundled dictionaries, the two parties that 'the two'/'both' counts (actors.the-two-are-the-last-"
         "two-named) are no place named as the setting of something: a name of a place (GPE, LOC, FAC) in a phrase "
         "of place (lexicons/place_words.tsv preposition: in, at, near ...) on a verb, on a singular common noun or "
         "on another name is where it happened, not a party, and is passed over. 'Trump did not raise concerns "
         "about escalating violence in Afrin ... the two presidents had simply exchanged views' are Trump (the "
         "White House) and Turkey's president, not Syria's (Guardian 2018: SYRGOV <-> USAGOV before); 'Iran's "
         "policy toward the Americans in Iraq ... both countries were trying to empower Iraq's Shiite majority' are "
         "Iran and the US, not Iraq (iran_crisis 2020: the Iranian party was lost as Iraq, the target's own "
         "country). A plural common noun takes its country from its place and stays ('lawmakers in Iran and "
         "Iraq ... the two countries'). Fires only when it changes the two countries."),
    Rule("actors.the-two-are-not-their-own-subject", _ACT,
         "With the bundled dictionaries, 'the two'/'both' as the object of a verb (directly or through a "
         "preposition) counts no one named in that verb's own subject: a non-reflexive object does not refer to "
         "its clause's subject (that would be 'themselves'). 'Putin met Erdogan in Ankara. Iran praised the two "
         "countries' praises Russia and Turkey, not Iran and Turkey (before: IRN -> TUR only, the pair with itself "
         "dropped); 'Iran accused both countries of ...' likewise. A subject 'the two countries' counts whoever was "
         "named last. Fires only when it changes the two countries."),
    Rule("actors.list-in-apposition-names-the-members", _ACT,
         "A plural common noun with no conjunct of its own whose apposition is a list of names ('the three key "
         "regional powers – Russia, Iran and Turkey – will meet in Sochi', 'both neighbours, India and Pakistan, "
         "accused each other', 'the guarantors, Russia, Turkey and Iran, met in Astana') is no party besides the "
         "names: the list says who the noun's members are. Before, the noun took the first name's code and met "
         "each of the others as a fourth party (Guardian 2017: 'the three key regional powers' RUS meeting Iran, "
         "Turkey and Russia itself). A noun with a single name in apposition ('the foreign secretary, Jeremy "
         "Hunt') is that name (actors.apposition-names-the-actor)."),
    Rule("actors.party-speaks-of-its-own-government", _ACT,
         "With the bundled dictionaries, a government or parliament named without a country ('the government', "
         "'ministers', 'MPs') in a clause whose subject, or the subject of the clause it is said or done in, is "
         "one country's party, opposition or legislators ('Labour leader Jeremy Corbyn accused the government of "
         "waiting for instructions from Donald Trump', 'Tory MPs said ministers had failed', 'the Liberal Democrats "
         "urged the government to press Iran') is that country's own: a party speaks of its own government, "
         "whatever country the article's earlier sentences or the nearest official named belong to (Guardian "
         "2018: 'the government' in a British article on the Syria strikes was coded SYRGOV or RUSGOV)."),
    Rule("actors.newer-someone-is-not-an-older-one", _ACT,
         "A definite singular description ('the official', 'the diplomat') whose latest earlier mention with the same "
         "head noun introduced someone new whom its own words do not place ('a senior Kurdish official', 'another "
         "diplomat', 'one spokesman for the rebels') repeats that newest one: it takes no country from an older "
         "mention of the noun or its role (actors.role-refers-back, actors.definite-body-refers-back), and keeps what "
         "its own words code. Before, 'A US official said ... A senior Kurdish official told reporters ... the "
         "official said' made the Kurdish official American (Guardian 2018: five quotes and an event, after mention "
         "naming became order-independent in session 19)."),
    Rule("actors.role-refers-back", _ACT,
         "With the bundled dictionaries, a definite or bare role without a country ('the prime minister', 'the "
         "ministry') is the nearest actor with the same role named in the four sentences before (not its own, where "
         "an actor beside it is another one: 'Putin met the president'); a government title also takes a person the "
         "dictionaries know only as an elite, and a definite description the latest coded phrase with its head noun "
         "('the US embassy in Baghdad' ... 'the embassy': USAGOV). A spokesperson, whom the agents dictionary "
         "codes as the media, refers back to no news outlet ('Riggs spokesman Mark Hendrix' after 'told Reuters' "
         "is not Reuters')."),
    Rule("actors.title-refers-to-the-one-named-with-it", _ACT,
         "With the bundled dictionaries, a definite title without a country ('the president', 'the prime minister', "
         "'the foreign minister') that actors.role-refers-back resolves is the nearest actor of the same role named "
         "with every word of the title in the four sentences before, over a nearer one named otherwise: 'Iranian "
         "President Hassan Rouhani met Iraqi Prime Minister Adel Abdul Mahdi ... The president condemned' is "
         "Rouhani (IRNGOV), not the prime minister named last (IRQGOV). A definite description repeats the words "
         "its referent was introduced with; with no such actor the nearest of the role is taken as before."),
    Rule("actors.definite-body-refers-back", _ACT,
         "With the bundled dictionaries, a definite singular role with no other modifier ('the court', 'the "
         "commission') repeats the latest coded phrase before it with the same head noun that belongs to an "
         "organisation ('the United Nations' highest court' ... 'the court regrets': IGOUNOJUD), as "
         "actors.role-refers-back does for a country's body ('the US embassy' ... 'the embassy'); it is not the "
         "article's country's court. The head nouns are compared without case, so a name's capitalised head is "
         "one ('the International Court of Justice' ... 'the court': IGOUNOJUDICJ, not the article's country's "
         "KENJUD)."),
    Rule("actors.definite-owner-gives-its-country", _ACT,
         "With the bundled dictionaries, a subject role without a country owned by a definite singular role noun "
         "with nothing else to say whose it is ('the court's president', 'the ministry's spokesman', 'the army's "
         "chief') belongs to whatever that owner refers to, the owner resolved as it is as a mention of its own "
         "(actors.definite-body-refers-back, actors.role-refers-back, else the article's country: 'Pakistan's army "
         "launched an operation ... The army's spokesman accused India': PAKMIL; 'the International Court of "
         "Justice ... The court's president rejected Kenya's request': the court, IGOUNOJUDICJ); the owned office "
         "takes the owner's country, or an international body's code (its organ speaks for it). Before, the "
         "possessor's determiner kept the phrase from referring back at all and the act went without a source "
         "(VOA tuning half A). Not for any other owner: a name, a pronoun, an indefinite ('a court's') or "
         "modified one ('the Iranian ministry's'), which other rules code or none does."),
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
    Rule("actors.the-country-as-object-is-the-actor-named-last", _ACT,
         "With the bundled dictionaries, a definite 'the country' or 'the nation' with nothing else to say which, as "
         "the object of a verb or of a preposition of a party acted on (against, on, with, toward), refers to the "
         "country of the actor named last before it, in its sentence or the two before: a name coded with a "
         "country as a subject or an object, or as the owner or modifier of one ('Iran's foreign minister'), not a "
         "place where something happens ('in Syria'), and not the country of the subject of the nearest clause "
         "above it, which does not act on itself ('Israel struck targets near Damascus on Sunday. Russia "
         "criticised the country': ISR, not RUS; 'EU commissioner Neven Mimica pledged a support package for the "
         "Gambia. Boris Johnson became the first British foreign secretary to visit the country': GMB, not "
         "GBR). The dictionaries code the phrase as no one, so the act had no target; the article's dateline or "
         "its country is no answer (the country acted on is often another). Not when the "
         "nearest such name is coordinated with another of a different country ('Iran and Iraq': two equally "
         "close), nor as the object of a preposition of place ('in the country', 'into the country')."),
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
    Rule("actors.stateless-people-take-a-homeland", _ACT,
         "With the bundled dictionaries, a role without a country that the word of a people without a state "
         "modifies ('Kurdish forces', 'Kurdish militias', 'Kurdish officials'; data/actors/homelands.tsv) is of "
         "one of the countries that people lives in (Iraq, Syria, Turkey, Iran), never of another country the "
         "article is about: the article's country when it is one of them, else the one of them its earlier "
         "sentences name, else no country (none named, or several: a story of Turkey's war on Kurdish militias in "
         "Syria names both, and its counts of names would make them Turkish). 'Kurdish forces' took the article's "
         "country, a state the Kurds have none of: GBRMIL for 'After leaving Raqqa, he was captured by Kurdish "
         "forces' in a story about a Briton in Syria (Guardian), USAMIL for the forces the US backs. Nor does a "
         "singular role refer back to an actor named before it outside those countries (actors.role-refers-back)."),
    Rule("actors.role-takes-the-article-country", _ACT,
         "With the bundled dictionaries, a definite or bare role without a country and no such actor just before "
         "('the administration', 'police', 'the military') belongs to the country the article's earlier sentences "
         "name most, the latest on a tie; in the first sentence with names, a subject takes the first country named "
         "before it. A news outlet's name (a MED role: 'told the BBC', 'Reuters reported') is not counted: the "
         "channel of the news is no party to it, and a US story told to the BBC is no British one."),
    Rule("actors.no-article-country-among-equals", _ACT,
         "With the bundled dictionaries, a role without a country that would take the article's country "
         "(actors.role-takes-the-article-country) keeps none when three or more countries tie as the one the "
         "article's earlier sentences name most: the latest of them is the article's country by the order of "
         "mention only ('Hundreds of migrants from Syria, Iraq and Afghanistan reached the island. Police "
         "arrested the smugglers': not AFGCOP). Two that tie are a story's two parties and the latest is kept. "
         "Readable news (refer21): 13 of 17 such firings gave a wrong country ('Swedish trades union official' "
         "after Sweden's partners were each named once: SAFGOV; 'people' in a survey of four countries: NLDCVL)."),
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
         "(docs/events-gold.md, section 2): the one country named as a place in the trigger's clause, else where "
         "its sentence sets it (actors.unidentified-party-takes-the-place-its-sentence-names), else the "
         "other party's country when that is the country the article is about there: 'Nigerian soldiers killed 12 "
         "gunmen near Maiduguri' (NGAMIL -> NGAUAF); 'Kenyan police arrested dozens of protesters' in a story on "
         "Kenya (KENCOP -> KENOPP). Not institutions (an army, police, a parliament: 'the army shelled positions "
         "near Aleppo' need not be Syria's), nor a party with a foreign modifier ('the international community'), "
         "nor one with the other party's own role; a party facing an actor of another country than the story's "
         "keeps none."),
    Rule("actors.unidentified-party-takes-the-place-its-sentence-names", _ACT,
         "With the bundled dictionaries, a party named by a role without a country (the roles of actors."
         "unidentified-party-takes-the-country-where-it-acts: 'militias', 'civilians', 'people') facing an actor "
         "of a country, whose trigger's clause names no place, takes the country where its sentence sets it before "
         "the other party's: the place phrase of its own noun, a town by its country in the gazetteer, or the "
         "clause the trigger's belongs to (a participle clause without a subject of its own where its verb's "
         "places are, a relative clause opened by 'where' at the place it describes), as actors.place-named-over-"
         "the-article-country asks them: 'in Iraq, where the Quds Force helped Shiite militias kill American "
         "soldiers' in a story on Iran (IRQREBMUS, not IRN: the helper's country says nothing of where the "
         "militias are), 'Iranian agents bombed a hotel in Baghdad, wounding twelve guests' (IRQCVL). The "
         "sentence's own word on where people are comes before the article's default (docs/events-gold.md, "
         "section 2). A place inside the other party's phrase counts only in an act of force (CAMEO 17-20). Not "
         "when no place or places in several countries are named there."),
    Rule("actors.rank-before-a-title-has-its-role", _ACT,
         "With the bundled dictionaries, 'deputy' (lexicons/title_words.tsv, rank-word) followed by another role "
         "of its phrase is the holder's rank under that title, not the police role the Phoenix agents give 'deputy' "
         "alone (a sheriff's deputy): 'Bank of England deputy governor Rachel Lomax' is GBRGOV, not GBRCOPGOV; "
         "'Deputy Health Minister Rhona Brankin', 'Iraq's deputy speaker of parliament' (IRQLEG), 'Deputy Mayor "
         "Nicky Gavron', 'the Board of Deputies of British Jews criticised the mayor' (GBRJEW, no police). "
         "'Deputies arrested the suspect in Ohio' and 'sheriff's deputies' keep COP: no role follows."),
    Rule("actors.acted-on-by-another-country-is-not-the-article-country", _ACT,
         "With the bundled dictionaries, a party acted on that is named by a role of people without a country of "
         "its own ('civilians', 'rebels', 'protesters', 'gunmen': the roles of actors.unidentified-party-takes-the-"
         "country-where-it-acts) and took the country the article is about there (actors.role-takes-the-article-"
         "country) loses it when the doer of the act is another country's civil authority (a government, police, "
         "courts: GOV, COP, JUD, not armed forces or spies): such a body acts on people at home, so the sentence "
         "tells of another country's affairs and the article's country is no default there ('Assad's soldiers "
         "butchered civilians' in a story on Iran: not IRNCVL; 'Assad agreed to release two thousand captured "
         "rebels': not IRNREB; 'American diplomats sent warnings to United States citizens': not IRNCVL). Where "
         "the act was done decides then (actors.unidentified-party-takes-the-country-where-it-acts: 'Syrian "
         "police arrested protesters in Damascus': SYROPP), else no country: the doer's own is no safe guess (its "
         "citizens may be abroad, docs/events-gold.md section 2). Not when the doer is an armed force, spies or a "
         "country by its name, which act abroad too "
         "('Turkey promised to remove the militants' and 'a Pentagon spokesman warned the advancing militiamen' "
         "in stories on Syria tell of Syria's), not a phrase that names or owns its country ('Iranian "
         "protesters'), not a pronoun or a name, not a role that refers back to an actor named before, not "
         "institutions acted on (a government, an army, police), and not when the doer is of the article's "
         "country ('The police crushed the demonstrators')."),
    Rule("actors.place-named-over-the-article-country", _ACT,
         "With the bundled dictionaries, a party named by a role of people without a country of its own "
         "('civilians', 'militants', 'protesters', 'militiamen': the roles of actors.unidentified-party-takes-the-"
         "country-where-it-acts) that took the country the article is about there (actors.role-takes-the-article-"
         "country) takes instead the country of the place its sentence says it acts in, when that is another one: "
         "the place phrase of its own noun ('civilians in Idlib'), else the one country of the places named in the "
         "trigger's clause, else, when these are in several countries, the trigger's own locative adjunct; a town "
         "the dictionaries do not code counts by its country in the gazetteer. The sentence's own word on where "
         "people are comes before the article's default (docs/events-gold.md, section 2: unidentified parties are "
         "coded where they act): 'militants bombed three residential compounds in Riyadh' in a story on Iran "
         "(SAUREB, not IRNREB), 'the Quds Force helped militiamen defeat Islamic State in Iraq' (IRQUAF), "
         "'Syrian troops shelled civilians near Idlib' (SYRCVL), 'militants stormed the embassy in Baghdad' "
         "(IRQREB). A place inside the other party's phrase is where that party is, and counts for this one only "
         "in an act of coercion or force (CAMEO 17-20), which brings both together: 'attackers collaborated with "
         "partners in Afghanistan' in a story on Pakistan keeps PAK. A clause that names no place is set where the "
         "clause it belongs to is: a participle clause without its own subject where its verb's places are "
         "('militants bombed a hotel in Baghdad, wounding twelve people': IRQCVL), a relative clause opened by "
         "'where' at the place it describes ('in Iraq, where militants killed civilians'). Not when no place is "
         "named ('Israeli soldiers "
         "killed civilians' keeps the article's country: the doer's country says nothing of where the people are), "
         "nor a phrase that names its country ('Iranian protesters'), a pronoun or a name, nor a role that refers "
         "back to an actor named before with its country, nor institutions (an army, police, a government)."),
    Rule("actors.unidentified-parties-take-the-country-where-they-act", _ACT,
         "With the bundled dictionaries, two parties of an event both named by roles without a country (the roles "
         "of actors.unidentified-party-takes-the-country-where-it-acts: 'gunmen', 'bandits', 'villagers', "
         "'schoolgirls', 'passengers') take the one country named as a place in the trigger's clause, where the "
         "act was done and so where both were (docs/events-gold.md, section 2): 'Gunmen kidnapped 30 villagers in "
         "Nigeria' (NGAUAF -> NGACVL), 'Bandits abducted dozens of schoolchildren in Kaduna state, Nigeria'. That "
         "rule places a party by the other's country, and here neither has one. Not a party put outside ('foreign "
         "journalists'), not institutions (an army, police), not when the clause names no place or places in "
         "several countries."),
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
)
