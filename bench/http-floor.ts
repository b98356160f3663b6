/**
 * The floor for `npm run bench:http`: a bare node:http server that reads the body, verifies the Ed25519
 * signature exactly as serve does (same helper) and returns a fixed interaction response. Whatever serve
 * does beyond this (JSON parsing, handlers, engine, store, metrics) is the project's cost.
 */
import http from 'node:http';
import { publicKeyFromHex, verifySignature } from '../src/http/signature.js';

const key = publicKeyFromHex(process.env.DISCORD_PUBLIC_KEY ?? '');
const FIXED = JSON.stringify({ type: 4, data: { content: 'floor', allowed_mentions: { parse: [] } } });

const server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    const ok = verifySignature(key, String(signature), String(timestamp), Buffer.concat(chunks));
    const body = ok ? FIXED : '{"error":"invalid request signature"}';
    res.writeHead(ok ? 200 : 401, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('floor ready'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
