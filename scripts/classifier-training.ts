// Training and cross-validation of the relation classifier: a multinomial logistic regression with L2 and
// label smoothing, fitted by L-BFGS on binary features, each sentence's scores scaled by its feature count. Pure: rows in, weights out; the script does the file I/O.
import { DyadError } from '../src/core/errors.js';
import type { EventLexicon } from '../src/lexicons/events.js';
import { loadEventLexicon } from '../src/lexicons/events.js';
import { extractFeatures, type RelationInput } from '../src/stages/events/model/features.js';
import {
  CLASSES,
  classifierFromWeights,
  createFeatureContext,
  lengthFactor,
  predict,
  QUAD_OF_CLASS,
  type ClassifierModel,
  type ModelFile,
} from '../src/stages/events/model/model.js';

export interface LabelledRow extends RelationInput {
  /** PLV root class (15 classes: CONCEDE and RETREAT merged as YIELD). */
  label: string;
  /** Gold quad where the data gives one. */
  quad?: number;
}

export interface Hyperparameters {
  /** L2 penalty per weight, summed over the data (larger = simpler model). */
  l2: number;
  /** Features seen in fewer training rows are dropped. */
  minCount: number;
  /** L-BFGS iterations. */
  iterations: number;
  /** Label smoothing: this share of each row's target mass is spread evenly over all classes (0: none). */
  smoothing?: number;
  /** Scores are scaled by sqrt(lengthNorm / features of the sentence) (0: not scaled); see ClassifierModel. */
  lengthNorm?: number;
}

// Smoothing 0.1 and lengthNorm 60 (about a typical sentence's feature count) each add a little and together
// about half a point of cross-validated root accuracy (mean of 4 fold seeds); PLV gold labels are noisy, and
// unscaled sums let long sentences with many weak features outvote the verb.
export const DEFAULT_HYPERPARAMETERS: Hyperparameters = { l2: 0.3, minCount: 1, iterations: 150, smoothing: 0.1, lengthNorm: 60 };

// ---------------------------------------------------------------------------------------------------------------
// Data readers (text in, rows out; the caller reads the files).

/** Rows of a PLV relation-classification TSV (the PLV training file's format), read by column name. */
export function parsePlvTsv(content: string, file = 'PLV data'): LabelledRow[] {
  const lines = content.split(/\r?\n/).filter((l) => l.length > 0);
  if (!lines.length) throw new DyadError('DATA', `${file}: empty`);
  const header = lines[0].split('\t');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new DyadError('DATA', `${file}: no column "${name}" in the header`);
    return i;
  };
  const [cSentence, cSource, cTarget, cRoot, cQuad] = ['sentence', 'source', 'target', 'gold_root', 'gold_penta'].map(col);
  const rows: LabelledRow[] = [];
  for (let n = 1; n < lines.length; n++) {
    const cells = lines[n].split('\t');
    const label = cells[cRoot];
    if (!(CLASSES as readonly string[]).includes(label)) throw new DyadError('DATA', `${file}:${n + 1}: unknown gold_root "${label}"`);
    const quad = Number(cells[cQuad]);
    rows.push({ text: cells[cSentence], source: cells[cSource], target: cells[cTarget], label, quad: Number.isFinite(quad) ? quad : undefined });
  }
  return rows;
}

// PLOVER GSR uses some CAMEO-era names; map them onto the PLV classes.
const GSR_LABELS: Record<string, string> = {
  DEMAND: 'REQUEST', FIGHT: 'ASSAULT', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', CONCEDE: 'YIELD', RETREAT: 'YIELD',
};

interface GsrRecord {
  event?: string;
  text?: string;
  textInfo?: { markup?: string } | string;
  source?: Array<{ actorText?: string }> | string;
  target?: Array<{ actorText?: string }> | string;
}

/** Training rows from PLOVER GSR records: the first marked source and target found in the text. */
export function parseGsrJson(content: string): LabelledRow[] {
  const records = JSON.parse(content) as GsrRecord[];
  if (!Array.isArray(records)) throw new DyadError('DATA', 'plover-gsr: expected a JSON array of records');
  const rows: LabelledRow[] = [];
  for (const r of records) {
    if (!r.event || typeof r.text !== 'string') continue;
    const label = GSR_LABELS[r.event] ?? r.event;
    if (!(CLASSES as readonly string[]).includes(label)) continue;
    const markup = typeof r.textInfo === 'string' ? r.textInfo : (r.textInfo?.markup ?? '');
    const marked = (role: 'SRC' | 'TAR'): string => {
      const re = /\((SRC|TAR|SRC\/TAR):\s*([^()]*?)\s*\)/g;
      const found: string[] = [];
      for (let m = re.exec(markup); m; m = re.exec(markup)) {
        if (m[1] === role || m[1] === 'SRC/TAR') found.push(m[2]);
      }
      // With SRC/TAR pairs the first is the source and the second the target.
      const both = [...markup.matchAll(/\(SRC\/TAR:\s*([^()]*?)\s*\)/g)].map((m) => m[1]);
      const pick = role === 'SRC' ? found[0] : both.length >= 2 && !markup.includes('(TAR:') ? both[1] : found.find((f) => !both.includes(f)) ?? found[0];
      if (pick && r.text!.includes(pick)) return pick;
      const actors = role === 'SRC' ? r.source : r.target;
      const text = Array.isArray(actors) ? actors[0]?.actorText : undefined;
      return text && r.text!.includes(text) ? text : '';
    };
    const source = marked('SRC');
    const target = marked('TAR');
    if (!source && !target) continue;
    rows.push({ text: r.text, source, target, label });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Logistic regression.

interface Encoded {
  /** Feature indices per row. */
  x: Int32Array[];
  y: Int32Array;
  /** Score factor per row (lengthFactor of its feature count). */
  scale: Float64Array;
}

function encode(featureLists: string[][], labels: string[], index: Map<string, number>, lengthNorm: number): Encoded {
  const classIndex = new Map(CLASSES.map((c, i) => [c as string, i]));
  const x = featureLists.map((fs) => {
    const ids: number[] = [];
    for (const f of fs) {
      const i = index.get(f);
      if (i !== undefined) ids.push(i);
    }
    return Int32Array.from(ids);
  });
  const y = Int32Array.from(labels.map((l) => classIndex.get(l) ?? -1));
  const scale = Float64Array.from(featureLists.map((fs) => lengthFactor(lengthNorm, fs.length)));
  return { x, y, scale };
}

/**
 * Loss and gradient of L2-regularised softmax cross-entropy over the data (weights: features x classes), against
 * targets smoothed by `smoothing`, with each row's scores multiplied by its scale.
 */
function lossAndGradient(w: Float64Array, data: Encoded, k: number, l2: number, smoothing: number, grad: Float64Array): number {
  grad.fill(0);
  let loss = 0;
  const scores = new Float64Array(k);
  const off = smoothing / k;
  const on = 1 - smoothing + off;
  for (let n = 0; n < data.x.length; n++) {
    const xs = data.x[n];
    const v = data.scale[n];
    scores.fill(0);
    for (let j = 0; j < xs.length; j++) {
      const base = xs[j] * k;
      for (let c = 0; c < k; c++) scores[c] += w[base + c];
    }
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      scores[c] *= v;
      if (scores[c] > max) max = scores[c];
    }
    let z = 0;
    for (let c = 0; c < k; c++) {
      scores[c] = Math.exp(scores[c] - max);
      z += scores[c];
    }
    const y = data.y[n];
    for (let c = 0; c < k; c++) {
      const target = c === y ? on : off;
      if (target > 0) loss -= target * Math.log(scores[c] / z);
      scores[c] = v * (scores[c] / z - target);
    }
    for (let j = 0; j < xs.length; j++) {
      const base = xs[j] * k;
      for (let c = 0; c < k; c++) grad[base + c] += scores[c];
    }
  }
  for (let i = 0; i < w.length; i++) {
    loss += 0.5 * l2 * w[i] * w[i];
    grad[i] += l2 * w[i];
  }
  return loss;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Minimises a smooth convex function by L-BFGS with a backtracking (Armijo) line search. */
function lbfgs(f: (w: Float64Array, g: Float64Array) => number, w: Float64Array, iterations: number, memory = 10): Float64Array {
  const n = w.length;
  let g = new Float64Array(n);
  let fx = f(w, g);
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const rhos: number[] = [];
  const d = new Float64Array(n);
  const alpha = new Float64Array(memory);
  for (let it = 0; it < iterations; it++) {
    // Two-loop recursion: d = -H g.
    d.set(g);
    for (let i = ss.length - 1; i >= 0; i--) {
      alpha[i] = rhos[i] * dot(ss[i], d);
      const y = ys[i];
      for (let j = 0; j < n; j++) d[j] -= alpha[i] * y[j];
    }
    if (ss.length) {
      const last = ss.length - 1;
      const gamma = dot(ss[last], ys[last]) / dot(ys[last], ys[last]);
      for (let j = 0; j < n; j++) d[j] *= gamma;
    }
    for (let i = 0; i < ss.length; i++) {
      const beta = rhos[i] * dot(ys[i], d);
      const s = ss[i];
      for (let j = 0; j < n; j++) d[j] += s[j] * (alpha[i] - beta);
    }
    for (let j = 0; j < n; j++) d[j] = -d[j];
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction: restart from the gradient.
      for (let j = 0; j < n; j++) d[j] = -g[j];
      slope = dot(g, d);
      ss.length = ys.length = rhos.length = 0;
    }
    let step = it === 0 && !ss.length ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : 1;
    const next = new Float64Array(n);
    const gNext = new Float64Array(n);
    let fNext = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < n; j++) next[j] = w[j] + step * d[j];
      fNext = f(next, gNext);
      if (fNext <= fx + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNext < fx)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      s[j] = next[j] - w[j];
      y[j] = gNext[j] - g[j];
    }
    const sy = dot(s, y);
    if (sy > 1e-10) {
      ss.push(s);
      ys.push(y);
      rhos.push(1 / sy);
      if (ss.length > memory) {
        ss.shift();
        ys.shift();
        rhos.shift();
      }
    }
    const improvement = fx - fNext;
    w = next;
    g = gNext;
    fx = fNext;
    if (improvement < 1e-7 * Math.max(1, Math.abs(fx))) break;
  }
  return w;
}

export interface TrainedWeights {
  features: string[];
  /** features.length x CLASSES.length, row-major. */
  weights: Float64Array;
  /** As ClassifierModel.lengthNorm. */
  lengthNorm: number;
}

/** Fits the model to already-extracted feature lists. */
export function fitFeatures(featureLists: string[][], labels: string[], hyper: Hyperparameters): TrainedWeights {
  const counts = new Map<string, number>();
  for (const fs of featureLists) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const features = [...counts.keys()].filter((f) => counts.get(f)! >= hyper.minCount || f === 'bias').sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const lengthNorm = hyper.lengthNorm ?? 0;
  const data = encode(featureLists, labels, index, lengthNorm);
  if (data.y.some((y) => y < 0)) throw new DyadError('DATA', 'training rows carry a label outside the PLV classes');
  const k = CLASSES.length;
  const w0 = new Float64Array(features.length * k);
  const weights = lbfgs((w, g) => lossAndGradient(w, data, k, hyper.l2, hyper.smoothing ?? 0, g), w0, hyper.iterations);
  return { features, weights, lengthNorm };
}

export interface TrainingOptions {
  hyper?: Hyperparameters;
  lexicon?: EventLexicon;
}

/** Trains on labelled rows and returns a ready model (no header beyond what training knows). */
export function trainClassifier(rows: LabelledRow[], options: TrainingOptions = {}): ClassifierModel {
  const lexicon = options.lexicon ?? loadEventLexicon();
  const hyper = options.hyper ?? DEFAULT_HYPERPARAMETERS;
  const ctx = createFeatureContext(lexicon);
  const lists = rows.map((r) => extractFeatures(r, ctx).features);
  const fit = fitFeatures(lists, rows.map((r) => r.label), hyper);
  return classifierFromWeights(fit.features, fit.weights, lexicon, null, fit.lengthNorm);
}

/**
 * The model file contents for trained weights: features whose weights are all below `prune` are dropped (cross-
 * validation shows no loss at 0.03), and weights are stored as integers in thousandths to keep the file small.
 */
export function toModelFile(fit: TrainedWeights, header: ModelFile['header'], prune = 0.03): ModelFile {
  const k = CLASSES.length;
  const scale = 1000;
  const weights: Record<string, number[]> = {};
  for (let i = 0; i < fit.features.length; i++) {
    const row = Array.from(fit.weights.subarray(i * k, (i + 1) * k));
    if (Math.max(...row.map(Math.abs)) < prune && fit.features[i] !== 'bias') continue;
    weights[fit.features[i]] = row.map((v) => Math.round(v * scale));
  }
  return { header, classes: [...CLASSES], scale, ...(fit.lengthNorm > 0 ? { lengthNorm: fit.lengthNorm } : {}), weights };
}

/** The model file as text: the header pretty-printed, then one feature per line (readable diffs). */
export function formatModelFile(file: ModelFile): string {
  const header = JSON.stringify(file.header, null, 2).replace(/\n/g, '\n  ');
  const rows = Object.entries(file.weights).map(([f, w]) => `    ${JSON.stringify(f)}: [${w.join(',')}]`);
  const norm = file.lengthNorm ? `  "lengthNorm": ${file.lengthNorm},\n` : '';
  return `{\n  "header": ${header},\n  "classes": ${JSON.stringify(file.classes)},\n  "scale": ${file.scale ?? 1},\n${norm}  "weights": {\n${rows.join(',\n')}\n  }\n}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Cross-validation.

/** A deterministic pseudo-random generator (mulberry32), so folds are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold number of each row, stratified by label. */
export function stratifiedFolds(labels: string[], folds: number, seed: number): number[] {
  const random = rng(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byLabel.get(l);
    if (list) list.push(i);
    else byLabel.set(l, [i]);
  });
  const fold = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const idx = byLabel.get(label)!;
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    idx.forEach((row, n) => (fold[row] = (n + offset) % folds));
    offset += idx.length;
  }
  return fold;
}

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
  quadAccuracy: number;
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  /** confusion[gold][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
}

export function score(gold: string[], predicted: string[], goldQuad: Array<number | undefined>, predictedQuad: number[]): Scores {
  const confusion: Record<string, Record<string, number>> = {};
  for (const c of CLASSES) confusion[c] = Object.fromEntries(CLASSES.map((p) => [p, 0]));
  let correct = 0;
  let quadRight = 0;
  let quadN = 0;
  gold.forEach((g, i) => {
    confusion[g][predicted[i]]++;
    if (g === predicted[i]) correct++;
    const gq = goldQuad[i] ?? QUAD_OF_CLASS[g];
    quadN++;
    if (gq === predictedQuad[i]) quadRight++;
  });
  const perClass: Scores['perClass'] = {};
  let f1Sum = 0;
  let present = 0;
  for (const c of CLASSES) {
    const tp = confusion[c][c];
    const support = Object.values(confusion[c]).reduce((a, b) => a + b, 0);
    const predictedN = CLASSES.reduce((a, g) => a + confusion[g][c], 0);
    const precision = predictedN ? tp / predictedN : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[c] = { precision, recall, f1, support };
    if (support) {
      f1Sum += f1;
      present++;
    }
  }
  return {
    n: gold.length,
    accuracy: correct / gold.length,
    macroF1: present ? f1Sum / present : 0,
    quadAccuracy: quadN ? quadRight / quadN : 0,
    perClass,
    confusion,
  };
}

export interface CrossValidationOptions {
  /** Rows that are always in training and never scored (e.g. PLOVER GSR). */
  extra?: LabelledRow[];
  /** Fixed hyperparameters; otherwise chosen per outer fold by inner cross-validation on its training rows. */
  hyper?: Hyperparameters;
  /** Candidate hyperparameters for the inner search. */
  grid?: Hyperparameters[];
  innerFolds?: number;
  lexicon?: EventLexicon;
  /** Progress lines (fold results); silent when absent. */
  log?: (line: string) => void;
}

export interface CrossValidationResult extends Scores {
  folds: number;
  seed: number;
  /** Prediction throughput (feature extraction + scoring), sentences per second on this core. */
  sentencesPerSecond: number;
  /** Hyperparameters chosen in each outer fold. */
  chosen: Hyperparameters[];
  predictions: string[];
}

// The accuracy surface is flat between l2 0.1 and 1 and for minCount 1 or 2; a small grid keeps the inner
// choice from chasing noise.
export const DEFAULT_GRID: Hyperparameters[] = [0.2, 0.3, 0.5].map((l2) => ({ ...DEFAULT_HYPERPARAMETERS, l2 }));

function accuracyOf(lists: string[][], labels: string[], train: number[], test: number[], hyper: Hyperparameters, lexicon: EventLexicon): number {
  const fit = fitFeatures(train.map((i) => lists[i]), train.map((i) => labels[i]), hyper);
  const model = classifierFromWeights(fit.features, fit.weights, lexicon, null, fit.lengthNorm);
  let right = 0;
  for (const i of test) if (scoreFeatures(model, lists[i]) === labels[i]) right++;
  return right / test.length;
}

function scoreFeatures(model: ClassifierModel, features: string[]): string {
  const k = CLASSES.length;
  const s = new Float64Array(k);
  for (const f of features) {
    const row = model.index.get(f);
    if (row === undefined) continue;
    for (let c = 0; c < k; c++) s[c] += model.weights[row * k + c];
  }
  // The length factor is positive and the same for every class: it cannot change the argmax.
  let best = 0;
  for (let c = 1; c < k; c++) if (s[c] > s[best]) best = c;
  return CLASSES[best];
}

/** Hyperparameters with the best inner cross-validated accuracy on the given rows. */
export function selectHyperparameters(
  lists: string[][],
  labels: string[],
  rows: number[],
  extraRows: number[],
  grid: Hyperparameters[],
  folds: number,
  seed: number,
  lexicon: EventLexicon,
): Hyperparameters {
  const fold = stratifiedFolds(rows.map((i) => labels[i]), folds, seed + 7);
  let best = grid[0];
  let bestAcc = -1;
  for (const hyper of grid) {
    let right = 0;
    for (let f = 0; f < folds; f++) {
      const train = [...rows.filter((_, n) => fold[n] !== f), ...extraRows];
      const test = rows.filter((_, n) => fold[n] === f);
      right += accuracyOf(lists, labels, train, test, hyper, lexicon) * test.length;
    }
    const acc = right / rows.length;
    if (acc > bestAcc) {
      bestAcc = acc;
      best = hyper;
    }
  }
  return best;
}

/**
 * k-fold cross-validation on PLV rows: each row is scored by a model that never saw it; `extra` rows (GSR) are
 * added to every fold's training. Hyperparameters come from inner cross-validation on the fold's training rows
 * unless fixed.
 */
export function crossValidatePlv(rows: LabelledRow[], folds = 5, seed = 1, options: CrossValidationOptions = {}): CrossValidationResult {
  if (rows.length < folds) throw new DyadError('USAGE', `cross-validation needs at least ${folds} rows, got ${rows.length}`);
  const lexicon = options.lexicon ?? loadEventLexicon();
  const ctx = createFeatureContext(lexicon);
  const extra = options.extra ?? [];
  const all = [...rows, ...extra];
  const lists = all.map((r) => extractFeatures(r, ctx).features);
  const labels = all.map((r) => r.label);
  const extraIdx = extra.map((_, i) => rows.length + i);
  const fold = stratifiedFolds(rows.map((r) => r.label), folds, seed);
  const predictions = new Array<string>(rows.length);
  const predictedQuads = new Array<number>(rows.length);
  const chosen: Hyperparameters[] = [];
  let last: ClassifierModel | null = null;
  for (let f = 0; f < folds; f++) {
    const trainRows = rows.map((_, i) => i).filter((i) => fold[i] !== f);
    const testRows = rows.map((_, i) => i).filter((i) => fold[i] === f);
    const hyper =
      options.hyper ??
      selectHyperparameters(lists, labels, trainRows, extraIdx, options.grid ?? DEFAULT_GRID, options.innerFolds ?? 3, seed + f, lexicon);
    chosen.push(hyper);
    const train = [...trainRows, ...extraIdx];
    const fit = fitFeatures(train.map((i) => lists[i]), train.map((i) => labels[i]), hyper);
    const model = classifierFromWeights(fit.features, fit.weights, lexicon, null, fit.lengthNorm);
    last = model;
    for (const i of testRows) {
      const p = predict(model, rows[i]);
      predictions[i] = p.root;
      predictedQuads[i] = p.quad;
    }
    const right = testRows.filter((i) => predictions[i] === rows[i].label).length;
    options.log?.(`fold ${f + 1}/${folds}: accuracy ${(right / testRows.length).toFixed(3)} (l2=${hyper.l2}, minCount=${hyper.minCount})`);
  }
  const scores = score(rows.map((r) => r.label), predictions, rows.map((r) => r.quad), predictedQuads);
  return { ...scores, folds, seed, sentencesPerSecond: throughput(last!, rows), chosen, predictions };
}

/** Sentences per second of predict() with explanations, after a warm-up pass (speed only; accuracy is not read). */
export function throughput(model: ClassifierModel, rows: readonly RelationInput[]): number {
  for (const r of rows.slice(0, 200)) predict(model, r);
  const t0 = performance.now();
  for (const r of rows) predict(model, r);
  return rows.length / ((performance.now() - t0) / 1000);
}
