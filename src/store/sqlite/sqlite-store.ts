// The SQLite Store: one file, WAL mode (readers never block the writer), prepared statements reused,
// one IMMEDIATE transaction per batch so a crash leaves either the whole batch or none of it.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DyadError, oneLine } from '../../core/errors.js';
import type { ActorMention, CodedEvent, Doc } from '../../core/types.js';
import {
  checkPaging,
  dateSpan,
  filterDateSpan,
  foldName,
  parseActorQuery,
  parseTypeQuery,
  prefixEnd,
} from '../filter.js';
import type { ActorFilter, ActorRoleSpan, AddResult, EventFilter, StoredActor, RelationClaimFilter, Store, StoredArticle, StoredEvent, StoreStats } from '../store.js';
import { deriveRelationClaims } from '../../stages/relations/derive.js';
import { RELATION_KINDS, type RelationClaim, type StoredRelationClaim } from '../../stages/relations/types.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export interface SqliteStoreOptions {
  readonly?: boolean;
  /** How long to wait for another process's lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
}

type Db = Database.Database;
type Statement = Database.Statement;

/** Opens (and creates or migrates) a dyad SQLite database. Errors are one-line DyadError('STORE'). */
export function openSqliteStore(path: string, opts: SqliteStoreOptions = {}): Store {
  const readonly = opts.readonly ?? false;
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) checkPath(path, readonly);
  let db: Db;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly, timeout: opts.busyTimeoutMs ?? 5000 });
  } catch (err) {
    throw storeError(path, err);
  }
  try {
    prepareConnection(db, path, readonly);
    return new SqliteStore(db, path);
  } catch (err) {
    db.close();
    throw storeError(path, err);
  }
}

function checkPath(path: string, readonly: boolean): void {
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) throw new DyadError('STORE', `cannot open ${path}: directory ${dir} does not exist`);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new DyadError('STORE', `cannot open ${path}: it is a directory, not a database file`);
  }
  if (readonly && !existsSync(path)) throw new DyadError('STORE', `cannot open ${path}: no such file`);
}

function prepareConnection(db: Db, path: string, readonly: boolean): void {
  // Reading the header first: a file that is not SQLite fails here with SQLITE_NOTADB.
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId !== 0 && appId !== APPLICATION_ID) {
    throw new DyadError('STORE', `${path} is not a dyad database (it belongs to another application)`);
  }
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").pluck().get() as number;
    if (tables > 0) throw new DyadError('STORE', `${path} is not a dyad database (it holds other tables)`);
    if (readonly) throw new DyadError('STORE', `${path} is not a dyad database (it is empty)`);
  } else if (appId !== APPLICATION_ID) {
    throw new DyadError('STORE', `${path} is not a dyad database (it has another schema)`);
  }
  if (version > SCHEMA_VERSION) {
    throw new DyadError(
      'STORE',
      `${path} has schema version ${version} but this dyad knows only up to ${SCHEMA_VERSION}: upgrade dyad to open it`,
    );
  }
  if (readonly) {
    if (version < SCHEMA_VERSION) {
      throw new DyadError('STORE', `${path} has schema version ${version} and needs upgrading: open it once without read-only`);
    }
    return;
  }
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL: a process crash loses nothing committed; a power cut may lose the last transactions.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // A 32 MB page cache keeps the event and mention indexes in memory during bulk ingest (the default is 2 MB).
  db.pragma('cache_size = -32768');
  migrate(db);
}

function migrate(db: Db): void {
  // Up to date: no write lock needed, so opening works while another process is writing.
  if ((db.pragma('user_version', { simple: true }) as number) >= SCHEMA_VERSION) return;
  db.transaction(() => {
    // Read again inside the lock: another process may have migrated meanwhile.
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from >= SCHEMA_VERSION) return;
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }).immediate();
}

/** Maps SQLite failures to one line a user can act on; other errors (bugs, bad input) pass unchanged. */
function storeError(path: string, err: unknown, doing?: string): unknown {
  if (err instanceof DyadError) return err;
  const code = (err as { code?: unknown }).code;
  const msg = oneLine(err);
  const what = doing ? `${doing}: ` : '';
  if (code === 'SQLITE_NOTADB') return new DyadError('STORE', `${path} is not a dyad database (${msg})`);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY'))) {
    return new DyadError('STORE', `${path} is locked by another process (${msg}); ${what}try again when it has finished`);
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
    return new DyadError('STORE', `${path} is damaged (${msg})`);
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
    return new DyadError('STORE', `${path} cannot be written (${msg})`);
  }
  if (code === 'SQLITE_FULL') return new DyadError('STORE', `${path}: disk full (${msg})`);
  if (typeof code === 'string' && code.startsWith('SQLITE_CANTOPEN')) return new DyadError('STORE', `cannot open ${path} (${msg})`);
  if (msg === 'Cannot open database because the directory does not exist') {
    return new DyadError('STORE', `cannot open ${path}: its directory does not exist`);
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return new DyadError('STORE', `${path}: ${what}${msg}`);
  return err;
}

const ARTICLE_INSERT = `INSERT INTO articles
  (id, key, title, published, published_from, url, source, origin, text, warnings_json, event_count, added_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const ACTOR_UPSERT = `INSERT INTO actors (entity, name, kind, country, sector, code) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT(entity) DO UPDATE SET name = excluded.name, kind = excluded.kind,
    country = coalesce(excluded.country, actors.country), sector = excluded.sector, code = excluded.code`;

const MENTION_INSERT = `INSERT INTO mentions
  (article_id, start_offset, end_offset, text, entity, code, sector, role, sentence, reason)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const CLAIM_INSERT = `INSERT INTO relation_claims
  (id, article_id, kind, a, b, subtype, action, date, date_precision, attributes_json, event_id,
   evidence_text, evidence_start, evidence_end, reason)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const CLAIM_SELECT = `SELECT c.id, c.article_id, c.kind, c.a, c.b, c.subtype, c.action, c.date, c.date_precision,
  c.attributes_json, c.event_id, c.evidence_text, c.evidence_start, c.evidence_end, c.reason, a.published, a.added_at
  FROM relation_claims c JOIN articles a ON a.id = c.article_id`;

type ClaimRow = {
  id: string; article_id: string; kind: RelationClaim['kind']; a: string; b: string; subtype: string | null;
  action: RelationClaim['action']; date: string | null; date_precision: RelationClaim['precision'];
  attributes_json: string | null; event_id: string | null; evidence_text: string; evidence_start: number;
  evidence_end: number; reason: string; published: string | null; added_at: string | null;
};

const EVENT_COLUMNS = [
  'id', 'article_id', 'date', 'date_precision', 'date_start', 'date_end', 'date_sort',
  'event', 'mode', 'context', 'quad', 'cameo', 'goldstein',
  'source_entity', 'source_code', 'source_name', 'source_country', 'source_sector', 'source_json',
  'target_entity', 'target_code', 'target_name', 'target_country', 'target_sector', 'target_json',
  'location_name', 'location_country', 'location_admin1', 'location_lat', 'location_lon',
  'fatalities', 'negated', 'hypothetical', 'future', 'historical',
  'evidence_text', 'evidence_start', 'evidence_end', 'reason', 'confidence',
  'acled_event_type', 'acled_sub_event_type', 'time_text', 'time_value',
] as const;

const EVENT_INSERT = `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`;

/** Sorts after every date (ASCII '~' > digits), so undated events come last in index order. */
const UNDATED_SORT = '~';

// Columns read back for an event, in order. Only what rebuilds a StoredEvent (the denormalised actor columns are
// for filtering): better-sqlite3 pays per value, so fewer columns and arrays instead of objects read ~2x faster.
const EVENT_SELECT = `e.seq, e.id, e.article_id, e.date, e.date_precision, e.event, e.mode, e.context, e.quad,
  e.cameo, e.goldstein, e.source_json, e.target_json, e.location_name, e.location_country, e.location_admin1,
  e.location_lat, e.location_lon, e.fatalities, e.negated, e.hypothetical, e.future, e.historical,
  e.evidence_text, e.evidence_start, e.evidence_end, e.reason, e.confidence, e.acled_event_type,
  e.acled_sub_event_type, e.time_text, e.time_value, a.published, a.title, a.url`;

type EventRow = [
  seq: number, id: string, article_id: string, date: string | null, date_precision: CodedEvent['date_precision'],
  event: string, mode: string | null, context: string | null, quad: number, cameo: string, goldstein: number,
  source_json: string | null, target_json: string | null, location_name: string | null,
  location_country: string | null, location_admin1: string | null, location_lat: number | null,
  location_lon: number | null, fatalities: number | null, negated: number, hypothetical: number, future: number,
  historical: number, evidence_text: string, evidence_start: number, evidence_end: number, reason: string,
  confidence: number, acled_event_type: string | null, acled_sub_event_type: string | null,
  time_text: string | null, time_value: string | null, published: string | null, title: string | null,
  url: string | null,
];

class SqliteStore implements Store {
  private readonly st: {
    articleByKey: Statement;
    articleIdTaken: Statement;
    insertArticle: Statement;
    upsertActor: Statement;
    insertMention: Statement;
    insertEvent: Statement;
    insertClaim: Statement;
  } | null;
  private readonly queries = new Map<string, Statement>();
  private readonly addBatch: (items: Array<{ doc: Doc; key: string; origin?: string }>) => AddResult[];
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly path: string,
  ) {
    // Name search folds case and accents in JS; names repeat a lot, so folded forms are cached.
    const folded = new Map<string, string>();
    db.function('dyad_name_has', { deterministic: true }, (name: unknown, needle: unknown) => {
      if (typeof name !== 'string' || typeof needle !== 'string') return 0;
      let f = folded.get(name);
      if (f === undefined) {
        f = foldName(name);
        if (folded.size > 100_000) folded.clear();
        folded.set(name, f);
      }
      return f.includes(needle) ? 1 : 0;
    });
    this.st = db.readonly
      ? null
      : {
          articleByKey: db.prepare('SELECT id FROM articles WHERE key = ?').pluck(),
          articleIdTaken: db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck(),
          insertArticle: db.prepare(ARTICLE_INSERT),
          upsertActor: db.prepare(ACTOR_UPSERT),
          insertMention: db.prepare(MENTION_INSERT),
          insertEvent: db.prepare(EVENT_INSERT),
          insertClaim: db.prepare(CLAIM_INSERT),
        };
    this.addBatch = db
      .transaction((items: Array<{ doc: Doc; key: string; origin?: string }>) => {
        const addedAt = new Date().toISOString();
        return items.map((it) => {
          try {
            return this.insertDoc(it.doc, it.key, it.origin ?? null, addedAt);
          } catch (err) {
            // A constraint broken by one article's data (say, two events with one id): name the article.
            const code = (err as { code?: unknown }).code;
            if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
              throw new DyadError('INPUT', `cannot store article ${it.doc.id} (key ${it.key}): ${oneLine(err)}`);
            }
            throw err;
          }
        });
      })
      .immediate;
  }

  addDoc(doc: Doc, key: string, meta?: { origin?: string }): AddResult {
    return this.addDocs([{ doc, key, origin: meta?.origin }])[0];
  }

  addDocs(items: Array<{ doc: Doc; key: string; origin?: string }>): AddResult[] {
    this.checkOpen();
    if (!this.st) throw new DyadError('STORE', `${this.path} is open read-only`);
    if (items.length === 0) return [];
    try {
      return this.addBatch(items);
    } catch (err) {
      throw storeError(this.path, err, 'storing articles');
    }
  }

  private insertDoc(doc: Doc, key: string, origin: string | null, addedAt: string): AddResult {
    const st = this.st!;
    if (typeof key !== 'string' || key === '') throw new DyadError('INPUT', `article ${doc.id}: empty store key`);
    const existing = st.articleByKey.get(key) as string | undefined;
    if (existing !== undefined) return { articleId: existing, added: false, events: 0 };
    if (typeof doc.id !== 'string' || doc.id === '') throw new DyadError('INPUT', `article with key ${key} has no id`);

    let articleId = doc.id;
    for (let n = 2; st.articleIdTaken.get(articleId) !== undefined; n++) articleId = `${doc.id}~${n}`;

    st.insertArticle.run(
      articleId, key, doc.title ?? null, doc.published ?? null, doc.publishedFrom ?? null, doc.url ?? null,
      doc.source ?? null, origin, doc.text, doc.warnings?.length ? JSON.stringify(doc.warnings) : null,
      doc.events.length, addedAt,
    );

    const upserted = new Set<string>();
    const upsert = (m: ActorMention): void => {
      if (upserted.has(m.entity)) return;
      upserted.add(m.entity);
      st.upsertActor.run(m.entity, m.name, m.kind, m.country ?? null, m.sector ?? null, m.code);
    };
    for (const m of doc.actors) {
      upsert(m);
      st.insertMention.run(
        articleId, m.start, m.end, m.text, m.entity, m.code, m.sector ?? null, m.role ?? null, m.sentence, m.reason,
      );
    }
    for (const e of doc.events) {
      if (e.source) upsert(e.source);
      if (e.target) upsert(e.target);
      st.insertEvent.run(eventValues(e, storedEventId(e.id, doc.id, articleId), articleId));
    }
    // Relation claims are a function of the doc: derived here so every stored article has them, whoever stores it.
    for (const c of deriveRelationClaims(doc)) {
      st.insertClaim.run(
        storedEventId(c.id, doc.id, articleId), articleId, c.kind, c.a, c.b, c.subtype, c.action, c.date, c.precision,
        Object.keys(c.attributes).length ? JSON.stringify(c.attributes) : null,
        c.event_id === null ? null : storedEventId(c.event_id, doc.id, articleId),
        c.evidence.text, c.evidence.start, c.evidence.end, c.reason,
      );
    }
    return { articleId, added: true, events: doc.events.length };
  }

  hasKey(key: string): boolean {
    this.checkOpen();
    return this.query('SELECT 1 FROM articles WHERE key = ?').pluck().get(key) !== undefined;
  }

  events(filter: EventFilter): StoredEvent[] {
    const { stmt, params } = this.selectEvents(filter);
    try {
      return (stmt.all(...params) as EventRow[]).map(toStoredEvent);
    } catch (err) {
      throw storeError(this.path, err, 'reading events');
    }
  }

  iterateEvents(filter: EventFilter): IterableIterator<StoredEvent> {
    // Built before the generator so a bad filter fails at the call, not at the first row.
    const { stmt, params } = this.selectEvents(filter);
    // The query starts at the first next(): an iterator never read holds no lock.
    return (function* () {
      for (const row of stmt.iterate(...params) as IterableIterator<EventRow>) yield toStoredEvent(row);
    })();
  }

  countEvents(filter: EventFilter): number {
    this.checkOpen();
    const { where, params } = buildWhere(filter);
    const sql = `SELECT count(*) FROM events e ${where}`;
    return this.query(sql).pluck().get(...params) as number;
  }

  relationClaims(filter: RelationClaimFilter): StoredRelationClaim[] {
    this.checkOpen();
    const conds: string[] = [];
    const params: unknown[] = [];
    const { a, b, kind } = filter;
    if (a !== undefined && b !== undefined) {
      conds.push('((c.a = ? AND c.b = ?) OR (c.a = ? AND c.b = ?))');
      params.push(a, b, b, a);
    } else if (a !== undefined || b !== undefined) {
      const x = a ?? b;
      conds.push('(c.a = ? OR c.b = ?)');
      params.push(x, x);
    }
    if (kind !== undefined) {
      if (!RELATION_KINDS.includes(kind)) throw new DyadError('USAGE', `unknown relation kind "${String(kind)}" (one of ${RELATION_KINDS.join(', ')})`);
      conds.push('c.kind = ?');
      params.push(kind);
    }
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    // Undated claims last ('~' sorts after digits), like events.
    const sql = `${CLAIM_SELECT} ${where} ORDER BY coalesce(c.date, '~'), c.article_id, c.evidence_start, c.seq`;
    try {
      return (this.query(sql).all(...params) as ClaimRow[]).map(toStoredClaim);
    } catch (err) {
      throw storeError(this.path, err, 'reading relation claims');
    }
  }

  actors(filter: ActorFilter = {}): StoredActor[] {
    this.checkOpen();
    const { limit } = checkPaging({ limit: filter.limit });
    const conds: string[] = [];
    const params: unknown[] = [];
    if (filter.query !== undefined) {
      const q = parseActorQuery(filter.query);
      if (q.kind === 'entity') {
        conds.push('m.entity = ?');
        params.push(q.entity);
      } else if (q.kind === 'name') {
        // The canonical name or any text it was mentioned by ("President Bazoum").
        conds.push('m.entity IN (SELECT entity FROM actors WHERE dyad_name_has(name, ?) UNION SELECT entity FROM mentions WHERE dyad_name_has(text, ?))');
        params.push(q.needle, q.needle);
      } else {
        // Any code it ever held: a deposed president is still found by the code of his former office.
        const ors = ['(m2.code >= ? AND m2.code < ?)'];
        params.push(q.prefix, prefixEnd(q.prefix));
        if (q.igo) {
          ors.push('(m2.code >= ? AND m2.code < ?)');
          params.push(q.igo, prefixEnd(q.igo));
        }
        conds.push(`m.entity IN (SELECT DISTINCT m2.entity FROM mentions m2 WHERE ${ors.join(' OR ')})`);
      }
    }
    if (filter.kind !== undefined) {
      conds.push('act.kind = ?');
      params.push(filter.kind);
    } else conds.push("m.entity NOT LIKE 'place:%'"); // towns and datelines are not actors
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    try {
      const heads = this.query(
        `SELECT act.entity, act.name, act.kind, act.country, act.sector, act.code,
                count(*) AS mentions, count(DISTINCT m.article_id) AS articles
         FROM mentions m JOIN actors act ON act.entity = m.entity ${where}
         GROUP BY act.entity ORDER BY mentions DESC, act.entity LIMIT ?`,
      ).all(...params, limit ?? -1) as Array<Omit<StoredActor, 'roles'>>;
      const spansOf = this.query(
        `SELECT m.code, m.sector, m.role, m.article_id AS article, substr(a.published, 1, 10) AS day, count(*) AS n
         FROM mentions m JOIN articles a ON a.id = m.article_id
         WHERE m.entity = ? GROUP BY m.code, m.role, m.article_id`,
      );
      return heads.map((h) => {
        const rows = spansOf.all(h.entity) as SpanRow[];
        const { roles, latest } = roleSpans(rows);
        return { ...h, code: latest ?? h.code, roles };
      });
    } catch (err) {
      throw storeError(this.path, err, 'reading actors');
    }
  }

  articles(opts: { limit?: number } = {}): StoredArticle[] {
    this.checkOpen();
    const { limit } = checkPaging({ limit: opts.limit });
    return this.query(
      `SELECT id, key, title, published, url, source, origin, event_count AS events, added_at
       FROM articles ORDER BY rowid DESC LIMIT ?`,
    ).all(limit ?? -1) as StoredArticle[];
  }

  stats(): StoreStats {
    this.checkOpen();
    const count = (table: string): number => this.query(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      articles: count('articles'),
      events: count('events'),
      actors: count('actors'),
      mentions: count('mentions'),
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // Keeps the planner's statistics fresh (cheap: SQLite only re-analyses tables that changed a lot).
    if (!this.db.readonly) {
      try {
        this.db.pragma('optimize');
      } catch {
        // Locked or busy: statistics can wait for the next close.
      }
    }
    this.db.close();
  }

  private selectEvents(filter: EventFilter): { stmt: Statement; params: unknown[] } {
    this.checkOpen();
    const { sql, params } = eventQuery(filter);
    return { stmt: this.query(sql).raw(), params };
  }

  /** Prepared once per distinct SQL text (filters of the same shape share a statement). */
  private query(sql: string): Statement {
    let stmt = this.queries.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.queries.set(sql, stmt);
    }
    return stmt;
  }

  private checkOpen(): void {
    if (this.closed) throw new DyadError('STORE', `${this.path} is closed`);
  }
}

/**
 * Event ids must be unique in the whole store. An id that starts with the Doc id keeps its tail under the
 * stored article id; any other id is prefixed with it ("e1" in article a7 becomes "a7:e1").
 */
function storedEventId(id: string, docId: string, articleId: string): string {
  if (id.length > docId.length && id.startsWith(docId)) return articleId + id.slice(docId.length);
  return `${articleId}:${id}`;
}

function eventValues(e: CodedEvent, id: string, articleId: string): unknown[] {
  const span = dateSpan(e.date);
  const s = e.source;
  const t = e.target;
  const loc = e.location;
  return [
    id, articleId, e.date ?? null, e.date_precision, span?.start ?? null, span?.end ?? null, span?.start ?? UNDATED_SORT,
    e.event, e.mode ?? null, e.context ?? null, e.quad, e.cameo, e.goldstein,
    s?.entity ?? null, s?.code ?? null, s?.name ?? null, s?.country ?? null, s?.sector ?? null, s ? JSON.stringify(s) : null,
    t?.entity ?? null, t?.code ?? null, t?.name ?? null, t?.country ?? null, t?.sector ?? null, t ? JSON.stringify(t) : null,
    loc?.name ?? null, loc?.country ?? null, loc?.admin1 ?? null, loc?.lat ?? null, loc?.lon ?? null,
    e.fatalities ?? null, e.negated ? 1 : 0, e.hypothetical ? 1 : 0, e.future ? 1 : 0, e.historical ? 1 : 0,
    e.evidence.text, e.evidence.start, e.evidence.end, e.reason, e.confidence,
    e.acled?.event_type ?? null, e.acled?.sub_event_type ?? null, e.time?.text ?? null, e.time?.value ?? null,
  ];
}

function toStoredClaim(r: ClaimRow): StoredRelationClaim {
  return {
    id: r.id,
    kind: r.kind,
    a: r.a,
    b: r.b,
    subtype: r.subtype,
    action: r.action,
    date: r.date,
    precision: r.date_precision,
    attributes: r.attributes_json === null ? {} : (JSON.parse(r.attributes_json) as StoredRelationClaim['attributes']),
    event_id: r.event_id,
    evidence: { text: r.evidence_text, start: r.evidence_start, end: r.evidence_end },
    article_id: r.article_id,
    reason: r.reason,
    published: r.published,
    added_at: r.added_at,
  };
}

function toStoredEvent(r: EventRow): StoredEvent {
  const [
    seq, id, article_id, date, date_precision, event, mode, context, quad, cameo, goldstein, source_json,
    target_json, location_name, location_country, location_admin1, location_lat, location_lon, fatalities,
    negated, hypothetical, future, historical, evidence_text, evidence_start, evidence_end, reason, confidence,
    acled_event_type, acled_sub_event_type, time_text, time_value, published, title, url,
  ] = r;
  return {
    seq,
    id,
    article_id,
    date,
    date_precision,
    event,
    mode,
    context,
    quad,
    cameo,
    goldstein,
    source: source_json === null ? null : (JSON.parse(source_json) as ActorMention),
    target: target_json === null ? null : (JSON.parse(target_json) as ActorMention),
    location:
      location_name === null
        ? null
        : { name: location_name, country: location_country, admin1: location_admin1, lat: location_lat, lon: location_lon },
    fatalities,
    negated: negated === 1,
    hypothetical: hypothetical === 1,
    future: future === 1,
    historical: historical === 1,
    evidence: { text: evidence_text, start: evidence_start, end: evidence_end },
    reason,
    confidence,
    acled: acled_event_type === null ? null : { event_type: acled_event_type, sub_event_type: acled_sub_event_type ?? '' },
    time: time_value === null ? null : { text: time_text ?? '', value: time_value },
    published,
    title,
    url,
  };
}

/** The SELECT behind events()/iterateEvents() (exported so tests can check its query plan). */
export function eventQuery(filter: EventFilter): { sql: string; params: unknown[] } {
  const { where, params } = buildWhere(filter);
  const { limit, offset } = checkPaging(filter);
  // seq last: a total order, so paging with offset never repeats or skips a row.
  const sql = `SELECT ${EVENT_SELECT}
    FROM events e JOIN articles a ON a.id = e.article_id ${where}
    ORDER BY e.date_sort, e.article_id, e.evidence_start, e.seq LIMIT ? OFFSET ?`;
  return { sql, params: [...params, limit ?? -1, offset] };
}

/** WHERE clause over events (alias e) for a filter; only e's columns, so counting needs no join. */
function buildWhere(f: EventFilter): { where: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];

  const actorCond = (side: 'source' | 'target', raw: string): string => {
    const q = parseActorQuery(raw);
    if (q.kind === 'entity') {
      params.push(q.entity);
      return `e.${side}_entity = ?`;
    }
    if (q.kind === 'name') {
      params.push(q.needle);
      return `dyad_name_has(e.${side}_name, ?)`;
    }
    const ors = [`(e.${side}_code >= ? AND e.${side}_code < ?)`];
    params.push(q.prefix, prefixEnd(q.prefix));
    if (q.igo) {
      ors.push(`(e.${side}_code >= ? AND e.${side}_code < ?)`);
      params.push(q.igo, prefixEnd(q.igo));
    }
    return `(${ors.join(' OR ')})`;
  };

  if (f.actor !== undefined) {
    const a = actorCond('source', f.actor);
    const b = actorCond('target', f.actor);
    conds.push(`(${a} OR ${b})`);
  }
  if (f.source !== undefined) conds.push(actorCond('source', f.source));
  if (f.target !== undefined) conds.push(actorCond('target', f.target));

  if (f.type !== undefined) {
    const ors = parseTypeQuery(f.type).map((t) => {
      if (t.kind === 'event') {
        params.push(t.event);
        return 'e.event = ?';
      }
      params.push(t.prefix, prefixEnd(t.prefix));
      return '(e.cameo >= ? AND e.cameo < ?)';
    });
    conds.push(ors.length === 1 ? ors[0] : `(${ors.join(' OR ')})`);
  }

  if (f.since !== undefined) {
    const since = filterDateSpan('since', f.since).start;
    // A stored span never crosses a year, so its start is in since's year or later: a range the index can use.
    conds.push('e.date_sort >= ? AND e.date_end >= ?');
    params.push(`${since.slice(0, 4)}-01-01`, since);
  }
  if (f.until !== undefined) {
    // Undated events sort as '~', above any date, so this also leaves them out.
    conds.push('e.date_sort <= ?');
    params.push(filterDateSpan('until', f.until).end);
  }
  if (!f.includeNegated) conds.push('e.negated = 0');
  if (!f.includeHypothetical) conds.push('e.hypothetical = 0 AND e.future = 0');
  if (f.articleId !== undefined) {
    conds.push('e.article_id = ?');
    params.push(f.articleId);
  }
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

interface SpanRow {
  code: string;
  sector: string | null;
  role: string | null;
  article: string;
  day: string | null;
  n: number;
}

/** Mention rows grouped by (code, role, article) folded into one span per code, in time order; and the latest code. */
function roleSpans(rows: SpanRow[]): { roles: ActorRoleSpan[]; latest: string | null } {
  const byCode = new Map<string, ActorRoleSpan & { roleCounts: Map<string, number>; arts: Set<string> }>();
  let latest: string | null = null;
  let latestDay = '';
  for (const r of rows) {
    const day = r.day && /^\d{4}-\d{2}-\d{2}$/.test(r.day) ? r.day : null;
    let span = byCode.get(r.code);
    if (!span) {
      span = { code: r.code, sector: r.sector, role: null, from: null, to: null, mentions: 0, articles: 0, roleCounts: new Map(), arts: new Set() };
      byCode.set(r.code, span);
    }
    span.mentions += r.n;
    span.arts.add(r.article);
    if (r.role) span.roleCounts.set(r.role, (span.roleCounts.get(r.role) ?? 0) + r.n);
    if (day) {
      if (!span.from || day < span.from) span.from = day;
      if (!span.to || day > span.to) span.to = day;
      if (day >= latestDay) {
        latestDay = day;
        latest = r.code;
      }
    }
  }
  const roles = [...byCode.values()].map(({ roleCounts, arts, ...span }) => {
    let best: string | null = null;
    let bestN = 0;
    for (const [role, n] of roleCounts) if (n > bestN) [best, bestN] = [role, n];
    return { ...span, role: best, articles: arts.size };
  });
  roles.sort((a, b) => (a.from ?? '~').localeCompare(b.from ?? '~') || a.code.localeCompare(b.code));
  return { roles, latest };
}
