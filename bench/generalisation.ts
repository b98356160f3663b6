/**
 * `npx tsx bench/generalisation.ts`: does the engine generalise beyond the one article it was tuned on?
 *
 * test/fixtures/generalisation/ holds three self-written articles far from telecom (a bus line, a drought,
 * a battery), each with a questions.json written blind, before any search was run (see its git history).
 * For each folder this builds our engine (with the word-frequency lexicon, and no aliases: the fixture
 * folders carry none, so nothing article-specific helps) and MiniSearch as a yardstick, and prints:
 *   - per article and in total: our hit@1 / hit@3 / false refusals / out-of-scope refused, against
 *     MiniSearch hit@1 / hit@3 (MiniSearch never abstains, so it has no refusal columns);
 *   - hit@1 by question kind, summed over the articles;
 *   - cross-article refusals: each article's answerable questions asked of every OTHER article's corpus,
 *     where the right answer is always a refusal;
 *   - every miss of ours, with what ranked first, so a regression can be read without re-running by hand.
 *
 * Options: --root DIR (default test/fixtures/generalisation)
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import MiniSearch from 'minisearch';

import type { Corpus, Passage } from '../src/corpus/types.js';
import type { Engine } from '../src/engine/index.js';
import {
  asOutOfScope,
  evaluate,
  parseQuestions,
  type EvalQuestion,
  type EvalReport,
  type Miss,
} from '../src/eval/evaluate.js';
import { loadLibrary } from '../src/library.js';

const QUESTIONS_FILE = 'questions.json';
/** Results MiniSearch is asked for: hit@3 needs three. */
const MINISEARCH_DEPTH = 3;
/** Characters of the top passage shown beside a miss: enough to recognise the paragraph. */
const SNIPPET_CHARS = 70;

const { values: args } = parseArgs({
  options: { root: { type: 'string', default: 'test/fixtures/generalisation' } },
});

interface ArticleSet {
  readonly name: string;
  readonly corpus: Corpus;
  readonly questions: readonly EvalQuestion[];
  readonly engine: Engine;
  readonly ours: EvalReport;
  readonly minisearch: MiniSearchReport;
}

interface MiniSearchReport {
  readonly answerable: number;
  readonly hit1: number;
  readonly hit3: number;
  readonly hit1ByKind: Readonly<Record<string, number>>;
}

/** MiniSearch as configured in the brief: BM25 over the passage text, fuzzy 0.2, prefix, no field boosts. */
function evaluateMiniSearch(corpus: Corpus, questions: readonly EvalQuestion[]): MiniSearchReport {
  const passages = corpus.articles.flatMap((article) => article.passages);
  const byId = new Map(passages.map((passage) => [passage.id, passage]));
  const index = new MiniSearch<Passage>({
    fields: ['text'],
    idField: 'id',
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  index.addAll(passages);
  let answerable = 0;
  let hit1 = 0;
  let hit3 = 0;
  const hit1ByKind: Record<string, number> = {};
  for (const question of questions) {
    if (question.expect.length === 0) continue;
    answerable += 1;
    const top = index.search(question.q).slice(0, MINISEARCH_DEPTH);
    const rank = top.findIndex((result) => {
      const text = byId.get(String(result.id))?.text ?? '';
      return question.expect.some((expected) => text.includes(expected));
    });
    if (rank === 0) {
      hit1 += 1;
      hit1ByKind[question.kind] = (hit1ByKind[question.kind] ?? 0) + 1;
    }
    if (rank >= 0) hit3 += 1;
  }
  return { answerable, hit1, hit3, hit1ByKind };
}

async function loadSet(dir: string, name: string): Promise<ArticleSet> {
  const { corpus, engine } = await loadLibrary(dir);
  const file = path.join(dir, QUESTIONS_FILE);
  const questions = parseQuestions(JSON.parse(await readFile(file, 'utf8')) as unknown, file);
  return {
    name,
    corpus,
    questions,
    engine,
    ours: evaluate(engine, questions),
    minisearch: evaluateMiniSearch(corpus, questions),
  };
}

function ratio(part: number, whole: number): string {
  return whole > 0 ? `${part}/${whole} (${Math.round((100 * part) / whole)}%)` : '–';
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format)].join('\n');
}

function summaryRow(
  name: string,
  totals: {
    answerable: number;
    hit1: number;
    hit3: number;
    falseRefusals: number;
    outOfScope: number;
    outOfScopeRefused: number;
    msHit1: number;
    msHit3: number;
  },
): string[] {
  return [
    name,
    ratio(totals.hit1, totals.answerable),
    ratio(totals.hit3, totals.answerable),
    String(totals.falseRefusals),
    `${totals.outOfScopeRefused}/${totals.outOfScope}`,
    ratio(totals.msHit1, totals.answerable),
    ratio(totals.msHit3, totals.answerable),
  ];
}

function describeTop(set: ArticleSet, passageId: string): string {
  const passage = set.corpus.articles.flatMap((a) => a.passages).find((p) => p.id === passageId);
  if (passage === undefined) return passageId;
  const where = passage.kind === 'caption' ? `caption after ¶${passage.paragraph}` : `¶${passage.paragraph}`;
  const text =
    passage.text.length > SNIPPET_CHARS ? `${passage.text.slice(0, SNIPPET_CHARS)}…` : passage.text;
  return `${where} “${text}”`;
}

function describeMiss(set: ArticleSet, miss: Miss): string {
  const label = `[${miss.question.kind}] ${miss.question.q}`;
  switch (miss.kind) {
    case 'refused':
      return `  REFUSED            ${label}`;
    case 'wrong':
      return `  rank ${String(miss.rank ?? '>5').padEnd(14)}${label}\n      top: ${describeTop(set, miss.top)}`;
    case 'answered-out-of-scope':
      return `  ANSWERED OUT      ${label}\n      top: ${describeTop(set, miss.top)}`;
  }
}

async function main(): Promise<void> {
  const root = args.root;
  const entries = await readdir(root, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) {
    console.error(`generalisation: ${root} holds no article folders`);
    process.exit(2);
  }
  const sets = await Promise.all(names.map((name) => loadSet(path.join(root, name), name)));

  const rows: string[][] = [];
  const total = {
    answerable: 0,
    hit1: 0,
    hit3: 0,
    falseRefusals: 0,
    outOfScope: 0,
    outOfScopeRefused: 0,
    msHit1: 0,
    msHit3: 0,
  };
  for (const set of sets) {
    const row = {
      answerable: set.ours.answerable,
      hit1: set.ours.hit1,
      hit3: set.ours.hit3,
      falseRefusals: set.ours.falseRefusals,
      outOfScope: set.ours.outOfScope,
      outOfScopeRefused: set.ours.outOfScopeRefused,
      msHit1: set.minisearch.hit1,
      msHit3: set.minisearch.hit3,
    };
    rows.push(summaryRow(set.name, row));
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += row[key];
  }
  rows.push(summaryRow('total', total));
  console.log(
    table(
      [
        'article',
        'ours hit@1',
        'ours hit@3',
        'false refusals',
        'out refused',
        'MiniSearch hit@1',
        'MiniSearch hit@3',
      ],
      rows,
    ),
  );

  const kinds = [...new Set(sets.flatMap((set) => set.questions.map((q) => q.kind)))].filter(
    (kind) => kind !== 'out',
  );
  console.log('\nhit@1 by kind (all articles)');
  console.log(
    table(
      ['kind', 'ours', 'MiniSearch'],
      kinds.map((kind) => {
        const count = sets.reduce((n, set) => n + set.questions.filter((q) => q.kind === kind).length, 0);
        const ours = sets.reduce((n, set) => n + (set.ours.byKind[kind]?.hit1 ?? 0), 0);
        const theirs = sets.reduce((n, set) => n + (set.minisearch.hit1ByKind[kind] ?? 0), 0);
        return [kind, ratio(ours, count), ratio(theirs, count)];
      }),
    ),
  );

  console.log("\ncross-article refusals (rows: whose questions; columns: which article's corpus answers)");
  const crossRows = sets.map((asker) => [
    asker.name,
    ...sets.map((answerer) => {
      if (answerer === asker) return '–';
      const report = evaluate(answerer.engine, asOutOfScope(asker.questions));
      return `${report.outOfScopeRefused}/${report.outOfScope} refused`;
    }),
  ]);
  console.log(table(['questions of \\ corpus', ...names], crossRows));
  const leaks = sets.flatMap((asker) =>
    sets
      .filter((answerer) => answerer !== asker)
      .flatMap((answerer) =>
        evaluate(answerer.engine, asOutOfScope(asker.questions)).misses.map(
          (miss) => `  ${asker.name} → ${answerer.name}: ${describeMiss(answerer, miss).trimStart()}`,
        ),
      ),
  );
  if (leaks.length > 0) console.log(`answered by another article's corpus:\n${leaks.join('\n')}`);

  for (const set of sets) {
    console.log(`\nmisses of ours: ${set.name}`);
    console.log(
      set.ours.misses.length > 0 ? set.ours.misses.map((m) => describeMiss(set, m)).join('\n') : '  none',
    );
  }
}

await main();
