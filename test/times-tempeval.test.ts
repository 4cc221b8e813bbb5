import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTimeMl, scoreTempEval } from '../eval/tempeval3.js';

const DIR = fileURLToPath(new URL('../../shared/eval/tempeval3', import.meta.url));
const HAVE_DATA = existsSync(DIR);

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

describe.skipIf(!HAVE_DATA)('TempEval-3 (TBAQ) scores', () => {
  if (!HAVE_DATA) console.warn(`skipping TempEval-3 scores: ${DIR} is absent`);
  it('stays above the measured baseline and above chrono alone', () => {
    const res = scoreTempEval(DIR);
    expect(res.docs).toBeGreaterThan(200);
    // Measured 0.930 relaxed span F1 and 0.79 value F1; these floors catch regressions.
    expect(res.dyad.relaxed.f1).toBeGreaterThan(0.9);
    expect(res.dyad.value.f1).toBeGreaterThan(0.77);
    expect(res.dyad.relaxed.f1).toBeGreaterThan(res.chrono.relaxed.f1);
    expect(res.dyad.value.f1).toBeGreaterThan(res.chrono.value.f1);
  });
});
