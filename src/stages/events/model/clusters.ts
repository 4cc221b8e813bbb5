// Word clusters learned from unlabelled news text, so the classifier can generalise from "condemned" in its
// training data to "faulted" in a new sentence when both keep the same company in news. Method: word-context
// co-occurrence counts in a small window, positive PMI with smoothed context probabilities, a truncated SVD
// (randomised, with power iterations) to dense vectors, then spherical k-means at a few granularities.
// Pure and deterministic (seeded); the training script feeds it text and writes the result.
import type { Stemmer } from './stem.js';

export interface ClusterOptions {
  /** Words (stems) kept: the most frequent ones with at least minCount occurrences. */
  maxVocab: number;
  minCount: number;
  /** Context words: the most frequent stems. */
  maxContexts: number;
  /** Words on each side counted as context. */
  window: number;
  dims: number;
  /** Cluster counts, one clustering per entry (coarse to fine). */
  ks: number[];
  seed: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  maxVocab: 20000,
  minCount: 8,
  maxContexts: 6000,
  window: 3,
  dims: 100,
  ks: [64, 256, 1024],
  seed: 1,
};

export interface WordClusters {
  words: string[];
  /** clusters[g][i] = cluster of words[i] in granularity g. */
  clusters: Int32Array[];
  ks: number[];
}

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

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

// Words that carry no meaning of their own are tokens for counting but never vocabulary entries.
function isWordToken(lower: string): boolean {
  const c = lower.charCodeAt(0);
  return (c >= 97 && c <= 122) || c > 127;
}

/** An open-addressing hash from an int key to a float count (millions of pairs without Map overhead). */
class PairCounts {
  keys: Int32Array;
  values: Float32Array;
  size = 0;
  constructor(capacityPow2: number) {
    this.keys = new Int32Array(capacityPow2).fill(-1);
    this.values = new Float32Array(capacityPow2);
  }
  add(key: number, v: number): void {
    if (this.size * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let h = Math.imul(key, 0x9e3779b1) & mask;
    while (true) {
      const k = this.keys[h];
      if (k === key) {
        this.values[h] += v;
        return;
      }
      if (k === -1) {
        this.keys[h] = key;
        this.values[h] = v;
        this.size++;
        return;
      }
      h = (h + 1) & mask;
    }
  }
  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.values = new Float32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.add(keys[i], values[i]);
  }
}

/** Sparse rows (CSR) of the positive-PMI matrix, words x contexts. */
interface Csr {
  rows: number;
  cols: number;
  rowStart: Int32Array;
  col: Int32Array;
  val: Float32Array;
}

/** Tokenised, stemmed texts -> PPMI matrix over the vocabulary. */
function ppmiMatrix(texts: Iterable<string[]>, opts: ClusterOptions): { words: string[]; m: Csr } {
  const docs: string[][] = [];
  const freq = new Map<string, number>();
  for (const stems of texts) {
    docs.push(stems);
    for (const s of stems) freq.set(s, (freq.get(s) ?? 0) + 1);
  }
  const byFreq = [...freq.entries()].filter(([w]) => isWordToken(w)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const words = byFreq.filter(([, n]) => n >= opts.minCount).slice(0, opts.maxVocab).map(([w]) => w);
  const contexts = byFreq.slice(0, opts.maxContexts).map(([w]) => w);
  const wordId = new Map(words.map((w, i) => [w, i]));
  const ctxId = new Map(contexts.map((w, i) => [w, i]));
  const C = contexts.length;
  const counts = new PairCounts(1 << 22);
  const rowSum = new Float64Array(words.length);
  const colSum = new Float64Array(C);
  let total = 0;
  for (const stems of docs) {
    const wid = stems.map((s) => wordId.get(s) ?? -1);
    const cid = stems.map((s) => ctxId.get(s) ?? -1);
    for (let i = 0; i < stems.length; i++) {
      const w = wid[i];
      if (w < 0) continue;
      for (let d = 1; d <= opts.window; d++) {
        // Nearer words count more (1, 1/2, 1/3...).
        const weight = 1 / d;
        for (const j of [i - d, i + d]) {
          if (j < 0 || j >= stems.length) continue;
          const c = cid[j];
          if (c < 0) continue;
          counts.add(w * C + c, weight);
          rowSum[w] += weight;
          colSum[c] += weight;
          total += weight;
        }
      }
    }
  }
  // Context probabilities smoothed by ^0.75 so rare contexts do not dominate PMI.
  let smoothTotal = 0;
  const colSmooth = new Float64Array(C);
  for (let c = 0; c < C; c++) smoothTotal += colSmooth[c] = Math.pow(colSum[c], 0.75);
  const perRow: Array<Array<[number, number]>> = words.map(() => []);
  for (let h = 0; h < counts.keys.length; h++) {
    const key = counts.keys[h];
    if (key === -1) continue;
    const w = Math.floor(key / C);
    const c = key - w * C;
    const pmi = Math.log((counts.values[h] / total) / ((rowSum[w] / total) * (colSmooth[c] / smoothTotal)));
    if (pmi > 0) perRow[w].push([c, pmi]);
  }
  const nnz = perRow.reduce((a, r) => a + r.length, 0);
  const m: Csr = { rows: words.length, cols: C, rowStart: new Int32Array(words.length + 1), col: new Int32Array(nnz), val: new Float32Array(nnz) };
  let p = 0;
  perRow.forEach((r, w) => {
    r.sort((a, b) => a[0] - b[0]);
    m.rowStart[w] = p;
    for (const [c, v] of r) {
      m.col[p] = c;
      m.val[p++] = v;
    }
  });
  m.rowStart[words.length] = p;
  return { words, m };
}

/** Y = A X (A sparse rows x cols, X dense cols x k, column-major k blocks). */
function mulAX(a: Csr, x: Float64Array, k: number): Float64Array {
  const y = new Float64Array(a.rows * k);
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.rowStart[r]; p < a.rowStart[r + 1]; p++) {
      const v = a.val[p];
      const xo = a.col[p] * k;
      const yo = r * k;
      for (let j = 0; j < k; j++) y[yo + j] += v * x[xo + j];
    }
  }
  return y;
}

/** Y = A^T X (X dense rows x k). */
function mulAtX(a: Csr, x: Float64Array, k: number): Float64Array {
  const y = new Float64Array(a.cols * k);
  for (let r = 0; r < a.rows; r++) {
    const xo = r * k;
    for (let p = a.rowStart[r]; p < a.rowStart[r + 1]; p++) {
      const v = a.val[p];
      const yo = a.col[p] * k;
      for (let j = 0; j < k; j++) y[yo + j] += v * x[xo + j];
    }
  }
  return y;
}

/** Orthonormalises the k columns of a (n x k, row-major) in place (modified Gram-Schmidt). */
function orthonormalize(a: Float64Array, n: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < j; i++) {
      let d = 0;
      for (let r = 0; r < n; r++) d += a[r * k + i] * a[r * k + j];
      for (let r = 0; r < n; r++) a[r * k + j] -= d * a[r * k + i];
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += a[r * k + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < n; r++) a[r * k + j] /= norm;
  }
}

/** Eigen-decomposition of a symmetric k x k matrix by cyclic Jacobi rotations: values and vectors (columns). */
function symmetricEigen(s: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(s);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q] ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p];
          const arq = a[r * k + q];
          a[r * k + p] = c * arp - sn * arq;
          a[r * k + q] = sn * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r];
          const aqr = a[q * k + r];
          a[p * k + r] = c * apr - sn * aqr;
          a[q * k + r] = sn * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p];
          const vrq = v[r * k + q];
          v[r * k + p] = c * vrp - sn * vrq;
          v[r * k + q] = sn * vrp + c * vrq;
        }
      }
    }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i++) values[i] = a[i * k + i];
  return { values, vectors: v };
}

/** Row vectors (words x dims) from a randomised truncated SVD of the PPMI matrix, U * sqrt(S), unit length. */
function embed(m: Csr, dims: number, seed: number): Float64Array {
  const random = rng(seed);
  const k = dims + 10;
  const omega = new Float64Array(m.cols * k);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(random);
  let y = mulAX(m, omega, k);
  orthonormalize(y, m.rows, k);
  for (let it = 0; it < 3; it++) {
    const z = mulAtX(m, y, k);
    orthonormalize(z, m.cols, k);
    y = mulAX(m, z, k);
    orthonormalize(y, m.rows, k);
  }
  // B = Q^T A (k x cols); B B^T = (A^T Q)^T (A^T Q).
  const atq = mulAtX(m, y, k);
  const bbt = new Float64Array(k * k);
  for (let c = 0; c < m.cols; c++) {
    const o = c * k;
    for (let i = 0; i < k; i++) {
      const ai = atq[o + i];
      if (ai === 0) continue;
      for (let j = i; j < k; j++) bbt[i * k + j] += ai * atq[o + j];
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) bbt[i * k + j] = bbt[j * k + i];
  const { values, vectors } = symmetricEigen(bbt, k);
  const order = [...values.keys()].sort((a, b) => values[b] - values[a]).slice(0, dims);
  const out = new Float64Array(m.rows * dims);
  for (let r = 0; r < m.rows; r++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const e = order[d];
      // U = Q * V_b; singular value = sqrt(eigenvalue); weight by sqrt(singular value).
      let u = 0;
      for (let i = 0; i < k; i++) u += y[r * k + i] * vectors[i * k + e];
      const val = u * Math.pow(Math.max(values[e], 0), 0.25);
      out[r * dims + d] = val;
      norm += val * val;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[r * dims + d] /= norm;
  }
  return out;
}

/** Spherical k-means (cosine) with k-means++ seeding; the first `n` rows are clustered. */
function kmeans(x: Float64Array, n: number, dims: number, k: number, seed: number, iterations = 25): Int32Array {
  const random = rng(seed);
  const centers = new Float64Array(k * dims);
  const best = new Float64Array(n).fill(Infinity);
  let first = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centers.set(x.subarray(first * dims, (first + 1) * dims), c * dims);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += x[i * dims + d] * centers[c * dims + d];
      const dist = Math.max(0, 1 - dot);
      if (dist < best[i]) best[i] = dist;
      sum += best[i] * best[i];
    }
    let r = random() * sum;
    first = n - 1;
    for (let i = 0; i < n; i++) {
      r -= best[i] * best[i];
      if (r <= 0) {
        first = i;
        break;
      }
    }
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let bestC = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += x[i * dims + d] * centers[c * dims + d];
        if (dot > bestDot) {
          bestDot = dot;
          bestC = c;
        }
      }
      if (assign[i] !== bestC || it === 0) moved++;
      assign[i] = bestC;
    }
    centers.fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) centers[assign[i] * dims + d] += x[i * dims + d];
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centers[c * dims + d] ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) {
        // An empty cluster restarts at a random word.
        const w = Math.floor(random() * n);
        centers.set(x.subarray(w * dims, (w + 1) * dims), c * dims);
      } else for (let d = 0; d < dims; d++) centers[c * dims + d] /= norm;
    }
    if (moved < n / 1000) break;
  }
  return assign;
}

/** Learns word clusters from raw texts (each text tokenised by the caller into lower-case tokens). */
export function learnClusters(texts: Iterable<string[]>, stem: Stemmer, options: Partial<ClusterOptions> = {}, log?: (s: string) => void): WordClusters {
  const opts = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  const stemmed = (function* () {
    for (const tokens of texts) yield tokens.map((t) => stem(t));
  })();
  const { words, m } = ppmiMatrix(stemmed, opts);
  log?.(`clusters: ${words.length} words, ${m.cols} contexts, ${m.val.length} positive PMI cells`);
  const vectors = embed(m, opts.dims, opts.seed);
  log?.('clusters: embedded');
  const clusters = opts.ks.map((k, g) => {
    const a = kmeans(vectors, words.length, opts.dims, k, opts.seed + g);
    log?.(`clusters: k=${k} done`);
    return a;
  });
  return { words, clusters, ks: opts.ks };
}

/** TSV: header comment lines, then `stem<TAB>cluster<TAB>cluster...` (one column per granularity). */
export function formatClusters(c: WordClusters, header: string[]): string {
  const lines = header.map((h) => '# ' + h);
  lines.push('# columns: stem, ' + c.ks.map((k) => `cluster of ${k}`).join(', '));
  c.words.forEach((w, i) => lines.push([w, ...c.clusters.map((a) => a[i])].join('\t')));
  return lines.join('\n') + '\n';
}

/** Stem -> cluster ids (one per granularity) from the TSV. */
export function parseClusters(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [w, ...ids] = line.split('\t');
    map.set(w, ids);
  }
  return map;
}
