/**
 * Button customIds carry everything a click needs, so a click after a restart still works. Routing
 * (src/bot/commands.ts) uses the part before the first ":".
 */
import { ARGUMENT_SIDES } from '../facts/types.js';
import type { ArgumentSide } from '../facts/types.js';

/**
 * Button customIds carry everything the click needs: `ask:<action>:<key>[:<offset>]`, where key is the
 * answer-cache key of the question (see src/bot/answers.ts). Routing uses the part before the first ":".
 */
export const CUSTOM_ID_PREFIX = 'ask';
export const moreCustomId = (key: string, offset: number) => `${CUSTOM_ID_PREFIX}:more:${key}:${offset}`;
export const shareCustomId = (key: string) => `${CUSTOM_ID_PREFIX}:share:${key}`;
/** Feedback: `ask:up:<key>` / `ask:down:<key>`; the clicked message's id arrives with the click. */
export const voteCustomId = (key: string, helpful: boolean) =>
  `${CUSTOM_ID_PREFIX}:${helpful ? 'up' : 'down'}:${key}`;

/** Paging buttons of the fact listings: `decisions:page:<n>`, `arguments:page:<side|all>:<n>`. */
export const DECISIONS_PREFIX = 'decisions';
export const ARGUMENTS_PREFIX = 'arguments';
export const decisionsPageCustomId = (page: number) => `${DECISIONS_PREFIX}:page:${page}`;
export const argumentsPageCustomId = (side: ArgumentSide | undefined, page: number) =>
  `${ARGUMENTS_PREFIX}:page:${side ?? 'all'}:${page}`;

/** The page a paging button asks for, and for /arguments the side; undefined for anything else. */
export function parsePageCustomId(
  customId: string,
): { readonly page: number; readonly side?: ArgumentSide } | undefined {
  const parts = customId.split(':');
  const page = parts.at(-1);
  if (parts[1] !== 'page' || page === undefined || !/^\d{1,4}$/.test(page)) return undefined;
  if (parts[0] === DECISIONS_PREFIX && parts.length === 3) return { page: Number(page) };
  if (parts[0] === ARGUMENTS_PREFIX && parts.length === 4) {
    const side = ARGUMENT_SIDES.find((candidate) => candidate === parts[2]);
    if (side) return { page: Number(page), side };
    return parts[2] === 'all' ? { page: Number(page) } : undefined;
  }
  return undefined;
}

export type ButtonAction =
  | { readonly kind: 'more'; readonly key: string; readonly offset: number }
  | { readonly kind: 'share'; readonly key: string }
  | { readonly kind: 'vote'; readonly key: string; readonly helpful: boolean };

export function parseCustomId(customId: string): ButtonAction | undefined {
  const [prefix, action, key, offset] = customId.split(':');
  if (prefix !== CUSTOM_ID_PREFIX || !key) return undefined;
  if (action === 'share') return { kind: 'share', key };
  if (action === 'up' || action === 'down') return { kind: 'vote', key, helpful: action === 'up' };
  if (action === 'more' && offset !== undefined && /^\d+$/.test(offset)) {
    return { kind: 'more', key, offset: Number(offset) };
  }
  return undefined;
}
