// Ingest readers: files, folders and stdin in any of the formats news arrives in (plain text, JSON lines,
// JSON, HTML pages, RSS/Atom feeds) become articles, or one-line errors that never stop the run.

import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { oneLine } from '../../core/errors.js';
import { finishArticle, type ReadItem, type ReadOptions } from './article.js';
import { decodeText, DEFAULT_MAX_BYTES, formatLimit, looksBinary, sizeError } from './decode.js';
import { isFeedRoot, readFeed, xmlRootName } from './feed.js';
import { extractHtml } from './html.js';
import { firstLineIsJson, JsonlLines, readJsonDocument } from './jsonl.js';

export type { ReadItem, ReadOptions, PublishedFrom } from './article.js';
export { NO_DATE_WARNING } from './article.js';
export { normaliseDate } from './dates.js';
export { DEFAULT_MAX_BYTES } from './decode.js';
export { htmlToText } from './html.js';

type Format = 'text' | 'jsonl' | 'json' | 'html' | 'feed';

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'text', '.text': 'text', '.md': 'text',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed',
};

/** Never articles: not even opened when met inside a folder. */
const SKIP_EXTENSIONS = new Set([
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.bmp', '.ico', '.tif', '.tiff', '.pdf', '.zip', '.gz', '.tgz', '.bz2',
  '.xz', '.zst', '.7z', '.rar', '.tar', '.db', '.sqlite', '.sqlite3', '.db-wal', '.db-shm', '.exe', '.dll', '.so',
  '.dylib', '.bin', '.mp3', '.mp4', '.wav', '.mov', '.avi', '.woff', '.woff2', '.ttf', '.otf', '.class', '.jar',
  '.pyc', '.o', '.a', '.wasm', '.docx', '.xlsx', '.pptx', '.doc', '.xls', '.ppt', '.parquet',
]);

const SNIFF_BYTES = 8192;

function formatFromName(name: string): Format | null {
  return EXTENSIONS[path.extname(name).toLowerCase()] ?? null;
}

function forced(opts: ReadOptions): Format | null {
  return opts.format && opts.format !== 'auto' ? opts.format : null;
}

/** The format of text by its first characters: markup, JSON (lines) or plain text. */
function sniffFormat(head: string): Format {
  const t = head.slice(0, SNIFF_BYTES).replace(/^[\uFEFF\s]+/, '');
  if (t.startsWith('<')) {
    const root = xmlRootName(t);
    if (isFeedRoot(root)) return 'feed';
    // Other XML gets the feed reader's "not an RSS or Atom feed" error rather than being read as a page.
    if (/^<\?xml/i.test(t) && root !== null && root.toLowerCase() !== 'html') return 'feed';
    return 'html';
  }
  if (/^\{\s*["}]/.test(t)) return firstLineIsJson(t) ? 'jsonl' : 'json';
  if (/^\[\s*[{\]]/.test(t)) return 'json';
  return 'text';
}

/**
 * Reads one file's bytes (or stdin's) into articles and error items. Pure: no I/O. The format comes from
 * opts.format, else the origin's extension, else the content.
 */
export function readBuffer(buf: Buffer, origin: string, opts: ReadOptions = {}): ReadItem[] {
  try {
    return readBufferUnsafe(buf, origin, opts);
  } catch (err) {
    // The readers handle every input we know of; this keeps an unforeseen one to one error line.
    return [{ origin, warnings: [], error: `could not read: ${oneLine(err)}` }];
  }
}

function readBufferUnsafe(buf: Buffer, origin: string, opts: ReadOptions): ReadItem[] {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let format = forced(opts) ?? formatFromName(origin);
  if (format === null && buf.length > 0 && !looksBinary(buf.subarray(0, SNIFF_BYTES))) {
    const sniffed = sniffFormat(buf.subarray(0, SNIFF_BYTES).toString('utf8'));
    if (sniffed === 'jsonl') format = 'jsonl';
  }
  if (format === 'jsonl') {
    // Lines are checked one by one, so a big JSON-lines file is fine as long as each line is under the limit.
    const lines = new JsonlLines(origin, opts, max);
    return [...lines.push(buf), ...lines.end()];
  }
  if (buf.length > max) return [{ origin, warnings: [], error: sizeError('file', buf.length, max) }];
  const decoded = decodeText(buf);
  if ('error' in decoded) return [{ origin, warnings: [], error: decoded.error }];
  const text = decoded.text;
  format ??= sniffFormat(text);

  switch (format) {
    case 'json':
      if (!text.trimStart().startsWith('[') && firstLineIsJson(text) && text.trim().includes('\n')) {
        const lines = new JsonlLines(origin, opts, max);
        return [...lines.push(Buffer.from(text, 'utf8')), ...lines.end()];
      }
      return readJsonDocument(text, origin, opts);
    case 'feed': {
      const root = xmlRootName(text);
      if (root !== null && root.toLowerCase() === 'html') return [readHtml(text, origin, opts)];
      return readFeed(text, origin, opts);
    }
    case 'html':
      return [readHtml(text, origin, opts)];
    default:
      return [finishArticle(origin, { text, plainTitle: true }, opts)];
  }
}

function readHtml(html: string, origin: string, opts: ReadOptions): ReadItem {
  const page = extractHtml(html);
  if (page.text.trim() === '') return { origin, warnings: [], error: 'no text found in the HTML page' };
  return finishArticle(origin, { text: page.text, title: page.title, url: page.url, source: page.source, dates: page.dates }, opts);
}

// ---------------------------------------------------------------------------------------------
// Files, folders, stdin

interface Found {
  path: string;
  size: number;
  /** Met inside a folder (binary files of unknown type are skipped there, not reported). */
  inFolder: boolean;
  error?: string;
}

function fsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return oneLine(err);
  }
}

/** Files under one path in sorted order, skipping hidden entries, node_modules and known binary types. */
async function* walk(p: string, seen: Set<string>): AsyncGenerator<Found> {
  let st;
  try {
    st = await fs.stat(p);
  } catch (err) {
    yield { path: p, size: 0, inFolder: false, error: fsError(err) };
    return;
  }
  if (!st.isDirectory()) {
    yield { path: p, size: st.size, inFolder: false };
    return;
  }
  let count = 0;
  for await (const f of walkDir(p, seen)) {
    count++;
    yield f;
  }
  if (count === 0) yield { path: p, size: 0, inFolder: false, error: 'no files to read in this folder' };
}

async function* walkDir(dir: string, seen: Set<string>): AsyncGenerator<Found> {
  let names: string[];
  try {
    const real = await fs.realpath(dir);
    if (seen.has(real)) return; // a symlink loop, or a folder reached twice through links
    seen.add(real);
    names = await fs.readdir(dir);
  } catch (err) {
    yield { path: dir, size: 0, inFolder: true, error: fsError(err) };
    return;
  }
  // Code-point order, not locale order, so every machine reads a folder the same way.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const full = path.join(dir, name);
    let st;
    try {
      st = await fs.stat(full);
    } catch (err) {
      yield { path: full, size: 0, inFolder: true, error: fsError(err) };
      continue;
    }
    if (st.isDirectory()) yield* walkDir(full, seen);
    else if (st.isFile() && !SKIP_EXTENSIONS.has(path.extname(name).toLowerCase())) {
      yield { path: full, size: st.size, inFolder: true };
    }
  }
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const fh = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function* readFoundFile(f: Found, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const origin = f.path;
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (f.size === 0) {
    yield { origin, warnings: [], error: 'empty file' };
    return;
  }
  let format = forced(opts) ?? formatFromName(f.path);
  if (format === null) {
    const head = await readHead(f.path, SNIFF_BYTES);
    if (looksBinary(head) && !(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff)) {
      if (!f.inFolder) yield { origin, warnings: [], error: 'binary file, not text' };
      return;
    }
    format = sniffFormat(head.toString('utf8'));
  }
  if (format === 'jsonl') {
    yield* streamJsonl(createReadStream(f.path, { highWaterMark: 1 << 20 }), origin, opts, []);
    return;
  }
  // Stat first: an oversized file is refused without reading it.
  if (f.size > max) {
    yield { origin, warnings: [], error: sizeError('file', f.size, max) };
    return;
  }
  const buf = await fs.readFile(f.path);
  yield* readBuffer(buf, origin, { ...opts, format });
}

async function* streamJsonl(
  stream: AsyncIterable<Buffer | string> | null,
  origin: string,
  opts: ReadOptions,
  already: Buffer[],
): AsyncGenerator<ReadItem> {
  const lines = new JsonlLines(origin, opts, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  try {
    for (const chunk of already) yield* lines.push(chunk);
    if (!lines.done && stream) {
      for await (const chunk of stream) {
        yield* lines.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        if (lines.done) break;
      }
    }
    yield* lines.end();
  } finally {
    const s = stream as { destroy?: () => void } | null;
    if (s && s !== process.stdin && typeof s.destroy === 'function') s.destroy();
  }
}

/** stdin: JSON lines are streamed; anything else is read whole, up to maxBytes. */
async function* readStdin(stream: NodeJS.ReadableStream, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const origin = '-';
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let total = 0;
  let ended = false;
  while (total < SNIFF_BYTES) {
    const r = await iterator.next();
    if (r.done) {
      ended = true;
      break;
    }
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
    chunks.push(chunk);
    total += chunk.length;
  }
  if (total === 0) {
    yield { origin, warnings: [], error: 'empty input' };
    return;
  }
  const head = Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
  const format = forced(opts) ?? (looksBinary(head) ? 'text' : sniffFormat(head.toString('utf8')));
  const rest: AsyncIterable<Buffer | string> = { [Symbol.asyncIterator]: () => iterator };
  if (format === 'jsonl') {
    yield* streamJsonl(ended ? null : rest, origin, opts, chunks);
    return;
  }
  if (!ended) {
    for await (const chunk of rest) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      total += b.length;
      if (total > max) {
        yield { origin, warnings: [], error: `input is over the ${formatLimit(max)} limit; split it or pass --max-size` };
        return;
      }
      chunks.push(b);
    }
  }
  yield* readBuffer(Buffer.concat(chunks), origin, { ...opts, format });
}

/**
 * Reads files, folders (recursively, sorted) and stdin ("-") into articles and error items, one at a time.
 * Never throws for bad input: every problem is an item with `error`.
 */
export async function* readPaths(
  paths: string[],
  opts: ReadOptions = {},
  stdin?: NodeJS.ReadableStream,
): AsyncGenerator<ReadItem> {
  for (const p of paths) {
    if (p === '-') {
      try {
        yield* readStdin(stdin ?? process.stdin, opts);
      } catch (err) {
        yield { origin: '-', warnings: [], error: `could not read stdin: ${oneLine(err)}` };
      }
      continue;
    }
    // A fresh set per path: it only guards against symlink loops; naming a folder twice reads it twice.
    for await (const f of walk(p, new Set())) {
      if (f.error) {
        yield { origin: f.path, warnings: [], error: f.error };
        continue;
      }
      try {
        yield* readFoundFile(f, opts);
      } catch (err) {
        yield { origin: f.path, warnings: [], error: fsError(err) };
      }
    }
  }
}

/** How many files readPaths will open (stdin counts as one), for a progress bar. */
export async function fileCount(paths: string[]): Promise<number> {
  let n = 0;
  for (const p of paths) {
    if (p === '-') {
      n++;
      continue;
    }
    for await (const _ of walk(p, new Set())) n++;
  }
  return n;
}

/** The one line to show for an item's error: "batch.jsonl:17: invalid JSON (...)". */
export function itemMessage(item: ReadItem): string {
  return `${item.origin}: ${item.error ?? item.warnings.join('; ')}`;
}

export { articleKey } from '../../core/text-key.js';
