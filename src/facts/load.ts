/**
 * Facts loader: reads every `*.facts.json` in the data folder and validates it against the loaded corpus.
 * The point of validating here is that a fact is only worth showing if its quote really is in the ¶ it
 * cites; a typo in a quote or an unknown status fails at startup, naming the file and the entry, instead of
 * reaching a user as a false citation.
 *
 * File format (one file per article, named `<articleId>.facts.json` by convention):
 * {
 *   "article": "huawei-5g-wins",
 *   "decisions": [{ "id", "country", "operator"?, "vendor", "status", "summary", "conditions": [],
 *                   "when"?, "reasons"?: [argument ids], "quote", "paragraph" }],
 *   "arguments": [{ "id", "speaker": "the article" | { "name", "role" }, "side", "summary", "quote", "paragraph" }]
 * }
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../corpus/errors.js';
import type { Article, Corpus } from '../corpus/types.js';
import {
  ARGUMENT_SIDES,
  DECISION_STATUSES,
  EMPTY_FACTS,
  THE_ARTICLE,
  type Argument,
  type Decision,
  type FactSet,
  type Speaker,
} from './types.js';

export const FACTS_FILE_SUFFIX = '.facts.json';

const TOP_LEVEL_FIELDS = ['article', 'decisions', 'arguments'] as const;
const DECISION_FIELDS = [
  'id',
  'country',
  'operator',
  'vendor',
  'status',
  'summary',
  'conditions',
  'when',
  'reasons',
  'quote',
  'paragraph',
] as const;
const ARGUMENT_FIELDS = ['id', 'speaker', 'side', 'summary', 'quote', 'paragraph'] as const;

/** Fact ids end up in logs, JSON output and possibly Discord custom ids, so they are kept tame. */
const FACT_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Where an id was first used, so a duplicate can point at it: id → "decisions[1] in data/x.facts.json". */
export type FactIdRegistry = Map<string, string>;

/**
 * Reads and validates every `*.facts.json` in `dir` (sorted by name); no such files → no facts.
 * Ids must be unique across all files.
 * @throws DataError naming the file (relative to the working directory) and the entry.
 */
export async function loadFacts(dir: string, corpus: Corpus): Promise<FactSet> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith(FACTS_FILE_SUFFIX) && !entry.name.startsWith('.'),
    )
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) return EMPTY_FACTS;

  const registry: FactIdRegistry = new Map();
  const decisions: Decision[] = [];
  const args: Argument[] = [];
  for (const name of names) {
    const file = displayPath(dir, name);
    const raw = parseJson(await readFile(path.join(dir, name), 'utf8'), file);
    const facts = validateFacts(raw, file, corpus, registry);
    decisions.push(...facts.decisions);
    args.push(...facts.arguments);
  }
  return { decisions, arguments: args };
}

/**
 * Validates one parsed facts file against the corpus (pure, for tests and for loadFacts).
 * Pass the same `registry` for several files to refuse ids that another file already uses.
 * @throws DataError `data error: <file>: <entry>: <problem>`.
 */
export function validateFacts(
  raw: unknown,
  file: string,
  corpus: Corpus,
  registry: FactIdRegistry = new Map(),
): FactSet {
  const fail = (problem: string): never => {
    throw new DataError(file, problem);
  };
  if (!isRecord(raw)) {
    return fail('top level must be an object with "article", "decisions" and "arguments"');
  }
  rejectUnknownFields(raw, TOP_LEVEL_FIELDS, 'at top level', fail);
  const articleId = requireString(raw, 'article', fail);
  const article = corpus.articles.find((candidate) => candidate.id === articleId);
  if (article === undefined) {
    const known = corpus.articles.map((candidate) => candidate.id).join(', ');
    return fail(`article "${articleId}" is not in the corpus (known: ${known})`);
  }
  const rawDecisions = requireArray(raw, 'decisions', fail);
  const rawArguments = requireArray(raw, 'arguments', fail);

  // Arguments first: decisions name their reasons by argument id, so those ids must be known.
  const args = rawArguments.map((entry, index) =>
    validateArgument(entry, `arguments[${index}]`, { file, article, registry }),
  );
  const argumentIds = new Set(args.map((argument) => argument.id));
  const decisions = rawDecisions.map((entry, index) =>
    validateDecision(entry, `decisions[${index}]`, { file, article, registry }, argumentIds),
  );
  return { decisions, arguments: args };
}

// ---------------------------------------------------------------------------------------------------------
// Entries

interface EntryContext {
  readonly file: string;
  readonly article: Article;
  readonly registry: FactIdRegistry;
}

type Fail = (problem: string) => never;

function validateDecision(
  entry: unknown,
  position: string,
  context: EntryContext,
  argumentIds: ReadonlySet<string>,
): Decision {
  const { fail, id } = beginEntry(entry, position, DECISION_FIELDS, context);
  const record = entry as Record<string, unknown>;
  const country = requireString(record, 'country', fail);
  const operator = optionalString(record, 'operator', fail);
  const vendor = requireString(record, 'vendor', fail);
  const status = requireChoice(record, 'status', DECISION_STATUSES, fail);
  const summary = requireString(record, 'summary', fail);
  const conditions = requireStringArray(record, 'conditions', fail);
  const when = optionalString(record, 'when', fail);
  const reasons = record['reasons'] === undefined ? [] : requireStringArray(record, 'reasons', fail);
  const { quote, paragraph, paragraphText } = requireCitation(record, context.article, fail);
  for (const condition of conditions) {
    if (!paragraphText.includes(condition)) {
      fail(`condition "${condition}" is not verbatim in ¶${paragraph} of ${context.article.id}`);
    }
  }
  for (const reason of reasons) {
    if (!argumentIds.has(reason)) fail(`reason "${reason}" is not the id of an argument in this file`);
  }
  return {
    kind: 'decision',
    id,
    articleId: context.article.id,
    country,
    ...(operator === undefined ? {} : { operator }),
    vendor,
    status,
    summary,
    conditions,
    ...(when === undefined ? {} : { when }),
    reasons,
    quote,
    paragraph,
  };
}

function validateArgument(entry: unknown, position: string, context: EntryContext): Argument {
  const { fail, id } = beginEntry(entry, position, ARGUMENT_FIELDS, context);
  const record = entry as Record<string, unknown>;
  const speaker = requireSpeaker(record, fail);
  const side = requireChoice(record, 'side', ARGUMENT_SIDES, fail);
  const summary = requireString(record, 'summary', fail);
  const { quote, paragraph } = requireCitation(record, context.article, fail);
  return { kind: 'argument', id, articleId: context.article.id, speaker, side, summary, quote, paragraph };
}

/** Checks what every entry shares (an object, known fields, a fresh well-formed id) and labels its errors. */
function beginEntry(
  entry: unknown,
  position: string,
  allowed: readonly string[],
  { file, registry }: EntryContext,
): { fail: Fail; id: string } {
  const rawId = isRecord(entry) ? entry['id'] : undefined;
  const label = typeof rawId === 'string' && rawId !== '' ? `${position} (${rawId})` : position;
  const fail: Fail = (problem) => {
    throw new DataError(file, `${label}: ${problem}`);
  };
  if (!isRecord(entry)) return fail('must be an object');
  rejectUnknownFields(entry, allowed, '', fail);
  const id = requireString(entry, 'id', fail);
  if (!FACT_ID.test(id)) fail(`id "${id}" must be lowercase letters, digits and dashes`);
  const firstUse = registry.get(id);
  if (firstUse !== undefined) fail(`duplicate id: ${firstUse} already uses it`);
  registry.set(id, `${position} in ${file}`);
  return { fail, id };
}

function requireCitation(
  record: Record<string, unknown>,
  article: Article,
  fail: Fail,
): { quote: string; paragraph: number; paragraphText: string } {
  const quote = requireString(record, 'quote', fail);
  const paragraph = record['paragraph'];
  if (paragraph === undefined) return fail('field "paragraph" is missing');
  if (typeof paragraph !== 'number' || !Number.isInteger(paragraph) || paragraph < 1) {
    return fail('field "paragraph" must be a positive integer');
  }
  const body = article.passages.filter((passage) => passage.kind === 'paragraph');
  const passage = body.find((candidate) => candidate.paragraph === paragraph);
  if (passage === undefined) {
    return fail(`paragraph ${paragraph} does not exist in ${article.id} (it has ¶1..¶${body.length})`);
  }
  if (!passage.text.includes(quote)) {
    // The usual cause is a retyped quote (straight for curly quotes, hyphen for dash); say so.
    const hint = normalisePunctuation(passage.text).includes(normalisePunctuation(quote))
      ? ' (it matches only once quotes, dashes and spaces are normalised: copy it from the article)'
      : '';
    return fail(`quote is not verbatim in ¶${paragraph} of ${article.id}${hint}`);
  }
  return { quote, paragraph, paragraphText: passage.text };
}

function requireSpeaker(record: Record<string, unknown>, fail: Fail): Speaker | typeof THE_ARTICLE {
  const speaker = record['speaker'];
  if (speaker === undefined) return fail('field "speaker" is missing');
  if (speaker === THE_ARTICLE) return THE_ARTICLE;
  const problem = `field "speaker" must be "${THE_ARTICLE}" or an object with non-empty string "name" and "role"`;
  if (!isRecord(speaker)) return fail(problem);
  const { name, role } = speaker;
  const extra = Object.keys(speaker).filter((key) => key !== 'name' && key !== 'role');
  if (typeof name !== 'string' || name.trim() === '' || typeof role !== 'string' || role.trim() === '') {
    return fail(problem);
  }
  if (extra.length > 0) return fail(`${problem} (unexpected "${extra.join('", "')}")`);
  return { name, role };
}

// ---------------------------------------------------------------------------------------------------------
// Field helpers: each names the field and what it must be

function requireString(record: Record<string, unknown>, field: string, fail: Fail): string {
  const value = record[field];
  if (value === undefined) return fail(`field "${field}" is missing`);
  if (typeof value !== 'string' || value.trim() === '')
    return fail(`field "${field}" must be a non-empty string`);
  return value;
}

function optionalString(record: Record<string, unknown>, field: string, fail: Fail): string | undefined {
  return record[field] === undefined ? undefined : requireString(record, field, fail);
}

function requireArray(record: Record<string, unknown>, field: string, fail: Fail): readonly unknown[] {
  const value = record[field];
  if (value === undefined) return fail(`field "${field}" is missing`);
  if (!Array.isArray(value)) return fail(`field "${field}" must be an array`);
  return value;
}

function requireStringArray(record: Record<string, unknown>, field: string, fail: Fail): readonly string[] {
  const value = requireArray(record, field, fail);
  if (!value.every((item): item is string => typeof item === 'string' && item.trim() !== '')) {
    return fail(`field "${field}" must be an array of non-empty strings`);
  }
  return value;
}

function requireChoice<Choice extends string>(
  record: Record<string, unknown>,
  field: string,
  allowed: readonly Choice[],
  fail: Fail,
): Choice {
  const value = requireString(record, field, fail);
  if (!(allowed as readonly string[]).includes(value)) {
    return fail(`${field} "${value}" is unknown (allowed: ${allowed.join(', ')})`);
  }
  return value as Choice;
}

function rejectUnknownFields(
  record: Record<string, unknown>,
  allowed: readonly string[],
  where: string,
  fail: Fail,
): void {
  const unknown = Object.keys(record).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    fail(`unknown field "${unknown}"${where === '' ? '' : ` ${where}`} (allowed: ${allowed.join(', ')})`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------
// I/O helpers

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
  } catch (error) {
    throw new DataError(file, `invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Same convention as the corpus loader: paths relative to the working directory, with forward slashes. */
function displayPath(dir: string, name: string): string {
  return path.relative(process.cwd(), path.resolve(dir, name)).split(path.sep).join('/');
}

/** Only for the error hint: folds curly quotes, dashes and runs of spaces to plain forms. */
function normalisePunctuation(text: string): string {
  return text
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ');
}
