import { describe, expect, it } from 'vitest';
import { runAsk } from '../src/cli/ask.js';
import { NO_SUCH_FIGURE } from '../src/engine/strings.js';

async function ask(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runAsk(args, {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    readStdin: () => Promise.resolve(''),
  });
  return { code, stdout };
}

describe('ask CLI shows what the engine read and why it gives no answer', () => {
  it('says a chat message was shortened, and to what', async () => {
    const { code, stdout } = await ask(['hi all <@42>! why did australia ban huawei? thanks']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('(shortened to: why did australia ban huawei?)');
  });

  it('prints the reason of a refusal instead of the generic one', async () => {
    const { stdout } = await ask(['What is the market share of Huawei in Italy?']);
    expect(stdout.split('\n')[0]).toBe(NO_SUCH_FIGURE);
  });

  it('answers a question about the article from its file, saying what the file does not record', async () => {
    const { stdout } = await ask(['Who wrote this article?']);
    expect(stdout.split('\n')[0]).toBe(
      'The article file does not record who wrote "Huawei gets some 5G wins, calls for talks with US" (Light Reading): it names no author. The article file records no publication date or URL.',
    );
  });

  it('--json carries asked and reason', async () => {
    const { stdout } = await ask(['--json', 'hey, who published the article? cheers']);
    expect(JSON.parse(stdout)).toMatchObject({
      query: 'hey, who published the article? cheers',
      asked: 'who published the article?',
      answered: false,
      reason:
        '"Huawei gets some 5G wins, calls for talks with US" was published by Light Reading. The article file records no author, publication date or URL.',
    });
  });

  it('adds neither for a question read as typed and answered', async () => {
    const answer = JSON.parse((await ask(['--json', 'Why did Australia ban Huawei?'])).stdout) as object;
    expect(Object.keys(answer)).not.toContain('asked');
    expect(Object.keys(answer)).not.toContain('reason');
  });
});
