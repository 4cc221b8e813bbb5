// The dyad command as a user runs it: exit codes, one-line errors, formats, and the database surviving bad input.
// Runs the compiled CLI (npm test builds dist/ first).
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync, mkdirSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const bin = join(root, 'bin', 'dyad.js');

function dyad(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env }, cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
let db: string;
beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  dir = mkdtempSync(join(tmpdir(), 'dyad-cli-'));
  db = join(dir, 'test.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dyad ingest and events', () => {
  it('ingests the example seeds and prints a summary', () => {
    const r = dyad(['ingest', '--db', db, 'examples/seeds']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/read 3 articles: 3 new, 0 already stored, 0 failed/);
  });

  it('adds nothing when the same articles are ingested again', () => {
    const r = dyad(['ingest', '--db', db, '--format', 'json', 'examples/seeds']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s).toMatchObject({ read: 3, added: 0, duplicates: 3, total_articles: 3 });
  });

  it('lists events as a table for people and JSON for programs, with filters', () => {
    const table = dyad(['events', '--db', db, '--type', 'SANCTION']);
    expect(table.code).toBe(0);
    expect(table.out.split('\n')[0]).toMatch(/date\s+.*event\s+.*source\s+.*target/);
    expect(table.out).toMatch(/IGO:ECOWAS/);
    const json = JSON.parse(dyad(['events', '--db', db, '--format', 'json', '--source', 'NER', '--target', 'USA']).out);
    expect(json.length).toBeGreaterThan(0);
    for (const e of json) {
      expect(e.source.code.startsWith('NER')).toBe(true);
      expect(e.target.country).toBe('USA');
      expect(e.evidence.text.length).toBeGreaterThan(0);
    }
    const since = JSON.parse(dyad(['events', '--db', db, '--format', 'json', '--since', '2024-01-01']).out);
    expect(since.every((e: { date: string }) => e.date >= '2024')).toBe(true);
  });

  it('reads the database from DYAD_DB', () => {
    const r = dyad(['stats', '--format', 'json'], undefined, { DYAD_DB: db });
    expect(JSON.parse(r.out).articles).toBe(3);
  });

  it('exports CSV with GDELT-style columns and JSON lines', () => {
    const csv = dyad(['export', '--db', db, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const header = csv.out.split(/\r?\n/)[0];
    for (const col of ['GlobalEventID', 'SQLDATE', 'Actor1Code', 'Actor2Code', 'EventRootCode', 'QuadClass', 'GoldsteinScale']) {
      expect(header).toContain(col);
    }
    const jsonl = dyad(['export', '--db', db, '--format', 'jsonl']).out.trim().split('\n');
    expect(JSON.parse(jsonl[0]).event).toBeTruthy();
  });
});

describe('dyad actors', () => {
  it('lists the seed articles\' actors with codes, roles over time and mention counts', () => {
    const r = dyad(['actors', '--db', db]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^code\s+name\s+kind\s+mentions\s+articles\s+roles\s+entity/);
    expect(r.out).toMatch(/NERGOV\s+Mohamed Bazoum\s+person\s+4\s+2\s+NERGOV President 2021-12-10/);
    expect(r.out).not.toMatch(/place:/);
  });

  it('narrows by name, code or entity, and writes JSON with the role spans', () => {
    const byName = dyad(['actors', '--db', db, '--format', 'json', 'bazoum']);
    expect(byName.code).toBe(0);
    const [a] = JSON.parse(byName.out);
    expect(a).toMatchObject({ entity: 'person:mohamed-bazoum', code: 'NERGOV', mentions: 4, articles: 2 });
    expect(a.roles).toEqual([{ code: 'NERGOV', sector: 'GOV', role: 'President', from: '2021-12-10', to: '2023-11-16', mentions: 4, articles: 2 }]);
    const mil = JSON.parse(dyad(['actors', '--db', db, '--format', 'json', 'NERMIL']).out);
    expect(mil.map((x: { entity: string }) => x.entity)).toContain('country:NER:MIL');
    const people = JSON.parse(dyad(['actors', '--db', db, '--format', 'json', '--kind', 'person', '--limit', '1']).out);
    expect(people).toHaveLength(1);
    expect(people[0].kind).toBe('person');
  });
});

describe('bad input', () => {
  it('reports each bad file on one line, stores the good ones and exits non-zero', () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0]));
    writeFileSync(join(bad, 'latin1.txt'), Buffer.from('date 2024-01-02\nSenegal signed an accord with Mali in D\xe9cembre.', 'latin1'));
    writeFileSync(join(bad, 'lines.jsonl'), '{"id":"a1","text":"Kenya and Ethiopia signed a trade agreement.","published":"2024-02-01"}\n{"id":"a2","text": broken\n');
    writeFileSync(
      join(bad, 'page.html'),
      '<html><head><title>Page</title><script>var x = "Russia attacked Ukraine";</script></head><body><nav>Home | World</nav>' +
        '<article><p>Ghana recalled its ambassador from Togo on Monday.</p></article></body></html>',
    );
    writeFileSync(
      join(bad, 'feed.xml'),
      '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>' +
        '<item><title>Good</title><description>Chad expelled French diplomats.</description><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>' +
        '<item></item></channel></rss>',
    );
    writeFileSync(join(bad, 'baddate.jsonl'), '{"id":"d1","text":"Peru condemned the attack on its embassy.","published":"sometime soon"}\n');
    const big = join(bad, 'huge.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);

    const before = JSON.parse(dyad(['stats', '--db', db, '--format', 'json']).out).articles;
    const r = dyad(['ingest', '--db', db, bad]);
    expect(r.code).toBe(1);
    const errors = r.err.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors.find((l) => l.includes('empty.txt'))).toMatch(/empty/);
    expect(errors.find((l) => l.includes('binary.txt'))).toMatch(/binary/);
    expect(errors.find((l) => l.includes('latin1.txt'))).toMatch(/UTF-8/);
    expect(errors.find((l) => l.includes('lines.jsonl:2'))).toMatch(/invalid JSON/);
    expect(errors.find((l) => l.includes('feed.xml#item2'))).toBeDefined();
    expect(errors.find((l) => l.includes('huge.txt'))).toMatch(/MB/);
    expect(r.err).toMatch(/baddate\.jsonl:1: .*sometime soon/);
    // The good articles of the batch are stored: jsonl a1, html page, feed item 1, the undated one.
    const after = JSON.parse(dyad(['stats', '--db', db, '--format', 'json']).out).articles;
    expect(after - before).toBe(4);
    // The script in the HTML page was not read as news.
    const evs = JSON.parse(dyad(['events', '--db', db, '--format', 'json', '--all', '--actor', 'UKR']).out);
    expect(evs).toEqual([]);
  });

  it('gives one clear line for a bad database path and for a file that is not a database', () => {
    const r = dyad(['events', '--db', join(dir, 'no', 'such', 'dir', 'x.db')]);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'hello, this is not sqlite at all, just some text that is long enough');
    const r2 = dyad(['events', '--db', notDb]);
    expect(r2.code).not.toBe(0);
    expect(r2.err).toMatch(/not a .*database/);
    expect(r2.err.trim().split('\n')).toHaveLength(1);
  });

  it('rejects bad option values with a usage error', () => {
    const r = dyad(['events', '--db', db, '--since', 'yesterday']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--since must be/);
    const f = dyad(['events', '--db', db, '--format', 'xml']);
    expect(f.code).toBe(2);
    const p = dyad(['ingest', '--db', db, '--published', 'soon', 'examples/seeds']);
    expect(p.code).toBe(2);
    expect(p.err).toMatch(/--published/);
  });

  it('reports a missing path and goes on', () => {
    const r = dyad(['ingest', '--db', db, join(dir, 'missing.txt'), 'examples/seeds']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/missing\.txt: no such file/);
    expect(r.out).toMatch(/3 already stored/);
  });
});

describe('machine contract', () => {
  it('annotate writes one JSON line per article with every layer and reports bad lines', () => {
    const input =
      JSON.stringify({ id: 'x1', text: 'The European Union imposed sanctions on Belarus on 3 March 2024.', published: '2024-03-05' }) +
      '\nnot json\n' +
      JSON.stringify({ id: 'x2', text: 'Japan and India held talks.' }) +
      '\n';
    const r = dyad(['annotate'], input);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/stdin:2: invalid JSON/);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['x1', 'x2']);
    const a = lines[0];
    for (const k of ['id', 'published', 'sentences', 'actors', 'times', 'places', 'events']) expect(a).toHaveProperty(k);
    const text = 'The European Union imposed sanctions on Belarus on 3 March 2024.';
    for (const m of a.actors) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      for (const k of ['kind', 'name', 'country', 'sector', 'code']) expect(m).toHaveProperty(k);
    }
    const t = a.times.find((x: { value: string }) => x.value === '2024-03-03');
    expect(t).toMatchObject({ type: 'DATE', text: '3 March 2024' });
    const e = a.events[0];
    expect(e).toMatchObject({ event: 'SANCTION', quad: 4, cameo: '16', date: '2024-03-03', date_precision: 'day', negated: false, hypothetical: false });
    for (const k of ['id', 'article_id', 'mode', 'context', 'goldstein', 'source', 'target', 'location', 'fatalities', 'evidence', 'reason', 'confidence']) {
      expect(e).toHaveProperty(k);
    }
  });

  it('classify writes {id,event,mode,quad,cameo,confidence} per line', () => {
    const r = dyad(['classify'], JSON.stringify({ id: 'c1', text: 'Turkey condemned Israel over the raid.', source: 'Turkey', target: 'Israel' }) + '\n');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(Object.keys(c).sort()).toEqual(['cameo', 'confidence', 'event', 'id', 'mode', 'quad']);
    expect(c).toMatchObject({ id: 'c1', event: 'ACCUSE', quad: 3 });
  });

  it('has --help on every command', () => {
    for (const cmd of ['ingest', 'events', 'export', 'annotate', 'classify', 'articles', 'actors', 'stats']) {
      const r = dyad([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.out).toMatch(/Usage: dyad/);
    }
    const bad = dyad(['frobnicate']);
    expect(bad.code).not.toBe(0);
  });
});
