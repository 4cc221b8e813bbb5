// Sentences and tokens with UTF-16 offsets. A hand-written scanner over char codes (several times faster
// than one big Unicode regex): every later stage works on token indices and lower-cased keys.
import type { Doc, Sentence, Stage, Token } from '../../core/types.js';

// Abbreviations after which a period does not end a sentence.
const ABBREV = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt sgt cpl adm gov sen rep rev st jr sr inc ltd co corp no vs etc ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft u.s u.n u.k e.u a.m p.m i.e e.g pres sec dept ' +
    'gov. brig cmdr amb hon fr'
  ).split(' '),
);

const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}]/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** Letter, mark or digit in any script. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c) || isDigit(c);
  return c >= 0xc0 && WORD_CHAR_RE.test(text[i]);
}
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x202f || c === 0xfeff;
}
const APOSTROPHE = (c: number) => c === 39 || c === 0x2019;

/** End of an initials run like "U.S." or "e.g." starting at i, or -1. */
function initialsEnd(text: string, i: number, to: number): number {
  let j = i;
  let pairs = 0;
  while (j + 1 < to && isAsciiLetter(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) {
    j += 2;
    pairs++;
  }
  return pairs >= 2 ? j : -1;
}

/** End of a number like 1,500 or 3.5% or $100 or 21st starting at i, or -1. */
function numberEnd(text: string, i: number, to: number): number {
  let j = i;
  const c0 = text.charCodeAt(j);
  if (c0 === 36 || c0 === 0x20ac || c0 === 0xa3) j++;
  if (j >= to || !isDigit(text.charCodeAt(j))) return -1;
  while (j < to && isDigit(text.charCodeAt(j))) j++;
  for (;;) {
    const sep = text.charCodeAt(j);
    if ((sep === 44 || sep === 46 || sep === 58) && j + 1 < to && isDigit(text.charCodeAt(j + 1))) {
      j++;
      while (j < to && isDigit(text.charCodeAt(j))) j++;
    } else break;
  }
  if (text.charCodeAt(j) === 37) return j + 1;
  const two = text.slice(j, j + 2).toLowerCase();
  if ((two === 'st' || two === 'nd' || two === 'rd' || two === 'th') && !(j + 2 < to && isWordChar(text, j + 2))) return j + 2;
  if ((text[j] === 's' || text[j] === 'S') && !(j + 1 < to && isWordChar(text, j + 1))) return j + 1;
  return j;
}

/** End of a word with inner apostrophes, hyphens or periods ("Niger's", "co-operate"), or -1. */
function wordEnd(text: string, i: number, to: number): number {
  if (!isWordChar(text, i)) return -1;
  let j = i + 1;
  for (;;) {
    while (j < to && isWordChar(text, j)) j++;
    const c = text.charCodeAt(j);
    if ((APOSTROPHE(c) || c === 45 || c === 46) && j + 1 < to && isWordChar(text, j + 1)) {
      j += 2;
      continue;
    }
    break;
  }
  // A closing possessive: "Niger's" is kept whole above; "Reuters'" keeps its apostrophe.
  if (APOSTROPHE(text.charCodeAt(j)) && !(j + 1 < to && isWordChar(text, j + 1))) {
    const prev = text.charCodeAt(j - 1);
    if (prev === 115 || prev === 83) j++;
  }
  return j;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    let end = initialsEnd(text, i, to);
    if (end < 0 && (isDigit(c) || c === 36 || c === 0x20ac || c === 0xa3)) end = numberEnd(text, i, to);
    if (end < 0) end = wordEnd(text, i, to);
    if (end < 0) {
      // One symbol; a surrogate pair stays whole.
      end = c >= 0xd800 && c <= 0xdbff && i + 1 < to ? i + 2 : i + 1;
    }
    const t = text.slice(i, end);
    tokens.push({ start: i, end, text: t, lower: t.toLowerCase(), cap: (c >= 65 && c <= 90) || (c > 127 && t[0] !== t[0].toLowerCase()) });
    i = end;
  }
  return tokens;
}

/**
 * Words that open a sentence and do not follow "U.S." inside one: "... strikes against the U.S. The Taliban
 * denounced ..." ends a sentence at "U.S.", "U.S. President Biden" does not.
 */
const SENTENCE_OPENERS = new Set(
  ('the a an he she it they we i you his her its their our this that these those there but and yet so ' +
    'in on at after before when while as if although though however meanwhile since during some many most ' +
    'officials one two three').split(' '),
);

function endsSentence(tokens: Token[], i: number, text: string): boolean {
  const tok = tokens[i];
  if (tok.text.length >= 4 && tok.text.charCodeAt(tok.text.length - 1) === 46 && /^(?:[A-Za-z]\.){2,}$/.test(tok.text)) {
    // an initials token ("U.S.") holds its own period: it ends a sentence only before a typical opener
    const next = tokens[i + 1];
    return !!next && next.cap && SENTENCE_OPENERS.has(next.lower) && next.start > tok.end;
  }
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

/** Index of the first token in [from, to) that starts at or after character offset `offset` (binary search). */
export function tokenIndexAt(tokens: readonly Token[], offset: number, from = 0, to = tokens.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
