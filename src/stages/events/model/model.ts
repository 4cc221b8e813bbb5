// The learned relation classifier at prediction time: weights loaded once from data/models/plover-classifier.json,
// then predict() scores the features of (text, source, target) and names the features that decided it.
import { readFileSync } from 'node:fs';
import { DyadError } from '../../../core/errors.js';
import { dataPath } from '../../../core/paths.js';
import type { EventLexicon } from '../../../lexicons/events.js';
import { loadEventLexicon } from '../../../lexicons/events.js';
import { codeEvent, type PloverType } from '../../../ontology/index.js';
import { extractFeatures, parseCues, type FeatureContext, type RelationInput } from './features.js';
import { createStemmer } from './stem.js';

/** The classes the model predicts: PLOVER types with CONCEDE and RETREAT merged as YIELD (as PLV scores them). */
export const CLASSES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'YIELD', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST',
  'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type ModelClass = (typeof CLASSES)[number];

export const QUAD_OF_CLASS: Record<string, number> = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, COOPERATE: 2, AID: 2, YIELD: 2, REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3,
  PROTEST: 4, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
};

// Stems (as features.ts writes them) of verbs that make a YIELD a RETREAT, with the RETREAT mode.
const RETREAT_VERBS = new Map<string, string>([
  ['releas', 'release'], ['free', 'release'], ['withdraw', 'withdraw'], ['pull', 'withdraw'], ['retreat', 'withdraw'],
  ['evacuat', 'withdraw'], ['resign', 'resign'], ['step', 'resign'], ['disarm', 'disarm'], ['demobiliz', 'disarm'],
  ['demobilis', 'disarm'], ['reopen', 'access'], ['allow', 'access'], ['permit', 'access'],
]);

export interface ModelHeader {
  what: string;
  trainedOn: string[];
  date: string;
  features: string;
  hyperparameters: Record<string, number>;
  cvAccuracy: Record<string, number | string>;
  [key: string]: unknown;
}

/** The JSON file: a header, the class order, and per feature one weight per class (divided by `scale`). */
export interface ModelFile {
  header: ModelHeader;
  classes: string[];
  /** Stored weights are integers: the real weight is the number divided by scale (1 when absent). */
  scale?: number;
  /** When set, a sentence's class scores are multiplied by sqrt(lengthNorm / its number of features). */
  lengthNorm?: number;
  weights: Record<string, number[]>;
}

export interface ClassifierModel {
  header: ModelHeader | null;
  /** Feature name -> row in `weights`. */
  index: Map<string, number>;
  names: string[];
  /** names.length x CLASSES.length, row-major. */
  weights: Float64Array;
  /**
   * Scores are multiplied by sqrt(lengthNorm / number of features of the sentence) (0: not scaled), so long
   * sentences, which fire many weak features, do not get overconfident sums.
   */
  lengthNorm: number;
  /** Lexicon, stemmer and cue words the features are computed with. */
  ctx: FeatureContext;
}

export interface FeatureContribution {
  feature: string;
  /** How much the feature pushed the chosen class above the runner-up (log-odds). */
  weight: number;
}

export interface Prediction {
  /** PLOVER type (YIELD resolved to CONCEDE or RETREAT). */
  event: PloverType;
  /** The PLV class (CONCEDE and RETREAT merged as YIELD). */
  root: ModelClass;
  mode: string | null;
  /**
   * The quad with the most probability mass over all classes. Usually the event's own quad; it differs when the
   * classes of another quad together outweigh the top class (then the quad is the safer answer).
   */
  quad: number;
  cameo: string;
  /** Probability of the chosen class. */
  confidence: number;
  /** Probability of every class. */
  scores: Record<string, number>;
  /** The features that most favoured the chosen class over the runner-up. */
  topFeatures: FeatureContribution[];
  negated: boolean;
  hypothetical: boolean;
  future: boolean;
  /** The lexicon phrase that agrees with the prediction, when there is one. */
  trigger: { text: string; pattern: string; at: string } | null;
}

export function classifierFromWeights(
  names: string[],
  weights: Float64Array,
  lexicon: EventLexicon,
  header: ModelHeader | null = null,
  lengthNorm = 0,
): ClassifierModel {
  if (weights.length !== names.length * CLASSES.length) throw new DyadError('DATA', 'classifier weights do not match its features and classes');
  return { header, index: new Map(names.map((f, i) => [f, i])), names, weights, lengthNorm, ctx: createFeatureContext(lexicon) };
}

/** The factor a sentence's summed weights are multiplied by (see ClassifierModel.lengthNorm). */
export function lengthFactor(lengthNorm: number, featureCount: number): number {
  return lengthNorm > 0 && featureCount > 0 ? Math.sqrt(lengthNorm / featureCount) : 1;
}

const CUES_FILE = 'data/models/plover-cues.tsv';
let cueText: string | null = null;
const contexts = new WeakMap<EventLexicon, FeatureContext>();

/** The feature context for a lexicon (stemmer and cue words built once per lexicon). */
export function createFeatureContext(lexicon: EventLexicon): FeatureContext {
  let ctx = contexts.get(lexicon);
  if (!ctx) {
    if (cueText === null) {
      try {
        cueText = readFileSync(dataPath('models/plover-cues.tsv'), 'utf8');
      } catch {
        throw new DyadError('DATA', `${CUES_FILE} is missing`);
      }
    }
    const stem = createStemmer(lexicon);
    ctx = { lexicon, stem, cues: parseCues(cueText, stem, CUES_FILE) };
    contexts.set(lexicon, ctx);
  }
  return ctx;
}

/** A model from the parsed JSON file, checked. */
export function modelFromFile(file: ModelFile, lexicon: EventLexicon = loadEventLexicon(), where = 'classifier model'): ClassifierModel {
  if (!file || typeof file !== 'object' || !file.weights || !Array.isArray(file.classes)) {
    throw new DyadError('DATA', `${where}: expected {header, classes, weights}`);
  }
  const k = CLASSES.length;
  // Class order in the file may differ; map it onto ours.
  const order = CLASSES.map((c) => file.classes.indexOf(c));
  if (order.some((i) => i < 0)) throw new DyadError('DATA', `${where}: classes must be ${CLASSES.join(', ')}`);
  const scale = file.scale ?? 1;
  if (!(scale > 0)) throw new DyadError('DATA', `${where}: "scale" must be a positive number`);
  const lengthNorm = file.lengthNorm ?? 0;
  if (!(typeof lengthNorm === 'number' && lengthNorm >= 0)) throw new DyadError('DATA', `${where}: "lengthNorm" must be a number >= 0`);
  const names = Object.keys(file.weights);
  const weights = new Float64Array(names.length * k);
  names.forEach((f, i) => {
    const row = file.weights[f];
    if (!Array.isArray(row) || row.length !== file.classes.length) throw new DyadError('DATA', `${where}: feature "${f}" needs ${file.classes.length} weights`);
    for (let c = 0; c < k; c++) weights[i * k + c] = row[order[c]] / scale;
  });
  return classifierFromWeights(names, weights, lexicon, file.header, lengthNorm);
}

let cached: ClassifierModel | null = null;

/** The shipped model (data/models/plover-classifier.json), loaded once. */
export function loadClassifierModel(): ClassifierModel {
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(dataPath('models/plover-classifier.json'), 'utf8');
  } catch {
    throw new DyadError('DATA', 'data/models/plover-classifier.json is missing: run `npm run train` to build it');
  }
  cached = modelFromFile(JSON.parse(text) as ModelFile, loadEventLexicon(), 'data/models/plover-classifier.json');
  return cached;
}

function checkInput(input: RelationInput): void {
  if (!input || typeof input !== 'object') throw new DyadError('INPUT', 'classify needs an object with "text", "source" and "target"');
  for (const key of ['text', 'source', 'target'] as const) {
    if (typeof input[key] !== 'string') throw new DyadError('INPUT', `classify needs "${key}" as a string, got ${input[key] === undefined ? 'nothing' : typeof input[key]}`);
  }
  if (!input.text.trim()) throw new DyadError('INPUT', 'classify needs a non-empty "text"');
}

/** The PLOVER type of what `source` does to `target` in `text`, with the features that decided it. */
export function predict(model: ClassifierModel, input: RelationInput, explain = 5): Prediction {
  checkInput(input);
  const k = CLASSES.length;
  const extracted = extractFeatures(input, model.ctx);
  const rows: number[] = [];
  const s = new Float64Array(k);
  for (const f of extracted.features) {
    const row = model.index.get(f);
    if (row === undefined) continue;
    rows.push(row);
    for (let c = 0; c < k; c++) s[c] += model.weights[row * k + c];
  }
  const factor = lengthFactor(model.lengthNorm, extracted.features.length);
  if (factor !== 1) for (let c = 0; c < k; c++) s[c] *= factor;
  let best = 0;
  for (let c = 1; c < k; c++) if (s[c] > s[best]) best = c;
  let second = best === 0 ? 1 : 0;
  for (let c = 0; c < k; c++) if (c !== best && s[c] > s[second]) second = c;
  let z = 0;
  const p = new Float64Array(k);
  for (let c = 0; c < k; c++) z += p[c] = Math.exp(s[c] - s[best]);
  const scores: Record<string, number> = {};
  for (let c = 0; c < k; c++) scores[CLASSES[c]] = Math.round((p[c] / z) * 1000) / 1000;

  // The quad with the most probability mass: several related classes can outvote a single top class.
  const quadMass = [0, 0, 0, 0, 0];
  for (let c = 0; c < k; c++) quadMass[QUAD_OF_CLASS[CLASSES[c]]] += p[c] / z;
  let quad = 1;
  for (let q = 2; q <= 4; q++) if (quadMass[q] > quadMass[quad]) quad = q;
  const root = CLASSES[best];
  // YIELD is two PLOVER types: the one the lexicon saw; else RETREAT when the verb is a retreat verb
  // (release, withdraw, resign...), with its mode; else CONCEDE.
  let event: PloverType;
  let retreatMode: string | null = null;
  if (root === 'YIELD') {
    const y = extracted.triggers.find((t) => t.entry.event === 'RETREAT' || t.entry.event === 'CONCEDE');
    if (y) event = y.entry.event as PloverType;
    else {
      for (const f of extracted.features) {
        if (!f.startsWith('after1:') && !f.startsWith('after2:')) continue;
        retreatMode = RETREAT_VERBS.get(f.slice(7)) ?? null;
        if (retreatMode) break;
      }
      event = retreatMode ? 'RETREAT' : 'CONCEDE';
    }
  } else event = root;
  const agreeing = extracted.triggers.find((t) => t.entry.event === event) ?? null;
  const coding = codeEvent(event, agreeing?.entry.mode ?? retreatMode);

  let topFeatures: FeatureContribution[] = [];
  if (explain > 0) {
    topFeatures = rows
      .map((row) => ({ feature: model.names[row], weight: factor * (model.weights[row * k + best] - model.weights[row * k + second]) }))
      .filter((c) => c.weight > 0 && c.feature !== 'bias')
      .sort((a, b) => b.weight - a.weight)
      .slice(0, explain)
      .map((c) => ({ feature: c.feature, weight: Math.round(c.weight * 1000) / 1000 }));
  }

  let trigger: Prediction['trigger'] = null;
  if (agreeing) {
    const { tokens } = extracted;
    trigger = { text: input.text.slice(tokens[agreeing.first].start, tokens[agreeing.last].end), pattern: agreeing.entry.pattern, at: agreeing.entry.at };
  }

  return {
    event,
    root,
    mode: coding.mode,
    quad,
    cameo: coding.cameo,
    confidence: scores[root],
    scores,
    topFeatures,
    negated: extracted.negated,
    hypothetical: extracted.hypothetical,
    future: extracted.future,
    trigger,
  };
}
