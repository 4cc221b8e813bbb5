// Sentences and tokens keep UTF-16 offsets into the original text; abbreviations and initials do not split.
import { describe, expect, it } from 'vitest';
import { segment, tokenize } from '../src/stages/segment/segment.js';

const sentences = (text: string) => segment(text).sentences.map((s) => text.slice(s.start, s.end));

describe('segment', () => {
  it('does not split at initials, titles or U.S.', () => {
    expect(sentences('United States Secretary Antony J. Blinken spoke with Gen. Tiani and the U.S. envoy. Talks ended.')).toEqual([
      'United States Secretary Antony J. Blinken spoke with Gen. Tiani and the U.S. envoy.',
      'Talks ended.',
    ]);
  });

  it('ends a sentence at "U.S." or "U.N." before a word that opens sentences, not before a name', () => {
    expect(sentences('It marks the anniversary of the strikes against the U.S. The Taliban denounced the delay.')).toEqual([
      'It marks the anniversary of the strikes against the U.S.',
      'The Taliban denounced the delay.',
    ]);
    expect(sentences('He flew to the U.S. In March he returned to the U.N. Security Council.')).toEqual([
      'He flew to the U.S.',
      'In March he returned to the U.N. Security Council.',
    ]);
    expect(sentences('U.S. President Joe Biden met him.')).toEqual(['U.S. President Joe Biden met him.']);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(sentences('He said, “I write this as a hostage.” Then he left.')).toEqual(['He said, “I write this as a hostage.”', 'Then he left.']);
  });

  it('splits headings and paragraphs at line breaks', () => {
    expect(sentences('Breaking Bonds: The End of a Pact\n\nThe junta ended it.\nUS and Niger relations\nThey began in 1960.')).toEqual([
      'Breaking Bonds: The End of a Pact',
      'The junta ended it.',
      'US and Niger relations',
      'They began in 1960.',
    ]);
  });

  it('tokenizes numbers, money, possessives and hyphenated words whole', () => {
    const toks = tokenize("Niger's junta: $100 million, 1,500 troops, 3.5% and a cease-fire on the 21st.").map((t) => t.text);
    expect(toks).toEqual(["Niger's", 'junta', ':', '$100', 'million', ',', '1,500', 'troops', ',', '3.5%', 'and', 'a', 'cease-fire', 'on', 'the', '21st', '.']);
  });

  it('keeps UTF-16 offsets across emoji and accented letters', () => {
    const text = 'Émile 🇳🇪 visited Niamey.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).map((t) => t.text)).toContain('Niamey');
    expect(tokenize(text)[0].cap).toBe(true);
  });
});
