/**
 * Retrieval metrics over a question set (pure: the CLI does the I/O). A result is a hit when its
 * passage is one the question accepts: its text contains one of the expected substrings (`expect`),
 * or it is one of the accepted body paragraphs or a caption (`accept`, the blind sets' key). A question
 * with nothing accepted is one the corpus does not answer, where the right behaviour is to refuse.
 * `refusalOk` marks a question where an honest refusal is fine too: it counts towards "first reply
 * right" either way and is left out of hit@k and false refusals.
 */
import type { Passage } from '../corpus/types.js';
import type { Engine } from '../engine/types.js';

export interface EvalQuestion {
  readonly q: string;
  /** Distinctive substrings of the answering passage(s); empty for out-of-scope questions. */
  readonly expect: readonly string[];
  /** Accepted body paragraph numbers (¶N) and whether a caption is accepted (blind sets' key). */
  readonly paragraphs?: readonly number[];
  readonly caption?: boolean;
  /** A refusal is also a right reply. */
  readonly refusalOk?: boolean;
  /** direct | paraphrase | entity | typo | quote | out (free text, used to group results). */
  readonly kind: string;
}

function accepts(question: EvalQuestion, passage: Passage): boolean {
  if (question.expect.some((e) => passage.text.includes(e))) return true;
  if (passage.kind === 'caption') return question.caption === true;
  return question.paragraphs?.includes(passage.paragraph) === true;
}

function covered(question: EvalQuestion): boolean {
  return question.expect.length > 0 || (question.paragraphs?.length ?? 0) > 0 || question.caption === true;
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
  readonly total: number;
  /** Top passage accepted, or refused where the key says not covered or refusalOk. */
  readonly firstRight: number;
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
  /** Per question, in order: the top passage id (null when refused) and whether the reply was right. */
  readonly outcomes: ReadonlyArray<{ readonly top: string | null; readonly right: boolean }>;
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
  let firstRight = 0;
  const outcomes: Array<{ top: string | null; right: boolean }> = [];
  for (const question of questions) {
    const result = engine.search(question.q, { limit: DEPTH });
    const stats = (byKind[question.kind] ??= { total: 0, hit1: 0 });
    stats.total += 1;
    const top = result.kind === 'answer' ? result.results[0]?.passage : undefined;
    const right =
      result.kind === 'no-match'
        ? !covered(question) || question.refusalOk === true
        : top !== undefined && accepts(question, top);
    if (right) firstRight += 1;
    outcomes.push({ top: top?.id ?? null, right });
    if (question.refusalOk === true && covered(question)) {
      if (right) stats.hit1 += 1;
      else misses.push({ kind: 'wrong', question, rank: null, top: top?.id ?? '' });
      continue;
    }
    if (!covered(question)) {
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
    const index = result.results.findIndex((hit) => accepts(question, hit.passage));
    const rank = index >= 0 ? index + 1 : null;
    if (rank === 1) {
      hit1 += 1;
      stats.hit1 += 1;
    } else misses.push({ kind: 'wrong', question, rank, top: result.results[0]?.passage.id ?? '' });
    if (rank !== null && rank <= 3) hit3 += 1;
    if (rank !== null) reciprocal += 1 / rank;
  }
  return {
    total: questions.length,
    firstRight,
    answerable,
    hit1,
    hit3,
    mrr: answerable > 0 ? reciprocal / answerable : 0,
    outOfScope,
    outOfScopeRefused,
    falseRefusals,
    byKind,
    misses,
    outcomes,
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
    const { q, expect, accept, refusalOk, kind } = entry as Record<string, unknown>;
    if (typeof q !== 'string' || q.trim() === '')
      throw new Error(`questions: ${source}: entry ${i} has no "q"`);
    const kindText = typeof kind === 'string' ? kind : 'unknown';
    if (accept !== undefined) {
      const valid =
        Array.isArray(accept) &&
        accept.every((a) => a === 'caption' || (typeof a === 'number' && Number.isInteger(a) && a > 0));
      if (!valid)
        throw new Error(`questions: ${source}: entry ${i} needs "accept": a list of ¶ numbers or "caption"`);
      const list = accept as Array<number | 'caption'>;
      return {
        q,
        expect: [],
        paragraphs: list.filter((a): a is number => typeof a === 'number'),
        caption: list.includes('caption'),
        refusalOk: refusalOk === true,
        kind: kindText,
      };
    }
    if (!Array.isArray(expect) || !expect.every((e) => typeof e === 'string' && e.length > 0)) {
      throw new Error(`questions: ${source}: entry ${i} needs "expect": a list of non-empty strings`);
    }
    return { q, expect: expect as string[], kind: kindText };
  });
}

/** The same questions with their answers removed: used to check that another corpus refuses them. */
export function asOutOfScope(questions: readonly EvalQuestion[]): EvalQuestion[] {
  return questions.filter((q) => covered(q)).map((q) => ({ q: q.q, expect: [], kind: 'other-article' }));
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '–';
}

/** One table row per question set. */
export function formatTable(rows: ReadonlyArray<{ name: string; report: EvalReport }>): string {
  const header = [
    'set',
    'first right',
    'answerable',
    'hit@1',
    'hit@3',
    'MRR',
    'answerable refused',
    'out refused',
  ];
  const lines = rows.map(({ name, report: r }) => [
    name,
    `${percent(r.firstRight, r.total)} (${r.firstRight}/${r.total})`,
    String(r.answerable),
    r.answerable > 0 ? `${percent(r.hit1, r.answerable)} (${r.hit1})` : '–',
    r.answerable > 0 ? `${percent(r.hit3, r.answerable)} (${r.hit3})` : '–',
    r.answerable > 0 ? r.mrr.toFixed(3) : '–',
    `${r.falseRefusals}/${r.answerable}`,
    `${r.outOfScopeRefused}/${r.outOfScope}`,
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

/** How switching something off changed a set: questions whose reply changed, and how many got right or wrong. */
export interface Change {
  readonly changed: number;
  readonly better: number;
  readonly worse: number;
}

export function compareOutcomes(before: EvalReport, after: EvalReport): Change {
  let changed = 0;
  let better = 0;
  let worse = 0;
  before.outcomes.forEach((was, i) => {
    const now = after.outcomes[i];
    if (now === undefined || now.top === was.top) return;
    changed += 1;
    if (now.right && !was.right) better += 1;
    if (!now.right && was.right) worse += 1;
  });
  return { changed, better, worse };
}
