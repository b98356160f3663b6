/**
 * `npm run --silent ask -- "QUESTION"`: answers from the articles in data/ (or --data DIR) with verbatim,
 * cited excerpts. The --json output is a contract used by automated checks (issue 3, point 4), so stdout
 * carries nothing but the answer; diagnostics go to stderr. Exit 0 whether answered or not, 2 for bad usage
 * or bad data, 1 for a bug.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { citation, markExcerpt, paragraphLabel } from '../corpus/cite.js';
import { DataError } from '../corpus/errors.js';
import type { Article, Corpus } from '../corpus/types.js';
import type { Hit } from '../engine/types.js';
import { factRecord, speakerLabel, STATUS_LABELS, type FactRecord } from '../facts/types.js';
import type { FactMatch } from '../facts/match.js';
import { answerQuestion, type Answer } from '../answer.js';
import { loadLibrary } from '../library.js';

/** The data folder of this checkout, so `ask` works from any working directory. */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));
/** The JSON contract allows at most 5 results; --limit may lower it. */
const MAX_RESULTS = 5;

const USAGE = [
  'usage: npm run --silent ask -- [--json] [--data DIR] [--limit N] "QUESTION"',
  '       npm run --silent ask -- --stdin [--json] [--data DIR] [--limit N] < questions.txt',
].join('\n');
const TEXT = {
  noAnswer: 'No confident answer: the article does not seem to cover that.',
  tryInstead: 'You could ask:',
  seeAlso: 'See also:',
  facts: 'Facts:',
  readAs: (asked: string) => `(shortened to: ${asked})`,
} as const;

/**
 * One question's answer as printed by --json (extra fields beyond the contract: kind, citation, section,
 * and `facts`: the cited decisions/arguments the question is about, best first).
 */
export interface JsonAnswer {
  readonly query: string;
  readonly answered: boolean;
  readonly results: readonly JsonResult[];
  readonly facts: readonly FactRecord[];
  /** The question the engine read, when it shortened a chat message to it. */
  readonly asked?: string;
  /** Why there is no answer, in words for the asker (no such figure; what the article file records). */
  readonly reason?: string;
}

export interface JsonResult {
  readonly article: string;
  readonly title: string;
  readonly paragraph: number;
  readonly score: number;
  /** The whole passage, verbatim. */
  readonly text: string;
  /** The best sentence(s), matched words in **bold**, "…" where clipped. */
  readonly excerpt: string;
  readonly kind: 'paragraph' | 'caption';
  readonly citation: string;
  readonly section?: string;
}

interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
}

class UsageError extends Error {}

interface Options {
  readonly json: boolean;
  readonly stdin: boolean;
  readonly dataDir: string;
  readonly limit: number;
  readonly question: string | undefined;
}

/** Runs the CLI and returns its exit code; in-process so tests need not spawn for every case. */
export async function runAsk(argv: readonly string[], io: Io): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`ask: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }

  let library;
  try {
    library = await loadLibrary(options.dataDir);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    io.stderr(`ask: ${error.message}\n`);
    return 2;
  }

  // The index is built once above, then every question is answered from it.
  const questions = options.stdin ? stdinQuestions(await io.readStdin()) : [options.question ?? ''];
  const { corpus } = library;
  const outputs = questions.map((question) => {
    const answer: Answer | undefined =
      question.trim() === '' ? undefined : answerQuestion(library, question, { limit: options.limit });
    return options.json
      ? JSON.stringify(toJsonAnswer(question, answer, corpus))
      : formatHuman(question, answer, corpus, options.stdin);
  });
  io.stdout(outputs.map((line) => `${line}\n`).join(options.json ? '' : '\n'));
  return 0;
}

function parseOptions(argv: readonly string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        stdin: { type: 'boolean' },
        data: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.data !== undefined && values.data.trim() === '')
    throw new UsageError('--data needs a folder, e.g. --data data');
  const question = positionals.join(' ');
  if (values.stdin && question.trim() !== '') {
    throw new UsageError('give either a question or --stdin, not both');
  }
  if (!values.stdin && question.trim() === '') throw new UsageError('no question given');
  return {
    json: values.json ?? false,
    stdin: values.stdin ?? false,
    dataDir: values.data ?? DEFAULT_DATA_DIR,
    limit: parseLimit(values.limit),
    question: values.stdin ? undefined : question,
  };
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return MAX_RESULTS;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > MAX_RESULTS) {
    throw new UsageError(`--limit must be a whole number from 1 to ${MAX_RESULTS} (got "${raw}")`);
  }
  return limit;
}

/** node's parseArgs messages are long and mention its own syntax; say what is wrong in our terms. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? message}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (option === '--data') return '--data needs a folder, e.g. --data data';
    if (option === '--limit') return `--limit needs a number from 1 to ${MAX_RESULTS}`;
    if (option !== undefined) return `${option} does not take a value`;
  }
  return message.split('\n')[0] ?? message;
}

/** One question per line, in order; a trailing newline does not make an extra (blank) question. */
function stdinQuestions(input: string): string[] {
  const lines = input.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function articleOf(corpus: Corpus, hit: Hit): Article {
  const article = corpus.articles.find((candidate) => candidate.id === hit.passage.articleId);
  if (article === undefined)
    throw new Error(`engine returned passage ${hit.passage.id} of an unknown article`);
  return article;
}

export function toJsonAnswer(query: string, answer: Answer | undefined, corpus: Corpus): JsonAnswer {
  const result = answer?.search;
  const asked = result?.asked === undefined ? {} : { asked: result.asked };
  if (result?.kind !== 'answer' || result.results.length === 0) {
    const reason =
      result?.kind === 'no-match' && result.reason !== undefined ? { reason: result.reason } : {};
    return { query, ...asked, answered: false, results: [], facts: [], ...reason };
  }
  return {
    query,
    ...asked,
    answered: true,
    facts: answer?.facts.map((match) => factRecord(match.fact)) ?? [],
    results: result.results.slice(0, MAX_RESULTS).map((hit) => {
      const article = articleOf(corpus, hit);
      return {
        article: article.id,
        title: article.title,
        paragraph: hit.passage.paragraph,
        score: Math.round(hit.score * 10_000) / 10_000,
        text: hit.passage.text,
        excerpt: markExcerpt(hit.excerpt),
        kind: hit.passage.kind,
        citation: citation(article, hit.passage),
        ...(hit.passage.section !== undefined ? { section: hit.passage.section } : {}),
      };
    }),
  };
}

/** The best excerpt quoted with its citation, then one "See also" line per further result. */
export function formatHuman(
  query: string,
  answer: Answer | undefined,
  corpus: Corpus,
  echoQuestion: boolean,
): string {
  const result = answer?.search;
  const lines: string[] = echoQuestion ? [`Q: ${query}`] : [];
  if (result?.asked !== undefined) lines.push(TEXT.readAs(result.asked));
  if (result?.kind !== 'answer' || result.results.length === 0) {
    lines.push(result?.kind === 'no-match' && result.reason !== undefined ? result.reason : TEXT.noAnswer);
    const suggestions = result?.kind === 'no-match' ? result.suggestions : [];
    if (suggestions.length > 0) lines.push(TEXT.tryInstead, ...suggestions.map((s) => `  - ${s}`));
    return lines.join('\n');
  }
  if (answer !== undefined && answer.facts.length > 0) {
    lines.push(TEXT.facts, ...answer.facts.map(formatFactLine), '');
  }
  const [best, ...rest] = result.results;
  if (best !== undefined) {
    const article = articleOf(corpus, best);
    lines.push(`> ${markExcerpt(best.excerpt)}`, `— ${citation(article, best.passage)}`);
  }
  if (rest.length > 0) {
    lines.push('', TEXT.seeAlso);
    for (const hit of rest) {
      const where =
        corpus.articles.length > 1
          ? citation(articleOf(corpus, hit), hit.passage)
          : paragraphLabel(hit.passage);
      lines.push(`  ${where}: ${markExcerpt(hit.excerpt)}`);
    }
  }
  return lines.join('\n');
}

/** "• Italy (Vodafone): Conditionally approved — "quote" (¶7)" or "• Vincent Peng (…): "quote" (¶12)". */
function formatFactLine({ fact }: FactMatch): string {
  const head =
    fact.kind === 'decision'
      ? `${fact.operator === undefined ? fact.country : `${fact.country} (${fact.operator})`}: ${STATUS_LABELS[fact.status]}${
          fact.conditions.length > 0 ? ` (conditions: ${fact.conditions.join('; ')})` : ''
        }`
      : `${speakerLabel(fact.speaker)}: ${fact.summary}`;
  return `  • ${head} — "${fact.quote}" (¶${fact.paragraph})`;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  // `ask --stdin < many.txt | head` closes the pipe early; that is the reader's choice, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  try {
    process.exitCode = await runAsk(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      readStdin: () => readAll(process.stdin),
    });
  } catch (error) {
    process.stderr.write(
      `ask: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
