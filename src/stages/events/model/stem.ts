// A light stemmer for model features: event vocabulary maps to its lexicon lemma (so "met" and "meets" share
// "meet"), other words lose common English suffixes. Crude on purpose: it only has to make inflected forms of
// one word collide, not produce dictionary lemmas.
import type { EventLexicon } from '../../../lexicons/events.js';
import { inflect } from '../../../lexicons/inflect.js';

const SUFFIXES: Array<[string, string]> = [
  ['ations', ''], ['ation', ''], ['ments', ''], ['ment', ''], ['ings', ''], ['ing', ''], ['ied', 'y'], ['ies', 'y'],
  ['ed', ''], ['es', ''], ['s', ''], ['ly', ''],
];

function stripSuffix(w: string): string {
  if (w.length <= 4) return w;
  for (const [suffix, repl] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      // "ss" words ("press", "access") keep their ending.
      if (suffix === 's' && (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is'))) return w;
      w = w.slice(0, -suffix.length) + repl;
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  // Doubled final consonant left by -ed/-ing ("banned" -> "bann" -> "ban").
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !'aeiouls'.includes(w[n - 1])) w = w.slice(0, -1);
  return w;
}

export interface Stemmer {
  (lower: string): string;
}

/** A memoising stemmer whose irregular forms come from the lexicon's lemmas (expanded by inflect). */
export function createStemmer(lexicon: EventLexicon): Stemmer {
  const formToLemma = new Map<string, string>();
  for (const entry of lexicon.entries) {
    for (const word of entry.pattern.split(/\s+/)) {
      if (word === '..') continue;
      for (let alt of word.replace(/\?$/, '').split('|')) {
        if (!alt || alt.startsWith('=') || alt.includes(' ')) continue;
        alt = alt.toLowerCase();
        for (const form of inflect(alt)) if (!formToLemma.has(form)) formToLemma.set(form, alt);
      }
    }
  }
  const cache = new Map<string, string>();
  return (lower: string): string => {
    let got = cache.get(lower);
    if (got !== undefined) return got;
    let w = lower;
    if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
    else if (w.endsWith("'") || w.endsWith('’')) w = w.slice(0, -1);
    const lemma = formToLemma.get(w);
    got = stripSuffix(lemma ?? w);
    if (cache.size < 200_000) cache.set(lower, got);
    return got;
  };
}
