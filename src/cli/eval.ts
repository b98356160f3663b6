/**
 * `npm run eval`: retrieval quality on every question set, as a table.
 *
 *   npm run eval                       own set, both shared dev sets (if ../shared/eval exists), second
 *                                      article, cross-article refusals, the generalisation articles
 *   npm run eval -- --misses           also list every miss
 *   npm run eval -- --ablation         switch each engine rule (src/engine/rules.ts) off in turn and print
 *                                      how many questions change on every set, and how many get better/worse
 *   npm run eval -- --engine           measure the engine's passages alone, before facts lead the reply
 *   npm run eval -- --rule NAME        list the questions whose first reply changes with that rule off
 *   npm run eval -- --data DIR --questions FILE   one custom set
 *
 * Exit 0 after printing; exit 2 with a message on stderr for bad usage or bad data.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../engine/rules.js';
import type { RuleName } from '../engine/rules.js';
import type { Engine } from '../engine/types.js';
import {
  asOutOfScope,
  compareOutcomes,
  evaluate,
  formatMisses,
  formatTable,
  parseQuestions,
} from '../eval/evaluate.js';
import type { EvalQuestion, EvalReport } from '../eval/evaluate.js';
import { answeringEngine } from '../answer.js';
import { loadLibrary } from '../library.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED_EVAL = path.join(ROOT, '..', 'shared', 'eval');
/** The blind helper sets test/questions-blind.json, test/questions-blind-2.json, …, in order. */
const BLIND_SETS = 57;
const blindFile = (n: number): string => `questions-blind${n === 1 ? '' : `-${n}`}.json`;

const DEFAULT_SETS = {
  data: path.join(ROOT, 'data'),
  own: path.join(ROOT, 'test', 'questions.json'),
  probes: path.join(ROOT, 'test', 'questions-probes.json'),
  dev: path.join(SHARED_EVAL, 'dev-questions.json'),
  dev2: path.join(SHARED_EVAL, 'dev-questions-2.json'),
  second: path.join(ROOT, 'test', 'fixtures', 'second-article'),
  generalisation: path.join(ROOT, 'test', 'fixtures', 'generalisation'),
};

const USAGE = 'usage: npm run eval -- [--misses] [--ablation] [--rule NAME] [--data DIR --questions FILE]';

interface Args {
  readonly misses: boolean;
  readonly ablation: boolean;
  readonly engineOnly: boolean;
  readonly rule?: RuleName;
  readonly data?: string;
  readonly questions?: string;
}

function parseArgs(argv: readonly string[]): Args {
  let misses = false;
  let ablation = false;
  let engineOnly = false;
  let data: string | undefined;
  let questions: string | undefined;
  let rule: RuleName | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--misses') misses = true;
    else if (arg === '--ablation') ablation = true;
    else if (arg === '--engine') engineOnly = true;
    else if (arg === '--rule') {
      const value = argv[i + 1];
      const known = RULES.find((r) => r.name === value);
      if (known === undefined)
        throw new UsageError(`--rule needs one of: ${RULES.map((r) => r.name).join(', ')}`);
      rule = known.name;
      i += 1;
    } else if (arg === '--data' || arg === '--questions') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      if (arg === '--data') data = value;
      else questions = value;
      i += 1;
    } else throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
  }
  if ((data === undefined) !== (questions === undefined))
    throw new UsageError('--data and --questions go together');
  return { misses, ablation, engineOnly, data, questions, ...(rule === undefined ? {} : { rule }) };
}

class UsageError extends Error {}

function readQuestions(file: string): EvalQuestion[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`questions: cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new Error(`questions: ${file}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseQuestions(data, file);
}

/** A question set and the data folder whose engine answers it. */
interface EvalSet {
  readonly name: string;
  readonly data: string;
  readonly questions: readonly EvalQuestion[];
}

/** Every set `npm run eval` measures (the shared ones only when ../shared/eval is there). */
export function defaultSets(): EvalSet[] {
  const sets: EvalSet[] = [];
  const own = readQuestions(DEFAULT_SETS.own);
  sets.push({ name: 'own (test/questions.json)', data: DEFAULT_SETS.data, questions: own });
  for (let n = 1; n <= BLIND_SETS; n += 1) {
    const file = blindFile(n);
    sets.push({
      name: `blind helper${n === 1 ? '' : ` ${n}`} (test/${file})`,
      data: DEFAULT_SETS.data,
      questions: readQuestions(path.join(ROOT, 'test', file)),
    });
  }
  sets.push({
    name: 'probes (test/questions-probes.json)',
    data: DEFAULT_SETS.data,
    questions: readQuestions(DEFAULT_SETS.probes),
  });
  if (existsSync(DEFAULT_SETS.dev))
    sets.push({
      name: 'dev (../shared/eval)',
      data: DEFAULT_SETS.data,
      questions: readQuestions(DEFAULT_SETS.dev),
    });
  if (existsSync(DEFAULT_SETS.dev2))
    sets.push({
      name: 'dev-2 (../shared/eval)',
      data: DEFAULT_SETS.data,
      questions: readQuestions(DEFAULT_SETS.dev2),
    });
  const secondFile = path.join(DEFAULT_SETS.second, 'questions.json');
  if (existsSync(secondFile)) {
    const second = readQuestions(secondFile);
    sets.push({ name: 'second article', data: DEFAULT_SETS.second, questions: second });
    sets.push({
      name: 'own asked of second article',
      data: DEFAULT_SETS.second,
      questions: asOutOfScope(own),
    });
    sets.push({ name: 'second asked of data/', data: DEFAULT_SETS.data, questions: asOutOfScope(second) });
  }
  if (existsSync(DEFAULT_SETS.generalisation)) {
    const articles = readdirSync(DEFAULT_SETS.generalisation, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const name of articles) {
      const dir = path.join(DEFAULT_SETS.generalisation, name);
      sets.push({
        name: `generalisation: ${name}`,
        data: dir,
        questions: readQuestions(path.join(dir, 'questions.json')),
      });
    }
  }
  return sets;
}

/** What is measured: the reply users get (facts leading, as `ask` and the bot answer) or the engine alone. */
let measured: 'answers' | 'engine' = 'answers';

/** Evaluates every set, building each data folder's library once (as the CLI and the bot build it). */
async function evaluateSets(
  sets: readonly EvalSet[],
  disabledRules?: ReadonlySet<RuleName>,
): Promise<Array<{ name: string; report: EvalReport }>> {
  const engines = new Map<string, Engine>();
  const rows: Array<{ name: string; report: EvalReport }> = [];
  for (const set of sets) {
    let engine = engines.get(set.data);
    if (engine === undefined) {
      const library = await loadLibrary(set.data, disabledRules === undefined ? {} : { disabledRules });
      engine = measured === 'engine' ? library.engine : answeringEngine(library);
      engines.set(set.data, engine);
    }
    rows.push({ name: set.name, report: evaluate(engine, set.questions) });
  }
  return rows;
}

/** One row per rule: on each set, questions whose reply changed with the rule off (+better/−worse). */
async function ablation(
  sets: readonly EvalSet[],
  baseline: ReadonlyArray<{ name: string; report: EvalReport }>,
): Promise<string> {
  const header = ['rule off', ...sets.map((s) => shortName(s.name)), 'total'];
  const lines: string[][] = [];
  for (const rule of RULES) {
    const rows = await evaluateSets(sets, new Set<RuleName>([rule.name]));
    let changed = 0;
    let better = 0;
    let worse = 0;
    const cells = rows.map((row, i) => {
      const before = baseline[i];
      if (before === undefined) return '';
      const change = compareOutcomes(before.report, row.report);
      changed += change.changed;
      better += change.better;
      worse += change.worse;
      return formatChange(change);
    });
    lines.push([rule.name, ...cells, formatChange({ changed, better, worse })]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

/** The questions whose first reply changes with one rule off: what the rule does, question by question. */
async function ruleChanges(
  sets: readonly EvalSet[],
  baseline: ReadonlyArray<{ name: string; report: EvalReport }>,
  rule: RuleName,
): Promise<string> {
  const rows = await evaluateSets(sets, new Set<RuleName>([rule]));
  const lines: string[] = [
    `questions whose first reply changes with ${rule} off (on → off; + right only with it on, − right only with it off):`,
  ];
  rows.forEach((row, i) => {
    const before = baseline[i];
    const set = sets[i];
    if (before === undefined || set === undefined) return;
    before.report.outcomes.forEach((was, k) => {
      const now = row.report.outcomes[k];
      if (now === undefined || now.top === was.top) return;
      const mark = now.right === was.right ? ' ' : was.right ? '+' : '−';
      const q = set.questions[k]?.q ?? '?';
      lines.push(
        `  ${mark} [${shortName(set.name)}] ${q}  (${was.top ?? 'refused'} → ${now.top ?? 'refused'})`,
      );
    });
  });
  return lines.join('\n');
}

/** "3 (+1/−2)": 3 questions changed their reply; 1 became right, 2 became wrong. */
function formatChange(change: { changed: number; better: number; worse: number }): string {
  return change.changed === 0 ? '0' : `${change.changed} (+${change.better}/−${change.worse})`;
}

function shortName(name: string): string {
  return name
    .replace(' (test/questions.json)', '')
    .replace(' (test/questions-probes.json)', '')
    .replace(/ helper(?: (\d+))? \(test\/questions-blind(?:-\d+)?\.json\)/u, (_all, n?: string) =>
      n === undefined ? '' : `-${n}`,
    )
    .replace(' (../shared/eval)', '')
    .replace('generalisation: ', 'gen:')
    .replace('own asked of second article', 'own→second')
    .replace('second asked of data/', 'second→data')
    .replace('second article', 'second');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.engineOnly) measured = 'engine';
  if (args.data !== undefined && args.questions !== undefined) {
    const sets = [
      { name: path.basename(args.questions), data: args.data, questions: readQuestions(args.questions) },
    ];
    const rows = await evaluateSets(sets);
    print(rows, args);
    if (args.ablation) console.log(`\nablation\n${await ablation(sets, rows)}`);
    if (args.rule !== undefined) console.log(`\n${await ruleChanges(sets, rows, args.rule)}`);
    return;
  }
  const sets = defaultSets();
  const rows = await evaluateSets(sets);
  print(rows, args);
  if (args.ablation) {
    console.log(
      '\nablation: questions whose first reply changes with the rule off (+became right/−became wrong)',
    );
    console.log(await ablation(sets, rows));
  }
  if (args.rule !== undefined) console.log(`\n${await ruleChanges(sets, rows, args.rule)}`);
}

function print(rows: ReadonlyArray<{ name: string; report: EvalReport }>, args: Args): void {
  console.log(formatTable(rows));
  if (args.misses) {
    for (const { name, report } of rows) {
      if (report.misses.length === 0) continue;
      console.log(`\nmisses: ${name}\n${formatMisses(report.misses)}`);
    }
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof UsageError ? `eval: ${message}\n${USAGE}` : message);
  process.exitCode = 2;
});
