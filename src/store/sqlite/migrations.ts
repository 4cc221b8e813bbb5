// Schema history. MIGRATIONS[i] takes a database from user_version i to i + 1. Never edit a step that has
// shipped: add a new one.

/** PRAGMA application_id of a dyad database ('dyad' in ASCII), so foreign SQLite files are recognised. */
export const APPLICATION_ID = 0x64796164;

export const MIGRATIONS: readonly string[] = [
  // 1: articles, actors, mentions, events.
  `
  CREATE TABLE articles (
    id             TEXT PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,
    title          TEXT,
    published      TEXT,
    published_from TEXT,
    url            TEXT,
    source         TEXT,
    origin         TEXT,
    text           TEXT NOT NULL,
    warnings_json  TEXT,
    event_count    INTEGER NOT NULL DEFAULT 0,
    added_at       TEXT NOT NULL
  );

  -- One row per distinct entity; the latest article to mention it sets its fields.
  CREATE TABLE actors (
    entity  TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    country TEXT,
    sector  TEXT,
    code    TEXT NOT NULL
  );

  -- code/sector/role are per mention: who is GOV depends on the article's date.
  CREATE TABLE mentions (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    entity       TEXT NOT NULL REFERENCES actors(entity),
    code         TEXT NOT NULL,
    sector       TEXT,
    role         TEXT,
    sentence     INTEGER NOT NULL,
    reason       TEXT NOT NULL
  );
  CREATE INDEX mentions_article ON mentions(article_id);
  CREATE INDEX mentions_entity ON mentions(entity);

  -- date_start/date_end: the span the (possibly partial) date covers, for since/until;
  -- date_sort: date_start, or '~' (after every digit) for undated events, so ORDER BY uses an index.
  CREATE TABLE events (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    date             TEXT,
    date_precision   TEXT NOT NULL,
    date_start       TEXT,
    date_end         TEXT,
    date_sort        TEXT NOT NULL,
    event            TEXT NOT NULL,
    mode             TEXT,
    context          TEXT,
    quad             INTEGER NOT NULL,
    cameo            TEXT NOT NULL,
    goldstein        REAL NOT NULL,
    source_entity    TEXT,
    source_code      TEXT,
    source_name      TEXT,
    source_country   TEXT,
    source_sector    TEXT,
    source_json      TEXT,
    target_entity    TEXT,
    target_code      TEXT,
    target_name      TEXT,
    target_country   TEXT,
    target_sector    TEXT,
    target_json      TEXT,
    location_name    TEXT,
    location_country TEXT,
    location_admin1  TEXT,
    location_lat     REAL,
    location_lon     REAL,
    fatalities       INTEGER,
    negated          INTEGER NOT NULL,
    hypothetical     INTEGER NOT NULL,
    future           INTEGER NOT NULL,
    historical       INTEGER NOT NULL,
    evidence_text    TEXT NOT NULL,
    evidence_start   INTEGER NOT NULL,
    evidence_end     INTEGER NOT NULL,
    reason           TEXT NOT NULL,
    confidence       REAL NOT NULL,
    acled_event_type     TEXT,
    acled_sub_event_type TEXT,
    time_text        TEXT,
    time_value       TEXT
  );
  CREATE INDEX events_order ON events(date_sort, article_id, evidence_start);
  CREATE INDEX events_article ON events(article_id);
  CREATE INDEX events_event ON events(event);
  CREATE INDEX events_source_code ON events(source_code);
  CREATE INDEX events_target_code ON events(target_code);
  CREATE INDEX events_source_entity ON events(source_entity);
  CREATE INDEX events_target_entity ON events(target_entity);
  `,
  // 2: relation claims, written with their article's events; states are built from them at query time, so the
  // order articles arrive in does not matter. Articles stored under version 1 have no claims.
  `
  CREATE TABLE relation_claims (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    a               TEXT NOT NULL,
    b               TEXT NOT NULL,
    subtype         TEXT,
    action          TEXT NOT NULL,
    date            TEXT,
    date_precision  TEXT NOT NULL,
    attributes_json TEXT,
    event_id        TEXT,
    evidence_text   TEXT NOT NULL,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    reason          TEXT NOT NULL
  );
  CREATE INDEX relation_claims_a ON relation_claims(a, b);
  CREATE INDEX relation_claims_b ON relation_claims(b, a);
  CREATE INDEX relation_claims_article ON relation_claims(article_id);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
