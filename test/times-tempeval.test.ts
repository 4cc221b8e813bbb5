import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMeantime, parseMeantime, parseTimeMl, scoreTempEval } from '../eval/tempeval3.js';

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

describe.skipIf(!HAVE_MEANTIME)('MEANTIME scores (a set no rule was tuned on)', () => {
  if (!HAVE_MEANTIME) console.warn(`skipping MEANTIME scores: ${MEANTIME} is absent`);
  it('stays above the measured baseline and above chrono alone', () => {
    const res = scoreTempEval(loadMeantime(MEANTIME));
    // Measured 0.895 relaxed span F1 and 0.791 value F1.
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
    // Measured 0.945 relaxed span F1 and 0.818 value F1; these floors catch regressions.
    expect(res.dyad.relaxed.f1).toBeGreaterThan(0.93);
    expect(res.dyad.value.f1).toBeGreaterThan(0.80);
    expect(res.dyad.relaxed.f1).toBeGreaterThan(res.chrono.relaxed.f1);
    expect(res.dyad.value.f1).toBeGreaterThan(res.chrono.value.f1);
  });
});
