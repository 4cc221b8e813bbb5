// Sentences and tokens with UTF-16 offsets. A regex tokenizer is enough here and is fast:
// every later stage works on token indices and lower-cased keys, never on copies of the text.
import type { Doc, Sentence, Stage, Token } from '../../core/types.js';

// Words (with inner apostrophes, hyphens, periods of initials like U.S.), numbers with separators, or one symbol.
const TOKEN_RE =
  /(?:[A-Za-z]\.){2,}|[$€£]?\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th|s)?|[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*(?:['’]s?)?|\S/gu;

// Abbreviations after which a period does not end a sentence.
const ABBREV = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt sgt cpl adm gov sen rep rev st jr sr inc ltd co corp no vs etc ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft u.s u.n u.k e.u a.m p.m i.e e.g pres sec dept ' +
    'gov. brig cmdr amb hon fr'
  ).split(' '),
);

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = from;
  const slice = to === text.length ? text : text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(slice)) !== null) {
    let t = m[0];
    let start = m.index;
    // A trailing period belongs to the word only for known abbreviations and initials.
    if (t.length > 1 && t.endsWith('.') && !/^(?:[A-Za-z]\.){2,}$/.test(t)) {
      t = t.slice(0, -1);
    }
    // Possessive 's stays on the word for matching "Niger's"; consumers strip it when needed.
    const end = start + t.length;
    if (end < TOKEN_RE.lastIndex) TOKEN_RE.lastIndex = end;
    const c = t.charCodeAt(0);
    tokens.push({ start, end, text: t, lower: t.toLowerCase(), cap: c >= 65 && c <= 90 || (c > 127 && t[0] !== t[0].toLowerCase()) });
  }
  return tokens;
}

function endsSentence(tokens: Token[], i: number, text: string): boolean {
  const tok = tokens[i];
  if (tok.text !== '.' && tok.text !== '!' && tok.text !== '?') return false;
  let k = i + 1;
  // Closing quotes or brackets stay with the sentence they close; judge by what follows them.
  while (tokens[k] && /^["'”’)\]]$/.test(tokens[k].text)) k++;
  const next = tokens[k];
  if (!next) return true;
  if (tok.text === '.') {
    const prev = tokens[i - 1];
    if (prev && prev.end === tok.start) {
      const p = prev.lower;
      if (ABBREV.has(p)) return false;
      // Single capital initial ("Antony J. Blinken").
      if (prev.text.length === 1 && prev.cap) return false;
    }
  }
  // The next sentence starts with an upper-case letter, digit or opening quote.
  return next.cap || /^[\d"“‘(]/.test(next.text) || text.slice(tok.end, next.start).includes('\n');
}

/** Splits text into sentences (also at blank lines and at single line breaks that end headings) and tokens. */
export function segment(text: string): { sentences: Sentence[]; tokens: Token[] } {
  const tokens = tokenize(text);
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    if (last < first) return;
    sentences.push({
      index: sentences.length,
      start: tokens[first].start,
      end: tokens[last].end,
      tokenStart: first,
      tokenEnd: last + 1,
    });
    first = last + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (endsSentence(tokens, i, text)) {
      // Absorb closing quotes/brackets directly after the terminator.
      let j = i;
      while (tokens[j + 1] && /^["'”’)\]]$/.test(tokens[j + 1].text) && tokens[j + 1].start === tokens[j].end) j++;
      close(j);
      i = j;
    } else if (next && text.slice(tokens[i].end, next.start).includes('\n')) {
      // A line break: a new sentence when it is a paragraph break or the line looks like a heading.
      const gap = text.slice(tokens[i].end, next.start);
      if (/\n\s*\n/.test(gap) || !/[,;:\-–]$/.test(tokens[i].text) && next.cap) close(i);
    }
  }
  close(tokens.length - 1);
  return { sentences, tokens };
}

export const segmentStage: Stage = {
  name: 'segment',
  process(doc: Doc) {
    const { sentences, tokens } = segment(doc.text);
    doc.sentences = sentences;
    doc.tokens = tokens;
  },
};

/** Index of the sentence containing character offset `pos` (binary search). */
export function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= pos) lo = mid + 1;
    else if (sentences[mid].start > pos) hi = mid - 1;
    else return mid;
  }
  return Math.max(0, Math.min(sentences.length - 1, lo));
}
