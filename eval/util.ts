// Small helpers shared by the scorers: ratios, per-class precision/recall/F1, a confusion tally, a stable
// string hash for fold assignment, timing, plain-text tables for the report, and the dater's sentence context.
import type { Doc } from '../src/core/types.js';
import type { loadEventLexicon } from '../src/lexicons/events.js';
import { datingContext, type DatingContext } from '../src/stages/events/dating.js';
import { findTriggers } from '../src/stages/events/triggers.js';

/** The dater's context for sentence `index` of an analysed document, its event phrases found as the pipeline finds them. */
export function sentenceDating(doc: Doc, index: number, lexicon: ReturnType<typeof loadEventLexicon>): DatingContext {
  const s = doc.sentences[index];
  const triggers = findTriggers(doc.tokens, s.tokenStart, s.tokenEnd, lexicon).map((t) => ({ start: doc.tokens[t.first].start, end: doc.tokens[t.last].end }));
  return datingContext(doc, index, triggers);
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
  /** Gold items of the class (support). */
  n: number;
}

/** correct / total, 0 when there is nothing to count (so a metric is always a number in [0, 1]). */
export function ratio(correct: number, total: number): number {
  return total > 0 ? correct / total : 0;
}

export function prf(tp: number, predicted: number, gold: number): Prf {
  const p = ratio(tp, predicted);
  const r = ratio(tp, gold);
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, n: gold };
}

export interface ConfusionTable {
  gold: string[];
  predicted: string[];
  /** matrix[i][j]: items of gold[i] predicted as predicted[j]. */
  matrix: number[][];
}

/** Counts (gold, predicted) pairs; `null` predictions are tallied under NONE. */
export class Confusion {
  static readonly NONE = '(none)';
  private readonly counts = new Map<string, Map<string, number>>();

  add(gold: string, predicted: string | null): void {
    const p = predicted ?? Confusion.NONE;
    let row = this.counts.get(gold);
    if (!row) this.counts.set(gold, (row = new Map()));
    row.set(p, (row.get(p) ?? 0) + 1);
  }

  get(gold: string, predicted: string): number {
    return this.counts.get(gold)?.get(predicted) ?? 0;
  }

  /** Every label seen on either side, `first` in the given order, the rest sorted, NONE last. */
  labels(first: readonly string[] = []): string[] {
    const seen = new Set<string>(first);
    const extra = new Set<string>();
    for (const [g, row] of this.counts) {
      if (!seen.has(g)) extra.add(g);
      for (const p of row.keys()) if (!seen.has(p) && p !== Confusion.NONE) extra.add(p);
    }
    const hasNone = [...this.counts.values()].some((row) => row.has(Confusion.NONE));
    return [...first, ...[...extra].sort(), ...(hasNone ? [Confusion.NONE] : [])];
  }

  /** Off-diagonal cells, most frequent first. */
  errors(limit = Infinity): Array<{ gold: string; predicted: string; count: number }> {
    const out: Array<{ gold: string; predicted: string; count: number }> = [];
    for (const [g, row] of this.counts) for (const [p, c] of row) if (g !== p) out.push({ gold: g, predicted: p, count: c });
    out.sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted));
    return out.slice(0, limit);
  }

  /**
   * A compact matrix for JSON and the report: rows are gold labels, columns predicted labels (the same order,
   * plus NONE when some prediction was null; NONE is never a gold row).
   */
  table(first: readonly string[] = []): ConfusionTable {
    const predicted = this.labels(first);
    const gold = predicted.filter((l) => l !== Confusion.NONE);
    return { gold, predicted, matrix: gold.map((g) => predicted.map((p) => this.get(g, p))) };
  }
}

/** FNV-1a, 32 bit: a stable hash so fold assignment does not depend on row order or the runtime. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function secondsSince(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Rounds every number in a JSON-able value, to keep the committed results file small and diff-friendly. */
export function rounded<T>(value: T, digits = 4): T {
  const f = 10 ** digits;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isInteger(v) ? v : Math.round(v * f) / f;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

// ---- report formatting ----

export const pct = (x: number): string => (100 * x).toFixed(1) + '%';
export const num3 = (x: number): string => x.toFixed(3);

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** A short one-line excerpt of a longer text. */
export function snippet(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** JSON with one key per line, but arrays of plain values and small flat objects on one line: small, diffable. */
export function compactJson(value: unknown, indent = ''): string {
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    return `[\n${value.map((v) => inner + compactJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!entries.length) return '{}';
    // A small flat object (a confusion cell) fits on one line.
    const flat = JSON.stringify(value);
    if (entries.every(([, v]) => v === null || typeof v !== 'object') && flat.length <= 80) return flat;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
