import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAsk } from '../src/cli/ask.js';

// Spawning costs about a second each, so only the end-to-end contract is spawned; the rest runs in-process.
const SEED = readFileSync('test/fixtures/seed-article.txt', 'utf8');
const MIXED = 'test/fixtures/corpus/good-mixed';

function ask(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], {
    input: input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function askInProcess(
  args: string[],
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runAsk(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => Promise.resolve(stdin),
  });
  return { code, stdout, stderr };
}

interface JsonResult {
  article: string;
  title: string;
  paragraph: number;
  score: number;
  text: string;
  excerpt: string;
}
interface JsonAnswer {
  query: string;
  answered: boolean;
  results: JsonResult[];
}

describe('ask CLI, spawned', () => {
  it('--json prints exactly one JSON object with verbatim passages, and nothing else', () => {
    const run = ask(['--json', 'Why did Australia ban Huawei?']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('\n')).toBe(true);
    const answer = JSON.parse(run.stdout) as JsonAnswer;
    expect(answer.query).toBe('Why did Australia ban Huawei?');
    expect(answer.answered).toBe(true);
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.length).toBeLessThanOrEqual(5);
    for (const result of answer.results) {
      expect(Object.keys(result)).toEqual(
        expect.arrayContaining(['article', 'title', 'paragraph', 'score', 'text', 'excerpt']),
      );
      expect(result.article).toBe('huawei-5g-wins');
      expect(result.title).toBe('Huawei gets some 5G wins, calls for talks with US');
      expect(Number.isInteger(result.paragraph)).toBe(true);
      expect(typeof result.score).toBe('number');
      expect(SEED.includes(result.text)).toBe(true);
    }
  });

  it('--stdin --json answers one line per question in order, from --data', () => {
    const run = ask(
      ['--stdin', '--json', '--data', MIXED],
      'When was the lighthouse automated?\n\nFerry fares?\n',
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const answers = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as JsonAnswer);
    expect(answers.map((a) => a.query)).toEqual(['When was the lighthouse automated?', '', 'Ferry fares?']);
    expect(answers[0]?.results[0]).toMatchObject({ article: 'lighthouse-keepers', paragraph: 1 });
    expect(answers[1]).toEqual({ query: '', answered: false, results: [], facts: [] });
  });

  it('exits 2 with the reason on stderr for bad usage and bad data', () => {
    const usage = ask(['--bogus', 'question']);
    expect(usage.status).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr.split('\n')[0]).toBe('ask: unknown option --bogus');

    const data = ask(['--data', 'test/fixtures/corpus/no-title-md', 'question']);
    expect(data.status).toBe(2);
    expect(data.stdout).toBe('');
    expect(data.stderr).toBe(
      'ask: data error: test/fixtures/corpus/no-title-md/article.md: front matter field "title" is missing\n',
    );
  });
});

describe('ask CLI, in-process', () => {
  it.each([
    [[], 'ask: no question given'],
    [['--json'], 'ask: no question given'],
    [['--data'], 'ask: --data needs a folder, e.g. --data data'],
    [['--data', '--json', 'q'], 'ask: --data needs a folder, e.g. --data data'],
    [['--json=yes', 'q'], 'ask: --json does not take a value'],
    [['--limit', '0', 'q'], 'ask: --limit must be a whole number from 1 to 5 (got "0")'],
    [['--stdin', 'q'], 'ask: give either a question or --stdin, not both'],
    [
      ['--data', 'no/such/folder', 'q'],
      'ask: data error: no/such/folder: folder not found: expected a folder of .md or .txt articles',
    ],
  ])('%j exits 2 with %s', async (args, message) => {
    const run = await askInProcess(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe(message);
  });

  it('prints the best excerpt with its citation, then "See also" lines', async () => {
    const run = await askInProcess(['--data', MIXED, 'How much are single fares on the harbour ferry?']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]?.startsWith('> ')).toBe(true);
    expect(lines[0]).toContain('**');
    expect(lines[1]).toBe('— "The harbour ferry returns after a winter refit", ¶3');
  });

  it('--limit caps the number of results', async () => {
    const run = await askInProcess([
      '--json',
      '--limit',
      '1',
      '--data',
      MIXED,
      'ferry engines batteries harbour',
    ]);
    const answer = JSON.parse(run.stdout) as JsonAnswer;
    expect(answer.results.length).toBeLessThanOrEqual(1);
  });

  it.each([
    ['Is Italy letting Vodafone use Huawei?', 'decision', 'Italy (Vodafone)', 7],
    ['Why did Australia ban Huawei?', 'decision', 'Australia', 17],
    ['What does Vincent Peng hope for?', 'argument', 'Vincent Peng', 12],
  ])('--json leads %j with the cited fact', async (question, kind, subject, paragraph) => {
    const run = await askInProcess(['--json', question]);
    const answer = JSON.parse(run.stdout) as JsonAnswer & {
      facts: { kind: string; subject: string; paragraph: number; quote: string }[];
    };
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]).toMatchObject({ kind, subject, paragraph });
    const cited = answer.results.find((result) => result.paragraph === paragraph);
    expect(SEED).toContain(answer.facts[0]?.quote);
    expect(cited?.text ?? SEED).toContain(answer.facts[0]?.quote);
  });

  it('--json has no facts when the article does not cover the question', async () => {
    const run = await askInProcess(['--json', 'Did Germany ban Huawei?']);
    expect(JSON.parse(run.stdout)).toMatchObject({ facts: [] });
  });
});
