// Output helpers for any list of rows: an aligned table for people at a terminal, CSV / JSON / JSON lines
// for programs. Pure functions returning strings; the caller writes them.
import { DyadError } from '../core/errors.js';
import { csvLine } from '../store/export.js';

export type OutputFormat = 'table' | 'csv' | 'json' | 'jsonl';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'csv', 'json', 'jsonl'];

type Row = Record<string, unknown>;

/** Checks a --format value. */
export function parseFormat(value: string, allowed: readonly OutputFormat[] = OUTPUT_FORMATS): OutputFormat {
  if ((allowed as readonly string[]).includes(value)) return value as OutputFormat;
  throw new DyadError('USAGE', `--format must be one of ${allowed.join(', ')}, got "${value}"`);
}

/** Rows in the given format. `columns` picks and orders fields (default: keys of the first row). */
export function formatRows(rows: Row[], format: OutputFormat, columns?: string[], maxWidth?: number): string {
  const cols = columns ?? (rows.length ? Object.keys(rows[0]) : []);
  switch (format) {
    case 'table':
      return formatTable(rows, cols, maxWidth);
    case 'csv':
      return formatCsv(rows, cols);
    case 'json':
      return formatJson(rows, columns);
    case 'jsonl':
      return formatJsonl(rows, columns);
  }
}

/** RFC 4180 CSV with a header row; objects in cells are written as JSON. */
export function formatCsv(rows: Row[], columns: string[]): string {
  let out = csvLine(columns);
  for (const r of rows) out += csvLine(columns.map((c) => r[c]));
  return out;
}

/** A JSON array, one row per line (readable, and still one value for `jq`). */
export function formatJson(rows: Row[], columns?: string[]): string {
  if (rows.length === 0) return '[]\n';
  return '[\n' + rows.map((r) => '  ' + JSON.stringify(pick(r, columns))).join(',\n') + '\n]\n';
}

export function formatJsonl(rows: Row[], columns?: string[]): string {
  let out = '';
  for (const r of rows) out += JSON.stringify(pick(r, columns)) + '\n';
  return out;
}

function pick(row: Row, columns?: string[]): Row {
  if (!columns) return row;
  const out: Row = {};
  for (const c of columns) out[c] = row[c] ?? null;
  return out;
}

/**
 * An aligned text table: header, a rule, one line per row. Numeric columns are right-aligned. When the
 * natural width exceeds maxWidth, the widest columns are cut (with …) until it fits.
 */
export function formatTable(rows: Row[], columns: string[], maxWidth = 120): string {
  if (columns.length === 0) return '';
  const cells = rows.map((r) => columns.map((c) => cellText(r[c])));
  const numeric = columns.map((c) => rows.some((r) => r[c] != null && r[c] !== '') && rows.every((r) => r[c] == null || r[c] === '' || typeof r[c] === 'number'));
  const natural = columns.map((c, i) => {
    let w = displayWidth(c);
    for (const row of cells) w = Math.max(w, displayWidth(row[i]));
    return w;
  });
  const widths = fitWidths(natural, columns, maxWidth);

  const line = (texts: string[]): string =>
    texts
      .map((t, i) => {
        const cut = truncate(t, widths[i]);
        const pad = ' '.repeat(widths[i] - displayWidth(cut));
        return numeric[i] ? pad + cut : cut + pad;
      })
      .join(GAP)
      .trimEnd();

  let out = line(columns) + '\n';
  out += widths.map((w) => '-'.repeat(w)).join(GAP) + '\n';
  for (const row of cells) out += line(row) + '\n';
  return out;
}

const GAP = '  ';

/** Largest common cap on column widths that fits maxWidth; no column goes below a readable minimum. */
function fitWidths(natural: number[], columns: string[], maxWidth: number): number[] {
  const gaps = GAP.length * (natural.length - 1);
  const total = (ws: number[]): number => ws.reduce((a, b) => a + b, 0) + gaps;
  if (total(natural) <= maxWidth) return natural;
  const minimum = natural.map((w, i) => Math.min(w, Math.max(4, Math.min(displayWidth(columns[i]), 10))));
  const capped = (cap: number): number[] => natural.map((w, i) => Math.max(minimum[i], Math.min(w, cap)));
  let lo = 1;
  let hi = natural.reduce((a, b) => Math.max(a, b), 1);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (total(capped(mid)) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return capped(lo);
}

/** One-line text for a cell: no line breaks or tabs, numbers rounded for reading. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e4) / 1e4);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.replace(/[\r\n\t]+/g, ' ').replace(/[\x00-\x1f\x7f]/g, '');
}

/** Columns a string takes in a terminal: wide East Asian characters and emoji count 2, combining marks 0. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

function charWidth(cp: number): number {
  if (cp < 0x300) return 1;
  if (COMBINING.test(String.fromCodePoint(cp)) || (cp >= 0x200b && cp <= 0x200f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}
const COMBINING = /\p{M}/u;

/** Cuts to at most `width` columns, ending with … when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}
