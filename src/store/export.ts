// Writing stored events out as CSV (GDELT-style column names where the meaning is the same) or JSON lines.
// Streams: rows are formatted one at a time and handed to `write` in chunks of about 64 KB.
import { DyadError } from '../core/errors.js';
import type { StoredEvent } from './store.js';

export type ExportFormat = 'csv' | 'jsonl';

/**
 * CSV columns. The GDELT-named ones mean what they mean in GDELT 1.0/2.0 events, with these differences:
 *  - GlobalEventID is dyad's store sequence number (stable within one database), not GDELT's.
 *  - SQLDATE is YYYYMMDD with unknown parts as 00: a month-precision date 2024-03 is 20240300, a year 2024 is
 *    20240000, an undated event is empty. date_precision says which parts are known.
 *  - Actor*CountryCode and ActionGeo_CountryCode are ISO 3166 alpha-3 (GDELT's ActionGeo uses FIPS 10-4).
 *  - Actor*Type1Code is the sector (GOV, MIL, REB ...).
 * The lower-case columns are dyad's own. Booleans are 1/0, as in GDELT.
 */
export const EXPORT_COLUMNS = [
  'GlobalEventID', 'SQLDATE',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1Type1Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2Type1Code',
  'EventCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_Lat', 'ActionGeo_Long',
  'SOURCEURL',
  'event_id', 'date', 'date_precision', 'plover_event', 'plover_mode', 'plover_context',
  'negated', 'hypothetical', 'future', 'historical', 'fatalities',
  'acled_event_type', 'acled_sub_event_type',
  'evidence', 'reason', 'confidence', 'article_id', 'published',
] as const;

type Cell = string | number | null | undefined;

/** One event as CSV cells, in EXPORT_COLUMNS order. */
export function exportCells(e: StoredEvent): Cell[] {
  const s = e.source;
  const t = e.target;
  const loc = e.location;
  return [
    e.seq, sqlDate(e.date),
    s?.code, s?.name, s?.country, s?.sector,
    t?.code, t?.name, t?.country, t?.sector,
    e.cameo, e.cameo ? e.cameo.slice(0, 2) : '', e.quad, e.goldstein,
    loc?.name, loc?.country, loc?.admin1, loc?.lat, loc?.lon,
    e.url,
    e.id, e.date, e.date_precision, e.event, e.mode, e.context,
    flag(e.negated), flag(e.hypothetical), flag(e.future), flag(e.historical), e.fatalities,
    e.acled?.event_type, e.acled?.sub_event_type,
    e.evidence.text, e.reason, e.confidence, e.article_id, e.published,
  ];
}

/** 2024-03-28 -> 20240328, 2024-03 -> 20240300, 2024 -> 20240000, anything else -> ''. */
export function sqlDate(date: string | null): string {
  if (!date) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return '';
  return `${m[1]}${m[2] ?? '00'}${m[3] ?? '00'}`;
}

function flag(b: boolean): number {
  return b ? 1 : 0;
}

/** RFC 4180: quote a field holding a comma, a double quote, CR or LF, doubling inner quotes. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const NEEDS_QUOTES = /[",\r\n]/;

/** Records end with CRLF, as RFC 4180 says. */
export const CSV_EOL = '\r\n';

export function csvLine(cells: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i ? ',' : '') + csvField(cells[i]);
  return line + CSV_EOL;
}

const CHUNK = 64 * 1024;

/** Writes events (CSV with a header row, or one JSON object per line). Returns the number of events written. */
export function exportRows(events: Iterable<StoredEvent>, format: ExportFormat, write: (chunk: string) => void): number {
  if (format !== 'csv' && format !== 'jsonl') {
    throw new DyadError('USAGE', `export format must be csv or jsonl, got "${String(format)}"`);
  }
  let buf = format === 'csv' ? csvLine(EXPORT_COLUMNS) : '';
  let n = 0;
  for (const e of events) {
    buf += format === 'csv' ? csvLine(exportCells(e)) : JSON.stringify(e) + '\n';
    n++;
    if (buf.length >= CHUNK) {
      write(buf);
      buf = '';
    }
  }
  if (buf) write(buf);
  return n;
}
