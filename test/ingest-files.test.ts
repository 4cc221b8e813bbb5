import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCount, NO_DATE_WARNING, readBuffer, readPaths, type ReadItem, type ReadOptions } from '../src/app/ingest/index.js';

const SHARED = new URL('../../shared/', import.meta.url).pathname;
const SEEDS = path.join(SHARED, 'seeds');
const TIMELINE17 = path.join(SHARED, 'corpora/timeline17');

async function collect(paths: string[], opts?: ReadOptions, stdin?: NodeJS.ReadableStream): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readPaths(paths, opts, stdin)) out.push(item);
  return out;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dyad-ingest-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(rel: string, data: string | Buffer): string {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, data);
  return p;
}

describe('bad input: one clear error each, never a throw', () => {
  it('empty file', async () => {
    const p = write('bad/empty.txt', '');
    expect(await collect([p])).toEqual([{ origin: p, warnings: [], error: 'empty file' }]);
    expect(readBuffer(Buffer.from(' \n\t\n'), 'blank.txt')[0].error).toBe('empty file');
    expect((await collect([write('bad/empty.jsonl', '\n\n')]))[0].error).toBe('empty file');
  });

  it('binary file', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const p = write('bad/data.txt', bytes);
    expect((await collect([p]))[0].error).toBe('binary file, not text');
    // Control characters without NULs are binary too.
    expect(readBuffer(Buffer.alloc(500, 0x01), 'ctrl.txt')[0].error).toBe('binary file, not text');
    // And as JSON lines.
    expect((await collect([write('bad/data.jsonl', bytes)]))).toEqual([{ origin: path.join(dir, 'bad/data.jsonl'), warnings: [], error: 'binary file, not text' }]);
  });

  it('invalid UTF-8, with the byte offset', async () => {
    const p = write('bad/latin1.txt', Buffer.concat([Buffer.from('Les n\u00e9gociations '), Buffer.from([0xe0, 0x20]), Buffer.from(' Niamey.')]));
    // "Les n" 5 bytes + "é" 2 bytes + "gociations " 11 bytes = 18
    expect((await collect([p]))[0].error).toBe('invalid UTF-8 at byte 18');
    expect(readBuffer(Buffer.from([0x41, 0x42, 0xc3, 0x28]), 'x.txt')[0].error).toBe('invalid UTF-8 at byte 2');
    expect(readBuffer(Buffer.from([0x41, 0xed, 0xa0, 0x80]), 'x.txt')[0].error).toBe('invalid UTF-8 at byte 1'); // a surrogate
    expect(readBuffer(Buffer.from([0x41, 0xe2, 0x82]), 'x.txt')[0].error).toBe('invalid UTF-8 at byte 1'); // truncated
  });

  it('missing path', async () => {
    const p = path.join(dir, 'does/not/exist.txt');
    expect(await collect([p])).toEqual([{ origin: p, warnings: [], error: 'no such file or directory' }]);
  });

  it('a 50 MB file is refused from its size alone, quickly and without reading it', async () => {
    const big = path.join(dir, 'big.txt');
    const block = Buffer.alloc(1 << 20, 'Niger and Mali signed a pact. ');
    for (let i = 0; i < 50; i++) writeFileSync(big, block, { flag: i === 0 ? 'w' : 'a' });
    const before = process.memoryUsage().arrayBuffers;
    const t0 = performance.now();
    const items = await collect([big]);
    const ms = performance.now() - t0;
    const grew = process.memoryUsage().arrayBuffers - before;
    rmSync(big);
    expect(items).toEqual([{ origin: big, warnings: [], error: 'file is 52.4 MB, over the 20 MB limit; split it or pass --max-size' }]);
    expect(ms).toBeLessThan(200);
    expect(grew).toBeLessThan(10e6);
  });

  it('--max-size (maxBytes) raises or lowers the limit', async () => {
    const p = write('bad/small.txt', 'x'.repeat(3000));
    expect((await collect([p], { maxBytes: 2000 }))[0].error).toBe('file is 3.0 kB, over the 2 kB limit; split it or pass --max-size');
    expect((await collect([p], { maxBytes: 4000 }))[0].article?.text).toHaveLength(3000);
  });

  it('an error in one path does not stop the next', async () => {
    const ok = write('bad/ok.txt', 'date 2024-01-01 Fine.');
    const items = await collect([path.join(dir, 'missing.txt'), ok]);
    expect(items.map((i) => i.error ?? i.article?.text)).toEqual(['no such file or directory', 'Fine.']);
  });
});

describe('folders', () => {
  let root: string;
  beforeAll(() => {
    root = path.join(dir, 'tree');
    write('tree/b.jsonl', '{"text": "JSON line one.", "published": "2024-01-03"}\n{"text": "JSON line two.", "published": "2024-01-04"}\n');
    write('tree/a.txt', 'date 2024-01-02\nFirst file.\n');
    write('tree/story', 'A plain story with no extension.\n');
    write('tree/data.dat', '{"text": "JSON lines in a .dat file.", "published": "2024-01-05"}\n');
    write('tree/sub/deeper/page.htm', '<html><body><nav>Menu</nav><p>Deep page.</p></body></html>');
    write('tree/sub/c.md', 'Markdown file.\n');
    write('tree/sub/B.txt', 'Upper-case name.\n');
    write('tree/.hidden/secret.txt', 'hidden folder\n');
    write('tree/.dotfile.txt', 'hidden file\n');
    write('tree/node_modules/pkg/readme.txt', 'dependency readme\n');
    write('tree/image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    write('tree/blob.unknown', Buffer.from([0x62, 0x69, 0x6e, 0, 1, 2, 3, 0]));
    mkdirSync(path.join(root, 'empty'));
  });

  it('reads recursively in sorted order, skipping hidden entries, node_modules and binary files of unknown type', async () => {
    const items = await collect([root]);
    expect(items.map((i) => path.relative(root, i.origin))).toEqual([
      'a.txt', 'b.jsonl:1', 'b.jsonl:2', 'data.dat:1', 'story', 'sub/B.txt', 'sub/c.md', 'sub/deeper/page.htm',
    ]);
    expect(items.map((i) => i.article?.text.trim())).toEqual([
      'First file.', 'JSON line one.', 'JSON line two.', 'JSON lines in a .dat file.', 'A plain story with no extension.',
      'Upper-case name.', 'Markdown file.', 'Deep page.',
    ]);
    expect(items.every((i) => !i.error)).toBe(true);
  });

  it('survives a symlink loop, and reads a folder named twice twice', async () => {
    const loop = path.join(dir, 'loop');
    write('loop/one.txt', 'date 2024-01-01 Only file.');
    symlinkSync(loop, path.join(loop, 'again'));
    const items = await collect([loop, loop]);
    expect(items.map((i) => path.relative(dir, i.origin))).toEqual(['loop/one.txt', 'loop/one.txt']);
  });

  it('reports a binary file named explicitly, even of unknown type', async () => {
    expect((await collect([path.join(root, 'blob.unknown')]))[0].error).toBe('binary file, not text');
  });

  it('says when a folder has nothing to read', async () => {
    const p = path.join(root, 'empty');
    expect(await collect([p])).toEqual([{ origin: p, warnings: [], error: 'no files to read in this folder' }]);
  });

  it('counts files for a progress bar', async () => {
    // 7 readable files plus blob.unknown (sniffed, then skipped when read) = 8; stdin counts one.
    expect(await fileCount([root, '-'])).toBe(9);
  });
});

describe('format option', () => {
  it('overrides the extension and sniffing', async () => {
    const p = write('fmt/page.html', '<p>Tagged &amp; text</p>');
    expect((await collect([p]))[0].article?.text).toBe('Tagged & text');
    expect((await collect([p], { format: 'text' }))[0].article?.text).toBe('<p>Tagged &amp; text</p>');
    const stdin = Readable.from(['{"text": "a"}']);
    expect((await collect(['-'], { format: 'jsonl' }, stdin))[0]).toMatchObject({ origin: '-:1', article: { text: 'a' } });
  });
});

describe('stdin', () => {
  it('streams JSON lines from "-"', async () => {
    const lines = '{"id": "s1", "text": "From stdin.", "published": "2024-05-01"}\nnot json\n{"id": "s2", "text": "Second."}\n';
    const items = await collect(['-'], {}, Readable.from([Buffer.from(lines.slice(0, 20)), Buffer.from(lines.slice(20))]));
    expect(items.map((i) => i.origin)).toEqual(['-:1', '-:2', '-:3']);
    expect(items[0].article).toMatchObject({ id: 's1', published: '2024-05-01' });
    expect(items[1].error).toMatch(/^invalid JSON/);
    expect(items[2].warnings).toEqual([NO_DATE_WARNING]);
  });

  it('sniffs HTML and plain text on stdin', async () => {
    const html = await collect(['-'], {}, Readable.from([Buffer.from('<!doctype html><title>T</title><p>Page text.</p>')]));
    expect(html[0].article).toMatchObject({ title: 'T', text: 'Page text.' });
    const txt = await collect(['-'], { published: '2024-02-02' }, Readable.from(['Plain text from a pipe.\n']));
    expect(txt[0].article).toMatchObject({ text: 'Plain text from a pipe.\n', published: '2024-02-02' });
  });

  it('reports empty and oversized input', async () => {
    expect((await collect(['-'], {}, Readable.from([])))[0].error).toBe('empty input');
    const big = Readable.from([Buffer.alloc(9000, 'a'), Buffer.alloc(9000, 'b')]);
    expect((await collect(['-'], { maxBytes: 10_000 }, big))[0].error).toBe('input is over the 10 kB limit; split it or pass --max-size');
  });
});

describe.skipIf(!existsSync(SEEDS))('seed articles (../shared/seeds)', () => {
  it('reads the three seeds with their dates and without the date header', async () => {
    const items = await collect([SEEDS]);
    expect(items.map((i) => path.basename(i.origin))).toEqual([
      '000_c0d3f6bbb77224d9.txt', '001_43e72c34e3b3f8d7.txt', '002_dcdeab547d76848a.txt',
    ]);
    expect(items.map((i) => [i.article?.published, i.publishedFrom])).toEqual([
      ['2021-12-10', 'dateline'], ['2024-03-28', 'header'], ['2023-11-16', 'header'],
    ]);
    expect(items[0].article?.text.startsWith('Niamey, 10 December 2021 (TDI): United States')).toBe(true);
    expect(items[1].article?.text.startsWith('In a move that has sent ripples')).toBe(true);
    expect(items[2].article?.text.startsWith('Mutinous soldiers in Niger')).toBe(true);
    for (const i of items) {
      expect(i.warnings).toEqual([]);
      expect(i.article?.text).not.toMatch(/^\s*date \d/);
    }
  });
});

describe.skipIf(!existsSync(TIMELINE17))('timeline17 corpus (../shared/corpora/timeline17)', () => {
  it('streams every file; each record has its "time" as the published date', async () => {
    const files = readdirSync(TIMELINE17).filter((f) => f.endsWith('.jsonl'));
    const items = await collect([TIMELINE17]);
    const articles = items.filter((i) => i.article);
    expect(articles.length).toBeGreaterThan(4000);
    expect(articles.every((i) => i.publishedFrom === 'metadata' && /^\d{4}-\d{2}-\d{2}$/.test(i.article!.published!))).toBe(true);
    // The only errors are the corpus's own empty records.
    expect(items.filter((i) => i.error).every((i) => i.error === 'empty "text" field')).toBe(true);
    expect(new Set(items.map((i) => i.origin.split(':')[0])).size).toBe(files.length);
  }, 30_000);
});
