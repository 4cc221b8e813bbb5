import { describe, expect, it } from 'vitest';
import { displayWidth, formatCsv, formatJson, formatJsonl, formatRows, formatTable, parseFormat, truncate } from '../src/cli/format.js';
import { DyadError } from '../src/core/errors.js';

const rows = [
  { date: '2024-03-16', event: 'COERCE', source: 'Niger', goldstein: -5, evidence: 'Niger’s junta ordered U.S. troops to leave.' },
  { date: null, event: 'ASSAULT', source: undefined, goldstein: -10, evidence: 'Gunmen killed,\n"a massacre".' },
];
const cols = ['date', 'event', 'source', 'goldstein', 'evidence'];

describe('table output', () => {
  it('aligns columns under a header and rule, numbers to the right', () => {
    const lines = formatTable(rows, cols).split('\n');
    expect(lines).toHaveLength(5); // header, rule, 2 rows, final newline
    expect(lines[0]).toBe('date        event    source  goldstein  evidence');
    expect(lines[1]).toMatch(/^-{10}  -{7}  -{6}  -{9}  -{43}$/);
    expect(lines[2]).toBe('2024-03-16  COERCE   Niger          -5  Niger’s junta ordered U.S. troops to leave.');
    // Line breaks inside a cell never break the table; empty cells stay empty.
    expect(lines[3]).toBe('            ASSAULT                -10  Gunmen killed, "a massacre".');
    expect(lines[4]).toBe('');
  });

  it('fits within maxWidth by cutting the widest columns', () => {
    const out = formatTable(rows, cols, 60);
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(out).toContain('…');
    // Short columns are untouched.
    expect(out.split('\n')[2].startsWith('2024-03-16  COERCE   Niger')).toBe(true);
  });

  it('measures wide characters as two columns', () => {
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(truncate('日本語テキスト', 6)).toBe('日本…');
    const out = formatTable([{ name: '日本', n: 1 }, { name: 'abcd', n: 22 }], ['name', 'n']);
    expect(out.split('\n')[2]).toBe('日本   1');
    expect(out.split('\n')[3]).toBe('abcd  22');
  });

  it('writes booleans and objects readably', () => {
    const out = formatTable([{ ok: true, loc: { name: 'Niamey' }, x: 0.123456 }], ['ok', 'loc', 'x']);
    expect(out.split('\n')[2]).toBe('yes  {"name":"Niamey"}  0.1235');
  });
});

describe('csv / json / jsonl output', () => {
  it('writes CSV with quoting and a header', () => {
    expect(formatCsv(rows, ['event', 'evidence'])).toBe(
      'event,evidence\r\nCOERCE,Niger’s junta ordered U.S. troops to leave.\r\nASSAULT,"Gunmen killed,\n""a massacre""."\r\n',
    );
  });

  it('writes JSON that parses back, picking columns when given', () => {
    expect(JSON.parse(formatJson(rows))).toEqual(JSON.parse(JSON.stringify(rows)));
    expect(JSON.parse(formatJson(rows, ['event']))).toEqual([{ event: 'COERCE' }, { event: 'ASSAULT' }]);
    expect(formatJson([])).toBe('[]\n');
    const lines = formatJsonl(rows, ['event', 'source']).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([{ event: 'COERCE', source: 'Niger' }, { event: 'ASSAULT', source: null }]);
  });

  it('dispatches on format and checks format names', () => {
    expect(formatRows(rows, 'csv', ['event'])).toBe('event\r\nCOERCE\r\nASSAULT\r\n');
    expect(formatRows(rows, 'table').split('\n')[0]).toMatch(/^date\s+event\s+source\s+goldstein\s+evidence$/);
    expect(parseFormat('jsonl')).toBe('jsonl');
    expect(() => parseFormat('xml')).toThrow(DyadError);
    expect(() => parseFormat('table', ['csv', 'jsonl'])).toThrow(/csv, jsonl/);
  });
});
