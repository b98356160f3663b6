/** Groupings of the facts for the /decisions and /arguments listings. Pure. */
import {
  ARGUMENT_SIDES,
  DECISION_STATUSES,
  type Argument,
  type ArgumentSide,
  type Decision,
  type DecisionStatus,
  type FactSet,
} from './types.js';

/** The decisions about one canonical country, in data order. */
export function decisionsForCountry(facts: FactSet, country: string): readonly Decision[] {
  return facts.decisions.filter((decision) => decision.country === country);
}

/** Decisions grouped by status in DECISION_STATUSES order; statuses with no decision are left out. */
export function decisionsByStatus(
  facts: FactSet,
): readonly { readonly status: DecisionStatus; readonly decisions: readonly Decision[] }[] {
  return DECISION_STATUSES.map((status) => ({
    status,
    decisions: facts.decisions.filter((decision) => decision.status === status),
  })).filter((group) => group.decisions.length > 0);
}

/**
 * Arguments grouped by side in ARGUMENT_SIDES order. Without `side`, sides with no argument are left out;
 * with one, exactly that group is returned (possibly empty, so the caller can say there are none).
 */
export function argumentsBySide(
  facts: FactSet,
  side?: ArgumentSide,
): readonly { readonly side: ArgumentSide; readonly arguments: readonly Argument[] }[] {
  const sides = side === undefined ? ARGUMENT_SIDES : [side];
  return sides
    .map((candidate) => ({ side: candidate, arguments: facts.arguments.filter((a) => a.side === candidate) }))
    .filter((group) => side !== undefined || group.arguments.length > 0);
}
