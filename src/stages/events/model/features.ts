// Features for the relation classifier: what `source` does to `target` in one sentence.
// Pure: text in, feature names out. Names carry a prefix that says where the word was found, so a weight can be
// read back as an explanation ("between:accus" = the stem "accus" stands between source and target).
//
// Groups (prefix: meaning)
//   after1..3:, after:     the first content words after the source (usually its verb; appositions skipped)
//   cue@verb:, cue@mid:... the class hints (data/models/plover-cues.tsv) of the verb, of words between source and
//                          target, of the word governing the target, inside the arguments, after the target
//   mood:, mood&cue@...:   negation and modal before the verb ("will not release"), alone and with the hints
//   v4:, tg4:              letter 4-grams of the verb and of the word governing the target
//   between:, between2:    stems and stem bigrams between source and target (reversed order: rbetween:)
//   tprep:, tgov:          the preposition and the content word governing the target
//   before:, tafter:       words before the source and after the target
//   w:                     content words near the arguments (the arguments' own words count only as cue@src/tgt)
//   lex@, lexp@, lexm:     event-lexicon phrases in the sentence, by where they sit relative to source and target
//   best:, best+...:       the phrase the rule-based coder would choose, and its negation/modality
//   neg, hyp, fut, passive, coord, apposition, order:, gap:   structure
import type { Token } from '../../../core/types.js';
import type { EventLexicon } from '../../../lexicons/events.js';
import { segment } from '../../segment/segment.js';
import { readModality } from '../modality.js';
import { findTriggers, type Trigger } from '../triggers.js';
import type { Stemmer } from './stem.js';
import { DyadError } from '../../../core/errors.js';
import { inflect } from '../../../lexicons/inflect.js';
import { dataLines } from '../../../lexicons/tsv.js';

export interface RelationInput {
  text: string;
  source: string;
  target: string;
}

export interface ExtractedFeatures {
  /** Distinct feature names. */
  features: string[];
  /** Tokens of the whole text (trigger indices point here). */
  tokens: Token[];
  /** The lexicon phrases found in the sentence, nearest to the source/target first. */
  triggers: Trigger[];
  /** The phrase the rule-based coder would pick (between source and target, else nearest). */
  best: Trigger | null;
  negated: boolean;
  hypothetical: boolean;
  future: boolean;
}

const AUX = new Set([
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'could', 'should', 'may',
  'might', 'can', 'must', 'shall', 'do', 'does', 'did', "'s", "'ve", "'ll", "'d",
]);
// Words skipped when looking for the verb after the source: auxiliaries, function words, time phrases.
const SKIP = new Set([
  ...AUX, 'the', 'a', 'an', 'also', 'reportedly', 'already', 'recently', 'now', 'then', 'again', 'still', 'just',
  'further', 'formally', 'officially', 'jointly', 'publicly', 'earlier', 'later', 'today', 'yesterday', 'tonight',
  'on', 'in', 'at', 'last', 'this', 'that', 'week', 'month', 'year', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'morning', 'evening', 'night', 'afternoon', 'weekend', 'early', 'late', 'its', 'their', 'his', 'her',
  'it', 'they', 'he', 'she', 'we', 'and', ',', '(', ')', '-', '–', '—', '"', '“', '”', "'", 'here', 'there',
  'too', 'first', 'once', 'since', 'which', 'who', 'that', 'finally', 'only', 'even', 'repeatedly', 'strongly',
]);
const STOP = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'and', 'or', 'as', 'that', 'this',
  'its', 'their', 'his', 'her', 'it', 'they', 'he', 'she', 'we', 'which', 'who', 'is', 'are', 'was', 'were', 'be',
  'been', 'has', 'have', 'had', "'s", 'said', 'says', 'say', 'on', 'also', 'but', 'than', 'after', 'into', 'about',
]);
const PREPS = new Set([
  'to', 'with', 'from', 'against', 'on', 'in', 'of', 'for', 'into', 'over', 'at', 'by', 'toward', 'towards', 'upon',
  'between', 'among', 'about', 'across', 'inside', 'within', 'near', 'along',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'all', 'some', 'two', 'three', 'several', 'more', 'than', 'other', 'many']);
const NEGATION = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'cannot', "didn't", "doesn't", "don't", "won't", "wouldn't", "hasn't", "haven't", "hadn't", "isn't", "aren't", "wasn't", "weren't", 'without']);
const MODALS = new Map([
  ['will', 'fut'], ['would', 'fut'], ["'ll", 'fut'], ['shall', 'fut'], ['could', 'hyp'], ['may', 'hyp'], ['might', 'hyp'],
  ['can', 'hyp'], ['should', 'must'], ['must', 'must'], ['to', 'to'],
]);
const NO_CLASSES: readonly string[] = [];
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const CLAUSE_PUNCT = new Set(['.', ';', '?', '!']);

function isWord(t: Token): boolean {
  const c = t.lower.charCodeAt(0);
  return (c >= 97 && c <= 122) || c > 127;
}

function isNumber(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 36;
}

/** Token range [first, last] covering character span [start, end), or null. */
function tokenSpan(tokens: Token[], start: number, end: number): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.end <= start) continue;
    if (t.start >= end) break;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? null : [first, last];
}

/** Where `phrase` occurs: exact, then case-insensitive; of several occurrences, the one nearest `near`. */
function locate(text: string, lowerText: string, phrase: string, near: number | null, avoid: [number, number] | null): [number, number] | null {
  const p = phrase.trim();
  if (!p) return null;
  const hits: number[] = [];
  for (const [hay, needle] of [[text, p], [lowerText, p.toLowerCase()]] as const) {
    let at = hay.indexOf(needle);
    while (at >= 0 && hits.length < 8) {
      hits.push(at);
      at = hay.indexOf(needle, at + 1);
    }
    if (hits.length) break;
  }
  if (!hits.length) return null;
  let best = hits[0];
  let bestScore = Infinity;
  for (const h of hits) {
    const overlaps = avoid && h < avoid[1] && h + p.length > avoid[0];
    const score = (overlaps ? 1e9 : 0) + (near === null ? h : Math.abs(h - near));
    if (score < bestScore) {
      bestScore = score;
      best = h;
    }
  }
  return [best, best + p.length];
}

export interface FeatureContext {
  lexicon: EventLexicon;
  stem: Stemmer;
  /** Stem -> the classes it hints at (data/models/plover-cues.tsv). */
  cues: Map<string, string[]>;
}

/** Parses the cue file: `class<TAB>lemma lemma ...` per line; keys are stems of every inflected form. */
export function parseCues(text: string, stem: Stemmer, file = 'plover-cues.tsv'): Map<string, string[]> {
  const cues = new Map<string, string[]>();
  for (const { cells, at } of dataLines(text, file)) {
    const [cls, words] = cells;
    if (!cls || !words) throw new DyadError('DATA', `${at}: expected a class and a list of words`);
    for (const lemma of words.split(/\s+/)) {
      for (const form of [lemma, ...inflect(lemma)]) {
        const key = stem(form);
        const list = cues.get(key);
        if (!list) cues.set(key, [cls]);
        else if (!list.includes(cls)) list.push(cls);
      }
    }
  }
  return cues;
}

/** The features of one (sentence, source, target) triple. */
export function extractFeatures(input: RelationInput, ctx: FeatureContext): ExtractedFeatures {
  const { text } = input;
  const { stem, lexicon, cues } = ctx;
  const out = new Set<string>();
  const add = (f: string) => out.add(f);

  const lowerText = text.toLowerCase();
  const srcChars = locate(text, lowerText, input.source, null, null);
  const tgtChars = locate(text, lowerText, input.target, srcChars ? srcChars[0] : null, srcChars);

  const { tokens, sentences } = segment(text);
  // The sentence(s) holding source and target; the whole text when neither is found.
  let lo = 0;
  let hi = tokens.length;
  const anchors = [srcChars?.[0], tgtChars?.[0]].filter((x): x is number => x !== undefined);
  if (anchors.length && sentences.length > 1) {
    const inSent = anchors.map((a) => sentences.find((s) => s.start <= a && a < s.end) ?? null).filter((s) => s !== null);
    if (inSent.length) {
      lo = Math.min(...inSent.map((s) => s!.tokenStart));
      hi = Math.max(...inSent.map((s) => s!.tokenEnd));
    }
  }
  const src = srcChars ? tokenSpan(tokens, srcChars[0], srcChars[1]) : null;
  const tgt = tgtChars ? tokenSpan(tokens, tgtChars[0], tgtChars[1]) : null;
  const inSrc = (i: number) => src !== null && i >= src[0] && i <= src[1];
  const inTgt = (i: number) => tgt !== null && i >= tgt[0] && i <= tgt[1];
  const st = (i: number) => stem(tokens[i].lower);
  // Letter 4-grams of a word ("<bom", "bomb", "omba"...): derivations the stemmer misses share them.
  const grams = (prefix: string, lower: string) => {
    const w = '<' + lower + '>';
    for (let g = 0; g + 4 <= w.length; g++) add(prefix + '4:' + w.slice(g, g + 4));
  };
  const cue = (i: number, where: string, neg = false) => {
    const classes = cues.get(st(i));
    if (!classes) return;
    for (const c of classes) {
      add(where + c);
      if (neg) add('neg&' + where + c);
    }
  };

  if (!src) add('nosrc');
  if (!tgt) add('notgt');

  // Bag of content stems near the arguments (far words mostly describe other events).
  const W = 8;
  const near0 = src || tgt ? Math.max(lo, Math.min(src ? src[0] : hi, tgt ? tgt[0] : hi) - W) : lo;
  const near1 = src || tgt ? Math.min(hi, Math.max(src ? src[1] : lo, tgt ? tgt[1] : lo) + W + 1) : hi;
  for (let i = near0; i < near1; i++) {
    const t = tokens[i];
    if (!isWord(t) || STOP.has(t.lower)) continue;
    // The arguments' own words only as cue classes: their stems ("src:iran") fit the actors of the training
    // sentences, not the relation, and cross-validation scores better without them.
    if (inSrc(i)) cue(i, 'cue@src:');
    else if (inTgt(i)) cue(i, 'cue@tgt:');
    else {
      add('w:' + st(i));
      cue(i, 'cue:');
    }
  }

  // Order and the stretch between the two arguments.
  let betweenLo = -1;
  let betweenHi = -1;
  const midClasses = new Set<string>();
  if (src && tgt) {
    const srcFirst = src[0] <= tgt[0];
    add(srcFirst ? 'order:src-first' : 'order:tgt-first');
    betweenLo = srcFirst ? src[1] + 1 : tgt[1] + 1;
    betweenHi = srcFirst ? tgt[0] : src[0];
    const gap = Math.max(0, betweenHi - betweenLo);
    add('gap:' + (gap === 0 ? '0' : gap <= 2 ? '1-2' : gap <= 5 ? '3-5' : gap <= 10 ? '6-10' : '11+'));
    const prefix = srcFirst ? 'between:' : 'rbetween:';
    let prev = '';
    for (let i = betweenLo; i < betweenHi; i++) {
      const t = tokens[i];
      if (!isWord(t)) {
        prev = '';
        continue;
      }
      const s = st(i);
      add(prefix + s);
      cue(i, srcFirst ? 'cue@mid:' : 'cue@rmid:');
      for (const c of cues.get(s) ?? NO_CLASSES) midClasses.add(c);
      if (prev) add(prefix.replace(':', '2:') + prev + '_' + s);
      prev = s;
      if (NEGATION.has(t.lower)) add('neg');
    }
  }

  // The first content words after the source: its verb, usually. The modal just before each word ("will free",
  // "could impose") is kept with the word's cue classes: intent and threat read differently from a done deed.
  if (src) {
    let k = 0;
    let negNear = false;
    let sawBe = false;
    let modal: string | null = null;
    const stems: string[] = [];
    const classes: Array<readonly string[]> = [];
    // An apposition or a bracket right after the source ("X, a former minister, said"; "X (LNA) agreed") is
    // skipped: the verb comes after it.
    let from = src[1] + 1;
    const open = tokens[from]?.text;
    if (open === ',' || open === '(') {
      const close = open === ',' ? ',' : ')';
      for (let j = from + 1; j < Math.min(hi, from + 16); j++) {
        if (CLAUSE_PUNCT.has(tokens[j].text) || (open === ',' && inTgt(j))) break;
        if (tokens[j].text === close) {
          add('apposition');
          from = j + 1;
          break;
        }
      }
    }
    for (let i = from; i < hi && k < 3; i++) {
      const t = tokens[i];
      if (CLAUSE_PUNCT.has(t.text)) break;
      if (NEGATION.has(t.lower)) {
        negNear = true;
        continue;
      }
      if (BE.has(t.lower)) sawBe = true;
      const m = MODALS.get(t.lower);
      if (m) modal = m;
      if (inTgt(i)) {
        // "X and Y met": the verb follows both arguments.
        if (k > 0) break;
        add('coord');
        i = tgt![1];
        continue;
      }
      if (SKIP.has(t.lower) || !isWord(t) || isNumber(t) || (t.cap && k === 0)) continue;
      const s = st(i);
      k++;
      add(`after${k}:` + s);
      add('after:' + s);
      stems.push(s);
      classes.push(cues.get(s) ?? NO_CLASSES);
      if (k <= 2) {
        cue(i, 'cue@verb:', negNear);
        grams('v', t.lower);
        // The verb's mood: negation and modal together ("will not release" is a refusal, "will release" intent).
        const mood = (negNear ? 'neg-' : '') + (modal ?? 'plain');
        add('mood:' + mood);
        // "will begin an operation against": what is announced, read with the mood of the announcing verb.
        if (mood !== 'plain') for (const c of midClasses) add(`mood&cue@mid:${mood}_${c}`);
        for (const c of cues.get(s) ?? NO_CLASSES) add(`mood&cue@verb:${mood}_${c}`);
      }
      modal = null;
      if (k === 1) {
        if (negNear) add('neg-verb:' + s);
        if (sawBe && /(?:ed|en|wn)$/.test(t.lower)) add('passive');
      }
    }
    if (stems.length >= 2) {
      add('after12:' + stems[0] + '_' + stems[1]);
      for (const a of classes[0]) for (const b of classes[1]) add('cuepair:' + a + '_' + b);
    }
    if (negNear) add('neg');
    // Words just before the source ("by X" marks an agent, "with X" a partner).
    for (let i = src[0] - 1, k2 = 0; i >= lo && k2 < 2; i--, k2++) {
      if (!isWord(tokens[i])) break;
      add('before:' + st(i));
    }
  }

  // What governs the target: the preposition and the content word before it.
  if (tgt) {
    let i = tgt[0] - 1;
    while (i >= lo && DETERMINERS.has(tokens[i].lower)) i--;
    if (i >= lo && PREPS.has(tokens[i].lower)) {
      add('tprep:' + tokens[i].lower);
      i--;
      while (i >= lo && DETERMINERS.has(tokens[i].lower)) i--;
    } else add('tprep:none');
    if (i >= lo && !inSrc(i) && isWord(tokens[i])) {
      add('tgov:' + st(i));
      cue(i, 'cue@tgov:');
      grams('tg', tokens[i].lower);
      const prep = tokens[tgt[0] - 1];
      if (prep && PREPS.has(prep.lower)) add('tgov-prep:' + st(i) + '_' + prep.lower);
    }
    for (let j = tgt[1] + 1, k = 0; j < hi && k < 3; j++) {
      const t = tokens[j];
      if (CLAUSE_PUNCT.has(t.text)) break;
      if (!isWord(t) || STOP.has(t.lower) || inSrc(j)) continue;
      k++;
      add('tafter:' + st(j));
      cue(j, 'cue@tafter:');
    }
  }

  // Lexicon phrases, by position relative to the arguments.
  const triggers = findTriggers(tokens, lo, hi, lexicon);
  const spanLo = Math.min(src ? src[0] : Infinity, tgt ? tgt[0] : Infinity);
  const spanHi = Math.max(src ? src[1] : -Infinity, tgt ? tgt[1] : -Infinity);
  const place = (t: Trigger): string => {
    if (!Number.isFinite(spanLo)) return 'any';
    if (t.first > spanLo && t.first < spanHi) return 'mid';
    return t.first < spanLo ? 'pre' : 'post';
  };
  const distance = (t: Trigger): number =>
    !Number.isFinite(spanLo) ? 0 : t.first > spanLo && t.first < spanHi ? 0 : Math.min(Math.abs(t.first - spanLo), Math.abs(t.first - spanHi));
  const ranked = [...triggers].sort((a, b) => {
    const pa = place(a) === 'mid' ? 0 : 1;
    const pb = place(b) === 'mid' ? 0 : 1;
    return pa - pb || distance(a) - distance(b) || b.words.length - a.words.length;
  });
  for (const t of ranked) {
    const where = place(t);
    if (inSrc(t.first) || inTgt(t.first)) {
      add('lexin:' + t.entry.event);
      continue;
    }
    add(`lex@${where}:` + t.entry.event);
    add(`lexp@${where}:` + t.entry.pattern);
    if (t.entry.mode) add('lexm:' + t.entry.event + '/' + t.entry.mode);
  }
  const best = ranked.find((t) => !inSrc(t.first) && !inTgt(t.first)) ?? null;
  let negated = false;
  let hypothetical = false;
  let future = false;
  if (best) {
    const sentStart = sentences.find((s) => s.tokenStart <= best.first && best.first < s.tokenEnd)?.tokenStart ?? lo;
    const mood = readModality(tokens, sentStart, best.first, best.words);
    negated = mood.negated;
    hypothetical = mood.hypothetical;
    future = mood.future;
    const ev = best.entry.event;
    add('best:' + ev);
    add('best@' + place(best) + ':' + ev);
    if (negated) add('best+neg:' + ev);
    if (hypothetical) add('best+hyp:' + ev);
    if (future) add('best+fut:' + ev);
    if (negated) add('neg');
    if (hypothetical) add('hyp');
    if (future) add('fut');
  } else add('best:none');

  add('bias');
  return { features: [...out], tokens, triggers: ranked, best, negated, hypothetical, future };
}
