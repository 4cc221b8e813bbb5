// CoNLL-2003 English NER: loader (`word POS chunk NER` lines, IOB1 tags, blank line between sentences,
// -DOCSTART- lines between documents) and a conlleval-style scorer: exact span and type match, micro P/R/F1
// over PER, ORG and LOC (MISC is tagged by the model but not scored). dyad's tagger and the `compromise`
// npm package are scored side by side on the same sentences.
import { readFileSync } from 'node:fs';
import { EntityTagger, getEntityTagger } from '../src/stages/ner/index.js';
import type { NerToken } from '../src/stages/ner/features.js';
import { nowNs, prf, secondsSince, type Prf } from './util.js';

export interface ConllSentence {
  words: string[];
  /** Gold entities [start, end) with their type (PER, ORG, LOC, MISC). */
  entities: Span[];
}
export interface Span {
  start: number;
  end: number;
  type: string;
}

export const SCORED_TYPES = ['PER', 'ORG', 'LOC'] as const;

/** Spans of an IOB1/IOB2 tag sequence, the conlleval way (an I- after O or another type opens a span). */
export function iobSpans(tags: readonly string[]): Span[] {
  const out: Span[] = [];
  let open = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 'O';
    const p = tag === 'O' ? 'O' : tag[0];
    const ty = tag === 'O' ? '' : tag.slice(2);
    const starts = p === 'B' || (p === 'I' && (open < 0 || ty !== type));
    if (open >= 0 && (p === 'O' || starts)) {
      out.push({ start: open, end: i, type });
      open = -1;
    }
    if (starts) {
      open = i;
      type = ty;
    }
  }
  return out;
}

export function loadConll(file: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (words.length) out.push({ words, entities: iobSpans(tags) });
    words = [];
    tags = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const l = line.trim();
    if (!l) {
      flush();
      continue;
    }
    const cols = l.split(' ');
    if (cols[0] === '-DOCSTART-') {
      flush();
      continue;
    }
    words.push(cols[0]);
    tags.push(cols[cols.length - 1]);
  }
  flush();
  return out;
}

export function toTokens(words: readonly string[]): NerToken[] {
  return words.map((w) => ({ text: w, lower: w.toLowerCase() }));
}

export interface NerScore {
  micro: Prf;
  perType: Record<string, Prf>;
  /** Tokens per second of the tagger alone (features + decoding). */
  tokensPerSecond?: number;
}

/** Micro and per-type P/R/F1 over SCORED_TYPES (exact span and type). */
export function scoreSpans(gold: Span[][], predicted: Span[][]): NerScore {
  const tp: Record<string, number> = {};
  const np: Record<string, number> = {};
  const ng: Record<string, number> = {};
  for (const t of SCORED_TYPES) tp[t] = np[t] = ng[t] = 0;
  const scored = new Set<string>(SCORED_TYPES);
  for (let s = 0; s < gold.length; s++) {
    const g = new Set<string>();
    for (const e of gold[s]) {
      if (!scored.has(e.type)) continue;
      ng[e.type]++;
      g.add(`${e.start}:${e.end}:${e.type}`);
    }
    for (const e of predicted[s]) {
      if (!scored.has(e.type)) continue;
      np[e.type]++;
      if (g.has(`${e.start}:${e.end}:${e.type}`)) tp[e.type]++;
    }
  }
  const perType: Record<string, Prf> = {};
  let TP = 0;
  let NP = 0;
  let NG = 0;
  for (const t of SCORED_TYPES) {
    perType[t] = prf(tp[t], np[t], ng[t]);
    TP += tp[t];
    NP += np[t];
    NG += ng[t];
  }
  return { micro: prf(TP, NP, NG), perType };
}

/** CPU seconds (user + system) since `t0` = process.cpuUsage(): steady on a busy machine, unlike wall time. */
function cpuSecondsSince(t0: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1e6;
}

/**
 * dyad's tagger on every sentence. Throughput is CPU time of a second, warmed-up pass over the tagging calls
 * only (the engine runs for many articles; the first pass pays for JIT compilation).
 */
export function tagWithDyad(sentences: ConllSentence[], tagger: EntityTagger = getEntityTagger()): { spans: Span[][]; tokensPerSecond: number } {
  const tokens = sentences.map((s) => toTokens(s.words));
  const spans = tokens.map((t) => tagger.tag(t));
  let n = 0;
  const t0 = process.cpuUsage();
  for (const t of tokens) {
    n += t.length;
    tagger.tag(t);
  }
  return { spans, tokensPerSecond: n / cpuSecondsSince(t0) };
}

// ---- compromise ----

const WORDLIKE = /[\p{L}\p{N}]/u;

interface CompromiseMatch {
  offset?: { start: number; length: number };
}
type CompromiseView = { json(opts: object): CompromiseMatch[] };
type CompromiseDoc = { people(): CompromiseView; places(): CompromiseView; organizations(): CompromiseView };

/** compromise's people/places/organizations per sentence, mapped to token spans; null when not installed. */
export async function tagWithCompromise(sentences: ConllSentence[]): Promise<{ spans: Span[][]; tokensPerSecond: number } | null> {
  let nlp: (text: string) => CompromiseDoc;
  try {
    const mod = (await import('compromise')) as unknown as { default: (text: string) => CompromiseDoc };
    nlp = mod.default;
  } catch {
    return null;
  }
  let n = 0;
  const t0 = process.cpuUsage();
  const spans = sentences.map((s) => {
    n += s.words.length;
    // Words joined by single spaces; a character offset maps back to the token that holds it.
    const starts: number[] = [];
    let text = '';
    for (const w of s.words) {
      if (text) text += ' ';
      starts.push(text.length);
      text += w;
    }
    const tokenAt = (pos: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= pos) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const doc = nlp(text);
    const out: Span[] = [];
    const add = (view: CompromiseView, type: string) => {
      for (const m of view.json({ offset: true, terms: false, text: false })) {
        if (!m.offset || m.offset.length <= 0) continue;
        // compromise leaves trailing punctuation like "," outside the match; trim spaces at the edges.
        let a = m.offset.start;
        let b = m.offset.start + m.offset.length;
        while (a < b && text[a] === ' ') a++;
        while (b > a && text[b - 1] === ' ') b--;
        if (b <= a) continue;
        // Punctuation tokens at the edges (compromise counts a spaced " ." as part of the term) are dropped.
        let start = tokenAt(a);
        let end = tokenAt(b - 1) + 1;
        while (start < end && !WORDLIKE.test(s.words[start])) start++;
        while (end > start && !WORDLIKE.test(s.words[end - 1])) end--;
        if (end > start) out.push({ start, end, type });
      }
    };
    add(doc.people(), 'PER');
    add(doc.organizations(), 'ORG');
    add(doc.places(), 'LOC');
    return out;
  });
  return { spans, tokensPerSecond: n / cpuSecondsSince(t0) };
}

export interface ConllResult {
  sentences: number;
  tokens: number;
  goldEntities: number;
  dyad: NerScore;
  compromise: NerScore | null;
  /** dyad on the same sentences with every word upper-cased / lower-cased (headline robustness). */
  upperCased: NerScore;
  lowerCased: NerScore;
  /** Model file load; first call (loads the GeoNames gazetteer unless the places stage already did). */
  model: { loadSeconds: number; firstCallSeconds: number; features: number; tags: string[]; tableMB: number };
}

/** Scores dyad and (unless `withCompromise` is false; it takes ~15 s) compromise on one CoNLL file. */
export async function scoreConll(file: string, withCompromise = true): Promise<ConllResult> {
  const sentences = loadConll(file);
  const gold = sentences.map((s) => s.entities);
  const t0 = nowNs();
  const tagger = getEntityTagger();
  const loadSeconds = secondsSince(t0);
  const t1 = nowNs();
  tagger.tag(toTokens(['Warm', 'up', 'in', 'Paris', '.']));
  const firstCallSeconds = secondsSince(t1);
  const d = tagWithDyad(sentences, tagger);
  const c = withCompromise ? await tagWithCompromise(sentences) : null;
  const recased = (f: (w: string) => string) =>
    scoreSpans(gold, sentences.map((s) => tagger.tag(toTokens(s.words.map(f)))));
  const scored = new Set<string>(SCORED_TYPES);
  return {
    sentences: sentences.length,
    tokens: sentences.reduce((a, s) => a + s.words.length, 0),
    goldEntities: gold.reduce((a, g) => a + g.filter((e) => scored.has(e.type)).length, 0),
    dyad: { ...scoreSpans(gold, d.spans), tokensPerSecond: d.tokensPerSecond },
    compromise: c && { ...scoreSpans(gold, c.spans), tokensPerSecond: c.tokensPerSecond },
    upperCased: recased((w) => w.toUpperCase()),
    lowerCased: recased((w) => w.toLowerCase()),
    model: {
      loadSeconds,
      firstCallSeconds,
      features: tagger.model.header.features,
      tags: tagger.model.header.tags,
      tableMB: tagger.model.table.byteLength / 1e6,
    },
  };
}
