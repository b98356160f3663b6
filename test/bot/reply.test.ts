import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/bot/limits.js';
import {
  answerReply,
  helpReply,
  morePassagesReply,
  noMatchReply,
  passageChoice,
  quoteReply,
  sourcesReply,
} from '../../src/bot/answer-reply.js';
import { parseCustomId } from '../../src/bot/custom-ids.js';
import { autocompleteChoices, errorReply } from '../../src/bot/reply.js';
import { toPlainText } from '../../src/bot/text.js';
import { CAPTION, P1, P2, P3, SAMPLE, SAMPLE_WITH_URL, article, cited, hit, passage } from './fixtures.js';
import { expectNoLiveMentions, expectWithinLimits } from './limits-check.js';

const EPHEMERAL = 64;

describe('answerReply', () => {
  const reply = answerReply({
    question: 'When was the bridge approved?',
    hits: [
      cited(hit(P1, ['approved', 'bridge_plan'])),
      cited(hit(P2, ['cost'])),
      cited(hit(CAPTION)),
      cited(hit(P3)),
    ],
    key: 'abc123',
    ephemeral: false,
  });
  const embed = reply.embeds[0]!;

  it('shows the excerpt verbatim with matched words in bold', () => {
    expect(embed.description).toBe(
      'The council **approved** the \\*new\\* **bridge\\_plan** on Monday. Work starts in May.',
    );
    expect(toPlainText(embed.description!)).toBe(P1.text);
  });

  it('cites title, ¶ and publisher, and lists two more passages under See also', () => {
    expect(embed.fields!.map((f) => f.name)).toEqual([
      'Source',
      'See also · ¶2',
      'See also · caption after ¶2',
    ]);
    expect(embed.fields![0]!.value).toBe('*A sample article, ¶1* · Sample Times');
    expect(embed.fields![2]!.value).toBe('*Caption:* Pictured: the old bridge at dusk.');
  });

  it('is public, parses no mentions, and offers More passages from the fourth hit, then 👍/👎', () => {
    expect(reply.flags).toBeUndefined();
    expect(reply.allowedMentions).toEqual({ parse: [] });
    const buttons = reply.components[0]!.components;
    expect(buttons).toHaveLength(3);
    expect(buttons.slice(1)).toMatchObject([
      { label: 'Helpful', emoji: { name: '👍' }, custom_id: 'ask:up:abc123' },
      { label: 'Not helpful', emoji: { name: '👎' }, custom_id: 'ask:down:abc123' },
    ]);
    expect(parseCustomId('ask:up:abc123')).toEqual({ kind: 'vote', key: 'abc123', helpful: true });
    expect(parseCustomId('ask:down:abc123')).toEqual({ kind: 'vote', key: 'abc123', helpful: false });
    expect(buttons[0]).toMatchObject({
      label: 'More passages',
      custom_id: 'ask:more:abc123:3',
      disabled: false,
    });
  });

  it('private answers are ephemeral and add Share', () => {
    const privateReply = answerReply({ question: 'q', hits: [cited(hit(P1))], key: 'k', ephemeral: true });
    expect(privateReply.flags).toBe(EPHEMERAL);
    const buttons = privateReply.components[0]!.components;
    expect(buttons.map((b) => ('label' in b ? b.label : ''))).toEqual([
      'More passages',
      'Share',
      'Helpful',
      'Not helpful',
    ]);
    expect(buttons[0]).toMatchObject({ disabled: true }); // nothing more to show
    expect(parseCustomId('ask:share:k')).toEqual({ kind: 'share', key: 'k' });
  });

  it('links the citation with a text fragment when the article has a URL', () => {
    const linked = answerReply({
      question: 'q',
      hits: [cited(hit(P1), SAMPLE_WITH_URL)],
      key: 'k',
      ephemeral: false,
    });
    expect(linked.embeds[0]!.fields![0]!.value).toBe(
      '[A sample article, ¶1](https://example.com/news/bridge#:~:text=The%20council%20approved%20the%20*new*%20bridge_plan) · Sample Times',
    );
  });

  it('a context-menu answer links back to the message it answers', () => {
    const url = 'https://discord.com/channels/1/2/3';
    const referenced = answerReply({
      question: 'q',
      hits: [cited(hit(P1))],
      key: 'k',
      ephemeral: false,
      reference: { url },
    });
    expect(referenced.embeds[0]!.fields![0]).toEqual({
      name: 'Asked about',
      value: `[this message](${url})`,
    });
  });
});

describe('other replies', () => {
  it('More passages shows the next page privately, each passage with its ¶', () => {
    const hits = [P1, P2, CAPTION, P3].map((p) => cited(hit(p)));
    const reply = morePassagesReply({ question: 'q', hits, key: 'k', offset: 1 });
    expect(reply.flags).toBe(EPHEMERAL);
    expect(reply.embeds[0]!.fields!.map((f) => f.name)).toEqual(['¶2', 'caption after ¶2', '¶3']);
    expect(reply.components).toEqual([]);
    expect(morePassagesReply({ question: 'q', hits, key: 'k', offset: 4 }).content).toBe(
      'There are no more passages for this question.',
    );
  });

  it('no match is ephemeral, says the article does not cover it and lists closest topics', () => {
    const reply = noMatchReply('What is the capital of France?', ['Bridge costs', 'Council vote']);
    expect(reply.flags).toBe(EPHEMERAL);
    expect(reply.content).toBe(
      [
        "The article doesn't cover that: nothing in it answers “What is the capital of France?”.",
        '',
        'Closest topics it does cover:',
        '• Bridge costs',
        '• Council vote',
        '',
        'Try /ask with one of these, or /help for tips.',
      ].join('\n'),
    );
  });

  it('/quote posts the whole passage verbatim, with a list marker escaped, and its citation', () => {
    const reply = quoteReply(SAMPLE, P3);
    expect(reply.embeds[0]!.title).toBe('¶3');
    expect(reply.embeds[0]!.description).toBe(
      '1\\. First, the river must be surveyed.\n\\- Then the piers are built.',
    );
    expect(toPlainText(reply.embeds[0]!.description!)).toBe(P3.text);
    expect(reply.embeds[0]!.fields![0]!.value).toBe('*A sample article, ¶3* · Sample Times');
  });

  it('/quote splits a passage longer than one description at sentence boundaries and keeps the citation', () => {
    const sentence = 'This sentence is part of a very long paragraph about bridges. ';
    const long = passage('sample', 9, sentence.repeat(80).trim()); // ~5,000 characters
    const reply = quoteReply(article({ passages: [long] }), long);
    expectWithinLimits(reply);
    expect(reply.embeds.length).toBe(2);
    expect(reply.embeds[0]!.description!.endsWith('bridges.')).toBe(true);
    const shown = reply.embeds.map((e) => toPlainText(e.description!)).join(' ');
    expect(shown).toBe(long.text);
    expect(reply.embeds.at(-1)!.fields![0]!.value).toContain('¶9');
  });

  it('/quote trims a passage too long for one message, still within 6000, still cited', () => {
    const long = passage('sample', 9, 'word '.repeat(3000).trim());
    const reply = quoteReply(article({ passages: [long] }), long);
    expectWithinLimits(reply);
    expect(reply.embeds.at(-1)!.description!.endsWith('…')).toBe(true);
    expect(reply.embeds.at(-1)!.fields![0]!.value).toContain('¶9');
  });

  it('/sources counts paragraphs and captions; /help is private; errors carry a ref', () => {
    expect(sourcesReply([SAMPLE]).embeds[0]!.description).toBe(
      '**A sample article** · Sample Times\n3 paragraphs, 1 caption',
    );
    expect(helpReply().flags).toBe(EPHEMERAL);
    expect(errorReply('A1B2C3')).toMatchObject({
      content: 'Something went wrong (ref A1B2C3). It has been logged; please try again in a moment.',
      flags: EPHEMERAL,
    });
  });
});

describe('autocomplete', () => {
  it('returns at most 25 unique choices with names and values of 1–100 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      name: `Question ${i % 30} ${'x'.repeat(i * 5)}`,
      value: `v${i % 30}`,
    }));
    const choices = autocompleteChoices([{ name: '   ', value: 'blank' }, ...many]);
    expect(choices).toHaveLength(25);
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThanOrEqual(1);
      expect(choice.name.length).toBeLessThanOrEqual(100);
    }
  });

  it('lists passages as "¶N text…" with the passage id as value', () => {
    const choice = passageChoice(
      passage(
        'sample',
        9,
        'The government has approved the plan, but only with conditions that limit remote management of the network by the vendor.',
      ),
    );
    expect(choice.value).toBe('sample#p9');
    expect(choice.name.startsWith('¶9 The government has approved')).toBe(true);
    expect(choice.name.endsWith('…')).toBe(true);
    expect(choice.name.length).toBeLessThanOrEqual(100);
  });
});

describe('limits hold for any input (property)', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 3000 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constantFrom(
      '@everyone',
      '@here',
      '<@123456789012345678>',
      '<@&123456789012345678>',
      '```',
      '**',
      '\\',
      '> ',
    ),
  );
  const anyPassage = fc
    .tuple(fc.nat(99), anyText, fc.boolean())
    .map(([n, text, caption]) => passage('any', n, text || 'x', caption ? 'caption' : 'paragraph'));
  const anyHit = fc
    .tuple(
      anyPassage,
      fc.array(fc.tuple(fc.nat(3000), fc.nat(60)), { maxLength: 10 }),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([p, spans, clippedStart, clippedEnd]) => ({
      passage: p,
      score: 1,
      excerpt: {
        text: p.text,
        highlights: spans.map(([s, l]) => [s, s + l] as const),
        clippedStart,
        clippedEnd,
      },
    }));
  const anyArticle = fc
    .tuple(anyText, fc.option(anyText, { nil: undefined }), fc.option(fc.webUrl(), { nil: undefined }))
    .map(([title, publisher, url]) =>
      article({ id: 'any', title: title || 't', publisher, url, passages: [] }),
    );

  it('answer, more, no-match, quote and sources replies', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.array(anyHit, { minLength: 1, maxLength: 8 }),
        anyArticle,
        fc.boolean(),
        (question, hits, art, ephemeral) => {
          const citedHits = hits.map((h) => cited(h, art));
          const replies = [
            answerReply({
              question,
              hits: citedHits,
              key: 'key',
              ephemeral,
              reference: { url: 'https://discord.com/channels/1/2/3' },
            }),
            answerReply({ question, asked: question, hits: citedHits, key: 'key', ephemeral }),
            morePassagesReply({ question, hits: citedHits, key: 'key', offset: 1 }),
            noMatchReply(
              question,
              hits.map((h) => h.passage.text),
            ),
            noMatchReply(question, [], { asked: question, reason: hits[0]!.passage.text }),
            quoteReply(art, hits[0]!.passage),
            sourcesReply([{ ...art, passages: hits.map((h) => h.passage) }]),
          ];
          for (const reply of replies) {
            expectWithinLimits(reply);
            const title = reply.embeds[0]?.title ?? '';
            expectNoLiveMentions(
              `${title}\n${reply.content ?? ''}\n${reply.embeds.map((e) => e.description ?? '').join('\n')}`,
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('autocomplete choices', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: anyText, value: anyText }), { maxLength: 60 }), (raw) => {
        const choices = autocompleteChoices(raw);
        expect(choices.length).toBeLessThanOrEqual(LIMITS.autocompleteChoices);
        for (const { name, value } of choices) {
          expect(name.length).toBeGreaterThanOrEqual(1);
          expect(name.length).toBeLessThanOrEqual(LIMITS.choiceName);
          expect(value.length).toBeGreaterThanOrEqual(1);
          expect(value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
        }
      }),
    );
  });
});

describe('what the engine read and why it found nothing', () => {
  it('"Read as" under a shortened message; a reason replaces the generic no-match sentence', () => {
    const answer = answerReply({
      question: 'hi all, long message… why did the council approve it?',
      asked: 'why did the council approve it?',
      hits: [cited(hit(P1))],
      key: 'k',
      ephemeral: false,
    });
    expect(answer.embeds[0]!.fields!.find((f) => f.name === 'Read as')?.value).toBe(
      '“why did the council approve it?” (your message, shortened to its question)',
    );
    expect(noMatchReply('how much?', [], { reason: 'The article gives no such figure.' }).content).toBe(
      'The article gives no such figure.',
    );
    expect(
      noMatchReply('hello there, how much?', [], { asked: 'how much?', reason: 'No *such* figure.' }).content,
    ).toBe('No \\*such\\* figure.\nRead as: “how much?” (your message, shortened to its question)');
    expect(noMatchReply('hello there, weather?', [], { asked: 'weather?' }).content).toBe(
      "The article doesn't cover that: nothing in it answers “weather?”.\nYour message was shortened to its question.",
    );
  });
});
