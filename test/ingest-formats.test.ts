import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemMessage, NO_DATE_WARNING, readBuffer, readPaths, type ReadItem } from '../src/app/ingest/index.js';

const FIX = new URL('./fixtures/ingest/', import.meta.url).pathname;

function read(rel: string, opts = {}): ReadItem[] {
  return readBuffer(readFileSync(FIX + rel), rel, opts);
}

function one(rel: string, opts = {}): ReadItem {
  const items = read(rel, opts);
  expect(items).toHaveLength(1);
  return items[0];
}

function text(s: string, origin = 'x.txt', opts = {}): ReadItem {
  const items = readBuffer(Buffer.from(s, 'utf8'), origin, opts);
  expect(items).toHaveLength(1);
  return items[0];
}

describe('plain text', () => {
  it('takes the date from a header line and removes the header from the text', () => {
    const it1 = one('text/header-own-line.txt');
    expect(it1.article?.published).toBe('2024-03-28');
    expect(it1.publishedFrom).toBe('header');
    expect(it1.article?.text.startsWith("Niger's military government")).toBe(true);
    expect(it1.article?.text).not.toContain('2024-03-28');
    expect(it1.warnings).toEqual([]);
  });

  it('removes a header that runs into the article on the same line (the seed form)', () => {
    const it1 = text(' date 2023-11-16 Mutinous soldiers in Niger have cut ties.\n\nMore text.');
    expect(it1.article).toMatchObject({ published: '2023-11-16', text: 'Mutinous soldiers in Niger have cut ties.\n\nMore text.' });
  });

  it('takes the date from a dateline and keeps the dateline in the text', () => {
    const it1 = one('text/dateline.txt');
    expect(it1.article?.published).toBe('2021-12-10');
    expect(it1.publishedFrom).toBe('dateline');
    expect(it1.article?.text.startsWith('Niamey, 10 December 2021 (TDI): The foreign minister')).toBe(true);
  });

  it('does not guess the year of a year-less dateline: warns and stores no date', () => {
    const it1 = one('text/titled-no-year.txt');
    expect(it1.article?.published).toBeNull();
    expect(it1.publishedFrom).toBeNull();
    expect(it1.warnings).toContain('dateline date "March 17" has no year: not used');
    expect(it1.warnings).toContain(NO_DATE_WARNING);
  });

  it('completes a year-less dateline with the year of --published', () => {
    const it1 = one('text/titled-no-year.txt', { published: '2024-03-18' });
    expect(it1.article?.published).toBe('2024-03-17');
    expect(it1.publishedFrom).toBe('dateline');
  });

  it('takes a short first line followed by a blank line as the title, and keeps it in the text', () => {
    const it1 = one('text/titled-no-year.txt');
    expect(it1.article?.title).toBe('Niger ends military pact with United States');
    expect(it1.article?.text.startsWith('Niger ends military pact with United States\n\nNIAMEY')).toBe(true);
  });

  it('has no title when the first line is a sentence, long, or not followed by a blank line', () => {
    expect(text('Niger cut ties with France.\n\nMore.').article?.title).toBeUndefined();
    expect(text('Niger cut ties with France\nMore.').article?.title).toBeUndefined();
    expect(text(`${'word '.repeat(40)}\n\nMore.`).article?.title).toBeUndefined();
    expect(text('# Markdown heading\n\nBody.', 'x.md').article?.title).toBe('Markdown heading');
  });

  it('never uses today: an article without any date gets null and the warning', () => {
    const it1 = one('text/no-date.txt');
    expect(it1.article?.published).toBeNull();
    expect(it1.warnings).toEqual([NO_DATE_WARNING]);
  });

  it('uses --published when the article has no date of its own', () => {
    const it1 = one('text/no-date.txt', { published: '2022-05-01' });
    expect(it1.article?.published).toBe('2022-05-01');
    expect(it1.publishedFrom).toBe('flag');
    expect(it1.warnings).toEqual([]);
  });

  it('warns about an unusable --published value', () => {
    const it1 = one('text/no-date.txt', { published: 'last tuesday' });
    expect(it1.article?.published).toBeNull();
    expect(it1.warnings).toContain('--published value "last tuesday" is not a date: ignored');
  });

  it('strips an unparseable header, warns naming it, and falls through', () => {
    const it1 = one('text/bad-header.txt', { published: '2024-01-01' });
    expect(it1.article?.text).toBe('The text after a date header whose date does not exist.\n');
    expect(it1.article?.published).toBe('2024-01-01');
    expect(it1.warnings[0]).toBe('unparseable date "2024-13-45" in the date header: ignored');
  });

  it('reports a file holding only a date header', () => {
    expect(one('text/header-only.txt').error).toBe('no article text after the date header');
  });

  it('strips a UTF-8 BOM and turns CRLF into LF, leaving the rest as given', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('date 2024-03-28\r\nLine one.\r\n\r\nLine  two.\r\n')]);
    const it1 = readBuffer(buf, 'crlf.txt')[0];
    expect(it1.article?.text).toBe('Line one.\n\nLine  two.\n');
    expect(it1.article?.published).toBe('2024-03-28');
  });

  it('reads UTF-16 text with a byte-order mark', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Niamey, 10 December 2021 (TDI): Talks.', 'utf16le')]);
    expect(readBuffer(buf, 'u16.txt')[0].article?.published).toBe('2021-12-10');
  });
});

describe('published date precedence', () => {
  const body = 'date 2024-03-28 Niamey, 10 December 2021 (TDI): The talks went on.';

  it('metadata beats the header, the header beats the dateline, the dateline beats the flag', () => {
    const meta = readBuffer(Buffer.from(JSON.stringify({ text: body, published: '2020-02-02' })), 'a.jsonl')[0];
    expect([meta.article?.published, meta.publishedFrom]).toEqual(['2020-02-02', 'metadata']);
    const header = text(body, 'b.txt', { published: '2019-01-01' });
    expect([header.article?.published, header.publishedFrom]).toEqual(['2024-03-28', 'header']);
    const dateline = text('Niamey, 10 December 2021 (TDI): The talks went on.', 'c.txt', { published: '2019-01-01' });
    expect([dateline.article?.published, dateline.publishedFrom]).toEqual(['2021-12-10', 'dateline']);
  });

  it('an unparseable metadata date warns with its value and falls through to the next source', () => {
    const items = read('jsonl/batch.jsonl');
    const a4 = items.find((i) => i.article?.id === 'a4')!;
    expect(a4.article?.published).toBe('2021-12-10');
    expect(a4.publishedFrom).toBe('dateline');
    expect(a4.warnings).toEqual(['unparseable date "sometime soon" in the "published" field: ignored']);
  });
});

describe('JSON lines and JSON', () => {
  const items = read('jsonl/batch.jsonl');

  it('reads every good line and gives each bad line its own error, with its line number', () => {
    expect(items.map((i) => i.origin)).toEqual([
      'jsonl/batch.jsonl:1', 'jsonl/batch.jsonl:2', 'jsonl/batch.jsonl:3', 'jsonl/batch.jsonl:4',
      'jsonl/batch.jsonl:6', 'jsonl/batch.jsonl:7', 'jsonl/batch.jsonl:8', 'jsonl/batch.jsonl:9',
    ]);
    expect(itemMessage(items[1])).toMatch(/^jsonl\/batch\.jsonl:2: invalid JSON \(.+\)$/);
    expect(items[2].error).toBe('no "text" field');
    expect(items[6].error).toBe('expected a JSON object with a "text" field, got an array');
    expect(items.filter((i) => i.article)).toHaveLength(5);
  });

  it('keeps our fields', () => {
    expect(items[0].article).toEqual({
      id: 'a1', text: 'France withdrew its ambassador from Niamey.', published: '2023-09-25', title: 'France recalls envoy',
      url: 'https://example.org/a1', source: 'Example Wire',
    });
  });

  it('reads the timeline17 shape: "time" is the published date, tokenised text left as is', () => {
    const t = items.find((i) => i.article?.id === '572')!;
    expect(t.article?.published).toBe('2010-01-25');
    expect(t.article?.text).toContain('-LRB- officials say -RRB-');
  });

  it('reads the Voice of America shape', () => {
    const v = items.find((i) => i.article?.id === '8011115')!;
    expect(v.article).toMatchObject({
      published: '2025-03-14T20:30:26Z', title: 'Iraq says key Islamic State leader is dead', url: 'https://www.voanews.com/a/8011115.html',
    });
  });

  it('removes a date header inside a JSON text too', () => {
    const h = items.find((i) => i.article?.id === 'a8')!;
    expect(h.article?.text).toBe('The header inside a JSON text is removed too.');
    expect(h.article?.published).toBe('2024-03-28');
  });

  it('reads a .json array, numbering elements from 1', () => {
    const arr = read('jsonl/array.json');
    expect(arr.map((i) => i.origin)).toEqual(['jsonl/array.json#1', 'jsonl/array.json#2', 'jsonl/array.json#3']);
    expect(arr[1].error).toBe('empty "text" field');
    expect(arr[2].article?.published).toBe('2023-09-16T10:00:00Z');
  });

  it('reads a .json object', () => {
    const o = one('jsonl/object.json');
    expect(o.article).toMatchObject({ id: 'single', published: '2023-08-10T09:30:00Z', title: 'One article in one JSON object' });
  });

  it('reports a broken .json document once', () => {
    const r = readBuffer(Buffer.from('{"text": "a",'), 'bad.json');
    expect(r).toHaveLength(1);
    expect(r[0].error).toMatch(/^invalid JSON \(/);
  });

  it('applies the size limit per line, so a big file of small lines is fine', () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `Story number ${i}.`, published: '2024-01-01' }));
    lines.splice(10, 0, JSON.stringify({ id: 'huge', text: 'x'.repeat(5000) }));
    const buf = Buffer.from(lines.join('\n') + '\n');
    const r = readBuffer(buf, 'big.jsonl', { maxBytes: 1000 });
    expect(buf.length).toBeGreaterThan(1000);
    expect(r.filter((i) => i.article)).toHaveLength(50);
    expect(r[10]).toMatchObject({ origin: 'big.jsonl:11', error: 'line is 5.0 kB, over the 1 kB limit; split it or pass --max-size' });
  });

  it('reports invalid UTF-8 in one line with its byte offset in the file and reads the others', () => {
    const good = Buffer.from('{"text": "fine", "published": "2024-01-01"}\n');
    const bad = Buffer.concat([Buffer.from('{"text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    const r = readBuffer(Buffer.concat([good, bad, good]), 'mixed.jsonl');
    expect(r.map((i) => i.error ?? 'ok')).toEqual(['ok', `invalid UTF-8 at byte ${good.length + 13}`, 'ok']);
  });

  it('accepts CRLF line ends and a BOM in JSON lines', () => {
    const buf = Buffer.from('\ufeff{"text": "one"}\r\n{"text": "two\\r\\nlines"}\r\n', 'utf8');
    const r = readBuffer(buf, 'crlf.jsonl');
    expect(r.map((i) => i.article?.text)).toEqual(['one', 'two\nlines']);
  });
});

describe('HTML pages', () => {
  const page = one('html/page.html');
  const t = page.article!.text;

  it('drops scripts, styles, navigation, headers, footers, asides, forms, svg, iframes and templates', () => {
    for (const junk of ['Tracking script', 'Inline script', 'Advert text', 'World', 'Home', 'Copyright', 'Related:',
      'Enable JavaScript', 'Sign up', 'Email', 'Icon title', 'SVG text', 'Iframe text', 'Template text', 'Subscribe']) {
      expect(t).not.toContain(junk);
    }
  });

  it('prefers the <article>, keeps paragraph breaks and decodes entities', () => {
    expect(t).toBe(
      'NIAMEY, March 17 (Reuters) - Niger\u2019s ruling junta said it had revoked, \u201cwith immediate effect\u201d, an accord with the United States.\n\n' +
        'The spokesman, Colonel Amadou Abdramane, said the decision was taken in the interest of the people.\nHe spoke on national television.\n\n' +
        'Troops in Niamey & Agadez.\n\nFirst point\n\nSecond point',
    );
  });

  it('takes title, url, source and the published date from the metadata', () => {
    expect(page.article).toMatchObject({
      title: 'Niger ends military pact with the United States',
      url: 'https://news.example.org/2024/03/17/niger-pact',
      source: 'Example News',
      published: '2024-03-17T18:45:00Z',
    });
    expect(page.publishedFrom).toBe('metadata');
  });

  it('falls back to JSON-LD for the date and headline, warning about an unparseable meta date', () => {
    const p = one('html/jsonld-only.html');
    expect(p.article).toMatchObject({
      title: 'Talks resume in Doha', published: '2024-02-01', url: 'https://example.org/doha',
      text: 'Delegations from the two sides met in Doha.\n\nQatar hosted the meeting.',
    });
    expect(p.warnings).toEqual([]);
  });

  it('uses <time datetime> and <h1> when there is nothing better', () => {
    const p = one('html/time-only.html');
    expect(p.article).toMatchObject({ title: 'Border reopened', published: '2022-07-04' });
  });

  it('names an unparseable meta date in a warning and goes on to the next source', () => {
    const html = '<html><head><meta name="date" content="sometime soon"></head><body><p>Text.</p><time datetime="2021-06-01">x</time></body></html>';
    const p = readBuffer(Buffer.from(html), 'p.html')[0];
    expect(p.article?.published).toBe('2021-06-01');
    expect(p.warnings).toEqual(['unparseable date "sometime soon" in meta date: ignored']);
  });

  it('reports a page without text', () => {
    expect(one('html/scripts-only.html').error).toBe('no text found in the HTML page');
  });
});

describe('feeds', () => {
  it('reads each RSS item as an article, and a broken item as an error while the others go on', () => {
    const items = read('feeds/rss.xml');
    expect(items.map((i) => i.origin)).toEqual(['feeds/rss.xml#item1', 'feeds/rss.xml#item2', 'feeds/rss.xml#item3', 'feeds/rss.xml#item4']);
    expect(itemMessage(items[2])).toBe('feeds/rss.xml#item3: item has no text (no description, content or title)');
    expect(items[0].article).toEqual({
      id: 'ex-1', title: 'Niger and Mali sign pact', url: 'https://example.org/africa/1', source: 'Example Africa Desk',
      published: '2023-09-16T14:00:00Z',
      text: 'Niger, Mali & Burkina Faso signed a mutual defence pact.\n\nThe charter is called the Liptako-Gourma Charter.',
    });
    expect(items[1].article).toMatchObject({
      title: 'ECOWAS lifts sanctions & reopens borders', published: '2024-02-24',
      text: 'West African leaders lifted sanctions on Niger.\n\nBorders reopen & flights resume.',
    });
    expect(items[3].article?.published).toBe('2023-08-08');
    expect(items[3].warnings).toEqual(['unparseable date "next week perhaps" in <pubDate>: ignored']);
  });

  it('reads Atom entries, including XHTML content and the alternate link', () => {
    const items = read('feeds/atom.xml');
    expect(items).toHaveLength(2);
    expect(items[0].article).toMatchObject({
      id: 'urn:example:1', title: 'US & Niger hold talks', url: 'https://example.org/diplomacy/1', published: '2024-03-12T09:00:00Z',
      source: 'Example Diplomacy Feed', text: 'A US delegation visited Niamey for talks.\n\nThe talks ended without agreement.',
    });
    expect(items[1].article).toMatchObject({
      url: 'https://example.org/diplomacy/2', published: '2024-04-12T10:00:00Z', text: 'Russian military instructors arrived in Niger.',
    });
    expect(items[1].origin).toBe('feeds/atom.xml#item2');
  });

  it('gives one error for a feed that is not well-formed XML', () => {
    const items = read('feeds/broken.xml');
    expect(items).toHaveLength(1);
    expect(items[0].error).toMatch(/^not well-formed XML \(line \d+: .+\)$/);
  });

  it('says so when XML is not a feed', () => {
    expect(one('feeds/not-a-feed.xml').error).toBe('XML but not an RSS or Atom feed (root element <catalog>)');
  });

  it('sniffs a feed with an unknown extension', () => {
    const items = readBuffer(readFileSync(FIX + 'feeds/atom.xml'), 'download');
    expect(items.map((i) => i.article?.title)).toEqual(['US & Niger hold talks', 'Russia sends instructors']);
  });
});

describe('readPaths on fixture files', () => {
  it('gives the same items as readBuffer, with origins as paths', async () => {
    const got: ReadItem[] = [];
    for await (const item of readPaths([FIX + 'jsonl/batch.jsonl', FIX + 'feeds/rss.xml'])) got.push(item);
    expect(got).toHaveLength(12);
    expect(got[0].origin).toBe(FIX + 'jsonl/batch.jsonl:1');
    expect(got[1].error).toMatch(/^invalid JSON/);
    expect(got[11].origin).toBe(FIX + 'feeds/rss.xml#item4');
  });
});
