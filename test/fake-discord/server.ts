/**
 * A local fake Discord for end-to-end tests: enough REST and gateway for the real discord.js Client to log
 * in, receive INTERACTION_CREATE events and answer them. Listens on 127.0.0.1 on a random port; records
 * every request so tests can assert on the exact bodies discord.js sent.
 *
 *   REST   GET  /api/v10/gateway/bot                                     → ws url + session_start_limit
 *          POST /api/v10/interactions/{id}/{token}/callback              → recorded, 204
 *          PATCH /api/v10/webhooks/{app}/{token}/messages/@original       → recorded, message object
 *          POST /api/v10/webhooks/{app}/{token}?wait=true                 → recorded, message object
 *          PUT  /api/v10/applications/{app}[/guilds/{guild}]/commands     → recorded, commands with ids
 *   Multipart bodies (replies with attachments): payload_json is the body, file parts are in `files`.
 *   Gateway HELLO (op 10) → IDENTIFY (op 2) → READY; heartbeats (op 1 → op 11); RESUME (op 6) → RESUMED.
 *
 * Faults for hardening tests: `faults` answers matching REST requests with a chosen status, body and headers
 * (429 + retry-after, 5xx, 401/404 for expired interaction tokens); `closeGateway(code)` drops every session;
 * `closeIdentifyWith` refuses IDENTIFY (4004); `resumes` records RESUME payloads.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

export interface RecordedRequest {
  readonly method: string;
  /** Path including the query string, as received (URL-encoded). */
  readonly url: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  /** Parsed JSON body (for multipart/form-data, the parsed payload_json part). */
  readonly body: unknown;
  /** performance.now() when the body had fully arrived. */
  readonly at: number;
  /** File parts of a multipart/form-data body (attachments), in order; empty for JSON bodies. */
  readonly files: readonly RecordedFile[];
}

export interface RecordedFile {
  /** The form field, e.g. "files[0]". */
  readonly field: string;
  readonly filename: string;
  readonly contentType: string | undefined;
  readonly data: Buffer;
}

export interface InteractionCallback extends RecordedRequest {
  readonly interactionId: string;
  readonly body: { type: number; data?: CallbackData };
  /** Milliseconds from dispatching INTERACTION_CREATE to this callback arriving. */
  readonly latencyMs: number;
}

export interface CallbackData {
  content?: string;
  embeds?: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
    author?: { name: string };
  }[];
  components?: {
    type: number;
    components: { type: number; custom_id?: string; label?: string; disabled?: boolean; style?: number }[];
  }[];
  flags?: number;
  allowed_mentions?: { parse?: string[] };
  choices?: { name: string; value: string }[];
}

/** A fault to answer instead of the normal response, for the next `times` matching requests. */
export interface Fault {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  times: number;
}

export const FAKE_APPLICATION_ID = '1100000000000000001';
export const FAKE_BOT_USER_ID = FAKE_APPLICATION_ID;
export const FAKE_GUILD_ID = '1100000000000000002';
export const FAKE_CHANNEL_ID = '1100000000000000003';
const DISCORD_EPOCH = 1420070400000n;
const HEARTBEAT_INTERVAL_MS = 41_250;

export interface FakeDiscordOptions {
  /** The token the bot must present (Authorization: Bot …); other tokens get 401. */
  readonly token: string;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly callbacks: InteractionCallback[] = [];
  readonly identifies: { token: string; intents: number }[] = [];
  /** RESUME (op 6) payloads received: a reconnecting session asking to continue where it left off. */
  readonly resumes: { token: string; session_id: string; seq: number }[] = [];
  /**
   * When set, IDENTIFY is answered by closing the connection with this code even if the token is right,
   * e.g. 4004 for a token Discord revoked after GET /gateway/bot had accepted it.
   */
  closeIdentifyWith: number | undefined;
  readonly faults: Fault[] = [];
  /** Query string of each gateway connection (v, encoding, compress). */
  readonly gatewayQueries: string[] = [];
  #server: Server | undefined;
  #wss: WebSocketServer | undefined;
  #sockets = new Set<WebSocket>();
  #sequence = 0;
  #snowflakeCounter = 0n;
  #sentAt = new Map<string, number>();
  #waiters = new Map<string, ((callback: InteractionCallback) => void)[]>();
  #port = 0;

  constructor(readonly options: FakeDiscordOptions) {}

  /** REST base to hand discord.js as `rest.api` (without the version). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}/gateway`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.#handleHttp(req, res));
    const wss = new WebSocketServer({ server, path: '/gateway' });
    wss.on('connection', (socket, request) => this.#handleGateway(socket, request));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
    this.#wss = wss;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    this.#wss?.close();
    const server = this.#server;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** Resolves when at least one gateway session has identified and received READY. */
  async waitForIdentify(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.identifies.length === 0) {
      if (Date.now() > deadline) throw new Error('fake discord: no IDENTIFY within timeout');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  snowflake(): string {
    this.#snowflakeCounter += 1n;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) + this.#snowflakeCounter).toString();
  }

  /** Send a gateway dispatch (op 0) to every connected session. */
  dispatch(event: string, data: unknown): void {
    this.#sequence += 1;
    const frame = JSON.stringify({ op: 0, t: event, s: this.#sequence, d: data });
    for (const socket of this.#sockets) socket.send(frame);
  }

  /** Inject an INTERACTION_CREATE and start the clock for its first response. */
  sendInteraction(interaction: { id: string }): void {
    this.#sentAt.set(interaction.id, performance.now());
    this.dispatch('INTERACTION_CREATE', interaction);
  }

  /** Inject an interaction and wait for its callback. */
  async interact(interaction: { id: string }, timeoutMs = 5000): Promise<InteractionCallback> {
    const waiting = this.waitForCallback(interaction.id, timeoutMs);
    this.sendInteraction(interaction);
    return waiting;
  }

  waitForCallback(interactionId: string, timeoutMs = 5000): Promise<InteractionCallback> {
    const existing = this.callbacks.find((callback) => callback.interactionId === interactionId);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`fake discord: no callback for interaction ${interactionId} within ${timeoutMs} ms`),
          ),
        timeoutMs,
      );
      const list = this.#waiters.get(interactionId) ?? [];
      list.push((callback) => {
        clearTimeout(timer);
        resolve(callback);
      });
      this.#waiters.set(interactionId, list);
    });
  }

  /** Close every gateway connection with `code` (e.g. 4000 resumable, 4004 authentication failed). */
  closeGateway(code: number): void {
    for (const socket of this.#sockets) socket.close(code, 'fake discord closed the connection');
  }

  #handleGateway(socket: WebSocket, request: IncomingMessage): void {
    this.#sockets.add(socket);
    this.gatewayQueries.push(request.url?.split('?')[1] ?? '');
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: unknown };
      switch (payload.op) {
        case 1: // Heartbeat
          socket.send(JSON.stringify({ op: 11 }));
          break;
        case 2: {
          // Identify
          const identify = payload.d as { token: string; intents: number };
          this.identifies.push({ token: identify.token, intents: identify.intents });
          if (identify.token !== this.options.token || this.closeIdentifyWith !== undefined) {
            socket.close(this.closeIdentifyWith ?? 4004, 'Authentication failed.');
            return;
          }
          this.#sequence += 1;
          socket.send(
            JSON.stringify({
              op: 0,
              t: 'READY',
              s: this.#sequence,
              d: {
                v: 10,
                user: {
                  id: FAKE_BOT_USER_ID,
                  username: 'article-bot',
                  discriminator: '0',
                  bot: true,
                  avatar: null,
                },
                application: { id: FAKE_APPLICATION_ID, flags: 0 },
                guilds: [],
                session_id: `session-${this.identifies.length}`,
                resume_gateway_url: this.gatewayUrl,
                shard: [0, 1],
              },
            }),
          );
          break;
        }
        case 6: // Resume
          this.resumes.push(payload.d as FakeDiscord['resumes'][number]);
          this.#sequence += 1;
          socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: this.#sequence, d: {} }));
          break;
        default:
          break;
      }
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS } }));
  }

  async #handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? url;
    const method = req.method ?? 'GET';
    const recorded: RecordedRequest = {
      method,
      url,
      path,
      headers: req.headers,
      body: parseBody(raw, req.headers['content-type']),
      at: performance.now(),
      files: parseMultipartFiles(raw, req.headers['content-type']),
    };
    this.requests.push(recorded);

    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.path.test(path));
    if (fault) {
      fault.times -= 1;
      return send(res, fault.status, fault.body ?? { message: 'fake fault', code: 0 }, fault.headers);
    }

    let match: RegExpExecArray | null;
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      if (req.headers.authorization !== `Bot ${this.options.token}`) {
        return send(res, 401, { message: '401: Unauthorized', code: 0 });
      }
      return send(res, 200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (method === 'POST' && (match = /^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const interactionId = match[1] ?? '';
      const sentAt = this.#sentAt.get(interactionId) ?? recorded.at;
      const callback = {
        ...recorded,
        interactionId,
        body: recorded.body as InteractionCallback['body'],
        latencyMs: recorded.at - sentAt,
      };
      this.callbacks.push(callback);
      for (const resolve of this.#waiters.get(interactionId) ?? []) resolve(callback);
      this.#waiters.delete(interactionId);
      res.writeHead(204).end();
      return;
    }
    if (method === 'PATCH' && /^\/api\/v10\/webhooks\/\d+\/[^/]+\/messages\/(%40|@)original$/.test(path)) {
      return send(res, 200, this.#message(recorded.body));
    }
    if (method === 'POST' && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(path)) {
      return send(res, 200, this.#message(recorded.body));
    }
    if (method === 'PUT' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = Array.isArray(recorded.body) ? (recorded.body as object[]) : [];
      return send(
        res,
        200,
        commands.map((command) => ({
          ...command,
          id: this.snowflake(),
          application_id: FAKE_APPLICATION_ID,
          version: '1',
        })),
      );
    }
    return send(res, 404, { message: `fake discord: unknown route ${method} ${path}`, code: 0 });
  }

  /** A message object, as Discord returns for webhook edits and follow-ups. */
  #message(body: unknown): object {
    const data = (body ?? {}) as Record<string, unknown>;
    return fakeBotMessage(this.snowflake(), {
      content: typeof data.content === 'string' ? data.content : '',
      embeds: Array.isArray(data.embeds) ? data.embeds : [],
      components: Array.isArray(data.components) ? data.components : [],
      flags: typeof data.flags === 'number' ? data.flags : 0,
      type: 0,
    });
  }
}

/** A message the bot posted, in Discord's shape (type 0 for a plain post, 20 for a command reply). */
export function fakeBotMessage(
  id: string,
  message: { content: string; embeds: unknown[]; components: unknown[]; flags: number; type: 0 | 20 },
): object {
  return {
    id,
    channel_id: FAKE_CHANNEL_ID,
    author: { id: FAKE_BOT_USER_ID, username: 'article-bot', discriminator: '0', bot: true, avatar: null },
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    application_id: FAKE_APPLICATION_ID,
    webhook_id: FAKE_APPLICATION_ID,
    ...message,
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** JSON bodies as-is; multipart/form-data (sent by discord.js when there are files) via its payload_json part. */
export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  const boundary = /multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (boundary) {
    const marker = `--${boundary[1] ?? boundary[2]}`;
    for (const part of text.split(marker)) {
      const [head, ...rest] = part.split('\r\n\r\n');
      if (head && /name="payload_json"/.test(head))
        return JSON.parse(rest.join('\r\n\r\n').replace(/\r\n$/, ''));
    }
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The file parts of a multipart/form-data body, split on bytes (a PNG is not valid UTF-8). */
export function parseMultipartFiles(raw: Buffer, contentType: string | undefined): RecordedFile[] {
  const boundary = /multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!boundary) return [];
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const files: RecordedFile[] = [];
  let at = raw.indexOf(marker);
  while (at >= 0) {
    const start = at + marker.length + 2; // skip the CRLF after the boundary
    const next = raw.indexOf(marker, start);
    if (next < 0) break;
    const part = raw.subarray(start, next - 2); // drop the CRLF before the next boundary
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, Math.max(0, split)).toString('utf8');
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (split >= 0 && filename !== undefined) {
      files.push({
        field: /name="([^"]*)"/.exec(head)?.[1] ?? '',
        filename,
        contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
        data: Buffer.from(part.subarray(split + 4)),
      });
    }
    at = next;
  }
  return files;
}
