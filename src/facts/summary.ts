/**
 * The article at a glance, from the facts alone: every decision (by status, decisions that share one quote
 * as one line) and the main arguments of each side. Nothing is written here: each line is a fact's own
 * subject, status, conditions, verbatim quote and ¶. What does not fit the caller's budget is counted, so
 * the reply can say where the rest is.
 *
 * The rule for "main": arguments are taken round by round, the first of each side in article order, then
 * the second of each side, up to `perSide`. Article order is the writer's own order of importance within a
 * side (a news article leads with what matters), and going round the sides keeps the digest balanced
 * instead of filling up with whichever side the article quotes most. An argument whose quote is already
 * on show (its words are inside a decision's quote, or the other way round, in the same ¶) is skipped for
 * the next one of its side: one reply never shows a sentence twice.
 */
import { argumentsBySide, decisionsByStatus } from './match.js';
import type { Argument, ArgumentSide, Decision, DecisionStatus, Fact, FactSet } from './types.js';

/** Decisions with the same status, ¶ and quote (e.g. three countries named in one sentence): one line. */
export interface DecisionLine {
  readonly status: DecisionStatus;
  readonly decisions: readonly [Decision, ...Decision[]];
}

export interface SideLine {
  readonly side: ArgumentSide;
  readonly arguments: readonly Argument[];
}

export interface SummaryPlan {
  readonly decisions: readonly DecisionLine[];
  readonly decisionsTotal: number;
  /** Sides in ARGUMENT_SIDES order, each with the arguments chosen for it (sides with none chosen left out). */
  readonly sides: readonly SideLine[];
  readonly argumentsShown: number;
  readonly argumentsTotal: number;
}

export interface SummaryBudget {
  /** What a line costs once rendered (characters, for a Discord message). */
  readonly decisionCost: (line: DecisionLine) => number;
  readonly argumentCost: (argument: Argument) => number;
  /** Cost of the first argument of a side (its heading). */
  readonly sideCost: (side: ArgumentSide) => number;
  readonly budget: number;
  readonly perSide: number;
}

/** Two facts quoting the same words: same article and ¶, one quote inside the other. */
function overlaps(a: Fact, b: Fact): boolean {
  return (
    a.articleId === b.articleId &&
    a.paragraph === b.paragraph &&
    (a.quote.includes(b.quote) || b.quote.includes(a.quote))
  );
}

/** Decision lines in status order (most open first), then data order. */
export function decisionLines(facts: FactSet): DecisionLine[] {
  return decisionsByStatus(facts).flatMap(({ status, decisions }) => {
    const lines = new Map<string, [Decision, ...Decision[]]>();
    for (const decision of decisions) {
      const key = JSON.stringify([decision.articleId, decision.paragraph, decision.quote]);
      const line = lines.get(key);
      if (line) line.push(decision);
      else lines.set(key, [decision]);
    }
    return [...lines.values()].map((line) => ({ status, decisions: line }));
  });
}

/**
 * Decisions first (whole lines, in order, until one does not fit), then arguments by the round rule above;
 * an argument that does not fit ends its side but not the others.
 */
export function planSummary(facts: FactSet, budget: SummaryBudget): SummaryPlan {
  let left = budget.budget;
  const shown: Fact[] = [];
  const decisions: DecisionLine[] = [];
  for (const line of decisionLines(facts)) {
    const cost = budget.decisionCost(line);
    if (cost > left) break;
    decisions.push(line);
    shown.push(line.decisions[0]);
    left -= cost;
  }
  const groups = argumentsBySide(facts);
  const chosen = new Map<ArgumentSide, Argument[]>();
  const next = new Map<ArgumentSide, number>();
  const closed = new Set<ArgumentSide>();
  for (let round = 0; round < budget.perSide; round++) {
    for (const { side, arguments: candidates } of groups) {
      if (closed.has(side)) continue;
      let at = next.get(side) ?? 0;
      while (at < candidates.length && shown.some((fact) => overlaps(fact, candidates[at]!))) at++;
      const argument = candidates[at];
      next.set(side, at + 1);
      if (!argument) continue;
      const cost = budget.argumentCost(argument) + (chosen.has(side) ? 0 : budget.sideCost(side));
      if (cost > left) {
        closed.add(side);
        continue;
      }
      chosen.set(side, [...(chosen.get(side) ?? []), argument]);
      shown.push(argument);
      left -= cost;
    }
  }
  const sides = groups
    .map(({ side }) => ({ side, arguments: chosen.get(side) ?? [] }))
    .filter((line) => line.arguments.length > 0);
  return {
    decisions,
    decisionsTotal: facts.decisions.length,
    sides,
    argumentsShown: sides.reduce((sum, line) => sum + line.arguments.length, 0),
    argumentsTotal: facts.arguments.length,
  };
}
