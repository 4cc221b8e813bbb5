// Not a timed test: it checks that a large batched ingest stores everything, and prints the rate so a
// slowdown is visible in the test log. (Throughput targets are judged by bench/, not by assertions.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRows } from '../src/store/export.js';
import { openStore } from '../src/store/index.js';
import { syntheticDoc } from './store-fixtures.js';

describe('sqlite store: bulk ingest', () => {
  it('stores 5,000 articles with 5 events each in batches of 500', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-speed-'));
    try {
      const docs = Array.from({ length: 5000 }, (_, i) => syntheticDoc(i));
      const s = openStore(join(dir, 'speed.db'));
      const t0 = performance.now();
      for (let i = 0; i < docs.length; i += 500) {
        s.addDocs(docs.slice(i, i + 500).map((doc, k) => ({ doc, key: `k${i + k}` })));
      }
      const insertMs = performance.now() - t0;
      const st = s.stats();
      expect(st).toMatchObject({ articles: 5000, events: 25000, mentions: 20000, actors: 4 });
      // Rows written: articles + mentions + events + actor upserts (4 per article).
      const rows = st.articles + st.mentions + st.events + 4 * st.articles;

      const t1 = performance.now();
      let bytes = 0;
      const exported = exportRows(s.iterateEvents({ includeHypothetical: true, includeNegated: true }), 'csv', (c) => (bytes += c.length));
      const exportMs = performance.now() - t1;
      expect(exported).toBe(25000);

      const t2 = performance.now();
      expect(s.countEvents({ actor: 'Bazoum', since: '2023-06' })).toBeGreaterThan(0);
      const queryMs = performance.now() - t2;
      s.close();
      console.log(
        `store: inserted ${rows} rows (${st.events} events) in ${insertMs.toFixed(0)} ms = ` +
          `${Math.round(rows / (insertMs / 1000))} rows/s, ${Math.round(st.events / (insertMs / 1000))} events/s, ` +
          `${Math.round(5000 / (insertMs / 1000))} articles/s; CSV export ${Math.round(25000 / (exportMs / 1000))} events/s ` +
          `(${(bytes / 1e6).toFixed(1)} MB); name+date count ${queryMs.toFixed(0)} ms`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
