// The evaluation harness: its CSV reader, metric arithmetic and cross-validation on hand-made rows, then a
// smoke run of every scorer on the first rows of each dev set in ../shared/eval (skipped when absent).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine.js';
import { parseCsv, parseCsvRecords } from '../eval/csv.js';
import { crossValidate, foldOf, loadPlv, scorePlv, scorePredictions, type PlvRow } from '../eval/plv.js';
import { loadGsr, scoreGsr } from '../eval/gsr.js';
import { actor1Country, addDays, loadAcled, namesADay, parseAcledDate, scoreAcled } from '../eval/acled.js';

const row = (id: string, goldRoot: string, goldQuad: number): PlvRow => ({
  sentenceId: id,
  sentence: `Sentence ${id}.`,
  source: 'A',
  target: 'B',
  goldRoot,
  goldQuad,
});

describe('CSV reader (RFC 4180)', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi""\nnext line"\n2,,"" \n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"\nnext line'],
      ['2', '', ' '],
    ]);
  });

  it('maps records by header and rejects a row with the wrong field count', () => {
    expect(parseCsvRecords('k,v\nx,"1,5"\n')).toEqual([{ k: 'x', v: '1,5' }]);
    expect(() => parseCsvRecords('k,v\nx,1,2\n')).toThrow(/3 fields/);
  });

  it('reads a last line without a line break and throws on an unterminated quote', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(() => parseCsv('a\n"open')).toThrow(/unterminated/);
  });
});

describe('PLV metrics and cross-validation', () => {
  it('computes accuracy, macro-F1, quad accuracy and coverage from predictions', () => {
    const rows = [row('1', 'AGREE', 1), row('2', 'AGREE', 1), row('3', 'ASSAULT', 4), row('4', 'ACCUSE', 3)];
    const m = scorePredictions(rows, [
      { event: 'AGREE', quad: 1 },
      { event: 'CONSULT', quad: 1 },
      { event: 'ASSAULT', quad: 4 },
      { event: null, quad: null },
    ]);
    expect(m.accuracy).toBe(0.5);
    expect(m.quadAccuracy).toBe(0.75);
    expect(m.coverage).toBe(0.75);
    expect(m.perClass.AGREE).toEqual({ p: 1, r: 0.5, f1: 2 / 3, n: 2 });
    expect(m.perClass.ASSAULT.f1).toBe(1);
    // Mean over all 15 classes: only AGREE (2/3) and ASSAULT (1) score.
    expect(m.macroF1).toBeCloseTo((2 / 3 + 1) / 15, 10);
    expect(m.topConfusions).toContainEqual({ gold: 'ACCUSE', predicted: '(none)', count: 1 });
    expect(m.mistakes).toHaveLength(2);
  });

  it('never scores a row with a model that saw it: a memorising learner gets nothing right', () => {
    const rows = Array.from({ length: 60 }, (_, i) => row(String(i), i % 2 ? 'AGREE' : 'ASSAULT', i % 2 ? 1 : 4));
    const trainSizes: number[] = [];
    const cv = crossValidate(
      rows,
      5,
      (train) => {
        trainSizes.push(train.length);
        const seen = new Map(train.map((r) => [r.sentenceId, r.goldRoot]));
        return (r) => ({ event: seen.get(r.sentenceId) ?? null, quad: null });
      },
      7,
    );
    expect(cv.accuracy).toBe(0);
    expect(cv.coverage).toBe(0);
    expect(cv.foldSizes.reduce((a, b) => a + b, 0)).toBe(60);
    expect(trainSizes.map((n, k) => n + cv.foldSizes[k])).toEqual([60, 60, 60, 60, 60]);
  });

  it('keeps every pair of one sentence in one fold, the same way on every run', () => {
    expect(foldOf('123', 5, 1)).toBe(foldOf('123', 5, 1));
    const rows = [row('9', 'AGREE', 1), row('9', 'REJECT', 3), row('10', 'AGREE', 1)];
    const cv = crossValidate(rows, 3, (train) => {
      expect(train.filter((r) => r.sentenceId === '9').length % 2).toBe(0);
      return () => ({ event: 'AGREE', quad: 1 });
    }, 1);
    expect(cv.rows).toBe(3);
  });
});

describe('ACLED helpers', () => {
  it('reads ACLED dates, adds days across a month end, and finds day mentions', () => {
    expect(parseAcledDate('27 October 2018')).toBe('2018-10-27');
    expect(parseAcledDate('3 March 2012')).toBe('2012-03-03');
    expect(addDays('2018-12-31', 2)).toBe('2019-01-02');
    expect(namesADay('On Oct 25, dozens of workers marched.')).toBe(true);
    expect(namesADay('Health workers joined the strike on Thursday.')).toBe(true);
    expect(namesADay('MNLA rebels capture a military base.')).toBe(false);
  });

  it("codes a state force's actor1 to its own country, anyone else to the row's country", () => {
    expect(actor1Country({ actor1: 'Military Forces of France', iso3: 'MLI' })).toBe('FRA');
    expect(actor1Country({ actor1: 'Police Forces of Burkina Faso (2015-) Gendarmerie', iso3: 'BFA' })).toBe('BFA');
    expect(actor1Country({ actor1: 'Military Forces of Sudan (1989-)', iso3: 'TCD' })).toBe('SDN');
    expect(actor1Country({ actor1: 'JNIM: Group for Support of Islam and Muslims', iso3: 'MLI' })).toBe('MLI');
  });
});

const evalDir = resolve(process.env.DYAD_EVAL_DIR ?? join(process.cwd(), '..', 'shared', 'eval'));
const haveData = existsSync(evalDir);
if (!haveData) console.warn(`eval smoke tests skipped: ${evalDir} not found (set DYAD_EVAL_DIR)`);

const inUnit = (x: number) => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;

describe.skipIf(!haveData)('scorers on the first rows of ../shared/eval', () => {
  const engine = createEngine();

  it.skipIf(!existsSync(join(evalDir, 'plv', 'PLV_train.tsv')))('PLV: 20 pairs', () => {
    const rows = loadPlv(join(evalDir, 'plv', 'PLV_train.tsv'));
    expect(rows.length).toBe(1050);
    const r = scorePlv(rows.slice(0, 20), engine, { passes: 1 });
    expect(r.rows).toBe(20);
    for (const x of [r.accuracy, r.macroF1, r.quadAccuracy, r.coverage]) expect(inUnit(x)).toBe(true);
    expect(r.sentencesPerSecond).toBeGreaterThan(0);
    const cells = r.confusion.matrix.flat().reduce((a, b) => a + b, 0);
    expect(cells).toBe(20);
    expect(r.mistakes.length).toBe(Math.round(20 * (1 - r.accuracy)));
  });

  it.skipIf(!existsSync(join(evalDir, 'plover-gsr', 'dev.json')))('PLOVER GSR: 20 records', () => {
    const records = loadGsr(join(evalDir, 'plover-gsr', 'dev.json'));
    expect(records.every((r) => r.event !== 'DOCUMENT')).toBe(true);
    const r = scoreGsr(records.slice(0, 20), engine);
    expect(r.records).toBe(20);
    for (const x of [r.coverage, r.typeFound, r.typeTop, r.sourceCountry.accuracy, r.targetCountry.accuracy]) {
      expect(inUnit(x)).toBe(true);
    }
    expect(r.typeTop).toBeLessThanOrEqual(r.typeFound);
    expect(r.sourceCountry.n).toBeLessThanOrEqual(20);
    expect(r.extraEvents).toBeLessThanOrEqual(r.events);
  });

  it.skipIf(!existsSync(join(evalDir, 'acled-sahel', 'dev.csv')))('ACLED Sahel: 20 notes', () => {
    const rows = loadAcled(join(evalDir, 'acled-sahel', 'dev.csv'));
    expect(rows.length).toBeGreaterThan(2000);
    expect(rows[0].eventDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const r = scoreAcled(rows.slice(0, 20), engine);
    expect(r.rows).toBe(20);
    const figures = [
      r.coverage, r.eventType, r.zeroFatalityShare, r.fatalitiesSum.exact, r.fatalitiesSum.within1,
      r.fatalitiesSum.within10pct, r.fatalitiesMax.exact, r.eventDate.exact, r.actor1Country.accuracy,
      r.actor1Sector.accuracy, r.location.country, r.location.countryGivenLocated,
    ];
    for (const x of figures) expect(inUnit(x)).toBe(true);
    expect(r.fatalitiesSum.within1).toBeGreaterThanOrEqual(r.fatalitiesSum.exact);
    expect(r.confusion.matrix.flat().reduce((a, b) => a + b, 0)).toBe(20);
    expect(r.actor1Country.n).toBe(20);
    expect(r.eventDate.n).toBeLessThanOrEqual(20);
  });
});
