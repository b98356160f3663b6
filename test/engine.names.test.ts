import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.js';
import type { EngineOptions, SearchResult } from '../src/engine/index.js';
import { prepareLexicon } from '../src/engine/lexicon-info.js';
import { nameKindAsked } from '../src/engine/names.js';
import { NO_SUCH_NAME, NO_SUCH_PLACE } from '../src/engine/strings.js';
import { loadLexicon } from '../src/lexicon.js';
import { loadWordNet } from '../src/wordnet.js';
import { askerOf, topCoverage, topParagraph } from './support/ask.js';
import { memoryCorpus } from './support/memory-corpus.js';

const lexicon = loadLexicon();
const info = prepareLexicon(lexicon);

describe('nameKindAsked: questions whose answer is a name', () => {
  it.each([
    ['Which newspaper published the interview?', ['organization']],
    ['Which US company would buy the licence?', ['organization']],
    ['which other Italian companies got approval', ['organization']],
    ['What law firm did the council hire?', ['organization']],
    ['Which minister signed the order?', ['person']],
    ['Which US state would the factory be built in?', ['location']],
    // A preposition may lead: "in which newspaper", "from which agency".
    ['In which newspaper did the interview appear?', ['organization']],
    ['in which US state would the factory be built?', ['location']],
  ] as const)('%s → %j', (question, kinds) => {
    expect(nameKindAsked(question, info)?.kinds).toEqual(expect.arrayContaining([...kinds]));
  });

  it('says when the name is asked for as a possessor ("which company\'s gear")', () => {
    expect(nameKindAsked("Which company's gear did Italy approve?", info)?.possessor).toBe(true);
    expect(nameKindAsked('Which company did Italy approve?', info)?.possessor).toBe(false);
  });

  it.each([
    // The verb or auxiliary comes first: the question asks what someone did, not for a name.
    'What did the minister say?',
    'What happens if nobody in the city clarifies the law?',
    'what stops the battery from degrading',
    // A description, a function or a thing, not a name.
    'What kind of nations back the plan?',
    'What part does price play?',
    'What law requires it?',
    'What limits come with the approval?',
    // The alternatives are named in the question.
    'Which country was the bigger surprise, Malaysia or Italy?',
    'Who reported the decision?',
    'Why did the council hire a law firm?',
    // "Where … from" asks for a cause, "where does X stand" for a position.
    'Where does the money for the restoration come from?',
    'Where does the council stand on the pier?',
  ])('%s → none', (question) => {
    expect(nameKindAsked(question, info)).toBeUndefined();
  });

  it('needs a dictionary: without one no question asks for a name', () => {
    expect(nameKindAsked('Which newspaper published the interview?', undefined)).toBeUndefined();
  });
});

describe('WordNet: what kind of named thing a word is', () => {
  const wordnet = loadWordNet();

  it('reads a common noun from its commonest senses', () => {
    expect(wordnet.kindsOf?.('newspaper')).toEqual(['organization']);
    expect(wordnet.kindsOf?.('minister')).toEqual(['person']);
    expect(wordnet.kindsOf?.('city')).toEqual(['location']);
    expect(wordnet.kindsOf?.('law')).toEqual([]);
    // "Rome" is a name, not a kind of anything.
    expect(wordnet.kindsOf?.('rome')).toEqual([]);
  });

  it('reads a plural as its singular when its own lemma is never attested ("strings": not an orchestra section)', () => {
    expect(wordnet.kindsOf?.('strings')).toEqual([]);
    expect(wordnet.kindsOf?.('newspapers')).toEqual(['organization']);
    expect(wordnet.kindsOf?.('ministers')).toEqual(['person']);
  });

  it('reads a name from its senses, and knows nothing of a name it does not list', () => {
    expect(wordnet.nameKinds?.('beijing')).toEqual(['location']);
    expect(wordnet.nameKinds?.('us')).toEqual(['location']);
    expect(wordnet.nameKinds?.('huawei')).toBeUndefined();
    expect(wordnet.nameKinds?.('objection')).toBeUndefined();
  });
});

describe('"which newspaper" questions (rule which-needs-name)', () => {
  /** A passage that names the paper, one on the subject that names none, one naming only a place. */
  const library = memoryCorpus([
    'The mayor told the Coast Gazette that the ferry terminal would open next spring.',
    'The ferry operator plans to license its booking software to a local firm.',
    'The ferry operator also runs crossings to Japan and sells its booking software there.',
    'Residents opposed the terminal because of traffic on the coast road.',
  ]);
  const ask = askerOf(library, lexicon);
  const off: EngineOptions = { disabledRules: new Set(['which-needs-name'] as const) };
  const top = topParagraph;

  it('are answered by a passage that names one', () => {
    expect(top(ask('Which newspaper did the mayor talk to?'))).toBe(1);
  });

  it('are refused, saying so, when the passage on the subject names nothing new', () => {
    const question = 'Which company will the ferry operator license its booking software to?';
    expect(ask(question)).toMatchObject({ kind: 'no-match', reason: NO_SUCH_NAME });
    // A place is not a company: Japan in the third passage does not answer it either.
    expect(top(ask(question, off))).toBe(2);
  });

  it('do not take a name that only describes something else (a possessive, "a Harbour Line boat") for the answer', () => {
    const papers = memoryCorpus([
      "A Harbour Line board member wrote an opinion piece on Harbour Line's new timetable.",
      'The mayor said the new timetable was a mistake.',
    ]);
    const search = (question: string, options: EngineOptions = {}): SearchResult =>
      createEngine(papers, { lexicon, ...options }).search(question);
    expect(search('Which newspaper published the board member’s opinion piece?')).toMatchObject({
      kind: 'no-match',
      reason: NO_SUCH_NAME,
    });
    // Asked for a possessor, the possessive is the answer.
    expect(top(search("Which company's timetable did the board member write about?"))).toBe(1);
  });

  it('read "where" as asking for a place: a place named or a place phrase about something else', () => {
    expect(nameKindAsked('Where would the new factory be built?', info)).toMatchObject({ place: true });
    const places = memoryCorpus([
      'The ferry operator will build a new depot in the harbour.',
      'The ferry operator also promised a new booking office.',
    ]);
    const search = (question: string): SearchResult => createEngine(places, { lexicon }).search(question);
    expect(top(search('Where will the ferry operator build the depot?'))).toBe(1);
    expect(search('Where will the booking office be?')).toMatchObject({
      kind: 'no-match',
      reason: NO_SUCH_PLACE,
    });
  });

  it('do not take another word of a name the question uses ("Ellen" of "Ward\'s interview") for the answer', () => {
    const interviews = memoryCorpus([
      'A harbour board member, Ellen Ward, gave an interview last week.',
      'The mayor spoke to the Coast Gazette about the pier.',
    ]);
    const search = (question: string): SearchResult => createEngine(interviews, { lexicon }).search(question);
    expect(search("Which newspaper published Ward's interview?")).toMatchObject({
      kind: 'no-match',
      reason: NO_SUCH_NAME,
    });
  });

  it('take a lower-case "us" in the question for the US the passage names ("huawei\'s us factory")', () => {
    const factories = memoryCorpus([
      'The ferry operator promised to open a new factory in the US.',
      'Fishermen fear the terminal will take over their moorings.',
    ]);
    const result = createEngine(factories, { lexicon }).search("where would the operator's us factory be?");
    expect(result).toMatchObject({ kind: 'no-match', reason: NO_SUCH_PLACE });
  });

  it('leave questions that ask for no name alone', () => {
    expect(top(ask('Why did residents oppose the terminal?'))).toBe(4);
    expect(top(ask('What will the ferry operator license?'))).toBe(
      top(ask('What will the ferry operator license?', off)),
    );
  });
});

describe('a place the corpus names only inside a longer name', () => {
  const texts = [
    'The mayor told the Sydney Morning Herald that the new pier would open in May.',
    'Fishermen said the pier blocks their moorings.',
  ];
  const ask = (question: string, options: EngineOptions = {}): SearchResult =>
    createEngine(memoryCorpus(texts), { lexicon, ...options }).search(question);

  it('is weak evidence for a question about the place itself', () => {
    const question = 'weather in Sydney this weekend?';
    expect(ask(question).kind).toBe('no-match');
    const weak = topCoverage(ask(question, { minCoverage: 0 }));
    const full = topCoverage(ask(question, { minCoverage: 0, disabledRules: new Set(['absent-name']) }));
    expect(weak).toBeLessThan(full / 2);
  });

  it('still matches in full when the question names the longer name', () => {
    const result = ask('What did the mayor tell the Sydney Morning Herald?');
    expect(result.kind === 'answer' ? result.results[0]?.passage.paragraph : undefined).toBe(1);
  });
});
