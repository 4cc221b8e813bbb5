// The learned relation classifier: the shipped weights load and decide sentences written here (not from PLV),
// explanations name the deciding features, bad input fails clearly, training learns, and cross-validation never
// scores a row with a model that saw it. The PLV figure itself is checked when ../shared/eval is present.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DyadError } from '../src/core/errors.js';
import { dataPath } from '../src/core/paths.js';
import { classifierFromWeights, createFeatureContext, loadClassifierModel, modelFromFile, predict, type ModelFile } from '../src/stages/events/model/model.js';
import { extractFeatures } from '../src/stages/events/model/features.js';
import { loadEventLexicon } from '../src/lexicons/events.js';
import {
  crossValidatePlv,
  fitFeatures,
  formatModelFile,
  parseGsrJson,
  parsePlvTsv,
  stratifiedFolds,
  toModelFile,
  trainClassifier,
  type LabelledRow,
} from '../scripts/classifier-training.js';

const model = loadClassifierModel();

describe('shipped classifier model', () => {
  it('loads once, with a header that says what it is and how well it cross-validated', () => {
    expect(loadClassifierModel()).toBe(model);
    const h = model.header!;
    expect(h.what).toMatch(/logistic regression/);
    expect(h.trainedOn.join(' ')).toMatch(/PLV_train/);
    expect(h.cvAccuracy.rootAccuracy).toBeGreaterThan(0.8);
    expect(model.names.length).toBeGreaterThan(1000);
    expect(statSync(dataPath('models/plover-classifier.json')).size).toBeLessThan(2_000_000);
  });

  const cases: Array<[string, string, string, string]> = [
    ['Police arrested the opposition leader at his home in the capital on Friday.', 'Police', 'the opposition leader', 'COERCE'],
    ['France condemned Iran over its latest missile test.', 'France', 'Iran', 'ACCUSE'],
    ['Russian warplanes bombed rebel positions near the city overnight.', 'Russian warplanes', 'rebel positions', 'ASSAULT'],
    ['President Macron met Chancellor Scholz in Berlin on Monday to discuss energy prices.', 'President Macron', 'Chancellor Scholz', 'CONSULT'],
    ["The government rejected the rebels' proposal for a ceasefire.", 'The government', 'the rebels', 'REJECT'],
    ['Thousands of workers protested against the new labour law in Paris.', 'Thousands of workers', 'the new labour law', 'PROTEST'],
    ['North Korea threatened to strike South Korea if the drills go ahead.', 'North Korea', 'South Korea', 'THREATEN'],
    ['The president praised the army for its handling of the floods.', 'The president', 'the army', 'SUPPORT'],
    ['Japan pledged $20 million in humanitarian aid to Sudan.', 'Japan', 'Sudan', 'AID'],
  ];
  it.each(cases)('codes "%s"', (text, source, target, expected) => {
    const p = predict(model, { text, source, target });
    expect(p.event).toBe(expected);
    expect(p.root).toBe(expected);
    expect(p.confidence).toBeGreaterThan(0.5);
    expect(p.quad).toBe({ AGREE: 1, CONSULT: 1, SUPPORT: 1, AID: 2, REJECT: 3, ACCUSE: 3, THREATEN: 3 }[expected] ?? 4);
  });

  it('turns a YIELD into RETREAT with its mode when the verb is a release', () => {
    const p = predict(model, { text: 'The kidnappers released two aid workers on Tuesday, officials said.', source: 'The kidnappers', target: 'two aid workers' });
    expect(p.root).toBe('YIELD');
    expect(p.event).toBe('RETREAT');
    expect(p.mode).toBe('release');
    expect(p.cameo).toBe('08');
  });

  it('explains a decision by the features that favoured it, and gives a probability to every class', () => {
    const p = predict(model, { text: 'France condemned Iran over its latest missile test.', source: 'France', target: 'Iran' });
    expect(p.topFeatures.length).toBeGreaterThan(0);
    expect(p.topFeatures.length).toBeLessThanOrEqual(5);
    for (const f of p.topFeatures) expect(f.weight).toBeGreaterThan(0);
    // The verb decided it: its cue class or its stem is among the reasons.
    expect(p.topFeatures.some((f) => /ACCUSE|condemn/.test(f.feature))).toBe(true);
    const total = Object.values(p.scores).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 1);
    expect(Object.keys(p.scores)).toHaveLength(15);
    expect(predict(model, { text: 'France condemned Iran.', source: 'France', target: 'Iran' }, 0).topFeatures).toEqual([]);
  });

  it('reads the direction and negation from the sentence, not just its words', () => {
    const f = extractFeatures(
      { text: 'Iran was not invited by France, the ministry said.', source: 'France', target: 'Iran' },
      createFeatureContext(loadEventLexicon()),
    ).features;
    expect(f).toContain('order:tgt-first');
    expect(f).toContain('neg');
    expect(f).toContain('rbetween:invit');
  });

  it('still answers when source or target are not in the text', () => {
    const p = predict(model, { text: 'Troops shelled the town overnight.', source: 'An actor', target: 'a recipient' });
    expect(p.root).toBeTypeOf('string');
    const f = extractFeatures({ text: 'Troops shelled the town.', source: 'X', target: 'Y' }, model.ctx).features;
    expect(f).toContain('nosrc');
    expect(f).toContain('notgt');
  });

  it('rejects bad input with a message naming the problem', () => {
    const bad = (input: unknown) => () => predict(model, input as never);
    expect(bad({ text: 5, source: 'a', target: 'b' })).toThrow(DyadError);
    expect(bad({ text: 5, source: 'a', target: 'b' })).toThrow(/"text"/);
    expect(bad({ text: 'France met Iran.', target: 'Iran' })).toThrow(/"source"/);
    expect(bad({ text: '   ', source: 'a', target: 'b' })).toThrow(/non-empty/);
    expect(bad(null)).toThrow(/object/);
  });

  it('rejects a malformed model file', () => {
    const lex = loadEventLexicon();
    expect(() => modelFromFile({ header: {} } as unknown as ModelFile, lex)).toThrow(/expected \{header, classes, weights\}/);
    expect(() => modelFromFile({ header: {} as never, classes: ['AGREE'], weights: {} }, lex)).toThrow(/classes must be/);
    const file = JSON.parse(readFileSync(dataPath('models/plover-classifier.json'), 'utf8')) as ModelFile;
    expect(() => modelFromFile({ ...file, weights: { bias: [1, 2] } }, lex)).toThrow(/needs 15 weights/);
  });
});

describe('training', () => {
  // Two easy classes in sentences written for this test.
  const rows: LabelledRow[] = [];
  const names = ['Chad', 'Peru', 'Laos', 'Fiji', 'Oman', 'Mali', 'Cuba', 'Iraq', 'Togo', 'Niue'];
  for (let i = 0; i < names.length; i++) {
    const a = names[i];
    const b = names[(i + 3) % names.length];
    rows.push({ text: `${a} praised ${b} for its help.`, source: a, target: b, label: 'SUPPORT' });
    rows.push({ text: `${a} bombed ${b} overnight.`, source: a, target: b, label: 'ASSAULT' });
  }

  it('learns from labelled rows and generalises to new names', () => {
    const m = trainClassifier(rows, { hyper: { l2: 0.3, minCount: 1, iterations: 100 } });
    expect(predict(m, { text: 'Gabon praised Nepal for its help.', source: 'Gabon', target: 'Nepal' }).root).toBe('SUPPORT');
    expect(predict(m, { text: 'Gabon bombed Nepal overnight.', source: 'Gabon', target: 'Nepal' }).root).toBe('ASSAULT');
  });

  it('writes a model file that decides like the fitted weights', () => {
    const lex = loadEventLexicon();
    const ctx = createFeatureContext(lex);
    const lists = rows.map((r) => extractFeatures(r, ctx).features);
    const fit = fitFeatures(lists, rows.map((r) => r.label), { l2: 0.3, minCount: 1, iterations: 100 });
    const text = formatModelFile(toModelFile(fit, { what: 't', trainedOn: [], date: '', features: '', hyperparameters: {}, cvAccuracy: {} }, 0));
    const m = modelFromFile(JSON.parse(text) as ModelFile, lex);
    const p = predict(m, { text: 'Gabon bombed Nepal overnight.', source: 'Gabon', target: 'Nepal' });
    expect(p.root).toBe('ASSAULT');
  });

  it('keeps the length scaling in the model file, so shipped scores match the fitted ones', () => {
    const lex = loadEventLexicon();
    const ctx = createFeatureContext(lex);
    const lists = rows.map((r) => extractFeatures(r, ctx).features);
    const fit = fitFeatures(lists, rows.map((r) => r.label), { l2: 0.3, minCount: 1, iterations: 100, smoothing: 0.1, lengthNorm: 60 });
    expect(fit.lengthNorm).toBe(60);
    const file = toModelFile(fit, { what: 't', trainedOn: [], date: '', features: '', hyperparameters: {}, cvAccuracy: {} }, 0);
    const m = modelFromFile(JSON.parse(formatModelFile(file)) as ModelFile, lex);
    expect(m.lengthNorm).toBe(60);
    const input = { text: 'Gabon bombed Nepal overnight.', source: 'Gabon', target: 'Nepal' };
    const shipped = predict(m, input);
    const fitted = predict(classifierFromWeights(fit.features, fit.weights, lex, null, 60), input);
    expect(shipped.root).toBe('ASSAULT');
    expect(shipped.confidence).toBeCloseTo(fitted.confidence, 2);
    // Without the scaling the same weights give other probabilities: the field is not decoration.
    expect(predict(classifierFromWeights(fit.features, fit.weights, lex, null, 0), input).confidence).not.toBeCloseTo(fitted.confidence, 2);
    expect(() => modelFromFile({ ...file, lengthNorm: -1 }, lex)).toThrow(/lengthNorm/);
  });

  it('makes stratified, deterministic folds that cover every row once', () => {
    const labels = rows.map((r) => r.label);
    const a = stratifiedFolds(labels, 5, 7);
    expect(stratifiedFolds(labels, 5, 7)).toEqual(a);
    for (let f = 0; f < 5; f++) {
      const inFold = labels.filter((_, i) => a[i] === f);
      expect(inFold.filter((l) => l === 'SUPPORT')).toHaveLength(2);
    }
  });

  it('never scores a row with a model trained on it', () => {
    // Each sentence is unique and its label is arbitrary: only a model that saw the row could get it right.
    const noise: LabelledRow[] = Array.from({ length: 60 }, (_, i) => ({
      text: `Zorb${i} visited Quax${i} at Plim${i}.`,
      source: `Zorb${i}`,
      target: `Quax${i}`,
      label: i % 2 ? 'AGREE' : 'REJECT',
    }));
    const cv = crossValidatePlv(noise, 5, 1, { hyper: { l2: 0.1, minCount: 1, iterations: 100 } });
    expect(cv.n).toBe(60);
    expect(cv.accuracy).toBeLessThan(0.75);
    // The same rows scored by a model fitted to them are nearly all right: the test can tell the difference.
    const fitted = trainClassifier(noise, { hyper: { l2: 0.1, minCount: 1, iterations: 100 } });
    const seen = noise.filter((r) => predict(fitted, r, 0).root === r.label).length;
    expect(seen / noise.length).toBeGreaterThan(0.9);
  });
});

describe('data readers', () => {
  it('reads PLV rows by column name, whatever the column order', () => {
    const tsv = 'gold_penta\tsentence\t\tsource\ttarget\tgold_root\n3\tA blamed B.\t0\tA\tB\tACCUSE\n';
    expect(parsePlvTsv(tsv)).toEqual([{ text: 'A blamed B.', source: 'A', target: 'B', label: 'ACCUSE', quad: 3 }]);
    expect(() => parsePlvTsv('sentence\tsource\n')).toThrow(/no column "target"/);
    expect(() => parsePlvTsv('sentence\tsource\ttarget\tgold_root\tgold_penta\nx\ta\tb\tFOO\t1\n')).toThrow(/unknown gold_root "FOO"/);
  });

  it('reads GSR records: marked source and target, old type names mapped, documentation records skipped', () => {
    const json = JSON.stringify([
      { event: 'DOCUMENT', text: 'x' },
      { event: 'DEMAND', text: 'Serbia demanded a meeting of the Council.', textInfo: { markup: '(SRC: Serbia) (EVT: demanded) a meeting of the (TAR: Council).' } },
      { event: 'RETREAT', text: 'The minister will resign.', textInfo: '(SRC: The minister) (EVT: will resign).', source: [{ actorText: 'The minister' }] },
    ]);
    expect(parseGsrJson(json)).toEqual([
      { text: 'Serbia demanded a meeting of the Council.', source: 'Serbia', target: 'Council', label: 'REQUEST' },
      { text: 'The minister will resign.', source: 'The minister', target: '', label: 'YIELD' },
    ]);
  });
});

const plvFile = resolve(process.cwd(), '..', 'shared', 'eval', 'plv', 'PLV_train.tsv');
const gsrFile = resolve(process.cwd(), '..', 'shared', 'eval', 'plover-gsr', 'dev.json');
describe.skipIf(!existsSync(plvFile))('PLV cross-validation (needs ../shared/eval; skipped when absent)', () => {
  it('reaches the issue-3 figures out of fold, at thousands of sentences a second', () => {
    const plv = parsePlvTsv(readFileSync(plvFile, 'utf8'));
    const gsr = existsSync(gsrFile) ? parseGsrJson(readFileSync(gsrFile, 'utf8')) : [];
    expect(plv).toHaveLength(1050);
    // Fixed hyperparameters keep this test fast; the training script reports the nested figure.
    const cv = crossValidatePlv(plv, 5, 1, { extra: gsr, hyper: { l2: 0.3, minCount: 1, iterations: 150 } });
    expect(cv.accuracy).toBeGreaterThan(0.84);
    expect(cv.macroF1).toBeGreaterThan(0.8);
    expect(cv.quadAccuracy).toBeGreaterThan(0.91);
    expect(cv.sentencesPerSecond).toBeGreaterThan(2000);
  }, 120_000);
});


