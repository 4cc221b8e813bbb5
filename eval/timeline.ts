// Key dates (`dyad timeline A --key N`) on a news collection with no gold timeline at hand: the Libya war stories
// of timeline17 (LibyaWar_cnn, LibyaWar_reuters) are stored, then the N key days of LBY are picked and timed.
// The gold timelines are held out; as a sanity check only, the picks are compared with dates of the 2011 war
// that are common knowledge (listed below from general knowledge of the war, not from any timeline file).
//
// Usage: node dist-tools/eval/timeline.js [corpus dir] [--key N]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine, type Engine } from '../src/engine.js';
import { ingestPaths } from '../src/app/ingest-run.js';
import { keyDates, timeline, type KeyDate } from '../src/app/relations.js';
import { openStore } from '../src/store/index.js';
import { nowNs, secondsSince } from './util.js';

/** Well-known days of the 2011 Libyan war (general knowledge): what a journalist's timeline would hold. */
export const LIBYA_KNOWN_DAYS: Record<string, string> = {
  '2011-02-15': 'protests in Benghazi after a lawyer\'s arrest',
  '2011-02-17': '"day of rage"',
  '2011-02-20': 'Saif al-Islam Gaddafi\'s televised speech',
  '2011-02-21': 'protests reach Tripoli; diplomats and officers defect',
  '2011-02-22': 'Gaddafi\'s "house by house" speech',
  '2011-02-26': 'UN Security Council resolution 1970 (sanctions, ICC referral)',
  '2011-02-27': 'National Transitional Council formed',
  '2011-03-10': 'France recognises the NTC',
  '2011-03-17': 'UN Security Council resolution 1973 (no-fly zone)',
  '2011-03-19': 'coalition air strikes begin',
  '2011-03-31': 'NATO takes command of the air campaign',
  '2011-04-30': 'NATO strike kills Saif al-Arab Gaddafi',
  '2011-05-16': 'ICC prosecutor seeks arrest warrants',
  '2011-06-27': 'ICC issues arrest warrant for Gaddafi',
  '2011-07-15': 'Contact group recognises the NTC',
  '2011-07-28': 'rebel commander Abdel Fattah Younes killed',
  '2011-08-20': 'uprising in Tripoli',
  '2011-08-21': 'rebels enter Tripoli',
  '2011-08-23': 'Bab al-Aziziya compound falls',
  '2011-09-16': 'UN seats the NTC',
  '2011-10-20': 'Gaddafi killed near Sirte',
  '2011-10-23': 'liberation declared',
  '2011-10-31': 'NATO ends its operation',
};

export interface KeyDateRun {
  articles: number;
  ingestSeconds: number;
  /** Time of timeline(store, 'LBY') plus keyDates(.., N) on the stored collection. */
  keySeconds: number;
  /** CPU time of the same (this process): comparable when other processes load the machine. */
  keyCpuSeconds: number;
  key: number;
  dates: string[];
  /** Picks that are a well-known day, exactly and within a day. */
  knownExact: number;
  knownWithinOneDay: number;
}

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

export async function runLibyaKeyDates(dir: string, key = 10, engine: Engine = createEngine()): Promise<{ run: KeyDateRun; picks: KeyDate[] }> {
  const files = ['LibyaWar_cnn.articles.jsonl', 'LibyaWar_reuters.articles.jsonl'].map((f) => join(dir, f));
  const store = openStore(':memory:');
  try {
    const t0 = nowNs();
    const sum = await ingestPaths(files, { engine, store, onError: () => {} });
    const ingestSeconds = secondsSince(t0);
    const t1 = nowNs();
    const cpu0 = process.cpuUsage();
    const picks = keyDates(timeline(store, 'LBY'), key);
    const keySeconds = secondsSince(t1);
    const cpu = process.cpuUsage(cpu0);
    const keyCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const known = Object.keys(LIBYA_KNOWN_DAYS).map(dayNumber);
    const dates = picks.map((k) => k.date);
    return {
      picks,
      run: {
        articles: sum.added,
        ingestSeconds,
        keySeconds,
        keyCpuSeconds,
        key,
        dates,
        knownExact: dates.filter((d) => d in LIBYA_KNOWN_DAYS).length,
        knownWithinOneDay: dates.filter((d) => known.some((k) => Math.abs(k - dayNumber(d)) <= 1)).length,
      },
    };
  } finally {
    store.close();
  }
}

export function libyaCorpusDir(evalDir: string): string {
  return resolve(evalDir, '..', 'corpora', 'timeline17');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--key');
  const key = i >= 0 ? Number(args[i + 1]) : 10;
  const dir = resolve(args.find((a, j) => !a.startsWith('--') && (j === 0 || args[j - 1] !== '--key')) ?? join(process.cwd(), '..', 'shared', 'corpora', 'timeline17'));
  if (!existsSync(join(dir, 'LibyaWar_cnn.articles.jsonl'))) {
    console.log(`skipped: ${dir} has no LibyaWar_cnn.articles.jsonl`);
  } else {
    const { run, picks } = await runLibyaKeyDates(dir, key);
    for (const k of picks) console.log(`${k.date}  ${k.score.toFixed(2).padStart(6)}  ${LIBYA_KNOWN_DAYS[k.date] ?? ''}`);
    console.log(JSON.stringify(run));
  }
}
