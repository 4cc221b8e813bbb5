// npm run eval: scores dyad on every dev set found under ../shared/eval (or $DYAD_EVAL_DIR), prints a report
// and writes the figures to eval/results/latest.json (committed as a record, so it stays small: no examples).
// A missing data set is reported as skipped; the run still exits 0.
//
// Usage: node dist-tools/eval/run.js [--only plv,gsr,acled,tempeval3,conll,timeline] [--examples N] [--no-write]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/engine.js';
import { loadAcled, scoreAcled, typicalErrors, type AcledResult } from './acled.js';
import { trainBagOfWords } from './baseline.js';
import { loadGsr, scoreGsr, type GsrResult } from './gsr.js';
import { crossValidate, LEXICON_ONLY, loadPlv, scorePlv, type Classifier, type PlvResult, type PlvRow } from './plv.js';
import { scoreEventAnchors } from './event-anchors.js';
import { goldAgreement, loadTimeMl, scoreTempEval } from './tempeval3.js';
import { loadAcledWithLocation, loadEventLocation, scoreEventLocation, scorePlacesAcled } from './places.js';
import { scoreConll } from './conll.js';
import { parseGsrJson, trainClassifier } from '../scripts/classifier-training.js';
import { predict } from '../src/stages/events/model/model.js';
import { LIBYA_KNOWN_DAYS, libyaCorpusDir, runLibyaKeyDates } from './timeline.js';
import { compactJson, nowNs, num3, pct, rounded, secondsSince, snippet, table, type ConfusionTable } from './util.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? '') : null;
};
const only = flag('--only')?.split(',').map((s) => s.trim().toLowerCase()) ?? null;
const examples = Number(flag('--examples') ?? 10) || 10;
const write = !args.includes('--no-write') && !only;

const evalDir = resolve(process.env.DYAD_EVAL_DIR ?? join(process.cwd(), '..', 'shared', 'eval'));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url)); // dist-tools/eval/run.js -> repo root
const resultsFile = join(repoRoot, 'eval', 'results', 'latest.json');
const shown = (p: string) => relative(process.cwd(), p) || '.';

const engine = createEngine();
const results: Record<string, unknown> = {};
const skipped: string[] = [];

function section(title: string): void {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 72 - title.length))}`);
}

/** Runs `score` when `file` exists and the set was asked for; else prints and records a skip line. */
async function run(key: string, title: string, file: string, score: (file: string) => unknown): Promise<void> {
  if (only && !only.includes(key)) return;
  section(title);
  if (!existsSync(file)) {
    const line = `skipped: ${shown(file)} not found`;
    console.log(line);
    skipped.push(line);
    return;
  }
  results[key] = await score(file);
}

/** Drops the example lists that only serve the printed report. */
function figures<T extends object>(r: T): Omit<T, 'mistakes'> {
  const { mistakes: _drop, ...rest } = r as T & { mistakes?: unknown };
  return rest;
}

const abbrev = (label: string) =>
  label === '(none)' ? 'none' : label.replace(/^Battle-/, 'B-').replace(/[^A-Za-z0-9-]/g, '').slice(0, 6);

function matrixTable(c: ConfusionTable): string {
  return table(
    ['gold \\ predicted', ...c.predicted.map(abbrev)],
    c.gold.map((g, i) => [g, ...c.matrix[i].map((n) => (n ? String(n) : '.'))]),
  );
}

// ---- PLV ----

/** dyad's learned relation classifier, refitted on given rows; the PLOVER GSR rows join every training split,
 * as they do for the shipped model (they are never scored here). */
function learnedTrainer(): (rows: PlvRow[]) => Classifier {
  const gsrPath = join(evalDir, 'plover-gsr', 'dev.json');
  const extra = existsSync(gsrPath) ? parseGsrJson(readFileSync(gsrPath, 'utf8')) : [];
  return (rows) => {
    const m = trainClassifier([...rows.map((r) => ({ text: r.sentence, source: r.source, target: r.target, label: r.goldRoot, quad: r.goldQuad })), ...extra]);
    return (row) => {
      const p = predict(m, { text: row.sentence, source: row.source, target: row.target }, 0);
      return { event: p.root ?? null, quad: p.quad ?? null };
    };
  };
}

await run('plv', 'PLV relation classification (plv/PLV_train.tsv)', join(evalDir, 'plv', 'PLV_train.tsv'), async (file) => {
  const rows = loadPlv(file);
  const shippedModel = existsSync(join(repoRoot, 'data', 'models', 'plover-classifier.json'));
  const r: PlvResult = scorePlv(rows, engine, {
    method: shippedModel
      ? 'engine.classify as built; CAUTION: data/models/plover-classifier.json exists, and if classify uses it this ' +
        'figure is on rows the model was fitted to (see the cross-validated figure below)'
      : LEXICON_ONLY,
  });
  console.log(`${r.rows} pairs; method: ${r.method}`);
  console.log(
    table(
      ['metric', 'value'],
      [
        ['root accuracy', num3(r.accuracy)],
        ['macro-F1 (15 classes)', num3(r.macroF1)],
        ['quad accuracy', num3(r.quadAccuracy)],
        ['coverage (non-null event)', pct(r.coverage)],
        ['classify sentences/s', Math.round(r.sentencesPerSecond)],
      ],
    ),
  );
  console.log('\nper class');
  console.log(
    table(
      ['class', 'n', 'P', 'R', 'F1'],
      Object.entries(r.perClass).map(([c, m]) => [c, m.n, num3(m.p), num3(m.r), num3(m.f1)]),
    ),
  );
  console.log('\nconfusion (rows gold, columns predicted)');
  console.log(matrixTable(r.confusion));
  console.log(`\ntop ${r.topConfusions.length} confusions, one example each`);
  for (const c of r.topConfusions) {
    const ex = r.mistakes.find((m) => m.row.goldRoot === c.gold && (m.predicted ?? '(none)') === c.predicted);
    console.log(`  ${String(c.count).padStart(3)}  ${c.gold} -> ${c.predicted}`);
    if (ex) console.log(`       [${snippet(ex.row.source, 30)} -> ${snippet(ex.row.target, 30)}] ${snippet(ex.row.sentence, 150)}`);
  }
  // dyad's learned classifier, refitted on 4 folds, scored on the fifth.
  const t0 = nowNs();
  const learnedCv = crossValidate(rows, 5, learnedTrainer(), 1);
  const cvSeconds = secondsSince(t0);
  console.log(`\nlearned classifier (src/stages/events/model, default hyperparameters, GSR rows added to each training split as in the shipped model), 5-fold CV by sentence id:`);
  console.log(
    table(
      ['metric', 'value'],
      [
        ['root accuracy', num3(learnedCv.accuracy)],
        ['macro-F1 (15 classes)', num3(learnedCv.macroF1)],
        ['quad accuracy', num3(learnedCv.quadAccuracy)],
        ['fold accuracy', learnedCv.foldAccuracy.map(num3).join(' ')],
        ['train + predict time, 5 folds', `${cvSeconds.toFixed(1)} s`],
      ],
    ),
  );
  console.log(`top confusions: ${learnedCv.topConfusions.map((c) => `${c.gold}->${c.predicted} ${c.count}`).join(', ')}`);
  // A reference learner under the same cross-validation.
  const cv = crossValidate(rows, 5, trainBagOfWords, 1);
  console.log(
    `\nreference, not dyad: bag-of-words naive Bayes, 5-fold CV by sentence id: accuracy ${num3(cv.accuracy)}, ` +
      `macro-F1 ${num3(cv.macroF1)}, quad ${num3(cv.quadAccuracy)} (folds ${cv.foldSizes.join('/')})`,
  );
  const { perClass, ...rest } = figures(r);
  return {
    ...rest,
    perClass: Object.fromEntries(Object.entries(perClass).map(([c, m]) => [c, [m.p, m.r, m.f1, m.n]])),
    perClassColumns: ['p', 'r', 'f1', 'n'],
    learnedModelCv5: {
      accuracy: learnedCv.accuracy,
      macroF1: learnedCv.macroF1,
      quadAccuracy: learnedCv.quadAccuracy,
      coverage: learnedCv.coverage,
      foldAccuracy: learnedCv.foldAccuracy,
      perClassF1: Object.fromEntries(Object.entries(learnedCv.perClass).map(([c, m]) => [c, m.f1])),
      topConfusions: learnedCv.topConfusions,
    },
    baselineNaiveBayesCv5: { accuracy: cv.accuracy, macroF1: cv.macroF1, quadAccuracy: cv.quadAccuracy },
  };
});

// ---- PLOVER GSR ----

await run('gsr', 'PLOVER GSR dev, end to end (plover-gsr/dev.json)', join(evalDir, 'plover-gsr', 'dev.json'), (file) => {
  const r: GsrResult = scoreGsr(loadGsr(file), engine);
  console.log(`${r.records} records (DOCUMENT record skipped); legacy names read as current PLOVER types`);
  console.log(
    table(
      ['metric', 'value', 'n'],
      [
        ['event type found in sentence', num3(r.typeFound), r.records],
        ['top event has gold type', num3(r.typeTop), r.records],
        ['coverage (any event)', pct(r.coverage), r.records],
        ['source country (end to end)', num3(r.sourceCountry.accuracy), r.sourceCountry.n],
        ['source country | type found', num3(r.sourceCountry.givenTypeFound), r.sourceCountry.nTypeFound],
        ['target country (end to end)', num3(r.targetCountry.accuracy), r.targetCountry.n],
        ['target country | type found', num3(r.targetCountry.givenTypeFound), r.targetCountry.nTypeFound],
        ['events produced', r.events, ''],
        ['extra events (per record)', `${r.extraEvents} (${r.extraRate.toFixed(2)})`, ''],
      ],
    ),
  );
  console.log(`\ngold -> top event, most frequent: ${r.topConfusions.map((c) => `${c.gold}->${c.predicted} ${c.count}`).join(', ')}`);
  console.log(`\nexamples (${Math.min(examples, r.mistakes.length)} of ${r.mistakes.length} records with an error)`);
  for (const m of r.mistakes.slice(0, examples)) {
    const gold = `${m.record.event} ${m.record.sourceCountries.join('/') || '-'}->${m.record.targetCountries.join('/') || '-'}`;
    console.log(`  gold ${gold}; dyad ${m.predicted.join(' ') || '(no event)'}`);
    console.log(`       ${snippet(m.record.text, 150)}`);
  }
  return figures(r);
});

// ---- ACLED Sahel ----

await run('acled', 'ACLED Sahel dev (acled-sahel/dev.csv)', join(evalDir, 'acled-sahel', 'dev.csv'), (file) => {
  const r: AcledResult = scoreAcled(loadAcled(file), engine);
  const fat = (label: string, f: AcledResult['fatalitiesSum']) => [label, num3(f.exact), num3(f.within1), num3(f.within10pct)];
  console.log(`${r.rows} notes; published = event_date + 2 days`);
  console.log(
    table(
      ['metric', 'value', 'n'],
      [
        ['event type (legacy ACLED)', num3(r.eventType), r.rows],
        ['coverage (any event)', pct(r.coverage), r.rows],
        ['event date exact (notes stating the event day)', num3(r.eventDate.exact), r.eventDate.n],
        ['  same, where dyad dated the report', num3(r.eventDate.givenDated), r.eventDate.nDated],
        ['actor1 country', num3(r.actor1Country.accuracy), r.actor1Country.n],
        ['  same, where dyad gave actor 1 a country', num3(r.actor1Country.givenSource), r.actor1Country.nSource],
        ['actor1 sector (inter1 1/2/7)', num3(r.actor1Sector.accuracy), r.actor1Sector.n],
        ['location country (event location)', num3(r.location.country), r.rows],
        ['  same, where an event has a location', num3(r.location.countryGivenLocated), r.location.located],
        ['admin1', r.location.admin1 === null ? 'not available' : num3(r.location.admin1), r.location.withAdmin1],
        [
          'location within 50 km',
          r.location.within50km === null ? 'not available' : num3(r.location.within50km),
          r.location.withCoordinates,
        ],
        ['notes/s (analyze)', Math.round(r.notesPerSecond), ''],
      ],
    ),
  );
  console.log('\nfatalities');
  console.log(
    table(
      ['dyad figure', 'exact', 'within ±1', 'within ±10%'],
      [fat('report (doc.acled)', r.fatalitiesReport), fat('sum over events', r.fatalitiesSum), fat('max over events', r.fatalitiesMax)],
    ),
  );
  console.log(
    `  gold 0 in ${pct(r.zeroFatalityShare)} of notes (always answering 0 scores that); ` +
      `exact (report) where gold > 0: ${num3(r.fatalitiesExactWhenKilled.exact)} of ${r.fatalitiesExactWhenKilled.n}`,
  );
  console.log('\nevent type confusion (rows gold, columns predicted)');
  console.log(matrixTable(r.confusion));
  const picked = typicalErrors(r, examples);
  console.log(`\ntypical errors (${Math.min(picked.length, examples)})`);
  for (const m of picked.slice(0, examples)) {
    console.log(`  ${m.kind}: gold ${m.gold} / dyad ${m.predicted}  (${m.row.id})`);
    console.log(`       ${snippet(m.row.notes, 160)}`);
  }
  return figures(r);
});

// ---- TempEval-3 ----

await run('places', 'Places: ACLED Sahel locations and event-location spans', join(evalDir, 'acled-sahel', 'dev.csv'), (file) => {
  const r = scorePlacesAcled(loadAcledWithLocation(file), engine);
  const out: Record<string, unknown> = {
    acled: { rows: r.rows, located: rounded(r.located), country: rounded(r.country), admin1: rounded(r.admin1), admin1Strict: rounded(r.admin1Strict), within50km: rounded(r.within50km) },
  };
  console.log(`ACLED Sahel dev, ${r.rows} rows: located ${num3(r.located)}, country ${num3(r.country)}, admin1 ${num3(r.admin1)} (strict ${num3(r.admin1Strict)}), within 50 km ${num3(r.within50km)}`);
  console.log(`  the gazetteer knows the gold location (within 50 km) for ${num3(r.gazetteer.rowsWithin50km)} of rows (${r.gazetteer.uniqueKnown} of ${r.gazetteer.uniqueLocations} places)`);
  const el = join(evalDir, 'event-location', 'labeled_text.jsonl.zip');
  if (existsSync(el)) {
    const e = scoreEventLocation(loadEventLocation(el));
    console.log(`event-location (${e.sentences} sentences): exact span P ${num3(e.exact.p)} R ${num3(e.exact.r)} F1 ${num3(e.exact.f1)}; overlap F1 ${num3(e.overlap.f1)}`);
    out.eventLocation = { sentences: e.sentences, exactF1: rounded(e.exact.f1), overlapF1: rounded(e.overlap.f1) };
  }
  return out;
});

await run('tempeval3', 'TempEval-3 time expressions (tempeval3/)', join(evalDir, 'tempeval3'), (dir) => {
  const docs = loadTimeMl(dir);
  const r = scoreTempEval(docs);
  console.log(`${r.docs} documents, ${r.dyad.gold} gold TIMEX3 (creation time excluded); dyad ${r.seconds.toFixed(2)} s`);
  const keys = ['strict', 'relaxed', 'value', 'type'] as const;
  console.log(
    table(
      ['F1 (P / R)', 'dyad', 'chrono-node'],
      keys.map((k) => [
        k,
        `${num3(r.dyad[k].f1)} (${num3(r.dyad[k].p)} / ${num3(r.dyad[k].r)})`,
        `${num3(r.chrono[k].f1)} (${num3(r.chrono[k].p)} / ${num3(r.chrono[k].r)})`,
      ]),
    ),
  );
  const a = goldAgreement(docs);
  const worst = a.split.slice(0, 3).map((w) => `"${w.wording}" ${w.readings.length} readings`).join(', ');
  console.log(`gold agreement: ${a.offMajority} of ${a.deictic} deictic timexes (${num3(a.offMajority / a.deictic)}) differ from the majority reading of their own wording (${worst})`);
  const ea = scoreEventAnchors(docs, engine);
  console.log(
    `event dating on TimeBank's event-time links (${ea.links} links to a DATE/TIME of the event's sentence, ${ea.found} with the expression found): ` +
      `dater ${num3(ea.dyad / ea.found)}, nearest expression ${num3(ea.nearest / ea.found)}; with 2+ expressions (${ea.choice.links}) ${num3(ea.choice.dyad / ea.choice.links)} vs ${num3(ea.choice.nearest / ea.choice.links)}`,
  );
  return {
    ...r,
    goldAgreement: { deictic: a.deictic, offMajority: a.offMajority },
    eventAnchors: { links: ea.links, found: ea.found, dater: rounded(ea.dyad / ea.found), nearest: rounded(ea.nearest / ea.found), choiceLinks: ea.choice.links, choiceDater: rounded(ea.choice.dyad / ea.choice.links), choiceNearest: rounded(ea.choice.nearest / ea.choice.links) },
  };
});

// ---- CoNLL-2003 NER ----

await run('conll', 'Named entities: CoNLL-2003 eng.testa, PER/ORG/LOC (conll2003/eng.testa)', join(evalDir, 'conll2003', 'eng.testa'), async (file) => {
  const r = await scoreConll(file);
  console.log(`${r.sentences} sentences, ${r.tokens} tokens, ${r.goldEntities} gold PER/ORG/LOC entities; exact span + type, micro over the three types`);
  const cell = (m: { p: number; r: number; f1: number }) => `${num3(m.f1)} (${num3(m.p)} / ${num3(m.r)})`;
  const c = r.compromise;
  console.log(
    table(
      ['F1 (P / R)', 'dyad', c ? 'compromise (reference)' : 'compromise: not installed'],
      [
        ['micro PER+ORG+LOC', cell(r.dyad.micro), c ? cell(c.micro) : '-'],
        ...(['PER', 'ORG', 'LOC'] as const).map((t) => [t, cell(r.dyad.perType[t]), c ? cell(c.perType[t]) : '-']),
        ['tokens/s (CPU time)', Math.round(r.dyad.tokensPerSecond ?? 0), c ? Math.round(c.tokensPerSecond ?? 0) : '-'],
        ['micro, all words upper-cased', cell(r.upperCased.micro), '-'],
        ['micro, all words lower-cased', cell(r.lowerCased.micro), '-'],
      ],
    ),
  );
  console.log(
    `dyad model: ${r.model.features} features, ${r.model.tags.length} tags, ${r.model.tableMB.toFixed(1)} MB in memory, ` +
      `loaded in ${r.model.loadSeconds.toFixed(2)} s; first call ${r.model.firstCallSeconds.toFixed(2)} s (GeoNames gazetteer load, shared with the places stage)`,
  );
  return r;
});

// ---- Key dates of a timeline (no gold here: checked against well-known days of the war) ----

await run('timeline', 'Key dates: timeline LBY --key 10 on timeline17 LibyaWar (cnn + reuters)', join(libyaCorpusDir(evalDir), 'LibyaWar_cnn.articles.jsonl'), async () => {
  const { run: r, picks } = await runLibyaKeyDates(libyaCorpusDir(evalDir), 10, engine);
  console.log(`${r.articles} stories stored in ${r.ingestSeconds.toFixed(1)} s; timeline + key dates in ${r.keySeconds.toFixed(2)} s (${r.keyCpuSeconds.toFixed(2)} s CPU)`);
  console.log(table(['date', 'score', 'stories', 'later', 'well-known day (general knowledge, not gold)'], picks.map((k) => [k.date, k.score.toFixed(2), k.articles, k.later_references, LIBYA_KNOWN_DAYS[k.date] ?? ''])));
  console.log(`well-known days among the ${r.key} picks: ${r.knownExact} exact, ${r.knownWithinOneDay} within a day`);
  return r;
});

// ---- results file ----

if (write) {
  const record = rounded({ generated: new Date().toISOString(), node: process.version, skipped, ...results });
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, compactJson(record) + '\n');
  console.log(`\nwrote ${shown(resultsFile)}`);
} else {
  console.log('\n(results file not written: --only or --no-write)');
}
