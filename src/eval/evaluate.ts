/**
 * Retrieval metrics over a question set (pure: the CLI does the I/O). A result is a hit when its
 * passage text contains one of the question's expected substrings; `expect: []` marks a question the
 * corpus does not answer, where the right behaviour is to refuse (no-match).
 */
import type { Engine } from '../engine/types.js';

export interface EvalQuestion {
  readonly q: string;
  /** Distinctive substrings of the answering passage(s); empty for out-of-scope questions. */
  readonly expect: readonly string[];
  /** direct | paraphrase | entity | typo | quote | out (free text, used to group results). */
  readonly kind: string;
}

export type Miss =
  | { readonly kind: 'refused'; readonly question: EvalQuestion }
  | {
      readonly kind: 'wrong';
      readonly question: EvalQuestion;
      readonly rank: number | null;
      readonly top: string;
    }
  | { readonly kind: 'answered-out-of-scope'; readonly question: EvalQuestion; readonly top: string };

export interface KindStats {
  readonly total: number;
  readonly hit1: number;
}

export interface EvalReport {
  readonly answerable: number;
  readonly hit1: number;
  readonly hit3: number;
  /** Mean reciprocal rank over answerable questions (a refusal counts 0). */
  readonly mrr: number;
  readonly outOfScope: number;
  readonly outOfScopeRefused: number;
  /** Answerable questions the engine refused. */
  readonly falseRefusals: number;
  readonly byKind: Readonly<Record<string, KindStats>>;
  readonly misses: readonly Miss[];
}

/** How many results are inspected for hit@k and MRR. */
const DEPTH = 5;

export function evaluate(engine: Engine, questions: readonly EvalQuestion[]): EvalReport {
  let answerable = 0;
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  let outOfScope = 0;
  let outOfScopeRefused = 0;
  let falseRefusals = 0;
  const byKind: Record<string, { total: number; hit1: number }> = {};
  const misses: Miss[] = [];
  for (const question of questions) {
    const result = engine.search(question.q, { limit: DEPTH });
    const stats = (byKind[question.kind] ??= { total: 0, hit1: 0 });
    stats.total += 1;
    if (question.expect.length === 0) {
      outOfScope += 1;
      if (result.kind === 'no-match') {
        outOfScopeRefused += 1;
        stats.hit1 += 1;
      } else {
        misses.push({ kind: 'answered-out-of-scope', question, top: result.results[0]?.passage.id ?? '' });
      }
      continue;
    }
    answerable += 1;
    if (result.kind === 'no-match') {
      falseRefusals += 1;
      misses.push({ kind: 'refused', question });
      continue;
    }
    const index = result.results.findIndex((hit) =>
      question.expect.some((e) => hit.passage.text.includes(e)),
    );
    const rank = index >= 0 ? index + 1 : null;
    if (rank === 1) {
      hit1 += 1;
      stats.hit1 += 1;
    } else misses.push({ kind: 'wrong', question, rank, top: result.results[0]?.passage.id ?? '' });
    if (rank !== null && rank <= 3) hit3 += 1;
    if (rank !== null) reciprocal += 1 / rank;
  }
  return {
    answerable,
    hit1,
    hit3,
    mrr: answerable > 0 ? reciprocal / answerable : 0,
    outOfScope,
    outOfScopeRefused,
    falseRefusals,
    byKind,
    misses,
  };
}

/**
 * Reads a question set: either a list of questions or `{"questions": [...]}` (the dev file's shape).
 * @throws Error prefixed "questions:" naming the source and the first bad entry.
 */
export function parseQuestions(data: unknown, source: string): EvalQuestion[] {
  const list: unknown =
    typeof data === 'object' && data !== null && !Array.isArray(data) && 'questions' in data
      ? data.questions
      : data;
  if (!Array.isArray(list)) throw new Error(`questions: ${source}: expected a list or {"questions": [...]}`);
  return list.map((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null)
      throw new Error(`questions: ${source}: entry ${i} is not an object`);
    const { q, expect, kind } = entry as { q?: unknown; expect?: unknown; kind?: unknown };
    if (typeof q !== 'string' || q.trim() === '')
      throw new Error(`questions: ${source}: entry ${i} has no "q"`);
    if (!Array.isArray(expect) || !expect.every((e) => typeof e === 'string' && e.length > 0)) {
      throw new Error(`questions: ${source}: entry ${i} needs "expect": a list of non-empty strings`);
    }
    return { q, expect: expect as string[], kind: typeof kind === 'string' ? kind : 'unknown' };
  });
}

/** The same questions with their answers removed: used to check that another corpus refuses them. */
export function asOutOfScope(questions: readonly EvalQuestion[]): EvalQuestion[] {
  return questions
    .filter((q) => q.expect.length > 0)
    .map((q) => ({ ...q, expect: [], kind: 'other-article' }));
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '–';
}

/** One table row per question set. */
export function formatTable(rows: ReadonlyArray<{ name: string; report: EvalReport }>): string {
  const header = ['set', 'answerable', 'hit@1', 'hit@3', 'MRR', 'out refused', 'false refusals'];
  const lines = rows.map(({ name, report: r }) => [
    name,
    String(r.answerable),
    r.answerable > 0 ? `${percent(r.hit1, r.answerable)} (${r.hit1})` : '–',
    r.answerable > 0 ? `${percent(r.hit3, r.answerable)} (${r.hit3})` : '–',
    r.answerable > 0 ? r.mrr.toFixed(3) : '–',
    `${r.outOfScopeRefused}/${r.outOfScope}`,
    String(r.falseRefusals),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

export function formatMisses(misses: readonly Miss[]): string {
  return misses
    .map((miss) => {
      switch (miss.kind) {
        case 'refused':
          return `  refused      [${miss.question.kind}] ${miss.question.q}`;
        case 'wrong':
          return `  rank ${miss.rank ?? '>5'}${' '.repeat(Math.max(0, 7 - String(miss.rank ?? '>5').length))} [${miss.question.kind}] ${miss.question.q}  (top: ${miss.top})`;
        case 'answered-out-of-scope':
          return `  answered     [${miss.question.kind}] ${miss.question.q}  (top: ${miss.top})`;
      }
    })
    .join('\n');
}
