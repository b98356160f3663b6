/**
 * The Interactions Endpoint: POST /interactions (signature checked before anything else), GET /healthz,
 * /readyz and /metrics. Interactions go to the same plain handlers as the gateway bot (src/bot/handle.ts);
 * one slower than `deferAfterMs` is answered with a deferral (type 5) and finished with a webhook edit.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { Handled, Handler } from '../bot/handle.js';
import type { Logger } from '../bot/log.js';
import type { Metrics, RejectReason } from '../metrics/metrics.js';
import { editOriginal } from './followup.js';
import {
  choicesResponse,
  deferredResponse,
  messageBody,
  messageResponse,
  updateResponse,
  parseInteraction,
} from './interaction.js';
import { verifySignature } from './signature.js';

/** Discord's interactions are a few KiB; anything past 1 MiB is refused unread. */
export const MAX_BODY_BYTES = 1_048_576;
/** Discord waits 3 s for the first response; deferring at 1.5 s leaves room for the network. */
export const DEFAULT_DEFER_AFTER_MS = 1500;

export interface InteractionServerOptions {
  readonly publicKey: KeyObject;
  readonly handler: Handler;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** REST base without the version (follow-ups go to `${apiUrl}/v10/webhooks/…`). */
  readonly apiUrl: string;
  readonly deferAfterMs?: number;
  /** Data and store loaded, and not shutting down. */
  readonly isReady: () => boolean;
  /**
   * Whether interactions can be handled yet (default: always). Before start-up finishes they get a 503,
   * which Discord shows as "did not respond"; while draining they are still answered.
   */
  readonly canHandle?: () => boolean;
}

export interface InteractionServer {
  readonly server: http.Server;
  /** Stop accepting, let in-flight requests and follow-ups finish (at most `timeoutMs`), then resolve. */
  drain(timeoutMs: number): Promise<void>;
}

export function createInteractionServer(options: InteractionServerOptions): InteractionServer {
  const { handler, metrics, log } = options;
  const deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const pending = new Set<Promise<unknown>>();
  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => {});
    return promise;
  };

  const server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    void track(route(req, res)).catch((error: unknown) => {
      log.error('request failed', { error: error instanceof Error ? error : new Error(String(error)) });
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = (req.url ?? '/').split('?', 1)[0];
    if (url === '/interactions') {
      if (req.method !== 'POST') return reject(res, 405, 'method', 'POST only');
      return interactions(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return reject(res, 405, 'method', 'GET only');
    if (url === '/healthz') return send(res, 200, { status: 'ok' });
    if (url === '/readyz') {
      return options.isReady()
        ? send(res, 200, { status: 'ready' })
        : send(res, 503, { status: 'not ready' });
    }
    if (url === '/metrics') {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(text);
      return;
    }
    return reject(res, 404, 'not_found', 'no such route');
  }

  async function interactions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too large') {
      res.setHeader('connection', 'close');
      return reject(res, 413, 'too_large', `body over ${MAX_BODY_BYTES} bytes`);
    }
    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    if (!verifySignature(options.publicKey, signature, timestamp, body)) {
      return reject(res, 401, 'signature', 'invalid request signature');
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return reject(res, 400, 'bad_json', 'the body is not JSON');
    }
    const parsed = parseInteraction(json);
    if (options.canHandle && !options.canHandle()) return reject(res, 503, 'not_ready', 'starting up');
    if (parsed.kind === 'ping') return send(res, 200, { type: 1 });
    if (parsed.kind === 'invalid') return reject(res, 400, 'unknown_type', parsed.problem);

    const { interaction, applicationId, token, typeLabel } = parsed.parsed;
    const command =
      interaction.kind === 'button' ? buttonLabel(interaction.request.customId) : interaction.name;
    const work = handler(interaction);
    const first = await firstOf(work, deferAfterMs);
    const seconds = () => (performance.now() - started) / 1000;
    if (first !== TOO_SLOW) {
      metrics.interaction(typeLabel, command, first.outcome, seconds());
      const files = first.kind === 'reply' ? (first.reply.files ?? []) : [];
      if (files.length === 0 || first.kind !== 'reply') return send(res, 200, responseOf(first));
      // An interaction response over HTTP cannot carry files: acknowledge, then send the message with its
      // files (the /decisions map) as the edit of the original response, which can.
      send(res, 200, deferredResponse(first.reply.flags !== undefined));
      const reply = first.reply;
      await track(editOriginal(options.apiUrl, applicationId, token, messageBody(reply), log, files));
      return;
    }
    // Too slow for Discord's 3 s: acknowledge now, edit the answer in when it is ready.
    const ephemeral = interaction.kind !== 'command' || interaction.request.options.private === true;
    metrics.interaction(typeLabel, command, 'deferred', seconds());
    log.warn('handler is slow: deferring', { what: command, afterMs: deferAfterMs });
    send(res, 200, deferredResponse(ephemeral));
    await track(
      work.then(async (handled) => {
        if (handled.kind === 'reply') {
          const files = handled.reply.files ?? [];
          await editOriginal(options.apiUrl, applicationId, token, messageBody(handled.reply), log, files);
        }
      }),
    );
  }

  return {
    server,
    async drain(timeoutMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), timeoutMs).unref(),
      );
      const done = await Promise.race([
        Promise.all([closed, ...pending]).then(() => 'done' as const),
        deadline,
      ]);
      if (done === 'timeout') {
        log.warn('shutdown: in-flight work did not finish in time', { pending: pending.size });
        server.closeAllConnections();
      }
    },
  };

  function reject(res: ServerResponse, status: number, reason: RejectReason, message: string): void {
    metrics.rejected(reason);
    send(res, status, { error: message });
  }
}

const TOO_SLOW = Symbol('too slow');

async function firstOf(work: Promise<Handled>, ms: number): Promise<Handled | typeof TOO_SLOW> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<typeof TOO_SLOW>((resolve) => (timer = setTimeout(resolve, ms, TOO_SLOW))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function responseOf(handled: Handled) {
  if (handled.kind === 'choices') return choicesResponse(handled.choices);
  return handled.update === true ? updateResponse(handled.reply) : messageResponse(handled.reply);
}

/** "ask:more:…" → "ask:more": the button's command and action, never the per-answer key. */
function buttonLabel(customId: string): string {
  return customId.split(':').slice(0, 2).join(':').slice(0, 40);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The raw body (signatures cover the exact bytes), or 'too large' as soon as it passes `limit`. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve('too large');
  }
  return new Promise((resolve, rejectBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        resolve('too large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', rejectBody);
  });
}
