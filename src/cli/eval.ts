/**
 * `npm run eval`: retrieval quality on the question sets, as a table.
 *
 *   npm run eval                       own set, dev set (if ../shared/eval exists), second article, cross-article
 *   npm run eval -- --misses           also list every miss
 *   npm run eval -- --data DIR --questions FILE   one custom set
 *
 * Exit 0 after printing; exit 2 with a message on stderr for bad usage or bad data.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../engine/types.js';
import { asOutOfScope, evaluate, formatMisses, formatTable, parseQuestions } from '../eval/evaluate.js';
import type { EvalQuestion, EvalReport } from '../eval/evaluate.js';
import { loadLibrary } from '../library.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_SETS = {
  data: path.join(ROOT, 'data'),
  own: path.join(ROOT, 'test', 'questions.json'),
  dev: path.join(ROOT, '..', 'shared', 'eval', 'dev-questions.json'),
  second: path.join(ROOT, 'test', 'fixtures', 'second-article'),
  secondQuestions: path.join(ROOT, 'test', 'fixtures', 'second-article', 'questions.json'),
};

const USAGE = 'usage: npm run eval -- [--misses] [--data DIR --questions FILE]';

interface Args {
  readonly misses: boolean;
  readonly data?: string;
  readonly questions?: string;
}

function parseArgs(argv: readonly string[]): Args {
  let misses = false;
  let data: string | undefined;
  let questions: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--misses') misses = true;
    else if (arg === '--data' || arg === '--questions') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      if (arg === '--data') data = value;
      else questions = value;
      i += 1;
    } else throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
  }
  if ((data === undefined) !== (questions === undefined))
    throw new UsageError('--data and --questions go together');
  return { misses, data, questions };
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

/** The engine exactly as the CLI and the bot build it, so eval measures what users get. */
async function engineFor(dir: string): Promise<Engine> {
  return (await loadLibrary(dir)).engine;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const rows: Array<{ name: string; report: EvalReport }> = [];
  if (args.data !== undefined && args.questions !== undefined) {
    rows.push({
      name: path.basename(args.questions),
      report: evaluate(await engineFor(args.data), readQuestions(args.questions)),
    });
  } else {
    const main = await engineFor(DEFAULT_SETS.data);
    const own = readQuestions(DEFAULT_SETS.own);
    rows.push({ name: 'own (test/questions.json)', report: evaluate(main, own) });
    if (existsSync(DEFAULT_SETS.dev)) {
      rows.push({ name: 'dev (../shared/eval)', report: evaluate(main, readQuestions(DEFAULT_SETS.dev)) });
    }
    if (existsSync(DEFAULT_SETS.secondQuestions)) {
      const second = await engineFor(DEFAULT_SETS.second);
      const secondQuestions = readQuestions(DEFAULT_SETS.secondQuestions);
      rows.push({ name: 'second article', report: evaluate(second, secondQuestions) });
      rows.push({ name: 'own asked of second article', report: evaluate(second, asOutOfScope(own)) });
      rows.push({ name: 'second asked of data/', report: evaluate(main, asOutOfScope(secondQuestions)) });
    }
  }
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
