import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { DyadError } from '../src/core/errors.js';
import { openStore } from '../src/store/index.js';
import { SCHEMA_VERSION } from '../src/store/sqlite/migrations.js';
import { eventQuery } from '../src/store/sqlite/sqlite-store.js';
import type { EventFilter, Store } from '../src/store/store.js';
import { storeContract } from './store-contract.js';
import { coteDIvoire, doc, docA1, docA2, event, nigerGov } from './store-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const tmpDb = (): string => join(dir, `t${++n}.db`);

const paths = new WeakMap<Store, string>();
storeContract(
  'sqlite',
  () => {
    const p = tmpDb();
    const s = openStore(p);
    paths.set(s, p);
    return s;
  },
  {
    reopen: (s) => {
      const p = paths.get(s)!;
      s.close();
      return openStore(p);
    },
  },
);

storeContract('sqlite in memory', () => openStore(':memory:'));

/** The DyadError a call throws (fails the test when it throws something else or nothing). */
function storeErrorOf(fn: () => unknown): DyadError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DyadError);
    return err as DyadError;
  }
  throw new Error('expected a DyadError');
}

describe('sqlite store: schema and files', () => {
  it('creates the schema from an empty file, in WAL mode with foreign keys', () => {
    const p = tmpDb();
    const s = openStore(p);
    expect(s.stats().schemaVersion).toBe(SCHEMA_VERSION);
    s.close();
    const raw = new Database(p, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['actors', 'articles', 'events', 'mentions', 'relation_claims']);
    raw.close();
  });

  it('opens an empty existing file as a new database', () => {
    const p = tmpDb();
    writeFileSync(p, '');
    const s = openStore(p);
    expect(s.stats().articles).toBe(0);
    s.close();
  });

  it('refuses a database written by a newer dyad', () => {
    const p = tmpDb();
    openStore(p).close();
    const raw = new Database(p);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const err = storeErrorOf(() => openStore(p));
    expect(err.code).toBe('STORE');
    expect(err.message).toBe(
      `${p} has schema version ${SCHEMA_VERSION + 1} but this dyad knows only up to ${SCHEMA_VERSION}: upgrade dyad to open it`,
    );
  });

  it('says in one line that a file is not a database', () => {
    const p = join(dir, 'dyad.db');
    writeFileSync(p, 'This is a text file, not SQLite. '.repeat(50));
    const err = storeErrorOf(() => openStore(p));
    expect(err.code).toBe('STORE');
    expect(err.message).toBe(`${p} is not a dyad database (file is not a database)`);
    // The file is left as it was.
    expect(readFileSync(p, 'utf8').startsWith('This is a text file')).toBe(true);
  });

  it('refuses an SQLite database that belongs to something else', () => {
    const p = tmpDb();
    const raw = new Database(p);
    raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    raw.close();
    expect(storeErrorOf(() => openStore(p)).message).toBe(`${p} is not a dyad database (it holds other tables)`);
  });

  it('says when the directory does not exist or the path is a directory', () => {
    const p = join(dir, 'no', 'such', 'dir', 'dyad.db');
    const err = storeErrorOf(() => openStore(p));
    expect(err.message).toBe(`cannot open ${p}: directory ${dirname(p)} does not exist`);
    expect(storeErrorOf(() => openStore(dir)).message).toMatch(/is a directory/);
  });

  it('opens read-only: reads work, writes are refused, a missing file is an error', () => {
    const p = tmpDb();
    const w = openStore(p);
    w.addDoc(docA1(), 'a1');
    w.close();
    const r = openStore(p, { readonly: true });
    expect(r.countEvents({})).toBe(2);
    expect(storeErrorOf(() => r.addDoc(docA2(), 'a2')).message).toMatch(/read-only/);
    r.close();
    expect(storeErrorOf(() => openStore(join(dir, 'missing.db'), { readonly: true })).message).toMatch(/no such file/);
  });

  it('says when another process holds the write lock', () => {
    const p = tmpDb();
    openStore(p).close();
    const other = new Database(p);
    other.exec('BEGIN IMMEDIATE');
    try {
      const s = openStore(p, { busyTimeoutMs: 50 });
      // Reading still works in WAL mode; writing waits, then fails with a clear message.
      expect(s.countEvents({})).toBe(0);
      const err = storeErrorOf(() => s.addDoc(docA1(), 'a1'));
      expect(err.code).toBe('STORE');
      expect(err.message).toMatch(new RegExp(`^${p.replace(/[.\\]/g, '\\$&')} is locked by another process`));
      expect(err.message).not.toMatch(/\n/);
      s.close();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('says when a new database is locked while it is being created', () => {
    const p = tmpDb();
    const other = new Database(p);
    other.exec('CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1)');
    try {
      expect(storeErrorOf(() => openStore(p, { busyTimeoutMs: 50 })).message).toMatch(/is locked by another process/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('finds names regardless of accents and case', () => {
    const s = openStore(':memory:');
    s.addDoc(docA2(), 'a2');
    expect(s.events({ actor: "cote d'ivoire" }).map((e) => e.id)).toEqual([]); // ’ is not '
    expect(s.events({ actor: 'cote d’ivoire' }).map((e) => e.id)).toEqual(['a2-e2']);
    expect(s.events({ actor: 'CÔTE' }).map((e) => e.id)).toEqual(['a2-e2']);
    s.close();
  });

  it('keeps events whose date is not a calendar date, after the dated ones', () => {
    const s = openStore(':memory:');
    s.addDoc(
      doc('odd', {
        events: [
          event('odd', 1, { event: 'AID', source: coteDIvoire(), target: nigerGov(), date: '196X', date_precision: 'year' }),
          event('odd', 2, { event: 'AID', source: coteDIvoire(), target: nigerGov(), date: '2020-02-30', date_precision: 'day' }),
          event('odd', 3, { event: 'AID', source: coteDIvoire(), target: nigerGov(), date: '2020-02-29', date_precision: 'day' }),
        ],
      }),
      'odd',
    );
    expect(s.events({}).map((e) => [e.id, e.date])).toEqual([
      ['odd-e3', '2020-02-29'],
      ['odd-e1', '196X'],
      ['odd-e2', '2020-02-30'],
    ]);
    expect(s.events({ since: '1900' }).map((e) => e.id)).toEqual(['odd-e3']);
    s.close();
  });

  it('reads events in index order and finds actors and dates through indexes', () => {
    const p = tmpDb();
    openStore(p).close();
    const raw = new Database(p, { readonly: true });
    const plan = (filter: EventFilter): string => {
      const { sql, params } = eventQuery(filter);
      return (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('; ');
    };
    // Sorted by walking the index: the first rows of an export come out at once, with no sort of the table.
    const all = plan({ limit: 10 });
    expect(all).toMatch(/events_order/);
    expect(all).not.toMatch(/TEMP B-TREE/);
    expect(plan({ since: '2024-03', until: '2024-04' })).toMatch(/events_order \(date_sort>\? AND date_sort<\?\)/);
    expect(plan({ actor: 'NER' })).toMatch(/events_source_code.*events_target_code/);
    expect(plan({ source: 'person:mohamed-bazoum' })).toMatch(/events_source_entity/);
    expect(plan({ articleId: 'a1' })).toMatch(/events_article/);
    raw.close();
  });
});

describe('sqlite store: a crash mid-batch', () => {
  // A child process stores one batch, then is killed (SIGKILL, no cleanup) in the middle of the next one.
  // The store's TypeScript is transpiled to a temporary folder so a plain `node` can run it.
  it('keeps the committed batch and nothing of the interrupted one', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const out = mkdtempSync(join(tmpdir(), 'dyad-crash-'));
    try {
      for (const folder of ['src/core', 'src/store', 'src/store/sqlite', 'src/stages/relations']) {
        mkdirSync(join(out, folder), { recursive: true });
        for (const f of readdirSync(join(root, folder)).filter((x) => x.endsWith('.ts'))) {
          const source = readFileSync(join(root, folder, f), 'utf8');
          const js = ts.transpileModule(source, {
            compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
          }).outputText;
          writeFileSync(join(out, folder, f.replace(/\.ts$/, '.js')), js);
        }
      }
      symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
      writeFileSync(join(out, 'package.json'), '{"type":"module"}');
      const db = join(out, 'crash.db');
      const fixtures = JSON.stringify({ a1: docA1(), a2: docA2() });
      writeFileSync(
        join(out, 'child.js'),
        `import { openStore } from './${relative(out, join(out, 'src/store/index.js'))}';
         const docs = ${fixtures};
         const store = openStore(${JSON.stringify(db)});
         store.addDocs([{ doc: docs.a1, key: 'a1' }]);
         const killer = structuredClone(docs.a2);
         // Serialising this event kills the process: the batch's transaction is open and half written.
         killer.events[2].source.toJSON = () => process.kill(process.pid, 'SIGKILL');
         store.addDocs([{ doc: docs.a2, key: 'a2' }, { doc: killer, key: 'killer' }]);
         console.log('not reached');`,
      );
      const child = spawnSync(process.execPath, [join(out, 'child.js')], { encoding: 'utf8' });
      expect(child.stderr).toBe('');
      expect(child.signal).toBe('SIGKILL');
      expect(child.stdout).not.toMatch(/not reached/);

      const s = openStore(db);
      expect(s.hasKey('a1')).toBe(true);
      expect(s.hasKey('a2')).toBe(false);
      expect(s.hasKey('killer')).toBe(false);
      expect(s.stats()).toMatchObject({ articles: 1, events: 4, mentions: 3 });
      s.close();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
