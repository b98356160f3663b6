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
  /** A write that nobody waited for failed (see createFeedback). */
  onBackgroundError?(error: unknown): void;
  onRefusal?(): void;
  onVote?(helpful: boolean, outcome: 'recorded' | 'replaced'): void;
}

/** Keys known to be stored already; bounded so a long-running process does not grow without end. */
const REMEMBERED_KEYS = 5000;

/**
 * `opening` may still be opening: the gateway logs in meanwhile, since PGlite takes seconds to open. A vote
 * (whose reply says "recorded") always waits for the store. Answers and refusals are written before the
 * reply once the store is open; in the first seconds before that they are queued instead of holding up
 * the answer (`npm run serve` opens the store before it reports ready, so there they always wait).
 */
export function createFeedback(opening: Store | Promise<Store>, hooks: FeedbackHooks = {}): Feedback {
  const remembered = new Set<string>();
  const ready = Promise.resolve(opening);
  let open: Store | undefined;
  // Unhandled until the first vote otherwise; the opener reports the failure itself.
  ready.then((store) => (open = store)).catch(() => {});
  const write = async (action: (store: Store) => Promise<void>) => {
    if (open) return action(open);
    ready.then(action).catch((error: unknown) => hooks.onBackgroundError?.(error));
  };
  return {
    async answered(key, answer) {
      if (remembered.has(key)) return;
      await write(async (store) => {
        await store.rememberAnswer(key, answer);
        if (remembered.size >= REMEMBERED_KEYS) remembered.clear();
        remembered.add(key);
      });
    },
    recall: async (key) => (await ready).findAnswer(key),
    async refused(question, guildId) {
      await write(async (store) => {
        await store.recordRefusal(question, guildId);
        hooks.onRefusal?.();
      });
    },
    async vote(vote) {
      const outcome = await (await ready).recordVote(vote);
      hooks.onVote?.(vote.helpful, outcome);
      return outcome;
    },
  };
}
