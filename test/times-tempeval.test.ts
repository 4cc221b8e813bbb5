import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goldAgreement, loadMeantime, parseMeantime, parseTimeMl, scoreTempEval, type TimeMlDoc } from '../eval/tempeval3.js';

const DIR = fileURLToPath(new URL('../../shared/eval/tempeval3', import.meta.url));
const HAVE_DATA = existsSync(DIR);
const MEANTIME = fileURLToPath(new URL('../../shared/eval/meantime/intra-doc_annotation', import.meta.url));
const HAVE_MEANTIME = existsSync(MEANTIME);

describe('TimeML reading', () => {
  it('strips tags, decodes entities and keeps gold offsets on the stripped text', () => {
    const xml =
      '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>' +
      '<TEXT>A &amp; B <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>.</TEXT></TimeML>';
    const doc = parseTimeMl(xml, 'x');
    expect(doc.dct).toBe('1998-08-07');
    expect(doc.text).toBe('A & B met Friday.');
    expect(doc.gold).toEqual([{ start: 10, end: 16, text: 'Friday', type: 'DATE', value: '1998-08-07' }]);
  });
});

describe('gold agreement on deictic wordings', () => {
  const gold = (text: string, value: string, type = 'DATE') => ({ start: 0, end: text.length, text, type, value });
  it('reads each value relative to the creation time and counts readings other than the wording\'s majority', () => {
    const docs: TimeMlDoc[] = [
      // "last week" is the week before the creation time's in two files (weeks 32 and 51), WXX in a third
      { id: 'a', dct: '1998-08-11', text: '', gold: [gold('last week', '1998-W32'), gold('Today', '1998-08-11')] },
      { id: 'b', dct: '1989-12-20', text: '', gold: [gold('last week', '1989-W50'), gold('a year ago', '1988-Q3')] },
      { id: 'c', dct: '1989-10-27', text: '', gold: [gold('last week', '1989-WXX'), gold('today', '1989-10-27')] },
      // across a year boundary: week 1 of 1998 began on 29 December 1997, so 1997-W52 is the week before
      { id: 'd', dct: '1998-01-02', text: '', gold: [gold('last week', '1997-W52'), gold('the third quarter', '1997-Q3')] },
    ];
    const a = goldAgreement(docs);
    // "a year ago" (a comparison) and "the third quarter" (not deictic) are left out
    expect(a.deictic).toBe(6);
    expect(a.offMajority).toBe(1);
    expect(a.split).toEqual([{ wording: 'last week', count: 4, readings: [['DATE W-1', 3], ['DATE Y0-WXX', 1]] }]);
  });
});

describe('MEANTIME reading', () => {
  it('joins tokens, leaves the creation-time line out and maps TIMEX3 tokens to offsets', () => {
    const xml =
      '<Document><token sentence="0" t_id="1">Talks</token><token sentence="0" t_id="2">fail</token>' +
      '<token sentence="1" t_id="3">May</token><token sentence="1" t_id="4">14</token>' +
      '<token sentence="2" t_id="5">They</token><token sentence="2" t_id="6">met</token><token sentence="2" t_id="7">Monday</token>' +
      '<Markables><TIMEX3 m_id="9" type="DATE" value="2009-05-11" functionInDocument="NONE"><token_anchor t_id="7"/></TIMEX3>' +
      '<TIMEX3 m_id="10" type="DATE" value="14-05-2009" functionInDocument="CREATION_TIME"><token_anchor t_id="3"/><token_anchor t_id="4"/></TIMEX3></Markables></Document>';
    const doc = parseMeantime(xml, 'x');
    expect(doc.dct).toBe('2009-05-14');
    expect(doc.text).toBe('Talks fail\nThey met Monday');
    expect(doc.gold).toEqual([{ start: 20, end: 26, text: 'Monday', type: 'DATE', value: '2009-05-11' }]);
  });
});

describe.skipIf(!HAVE_MEANTIME)('MEANTIME scores (a cross-check set)', () => {
  if (!HAVE_MEANTIME) console.warn(`skipping MEANTIME scores: ${MEANTIME} is absent`);
  it('stays above the measured baseline and above chrono alone', () => {
    const res = scoreTempEval(loadMeantime(MEANTIME));
    // Measured 0.904 relaxed span F1 and 0.802 value F1.
    expect(res.dyad.relaxed.f1).toBeGreaterThan(0.87);
    expect(res.dyad.value.f1).toBeGreaterThan(0.76);
    expect(res.dyad.value.f1).toBeGreaterThan(res.chrono.value.f1);
  });
});

describe.skipIf(!HAVE_DATA)('TempEval-3 (TBAQ) scores', () => {
  if (!HAVE_DATA) console.warn(`skipping TempEval-3 scores: ${DIR} is absent`);
  it('stays above the measured baseline and above chrono alone', () => {
    const res = scoreTempEval(DIR);
    expect(res.docs).toBeGreaterThan(200);
    // Measured 0.945 relaxed span F1 and 0.819 value F1; these floors catch regressions.
    expect(res.dyad.relaxed.f1).toBeGreaterThan(0.93);
    expect(res.dyad.value.f1).toBeGreaterThan(0.80);
    expect(res.dyad.relaxed.f1).toBeGreaterThan(res.chrono.relaxed.f1);
    expect(res.dyad.value.f1).toBeGreaterThan(res.chrono.value.f1);
  });
});
