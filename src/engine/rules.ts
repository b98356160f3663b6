/**
 * Every ranking and abstention rule of the engine, by name, with the reason it is right for language
 * (not which question it fixes). Each can be switched off through `EngineOptions.disabledRules`, which
 * is how `npm run eval -- --ablation` counts what a rule changes on every question set. A rule that
 * changes one or two questions is a candidate for deletion, not for tuning.
 *
 * To add a rule: append an entry here, then guard its code with `rules.on('its-name')`.
 */

export interface Rule {
  readonly name: string;
  /** ranking: orders passages; abstention: decides to refuse; query: how a question is read. */
  readonly kind: 'ranking' | 'abstention' | 'query';
  readonly why: string;
}

export const RULES = [
  {
    name: 'min-coverage',
    kind: 'abstention',
    why: 'A passage that covers too little of what the question weighs is about something else; quoting it would mislead.',
  },
  {
    name: 'absent-name',
    kind: 'abstention',
    why: 'A name (Germany, Reuters, TSMC) the corpus never mentions means the question is about a thing the article does not cover; so, weakly, does a place the corpus names only as the start of a longer name the question does not use (Sydney, in "Sydney Morning Herald", asked about the weather).',
  },
  {
    name: 'absent-thing',
    kind: 'abstention',
    why: 'When the head noun the question asks about (the population, the weather) is nowhere in the corpus, with no synonym or kind of it, nothing in it answers.',
  },
  {
    name: 'quote-demand',
    kind: 'ranking',
    why: 'Words the asker put in quotes are a demand: passages containing them verbatim come first.',
  },
  {
    name: 'context-field',
    kind: 'ranking',
    why: 'A passage continues the previous one and sits under its heading: words found there are weaker evidence, but evidence.',
  },
  {
    name: 'anaphora',
    kind: 'ranking',
    why: 'A passage that opens by pointing back ("That\'s not a surprise", "He said…", "doesn\'t touch on this at all") is about what the passage before it named: those words are stronger evidence for it than the previous passage is for one that starts afresh.',
  },
  {
    name: 'advice-wanted',
    kind: 'ranking',
    why: 'A question asking what someone should or could do ("what should Huawei do", "how could it convince the US") wants a recommendation: a passage written as one (should, must, "if it wants to…", "the most powerful thing it can do") answers it better than one reporting what was done with the same words.',
  },
  {
    name: 'best-sentence',
    kind: 'ranking',
    why: 'An answer is usually one sentence: a passage whose single sentence covers the question beats one that scatters its words.',
  },
  {
    name: 'specificity',
    kind: 'ranking',
    why: 'Everyday words (go, good, thing) are in every text; their weight falls with their everyday frequency so they neither make nor break a match.',
  },
  {
    name: 'absent-modifier',
    kind: 'query',
    why: 'An adjective narrows the noun after it ("mobile network", "western alternatives"): when the article lacks the adjective, a passage about the noun still answers much of the question, so the missing adjective weighs half against it.',
  },
  {
    name: 'derivations',
    kind: 'query',
    why: 'Words of one family (compete/competition, invest/investor) usually mean the same thing in a question, and a negated form (unconditional) asks about its base (conditional).',
  },
  {
    name: 'inflections-only',
    kind: 'query',
    why: 'The stemmer folds a word family into one term (nations, national); a reader does not: the question word is met fully only by its own forms (nation, nations), and by another word of its family (national) as a derivation, leaving room for its synonyms (countries).',
  },
  {
    name: 'thesaurus',
    kind: 'query',
    why: 'Askers paraphrase: a synonym or derived form of a word the article lacks may stand for it, at low weight and low coverage.',
  },
  {
    name: 'broader-words',
    kind: 'query',
    why: 'A question is often more specific than the text that answers it (citizens for nationals, pledges for promises, statute for law): the broader word of the same sense, unless it is an everyday word that fits anything, stands for the question word like a synonym.',
  },
  {
    name: 'multiword-lemmas',
    kind: 'query',
    why: 'The dictionary lists some word pairs as one word with its own meaning: a verb with its particle (turned down = reject, patch things up = repair, clamp down = restrict) and a noun compound (top brass, olive branch). Their synonyms are what the pair means; the words read one by one (turn, patch, top, brass) mean something else.',
  },
  {
    name: 'confirmed-synonyms',
    kind: 'query',
    why: 'A thesaurus synonym is weak alone (words have many senses), and so is a vector neighbour (related words sit as close as synonyms); when both say an article word stands for the question word (nations/countries, troubles/problems, admit/acknowledge), it is nearly as good as a form of the word.',
  },
  {
    name: 'embedding-neighbours',
    kind: 'query',
    why: 'Askers paraphrase with words WordNet does not list together (assurances/pledges, plant/factory): an article word whose vector is close to an absent common word may stand for it, at synonym weight and coverage, never for a name.',
  },
  {
    name: 'chat-shorthand',
    kind: 'query',
    why: 'People type everyday words in shorthand (yrs, co, nat, gov, ex): a shorthand the article does not use means its word, read like the word itself, so "a us co" is not an unknown name.',
  },
  {
    name: 'idioms',
    kind: 'query',
    why: 'Some phrases mean something their words do not ("strings attached" are conditions): the question is read with the phrase written as what it means.',
  },
  {
    name: 'typo-correction',
    kind: 'query',
    why: 'A misspelt word means its nearest spelling in the article or in English, and a written abbreviation (natl, govt) the one article word it shortens; a correct English word is not a typo of another.',
  },
  {
    name: 'aliases',
    kind: 'query',
    why: 'The data folder names one thing several ways (the US, America, Washington); any of them matches.',
  },
  {
    name: 'organisation-description',
    kind: 'query',
    why: 'A definite description of an organisation by its kind ("the Chinese vendor", "the Shenzhen firm", "the company") refers to one the reader knows; its kind noun says who is meant, not what is asked, so it weighs like the description\'s other words and is no evidence against the question.',
  },
  {
    name: 'opinion-frame',
    kind: 'query',
    why: 'In "what does the author think…", "do you reckon…" the verb of opinion says whose view is asked, not what the answer says: it is read as a pointer to the writer, like "the author", not as a word a passage must share.',
  },
  {
    name: 'name-initials',
    kind: 'query',
    why: 'Askers shorten a long name they have read to its initials (SMH, NIL): written in capitals, initials that spell exactly one name of three words or more in the passages mean that name, not an unknown one.',
  },
  {
    name: 'surnames',
    kind: 'query',
    why: 'A person the alias table names in full ("board member" = Vincent Peng) is met by the last word of the name alone: after the first mention an article writes "Peng".',
  },
  {
    name: 'regions',
    kind: 'query',
    why: 'A region ("Asian neighbours", "a Southeast Asian country") is met, at less than a synonym\'s weight, by the countries the data folder lists in it, so a region the article never names is not an absent name when the article names its countries.',
  },
  {
    name: 'acronym-case',
    kind: 'query',
    why: 'An acronym (US, UK) is met by its own letters in any case (uk), never by a lower-case word that only stems to them (use, uses → us).',
  },
  {
    name: 'chat-message',
    kind: 'query',
    why: 'Greetings, thanks, sign-offs, links, mention tags and code are not evidence about what is asked, and a long message is answered from its question sentence: every extra word dilutes how much of the question a passage can cover. A chat spelling of the opening question word ("wen", "y") is that word.',
  },
  {
    name: 'article-metadata',
    kind: 'abstention',
    why: 'Who published or wrote the article, its title, date and link are not in its passages: they are answered from what the article file records, and what it does not record is said plainly instead of quoting a passage.',
  },
  {
    name: 'figure-needs-number',
    kind: 'abstention',
    why: 'A question asking how many, how much, what share or what price is answered only by a passage that gives a figure, and "how many X" by a count of X ("thousands of words" does not count countries); a passage on the subject without one does not answer it.',
  },
  {
    name: 'when-needs-time',
    kind: 'abstention',
    why: 'A "when" question is answered only by a passage that says when, in a sentence about what is asked ("the reason for their ban in 2018" dates the ban, not the law it cites), and "what year" only by a calendar time; a passage on the subject that gives no such time does not answer it, so the question is refused rather than answered with the subject alone.',
  },
  {
    name: 'which-needs-name',
    kind: 'abstention',
    why: 'A question asking which newspaper, company, country or person, or where, is answered by a name (or, for "where", a place phrase such as "in the harbour"): a passage on the subject that names nothing the question does not already name ("a US firm") does not say which, so the question is refused rather than answered with the subject alone.',
  },
  {
    name: 'answer-type-named',
    kind: 'ranking',
    why: 'In "which countries are about to approve Huawei?" the noun after which names the kind of answer: a passage naming countries (Malaysia and Italy) covers it with its names, though it never says "countries".',
  },
  {
    name: 'speaker-needs-speech',
    kind: 'abstention',
    why: 'A question asking what someone said or how they responded ("how did the US respond to the op-ed") is answered only by a passage in which that speaker is the subject of a verb of saying; a passage on the subject in which someone else speaks does not say what this speaker said, so the question is refused rather than answered with the subject alone.',
  },
  {
    name: 'how-to-needs-instructions',
    kind: 'abstention',
    why: 'A question asking how the asker can do something ("how do I reset my router") wants instructions; a passage that reports events and never addresses its reader does not give them, however many of the words it shares.',
  },
  {
    name: 'about-topic',
    kind: 'abstention',
    why: 'What follows "about", "regarding" or "concerning" is what the question says it is about ("what did Peng say about revenue"): an absent specific noun there is evidence against the question like one the question opens with, and a passage that does not speak of it (Reuters on Italy, asked what Reuters said about Malaysia) does not answer it.',
  },
  {
    name: 'source-names',
    kind: 'abstention',
    why: 'A question naming the publication the article comes from ("the Light Reading piece", "that LR article") or its writer ("what does the author think") points at the article; the passages never name it, and it is no evidence that the question is about something else.',
  },
  {
    name: 'absent-compound',
    kind: 'abstention',
    why: 'A compound noun the dictionary lists ("prime minister", "stock exchange") names one thing; when no passage has its words together, the words matched apart ("prime supplier", "deputy minister") are not the thing asked about, and the question is refused.',
  },
  {
    name: 'questions-apart',
    kind: 'abstention',
    why: 'A long message may ask two things ("you posted it earlier right? anyway, what conditions did Italy attach?"): read together they dilute each other, so when together they are refused, each is tried on its own and the one the article answers is answered. So is a question read with the sentences before it (they may only dilute it) or, when thin ("What is the actual quote?"), with the sentence it points back to.',
  },
] as const satisfies readonly Rule[];

export type RuleName = (typeof RULES)[number]['name'];

/** Which rules are on for one engine. */
export interface RuleSwitches {
  on(name: RuleName): boolean;
}

export const ALL_RULES_ON: RuleSwitches = { on: () => true };

export function ruleSwitches(disabled: ReadonlySet<RuleName> | undefined): RuleSwitches {
  if (disabled === undefined || disabled.size === 0) return ALL_RULES_ON;
  const off = new Set(disabled);
  return { on: (name) => !off.has(name) };
}
