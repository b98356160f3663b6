import { afterEach, describe, expect, it, vi } from 'vitest';
import { logInternalErrorToStderr } from '../src/library.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('internal engine errors (the library hook)', () => {
  it('the CLI hook writes the reference, the question and the stack to stderr', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const error = new Error('boom');
    logInternalErrorToStderr(error, 'why did italy approve?', 'ab12cd34');
    const text = written.join('');
    expect(
      text.startsWith('engine: internal error [ref ab12cd34] on question "why did italy approve?"\n'),
    ).toBe(true);
    expect(text).toContain(error.stack ?? 'boom');
  });
});
