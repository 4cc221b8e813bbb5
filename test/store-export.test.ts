import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { EXPORT_COLUMNS, csvField, exportRows, sqlDate } from '../src/store/export.js';
import type { StoredEvent } from '../src/store/store.js';
import { docA1, docA2, syntheticDoc } from './store-fixtures.js';

/** A strict RFC 4180 reader, to check that what we write reads back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else if (i >= text.length) throw new Error('unterminated quote');
        else field += text[i++];
      }
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '"' || c === '\n' || c === '\r') {
      throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    } else field += text[i++];
  }
  if (field !== '' || row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}

function storedEvents(): StoredEvent[] {
  const s = openStore(':memory:');
  s.addDoc(docA1(), 'a1');
  s.addDoc(docA2(), 'a2');
  const events = s.events({ includeNegated: true, includeHypothetical: true });
  s.close();
  return events;
}

describe('CSV export', () => {
  it('writes a GDELT-style header and one quoted record per event', () => {
    const events = storedEvents();
    let out = '';
    expect(exportRows(events, 'csv', (c) => (out += c))).toBe(7);
    const rows = parseCsv(out);
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows[0].slice(0, 4)).toEqual(['GlobalEventID', 'SQLDATE', 'Actor1Code', 'Actor1Name']);
    expect(rows).toHaveLength(8);
    const recs = rows.slice(1).map((r) => Object.fromEntries(r.map((v, i) => [EXPORT_COLUMNS[i], v])));
    for (const r of rows) expect(r).toHaveLength(EXPORT_COLUMNS.length);

    const coerce = recs.find((r) => r.event_id === 'a1-e1')!;
    expect(coerce).toMatchObject({
      SQLDATE: '20240316', Actor1Code: 'NERGOV', Actor1Name: 'Niger', Actor1CountryCode: 'NER', Actor1Type1Code: 'GOV',
      Actor2Code: 'USAMIL', Actor2CountryCode: 'USA', Actor2Type1Code: 'MIL', EventCode: '174', EventRootCode: '17',
      QuadClass: '4', GoldsteinScale: '-5', ActionGeo_FullName: 'Niamey', ActionGeo_CountryCode: 'NER',
      ActionGeo_Lat: '13.5116', ActionGeo_Long: '2.1254', SOURCEURL: 'https://news.example/a1',
      plover_event: 'COERCE', plover_mode: 'expel', plover_context: 'military', date_precision: 'day',
      negated: '0', hypothetical: '0', confidence: '0.8', article_id: 'a1', published: '2024-03-28',
    });
    expect(Number(coerce.GlobalEventID)).toBeGreaterThan(0);

    // Quotes, commas and line breaks survive; empty for unknowns; 00 for unknown date parts.
    const assault = recs.find((r) => r.event_id === 'a2-e1')!;
    expect(assault.evidence).toBe('Gunmen killed 12 soldiers,\n"a massacre".');
    expect(assault.SOURCEURL).toBe('https://news.example/a2?x=1,2');
    expect(assault).toMatchObject({ SQLDATE: '', Actor1Code: '', Actor1Name: '', fatalities: '12', date_precision: 'unknown' });
    expect(recs.find((r) => r.event_id === 'a1-e4')!.SQLDATE).toBe('20240300');
    expect(recs.find((r) => r.event_id === 'a2-e2')!.SQLDATE).toBe('20230000');
    expect(recs.find((r) => r.event_id === 'a1-e2')!.negated).toBe('1');
    expect(recs.find((r) => r.event_id === 'a1-e4')!.acled_event_type).toBe('Strategic developments');
  });

  it('quotes only fields that need it (RFC 4180)', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(-9.5)).toBe('-9.5');
    expect(sqlDate('2024-03-28T10:00:00Z')).toBe('20240328');
    expect(sqlDate('PAST_REF')).toBe('');
  });

  it('writes a header even with no events', () => {
    let out = '';
    expect(exportRows([], 'csv', (c) => (out += c))).toBe(0);
    expect(out).toBe(EXPORT_COLUMNS.join(',') + '\r\n');
  });
});

describe('JSON lines export', () => {
  it('writes one event object per line, with article fields', () => {
    const events = storedEvents();
    let out = '';
    exportRows(events, 'jsonl', (c) => (out += c));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    const parsed = lines.map((l) => JSON.parse(l) as StoredEvent);
    expect(parsed).toEqual(events);
    expect(parsed[0]).toHaveProperty('evidence.text');
  });

  it('streams from an iterator in chunks without holding every row', () => {
    const s = openStore(':memory:');
    s.addDocs(Array.from({ length: 400 }, (_, i) => ({ doc: syntheticDoc(i), key: `k${i}` })));
    const chunks: string[] = [];
    const n = exportRows(s.iterateEvents({}), 'csv', (c) => chunks.push(c));
    s.close();
    expect(n).toBe(2000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(parseCsv(chunks.join(''))).toHaveLength(2001);
  });

  it('refuses an unknown format', () => {
    expect(() => exportRows([], 'xml' as 'csv', () => {})).toThrow(/csv or jsonl/);
  });
});
