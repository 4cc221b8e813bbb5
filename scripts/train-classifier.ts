// Trains the PLOVER relation classifier on ../shared/eval (PLV_train + PLOVER GSR dev) and writes
// data/models/plover-classifier.json. Also reports 5-fold cross-validated PLV scores (hyperparameters picked by
// inner cross-validation inside each fold), which go into the model header.
//
// Usage: node dist-tools/scripts/train-classifier.js [--eval-dir DIR] [--cv-only] [--no-cv] [--folds N] [--seed N]
//        [--l2 X --min-count N --smoothing X --length-norm N]   (fixed hyperparameters for the cross-validation,
//        for quick experiments; the last two default to DEFAULT_HYPERPARAMETERS)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEventLexicon } from '../src/lexicons/events.js';
import { extractFeatures } from '../src/stages/events/model/features.js';
import {
  CLASSES,
  classifierFromWeights,
  createFeatureContext,
  modelFromFile,
  predict,
  type ModelFile,
  type ModelHeader,
} from '../src/stages/events/model/model.js';
import {
  crossValidatePlv,
  DEFAULT_GRID,
  DEFAULT_HYPERPARAMETERS,
  fitFeatures,
  formatModelFile,
  parseGsrJson,
  parsePlvTsv,
  selectHyperparameters,
  throughput,
  toModelFile,
  type CrossValidationResult,
} from './classifier-training.js';

const here = dirname(fileURLToPath(import.meta.url));
// Works from scripts/ (tsx-style) and from dist-tools/scripts/ (compiled).
const repo = existsSync(join(here, '..', 'package.json')) ? resolve(here, '..') : resolve(here, '..', '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export function printCv(cv: CrossValidationResult, log: (s: string) => void = console.log): void {
  log(`PLV ${cv.folds}-fold cross-validation (seed ${cv.seed}, ${cv.n} rows)`);
  log(`  root accuracy   ${cv.accuracy.toFixed(4)}`);
  log(`  macro-F1        ${cv.macroF1.toFixed(4)}`);
  log(`  quad accuracy   ${cv.quadAccuracy.toFixed(4)}`);
  log(`  sentences/s     ${Math.round(cv.sentencesPerSecond)}`);
  log('  per class (P / R / F1 / n):');
  for (const c of CLASSES) {
    const s = cv.perClass[c];
    log(`    ${c.padEnd(10)} ${s.precision.toFixed(2)} ${s.recall.toFixed(2)} ${s.f1.toFixed(2)} ${s.support}`);
  }
  log('  confusion (rows gold, columns predicted, first 4 letters):');
  log('    ' + ''.padEnd(10) + CLASSES.map((c) => c.slice(0, 4).padStart(5)).join(''));
  for (const g of CLASSES) log('    ' + g.padEnd(10) + CLASSES.map((p) => String(cv.confusion[g][p] || '.').padStart(5)).join(''));
}

function main(): void {
  const evalDir = resolve(arg('--eval-dir') ?? join(repo, '..', 'shared', 'eval'));
  const plvPath = join(evalDir, 'plv', 'PLV_train.tsv');
  const gsrPath = join(evalDir, 'plover-gsr', 'dev.json');
  if (!existsSync(plvPath)) {
    console.error(`train-classifier: ${plvPath} not found. The training data lives in ../shared/eval (pass --eval-dir DIR).`);
    process.exit(2);
  }
  const plv = parsePlvTsv(readFileSync(plvPath, 'utf8'), plvPath);
  const gsr = existsSync(gsrPath) ? parseGsrJson(readFileSync(gsrPath, 'utf8')) : [];
  if (!gsr.length) console.error(`train-classifier: ${gsrPath} not found or empty; training on PLV only`);
  console.log(`training data: ${plv.length} PLV rows, ${gsr.length} GSR rows`);
  const folds = Number(arg('--folds') ?? 5);
  const seed = Number(arg('--seed') ?? 1);
  const lexicon = loadEventLexicon();

  let cv: CrossValidationResult | null = null;
  if (!process.argv.includes('--no-cv')) {
    // --l2 / --min-count fix the hyperparameters (quick experiments); by default they come from inner CV.
    const fixed = arg('--l2')
      ? {
          ...DEFAULT_HYPERPARAMETERS,
          l2: Number(arg('--l2')),
          minCount: Number(arg('--min-count') ?? 1),
          smoothing: Number(arg('--smoothing') ?? DEFAULT_HYPERPARAMETERS.smoothing),
          lengthNorm: Number(arg('--length-norm') ?? DEFAULT_HYPERPARAMETERS.lengthNorm),
        }
      : undefined;
    cv = crossValidatePlv(plv, folds, seed, { extra: gsr, lexicon, hyper: fixed, log: (l) => console.log('  ' + l) });
    printCv(cv);
    if (process.argv.includes('--cv-only')) return;
  }

  // Final model: hyperparameters by cross-validation on all PLV rows, then fitted to everything.
  const ctx = createFeatureContext(lexicon);
  const all = [...plv, ...gsr];
  const lists = all.map((r) => extractFeatures(r, ctx).features);
  const labels = all.map((r) => r.label);
  const plvIdx = plv.map((_, i) => i);
  const gsrIdx = gsr.map((_, i) => plv.length + i);
  const hyper = selectHyperparameters(lists, labels, plvIdx, gsrIdx, DEFAULT_GRID, folds, seed, lexicon);
  console.log(`chosen hyperparameters: l2=${hyper.l2} minCount=${hyper.minCount} iterations=${hyper.iterations} smoothing=${hyper.smoothing} lengthNorm=${hyper.lengthNorm}`);
  const fit = fitFeatures(lists, labels, hyper);

  const lexiconPath = join(repo, 'data', 'lexicons', 'events.tsv');
  const lexiconSha1 = createHash('sha1').update(readFileSync(lexiconPath)).digest('hex');
  const header: ModelHeader = {
    what:
      'dyad PLOVER relation classifier: multinomial logistic regression (L2, label smoothing, L-BFGS) over lexical, ' +
      'positional and event-lexicon features of (sentence, source, target); classes are PLV roots (CONCEDE+RETREAT = ' +
      'YIELD). Per feature one weight per class, in the order of "classes", as integers to divide by "scale"; a ' +
      "sentence's summed weights are multiplied by sqrt(lengthNorm / its feature count). " +
      'Made by scripts/train-classifier.ts (npm run train); retrain after editing the event lexicon or the cue words.',
    trainedOn: [`PLV_train.tsv (${plv.length} rows, snowood1/Zero-Shot-PLOVER)`, `PLOVER GSR dev.json (${gsr.length} rows, OEDA, CC BY-SA 4.0)`],
    date: new Date().toISOString().slice(0, 10),
    features:
      'src/stages/events/model/features.ts: words, stems and letter 4-grams by position (after the source, between, ' +
      'governing the target), cue-word classes (data/models/plover-cues.tsv), modality, event-lexicon hits',
    hyperparameters: {
      l2: hyper.l2,
      minCount: hyper.minCount,
      iterations: hyper.iterations,
      smoothing: hyper.smoothing ?? 0,
      lengthNorm: hyper.lengthNorm ?? 0,
      prune: 0.03,
    },
    cvAccuracy: cv
      ? {
          protocol:
            'stratified k-fold on PLV_train; hyperparameters chosen by inner 3-fold CV inside each training split; ' +
            'GSR rows always in training, never scored',
          folds: cv.folds,
          seed: cv.seed,
          rootAccuracy: round(cv.accuracy),
          macroF1: round(cv.macroF1),
          quadAccuracy: round(cv.quadAccuracy),
          sentencesPerSecond: Math.round(cv.sentencesPerSecond),
        }
      : { note: 'not measured (--no-cv)' },
    lexiconSha1,
  };
  const file = toModelFile(fit, header, 0.03);
  const out = join(repo, 'data', 'models', 'plover-classifier.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, formatModelFile(file));
  console.log(`wrote ${out}: ${Object.keys(file.weights).length} features, ${(statSync(out).size / 1024).toFixed(0)} KB`);

  // The file as shipped (pruned, rounded) must decide like the fitted weights.
  const shipped = modelFromFile(JSON.parse(readFileSync(out, 'utf8')) as ModelFile, lexicon, out);
  const fitted = classifierFromWeights(fit.features, fit.weights, lexicon, null, fit.lengthNorm);
  const same = plv.filter((r) => predict(shipped, r, 0).root === predict(fitted, r, 0).root).length;
  console.log(`shipped file agrees with the fitted weights on ${same}/${plv.length} PLV rows`);
  console.log(`throughput of the shipped model: ${Math.round(throughput(shipped, plv))} sentences/s (one core, with explanations)`);
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

main();
