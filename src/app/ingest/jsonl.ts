// JSON lines and JSON documents. Lines are split on bytes, so a file is checked and decoded one line at a
// time (memory stays at one line) and a bad line costs only that line.

import { isUtf8 } from 'node:buffer';
import { finishArticle, type ReadItem, type ReadOptions } from './article.js';
import { firstInvalidUtf8, looksBinary, sizeError } from './decode.js';

const TEXT_KEYS = ['text', 'body', 'content'] as const;
// Our own field first, then the corpus shapes: timeline17 "time", others "date", "pubDate", ...
const DATE_KEYS = ['published', 'time', 'date', 'published_at', 'publishedAt', 'pubDate', 'datePublished'] as const;

/** One JSON record (our shape, timeline17's, Voice of America's) to an article or an error. */
export function recordToItem(value: unknown, origin: string, opts: ReadOptions): ReadItem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { origin, warnings: [], error: `expected a JSON object with a "text" field, got ${kind}` };
  }
  const o = value as Record<string, unknown>;
  const key = TEXT_KEYS.find((k) => o[k] !== undefined);
  if (!key) return { origin, warnings: [], error: 'no "text" field' };
  const text = o[key];
  if (typeof text !== 'string') return { origin, warnings: [], error: `"${key}" is not a string` };
  if (text.trim() === '') return { origin, warnings: [], error: `empty "${key}" field` };
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : undefined;
  const item = finishArticle(
    origin,
    {
      id,
      text,
      title: str(o.title) ?? str(o.headline),
      url: str(o.url) ?? str(o.link),
      source: str(o.source),
      dates: DATE_KEYS.filter((k) => o[k] !== undefined).map((k) => ({ label: `the "${k}" field`, value: o[k] })),
    },
    opts,
  );
  return item;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v : null;
}

function jsonError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const one = msg.replace(/\s+/g, ' ').trim();
  return `invalid JSON (${one.length > 160 ? one.slice(0, 157) + '...' : one})`;
}

/**
 * Splits JSON lines out of byte chunks. push() each chunk as it is read, then end(); each returns the items
 * completed so far. A line longer than maxBytes is skipped without being held in memory.
 */
export class JsonlLines {
  /** Set when the whole input is rejected (binary); later chunks are ignored. */
  done = false;
  private pending: Buffer[] = [];
  private pendingLen = 0;
  private lineNo = 1;
  /** File offset of the current line's first byte. */
  private lineStart = 0;
  private oversize = false;
  private first = true;
  private records = 0;

  constructor(
    private readonly origin: string,
    private readonly opts: ReadOptions,
    private readonly maxBytes: number,
  ) {}

  push(chunk: Buffer): ReadItem[] {
    const out: ReadItem[] = [];
    if (this.done || chunk.length === 0) return out;
    if (this.first) {
      this.first = false;
      if (looksBinary(chunk.subarray(0, 8192))) {
        this.done = true;
        out.push({ origin: this.origin, warnings: [], error: 'binary file, not text' });
        return out;
      }
    }
    let start = 0;
    let nl: number;
    while ((nl = chunk.indexOf(10, start)) !== -1) {
      const piece = chunk.subarray(start, nl);
      const len = this.pendingLen + piece.length;
      if (this.oversize || len > this.maxBytes) {
        out.push({ origin: `${this.origin}:${this.lineNo}`, warnings: [], error: sizeError('line', len, this.maxBytes) });
        this.records++;
      } else {
        const line = this.pendingLen ? Buffer.concat([...this.pending, piece]) : piece;
        const item = this.line(line);
        if (item) out.push(item);
      }
      this.lineStart += len + 1;
      this.lineNo++;
      this.pending = [];
      this.pendingLen = 0;
      this.oversize = false;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length) {
      // Keep counting an oversized line's length, but not its bytes.
      this.pendingLen += rest.length;
      if (this.pendingLen > this.maxBytes) {
        this.oversize = true;
        this.pending = [];
      } else {
        this.pending.push(Buffer.from(rest));
      }
    }
    return out;
  }

  end(): ReadItem[] {
    const out: ReadItem[] = [];
    if (this.done) return out;
    if (this.pendingLen > 0) {
      if (this.oversize) {
        out.push({ origin: `${this.origin}:${this.lineNo}`, warnings: [], error: sizeError('line', this.pendingLen, this.maxBytes) });
        this.records++;
      } else {
        const item = this.line(Buffer.concat(this.pending));
        if (item) out.push(item);
      }
    }
    if (this.records === 0) out.push({ origin: this.origin, warnings: [], error: 'empty file' });
    this.done = true;
    return out;
  }

  private line(buf: Buffer): ReadItem | null {
    let offset = this.lineStart;
    if (this.lineNo === 1 && buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
      buf = buf.subarray(3);
      offset += 3;
    }
    let end = buf.length;
    while (end > 0 && (buf[end - 1] === 13 || buf[end - 1] === 32 || buf[end - 1] === 9)) end--;
    let begin = 0;
    while (begin < end && (buf[begin] === 32 || buf[begin] === 9)) begin++;
    if (begin === end) return null;
    this.records++;
    const origin = `${this.origin}:${this.lineNo}`;
    const bytes = buf.subarray(begin, end);
    if (!isUtf8(bytes)) {
      return { origin, warnings: [], error: `invalid UTF-8 at byte ${offset + begin + firstInvalidUtf8(bytes)}` };
    }
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch (err) {
      return { origin, warnings: [], error: jsonError(err) };
    }
    return recordToItem(value, origin, this.opts);
  }
}

/** Whether text whose first line is a complete JSON value is JSON lines rather than one pretty-printed document. */
export function firstLineIsJson(text: string): boolean {
  const nl = text.indexOf('\n');
  const first = (nl === -1 ? text : text.slice(0, nl)).trim();
  if (!first.startsWith('{')) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

/** A .json file: one object, or an array of objects (origin#N, counting from 1). */
export function readJsonDocument(text: string, origin: string, opts: ReadOptions): ReadItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return [{ origin, warnings: [], error: jsonError(err) }];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ origin, warnings: [], error: 'empty JSON array' }];
    return value.map((v, i) => recordToItem(v, `${origin}#${i + 1}`, opts));
  }
  return [recordToItem(value, origin, opts)];
}
