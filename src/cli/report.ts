/**
 * `npm run --silent report [-- --json]`: what maintainers learn from use: the questions the bot refused
 * (most frequent first) and the votes on its answers (most voted first), read from the same store the bot
 * writes (DATABASE_URL, else STORE_DIR). stdout carries only the report; exit 0, 2 for bad usage or config,
 * 1 when the store cannot be read.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { redact } from '../bot/log.js';
import { openStore } from '../store/store.js';
import type { Report } from '../store/store.js';

const USAGE = 'usage: npm run --silent report -- [--json]';

export function formatReport(report: Report): string {
  const lines: string[] = [];
  lines.push(`Refused questions (${report.refused.length})`);
  if (report.refused.length === 0) lines.push('  (none recorded)');
  else
    lines.push(
      ...table(
        ['count', 'question'],
        report.refused.map((r) => [String(r.count), r.question]),
      ),
    );
  lines.push('', `Feedback on answers (${report.feedback.length})`);
  if (report.feedback.length === 0) lines.push('  (none recorded)');
  else {
    lines.push(
      ...table(
        ['helpful', 'not helpful', 'question'],
        report.feedback.map((f) => [String(f.helpful), String(f.notHelpful), f.question]),
      ),
    );
  }
  return lines.join('\n');
}

/** Right-aligned number columns, the question last and unpadded. */
function table(head: readonly string[], rows: readonly string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    '  ' + cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), ...rows.map(line)];
}

async function main(): Promise<number> {
  let json: boolean;
  try {
    const { values } = parseArgs({ options: { json: { type: 'boolean' }, help: { type: 'boolean' } } });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    json = values.json === true;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    return 2;
  }
  try {
    const store = await openStore(config);
    try {
      const report = await store.report();
      console.log(json ? JSON.stringify(report) : formatReport(report));
    } finally {
      await store.close();
    }
    return 0;
  } catch (error) {
    console.error(redact((error as Error).message, config.databaseUrl ? [config.databaseUrl] : []));
    return 1;
  }
}

process.exitCode = await main();
