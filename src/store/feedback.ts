/**
 * The store as the answer flow uses it: remember each answered question once per process (buttons on it
 * may be clicked on any replica), record refusals and votes, and tell the metrics about them.
 */
import type { Store, StoredAnswer, Vote } from './store.js';

export interface Feedback {
  /** Make the answer behind `key` recoverable by every replica (written once per key per process). */
  answered(key: string, answer: StoredAnswer): Promise<void>;
  recall(key: string): Promise<StoredAnswer | undefined>;
  refused(question: string, guildId: string | undefined): Promise<void>;
  vote(vote: Vote): Promise<'recorded' | 'replaced'>;
}

export interface FeedbackHooks {
  onRefusal?(): void;
  onVote?(helpful: boolean, outcome: 'recorded' | 'replaced'): void;
}

/** Keys known to be stored already; bounded so a long-running process does not grow without end. */
const REMEMBERED_KEYS = 5000;

/**
 * `store` may still be opening (the gateway logs in meanwhile: PGlite takes seconds to open): every
 * operation waits for it, so nothing is answered before it is recorded.
 */
export function createFeedback(opening: Store | Promise<Store>, hooks: FeedbackHooks = {}): Feedback {
  const remembered = new Set<string>();
  const ready = Promise.resolve(opening);
  // Unhandled until the first vote otherwise; the opener reports the failure itself.
  ready.catch(() => {});
  return {
    async answered(key, answer) {
      if (remembered.has(key)) return;
      const store = await ready;
      await store.rememberAnswer(key, answer);
      if (remembered.size >= REMEMBERED_KEYS) remembered.clear();
      remembered.add(key);
    },
    recall: async (key) => (await ready).findAnswer(key),
    async refused(question, guildId) {
      await (await ready).recordRefusal(question, guildId);
      hooks.onRefusal?.();
    },
    async vote(vote) {
      const outcome = await (await ready).recordVote(vote);
      hooks.onVote?.(vote.helpful, outcome);
      return outcome;
    },
  };
}
