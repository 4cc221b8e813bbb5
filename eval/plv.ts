// PLV relation classification (../shared/eval/plv/PLV_train.tsv): a sentence, a marked source and target,
// the gold PLOVER root (15 classes, CONCEDE and RETREAT merged as YIELD) and quad. Scores any classifier
// (row -> {event, quad}) for root accuracy, macro-F1, quad accuracy, per-class P/R/F1, confusions and coverage.
// A model that learns from PLV_train must be scored with crossValidate (out-of-fold predictions only); the
// lexicon coder fits nothing, so it is scored on every row.
import { readFileSync } from 'node:fs';
import type { Engine } from '../src/engine.js';
import { toPlvRoot } from '../src/ontology/index.js';
import { Confusion, type ConfusionTable, fnv1a, prf, ratio, secondsSince, nowNs, type Prf } from './util.js';

export interface PlvRow {
  sentenceId: string;
  sentence: string;
  source: string;
  target: string;
  /** One of PLV_CLASSES. */
  goldRoot: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  goldQuad: number;
}

/** The 15 PLV classes in quad order. */
export const PLV_CLASSES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'YIELD', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN',
  'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

export interface Prediction {
  /** PLV root (YIELD, not CONCEDE/RETREAT), or null when the classifier abstains. */
  event: string | null;
  quad: number | null;
}

export type Classifier = (row: PlvRow) => Prediction;

export interface PlvMistake {
  row: PlvRow;
  predicted: string | null;
}

export interface PlvMetrics {
  rows: number;
  accuracy: number;
  /** Mean F1 over the 15 gold classes (a class never predicted scores 0). */
  macroF1: number;
  quadAccuracy: number;
  /** Share of rows with a non-null event. */
  coverage: number;
  perClass: Record<string, Prf>;
  confusion: ConfusionTable;
  topConfusions: Array<{ gold: string; predicted: string; count: number }>;
  /** Wrong rows, for error analysis (not written to the results file). */
  mistakes: PlvMistake[];
}

/** Parses the PLV TSV (tab-separated, unquoted, header row; the first column is an unnamed index). */
export function parsePlv(text: string): PlvRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!lines.length) return [];
  const header = lines[0].split('\t');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`PLV: column "${name}" missing from the header`);
    return i;
  };
  const [cId, cSent, cSrc, cTgt, cRoot, cQuad] = ['sentence_id', 'sentence', 'source', 'target', 'gold_root', 'gold_penta'].map(col);
  return lines.slice(1).map((line, k) => {
    const f = line.split('\t');
    if (f.length !== header.length) throw new Error(`PLV: line ${k + 2} has ${f.length} fields, the header has ${header.length}`);
    return {
      sentenceId: f[cId],
      sentence: f[cSent],
      source: f[cSrc],
      target: f[cTgt],
      goldRoot: f[cRoot].trim().toUpperCase(),
      goldQuad: Number(f[cQuad]),
    };
  });
}

export function loadPlv(file: string): PlvRow[] {
  return parsePlv(readFileSync(file, 'utf8'));
}

/** Scores predictions (same order as rows) against the gold roots and quads. */
export function scorePredictions(rows: readonly PlvRow[], preds: readonly Prediction[]): PlvMetrics {
  if (rows.length !== preds.length) throw new Error(`PLV: ${rows.length} rows but ${preds.length} predictions`);
  const confusion = new Confusion();
  const tp = new Map<string, number>();
  const predicted = new Map<string, number>();
  const gold = new Map<string, number>();
  const mistakes: PlvMistake[] = [];
  let correct = 0;
  let quadCorrect = 0;
  let covered = 0;
  rows.forEach((row, i) => {
    const p = preds[i];
    confusion.add(row.goldRoot, p.event);
    gold.set(row.goldRoot, (gold.get(row.goldRoot) ?? 0) + 1);
    if (p.event !== null) {
      covered++;
      predicted.set(p.event, (predicted.get(p.event) ?? 0) + 1);
    }
    if (p.event === row.goldRoot) {
      correct++;
      tp.set(row.goldRoot, (tp.get(row.goldRoot) ?? 0) + 1);
    } else {
      mistakes.push({ row, predicted: p.event });
    }
    if (p.quad !== null && p.quad === row.goldQuad) quadCorrect++;
  });
  const perClass: Record<string, Prf> = {};
  for (const c of PLV_CLASSES) perClass[c] = prf(tp.get(c) ?? 0, predicted.get(c) ?? 0, gold.get(c) ?? 0);
  const macroF1 = PLV_CLASSES.reduce((s, c) => s + perClass[c].f1, 0) / PLV_CLASSES.length;
  return {
    rows: rows.length,
    accuracy: ratio(correct, rows.length),
    macroF1,
    quadAccuracy: ratio(quadCorrect, rows.length),
    coverage: ratio(covered, rows.length),
    perClass,
    confusion: confusion.table(PLV_CLASSES),
    topConfusions: confusion.errors(10),
    mistakes,
  };
}

/** dyad's classify as a PLV classifier: CONCEDE/RETREAT become YIELD; the quad is dyad's own. */
export function engineClassifier(engine: Pick<Engine, 'classify'>): Classifier {
  return (row) => {
    const c = engine.classify({ id: row.sentenceId, text: row.sentence, source: row.source, target: row.target });
    return { event: c.event === null ? null : toPlvRoot(c.event), quad: c.quad };
  };
}

export interface PlvResult extends PlvMetrics {
  method: string;
  /** classify() calls per second over the whole set, after a warm-up (median of the timed passes). */
  sentencesPerSecond: number;
}

export interface ScorePlvOptions {
  /** Timed passes over all rows after the warm-up; the median pass sets the speed. Default 3. */
  passes?: number;
  /** What is being scored, for the report. */
  method?: string;
}

export const LEXICON_ONLY = 'lexicon only (no fitting, so scored on all rows)';

/**
 * Scores engine.classify on every row. Valid as an accuracy only while classify fits nothing to PLV_train (the
 * lexicon coder); a learned model must go through crossValidate instead.
 */
export function scorePlv(rows: readonly PlvRow[], engine: Pick<Engine, 'classify'>, options: ScorePlvOptions = {}): PlvResult {
  const passes = options.passes ?? 3;
  const classify = engineClassifier(engine);
  for (const row of rows.slice(0, 200)) classify(row); // warm-up: JIT and lazy lexicon state
  let preds: Prediction[] = [];
  const times: number[] = [];
  for (let k = 0; k < Math.max(1, passes); k++) {
    const t0 = nowNs();
    preds = rows.map(classify);
    times.push(secondsSince(t0));
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return {
    method: options.method ?? LEXICON_ONLY,
    ...scorePredictions(rows, preds),
    sentencesPerSecond: median > 0 ? rows.length / median : 0,
  };
}

/** The fold (0..folds-1) of a sentence: a hash of seed and sentence id, so pairs from one sentence stay together. */
export function foldOf(sentenceId: string, folds: number, seed: number): number {
  return fnv1a(`${seed}:${sentenceId}`) % folds;
}

export interface CrossValidation extends PlvMetrics {
  folds: number;
  seed: number;
  /** Root accuracy on each held-out fold. */
  foldAccuracy: number[];
  foldSizes: number[];
}

/**
 * k-fold cross-validation: for each fold, `train` fits on the other folds and predicts the held-out one.
 * Metrics are computed over the out-of-fold predictions of all rows, so nothing is scored on its training data.
 */
export function crossValidate(
  rows: readonly PlvRow[],
  folds: number,
  train: (rows: PlvRow[]) => Classifier,
  seed: number,
): CrossValidation {
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`crossValidate: folds must be an integer >= 2, got ${folds}`);
  const fold = rows.map((r) => foldOf(r.sentenceId, folds, seed));
  const preds: Prediction[] = new Array(rows.length);
  const foldAccuracy: number[] = [];
  const foldSizes: number[] = [];
  for (let k = 0; k < folds; k++) {
    const trainRows = rows.filter((_, i) => fold[i] !== k);
    const testIdx = rows.map((_, i) => i).filter((i) => fold[i] === k);
    foldSizes.push(testIdx.length);
    if (!testIdx.length) {
      foldAccuracy.push(0);
      continue;
    }
    const classify = train(trainRows);
    let correct = 0;
    for (const i of testIdx) {
      preds[i] = classify(rows[i]);
      if (preds[i].event === rows[i].goldRoot) correct++;
    }
    foldAccuracy.push(correct / testIdx.length);
  }
  return { ...scorePredictions(rows, preds), folds, seed, foldAccuracy, foldSizes };
}
