/**
 * Prometheus metrics of one process (`GET /metrics`): interactions by type, command and outcome, their
 * latency, requests refused at the door, refused questions and votes. Labels take bounded values only
 * (command names the bot knows, fixed outcome words), never user text.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type InteractionOutcome = 'answered' | 'deferred' | 'rate-limited' | 'unknown' | 'error';
export type RejectReason =
  'not_ready' | 'signature' | 'too_large' | 'bad_json' | 'unknown_type' | 'not_found' | 'method';

export interface Metrics {
  readonly registry: Registry;
  interaction(type: string, command: string, outcome: InteractionOutcome, seconds: number): void;
  rejected(reason: RejectReason): void;
  refusal(): void;
  vote(helpful: boolean, outcome: 'recorded' | 'replaced'): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const interactions = new Counter({
    name: 'discord_interactions_total',
    help: 'Interactions answered, by interaction type, command and outcome',
    labelNames: ['type', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'discord_interaction_duration_seconds',
    help: 'Time from a verified request to its first response',
    labelNames: ['type'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const rejected = new Counter({
    name: 'http_requests_rejected_total',
    help: 'Requests refused before reaching a handler (bad signature, too large, bad JSON, unknown type…)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'discord_refused_questions_total',
    help: 'Questions the article does not cover (no-match answers)',
    registers: [registry],
  });
  const votes = new Counter({
    name: 'discord_feedback_votes_total',
    help: 'Helpful / not helpful votes, and whether they replaced an earlier vote',
    labelNames: ['vote', 'outcome'] as const,
    registers: [registry],
  });
  return {
    registry,
    interaction(type, command, outcome, seconds) {
      interactions.inc({ type, command, outcome });
      latency.observe({ type }, seconds);
    },
    rejected: (reason) => rejected.inc({ reason }),
    refusal: () => refusals.inc(),
    vote: (helpful, outcome) => votes.inc({ vote: helpful ? 'helpful' : 'not_helpful', outcome }),
  };
}
