// Trains the named-entity tagger (src/stages/ner) on CoNLL-2003 eng.train only and writes data/models/ner.bin.
// Averaged structured perceptron over BIO or BILOU tags with first-order Viterbi decoding. Training copies of
// some sentences are set in capitals or in lower case, so that headlines without case cues are seen.
//
// Usage: node dist-tools/scripts/train-ner.js [--eval-dir DIR] [--epochs N] [--scheme bio|bilou]
//        [--min-weight X] [--full] [--dev] [--out FILE]
// --dev prints eng.testa F1 after each epoch (used only to pick the epoch count and pruning threshold).
import { statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConll, scoreSpans, toTokens, type ConllSentence, type Span } from '../eval/conll.js';
import { FeatureExtractor, type NerToken } from '../src/stages/ner/features.js';
import { Decoder, parseModel, serializeModel, TagSet } from '../src/stages/ner/model.js';
import { EntityTagger } from '../src/stages/ner/index.js';

const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const evalDir = resolve(flag('--eval-dir', process.env.DYAD_EVAL_DIR ?? join(repoRoot, '..', 'shared', 'eval')));
const epochs = Number(flag('--epochs', '8'));
const scheme = flag('--scheme', 'bilou');
const minWeight = Number(flag('--min-weight', '1'));
const bytes = 1; // int8 weights: the run-time table keeps them inline with the keys
const out = resolve(flag('--out', join(repoRoot, 'data', 'models', 'ner.bin')));
const dev = args.includes('--dev');
const lean = !args.includes('--full'); // lean templates: ~20 % faster tagging for ~0.004 F1 on testa
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

const tags = ['O'];
for (const ty of TYPES) for (const p of scheme === 'bilou' ? ['B', 'I', 'L', 'U'] : ['B', 'I']) tags.push(`${p}-${ty}`);
const tagSet = new TagSet(tags);
const T = tags.length;
const tagIndex = new Map(tags.map((t, i) => [t, i]));

function goldTags(s: ConllSentence): Int32Array {
  const seq = new Int32Array(s.words.length); // 0 = O
  for (const e of s.entities) {
    for (let i = e.start; i < e.end; i++) {
      let p = i === e.start ? 'B' : 'I';
      if (scheme === 'bilou') {
        if (e.end - e.start === 1) p = 'U';
        else if (i === e.end - 1) p = 'L';
      }
      seq[i] = tagIndex.get(`${p}-${e.type}`)!;
    }
  }
  return seq;
}

// Deterministic pseudo-random numbers (mulberry32), so a run is reproducible.
let seed = 20261202;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const t0 = Date.now();
const trainFile = join(evalDir, 'conll2003', 'eng.train');
const train = loadConll(trainFile);
console.log(`eng.train: ${train.length} sentences; scheme ${scheme} (${T} tags)`);

// Case-augmented copies: 10 % in capitals, 5 % in lower case (sentences of 4+ words).
interface Example {
  tokens: NerToken[];
  gold: Int32Array;
}
const examples: Example[] = [];
for (const s of train) {
  const gold = goldTags(s);
  examples.push({ tokens: toTokens(s.words), gold });
  if (s.words.length < 4) continue;
  const r = random();
  if (r < 0.1) examples.push({ tokens: toTokens(s.words.map((w) => w.toUpperCase())), gold });
  else if (r < 0.15) examples.push({ tokens: toTokens(s.words.map((w) => w.toLowerCase())), gold });
}

// Features once: keys -> dense ids.
const extractor = new FeatureExtractor(lean);
const ids = new Map<number, number>();
const keyOf: number[] = [];
const feats: Int32Array[] = [];
const offs: Int32Array[] = [];
for (const ex of examples) {
  const n = extractor.extract(ex.tokens);
  const { keys, offsets } = extractor;
  const f = new Int32Array(offsets[n]);
  for (let k = 0; k < offsets[n]; k++) {
    let id = ids.get(keys[k]);
    if (id === undefined) {
      id = keyOf.length;
      ids.set(keys[k], id);
      keyOf.push(keys[k]);
    }
    f[k] = id;
  }
  feats.push(f);
  offs.push(offsets.slice(0, n + 1));
}
const F = keyOf.length;
console.log(`${examples.length} training sequences (with case copies), ${F} distinct features; ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// Averaged perceptron with the usual lazy trick: avg = w - u / c.
const w = new Float32Array(F * T);
const u = new Float32Array(F * T);
const tw = new Float64Array(T * T);
const tu = new Float64Array(T * T);
const sw = new Float64Array(T);
const su = new Float64Array(T);
const ew = new Float64Array(T);
const eu = new Float64Array(T);
let c = 1;
const decoder = new Decoder(tagSet);
let em = new Float64Array(1024);

function updateToken(f: Int32Array, a: number, b: number, tag: number, d: number): void {
  for (let k = a; k < b; k++) {
    const j = f[k] * T + tag;
    w[j] += d;
    u[j] += c * d;
  }
}

const devSet = dev ? loadConll(join(evalDir, 'conll2003', 'eng.testa')) : null;

function averaged(threshold = minWeight): { keys: Uint32Array; weights: Float32Array; trans: number[]; start: number[]; end: number[] } {
  const keep: number[] = [];
  for (let f = 0; f < F; f++) {
    let m = 0;
    for (let t = 0; t < T; t++) m = Math.max(m, Math.abs(w[f * T + t] - u[f * T + t] / c));
    if (m >= threshold) keep.push(f);
  }
  keep.sort((x, y) => keyOf[x] - keyOf[y]);
  const keys = new Uint32Array(keep.length);
  const weights = new Float32Array(keep.length * T);
  keep.forEach((f, i) => {
    keys[i] = keyOf[f];
    for (let t = 0; t < T; t++) weights[i * T + t] = w[f * T + t] - u[f * T + t] / c;
  });
  const avg = (a: Float64Array, b: Float64Array) => Array.from(a, (x, i) => Math.round((x - b[i] / c) * 1e4) / 1e4);
  return { keys, weights, trans: avg(tw, tu), start: avg(sw, su), end: avg(ew, eu) };
}

function build(trained: Record<string, unknown>, threshold = minWeight): Uint8Array {
  const a = averaged(threshold);
  return serializeModel({ version: 1, tags, bytes, lean, trans: a.trans, start: a.start, end: a.end, trained }, a.keys, a.weights);
}

function devScore(buf: Uint8Array): string {
  const tagger = new EntityTagger(parseModel(buf));
  const gold: Span[][] = [];
  const pred: Span[][] = [];
  for (const s of devSet!) {
    gold.push(s.entities);
    pred.push(tagger.tag(toTokens(s.words)));
  }
  const r = scoreSpans(gold, pred);
  return `testa F1 ${r.micro.f1.toFixed(4)} (P ${r.micro.p.toFixed(4)} R ${r.micro.r.toFixed(4)}) ` +
    Object.entries(r.perType).map(([t, m]) => `${t} ${m.f1.toFixed(3)}`).join(' ');
}

const order = examples.map((_, i) => i);
for (let epoch = 1; epoch <= epochs; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let errors = 0;
  let tokens = 0;
  for (const ei of order) {
    const ex = examples[ei];
    const f = feats[ei];
    const o = offs[ei];
    const n = ex.gold.length;
    tokens += n;
    if (em.length < n * T) em = new Float64Array(n * T * 2);
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < T; t++) {
        let s = 0;
        for (let k = o[i]; k < o[i + 1]; k++) s += w[f[k] * T + t];
        em[i * T + t] = s;
      }
    }
    const path = decoder.decode(em, n, tw, sw, ew);
    const gold = ex.gold;
    let wrong = false;
    for (let i = 0; i < n; i++) {
      const g = gold[i];
      const p = path[i];
      if (g !== p) {
        errors++;
        wrong = true;
        updateToken(f, o[i], o[i + 1], g, 1);
        updateToken(f, o[i], o[i + 1], p, -1);
      }
    }
    if (wrong) {
      const bump = (a: Float64Array, b: Float64Array, j: number, d: number) => {
        a[j] += d;
        b[j] += c * d;
      };
      bump(sw, su, gold[0], 1);
      bump(sw, su, path[0], -1);
      bump(ew, eu, gold[n - 1], 1);
      bump(ew, eu, path[n - 1], -1);
      for (let i = 1; i < n; i++) {
        bump(tw, tu, gold[i - 1] * T + gold[i], 1);
        bump(tw, tu, path[i - 1] * T + path[i], -1);
      }
    }
    c++;
  }
  const line = `epoch ${epoch}: token errors ${(errors / tokens * 100).toFixed(2)} %; ${((Date.now() - t0) / 1000).toFixed(1)} s`;
  console.log(dev ? `${line}; ${devScore(build({}))}` : line);
}

const seconds = (Date.now() - t0) / 1000;
const buf = build({
  data: 'CoNLL-2003 eng.train (case-augmented copies: 10% capitals, 5% lower case)',
  scheme,
  epochs,
  minWeight,
  featuresBeforePruning: F,
  trainingSeconds: Math.round(seconds),
  date: new Date().toISOString().slice(0, 10),
});
writeFileSync(out, buf);
const header = parseModel(buf).header;
console.log(`wrote ${out}: ${header.features} features (of ${F}), ${(statSync(out).size / 1e6).toFixed(2)} MB; trained in ${seconds.toFixed(1)} s`);
if (dev) {
  console.log(`final: ${devScore(buf)}`);
  for (const th of [0.5, 1, 1.5, 2]) {
    const b = build({}, th);
    console.log(`pruned at ${th}: ${parseModel(b).header.features} features, ${(b.length / 1e6).toFixed(2)} MB; ${devScore(b)}`);
  }
}
