/**
 * After a deferred response, the answer is sent by editing the original response through the interaction's
 * webhook: PATCH ${DISCORD_API_URL}/v10/webhooks/{application_id}/{token}/messages/@original. No bot token is
 * needed: the interaction token authorises it. A 429 or 5xx is retried a few times, honouring retry-after.
 */
import type { APIInteractionResponseCallbackData } from 'discord.js';
import type { Logger } from '../bot/log.js';
import type { ReplyFile } from '../bot/reply.js';

export const DISCORD_API = 'https://discord.com/api';
const ATTEMPTS = 4;
const MAX_WAIT_MS = 5000;

export function originalResponseUrl(apiUrl: string, applicationId: string, token: string): string {
  return `${apiUrl}/v10/webhooks/${encodeURIComponent(applicationId)}/${encodeURIComponent(token)}/messages/@original`;
}

export async function editOriginal(
  apiUrl: string,
  applicationId: string,
  token: string,
  body: APIInteractionResponseCallbackData,
  log: Logger,
  files: readonly ReplyFile[] = [],
): Promise<boolean> {
  // A deferred reply's visibility is fixed by the deferral; an edit carries everything else.
  const { flags: _flags, ...edit } = body;
  const url = originalResponseUrl(apiUrl, applicationId, token);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let status = 0;
    let waitMs = 250 * attempt;
    try {
      const payload = { ...edit, allowed_mentions: { parse: [] } };
      const response = await fetch(url, {
        method: 'PATCH',
        // Files go as multipart/form-data (fetch sets the boundary); everything else as JSON.
        ...(files.length > 0
          ? { body: withFiles(payload, files) }
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }),
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
      const text = await response.text();
      if (response.ok) return true;
      if (status === 429) {
        const retryAfter = Number(response.headers.get('retry-after') ?? safeJson(text)?.retry_after);
        if (Number.isFinite(retryAfter)) waitMs = retryAfter * 1000;
      } else if (status < 500) {
        // 404/401: the token expired (15 minutes) or the message is gone; nobody can be told any more.
        log.warn('follow-up rejected by Discord', { status, body: text.slice(0, 200) });
        return false;
      }
    } catch (error) {
      log.warn('follow-up failed', {
        attempt,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    if (attempt < ATTEMPTS)
      await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, MAX_WAIT_MS)));
    else log.error('follow-up gave up', { status, attempts: ATTEMPTS });
  }
  return false;
}

/**
 * Discord's upload form: the message as payload_json with an `attachments` entry per file, and the files
 * as files[n] parts. Built anew for each attempt (a sent body cannot be reused).
 */
function withFiles(payload: Record<string, unknown>, files: readonly ReplyFile[]): FormData {
  const form = new FormData();
  const attachments = files.map((file, id) => ({
    id,
    filename: file.name,
    ...(file.description === undefined ? {} : { description: file.description }),
  }));
  form.append('payload_json', JSON.stringify({ ...payload, attachments }));
  files.forEach((file, id) => form.append(`files[${id}]`, new Blob([file.attachment]), file.name));
  return form;
}

function safeJson(text: string): { retry_after?: number } | undefined {
  try {
    return JSON.parse(text) as { retry_after?: number };
  } catch {
    return undefined;
  }
}
