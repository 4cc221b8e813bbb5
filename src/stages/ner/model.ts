// The entity tagger's model: tag set, transition constraints, Viterbi decoding, and the compact binary weight
// file (data/models/ner.bin) written by scripts/train-ner.ts.
//
// File layout (little-endian): "DYNER1\n\0", u32 header length, UTF-8 JSON header, zero padding to 4 bytes,
// u32 feature keys (count from the header), then int8 or int16 weights, one row of `tags.length` per key;
// a weight is the stored integer times header.scale. Transition, start and end weights are in the header.
import { readFileSync } from 'node:fs';

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface ModelHeader {
  version: 1;
  /** Tag names: "O" and B-/I- (and L-/U- for BILOU) prefixed entity types. */
  tags: string[];
  features: number;
  /** 1 or 2 bytes per stored weight. */
  bytes: 1 | 2;
  scale: number;
  /** trans[prev * T + cur] */
  trans: number[];
  start: number[];
  end: number[];
  /** Trained with the lean feature templates (FeatureExtractor's `lean`). */
  lean?: boolean;
  /** Free-form facts about the training run. */
  trained?: Record<string, unknown>;
}

const MAGIC = 'DYNER1\n\0';

/** Precomputed constraints of a tag set: which tags may start, follow each other and end a sentence. */
export class TagSet {
  readonly size: number;
  readonly prefix: string[];
  readonly type: string[];
  readonly allowed: Uint8Array;
  readonly canStart: Uint8Array;
  readonly canEnd: Uint8Array;
  /** Allowed predecessors of tag t: predFrom[predStart[t] .. predStart[t+1]). */
  readonly predStart: Int32Array;
  readonly predFrom: Int32Array;

  constructor(readonly tags: string[]) {
    const T = tags.length;
    this.size = T;
    this.prefix = tags.map((t) => (t === 'O' ? 'O' : t.slice(0, 1)));
    this.type = tags.map((t) => (t === 'O' ? '' : t.slice(2)));
    this.allowed = new Uint8Array(T * T);
    this.canStart = new Uint8Array(T);
    this.canEnd = new Uint8Array(T);
    const bilou = this.prefix.includes('L');
    const open = (p: string) => p === 'B' || p === 'I'; // inside an entity that must go on (BILOU)
    for (let a = 0; a < T; a++) {
      const pa = this.prefix[a];
      this.canStart[a] = pa === 'I' || pa === 'L' ? 0 : 1;
      this.canEnd[a] = bilou && open(pa) ? 0 : 1;
      for (let b = 0; b < T; b++) {
        const pb = this.prefix[b];
        const same = this.type[a] === this.type[b];
        let ok: boolean;
        if (bilou) ok = open(pa) ? (pb === 'I' || pb === 'L') && same : pb !== 'I' && pb !== 'L';
        else ok = pb !== 'I' || ((pa === 'B' || pa === 'I') && same);
        this.allowed[a * T + b] = ok ? 1 : 0;
      }
    }
    this.predStart = new Int32Array(T + 1);
    const from: number[] = [];
    for (let b = 0; b < T; b++) {
      this.predStart[b] = from.length;
      for (let a = 0; a < T; a++) if (this.allowed[a * T + b]) from.push(a);
    }
    this.predStart[T] = from.length;
    this.predFrom = Int32Array.from(from);
  }

  /** Entity spans [start, end) of a tag sequence (indices relative to the sequence). */
  spans(seq: ArrayLike<number>, n: number): Array<{ start: number; end: number; type: string }> {
    const out: Array<{ start: number; end: number; type: string }> = [];
    let open = -1;
    let openType = '';
    for (let i = 0; i <= n; i++) {
      const p = i < n ? this.prefix[seq[i]] : 'O';
      const ty = i < n ? this.type[seq[i]] : '';
      const continues = (p === 'I' || p === 'L') && ty === openType && open >= 0;
      if (open >= 0 && !continues) {
        out.push({ start: open, end: i, type: openType });
        open = -1;
      }
      if (p === 'B' || p === 'U' || ((p === 'I' || p === 'L') && open < 0)) {
        open = i;
        openType = ty;
      }
      if ((p === 'U' || p === 'L') && open >= 0) {
        out.push({ start: open, end: i + 1, type: openType });
        open = -1;
      }
    }
    return out;
  }
}

/** Scratch buffers for Viterbi, grown as needed. */
export class Decoder {
  private score = new Float64Array(0);
  private back = new Int32Array(0);
  private pathBuf = new Int32Array(256);

  constructor(readonly tagSet: TagSet) {}

  /**
   * Best tag sequence under emission scores em[i*T+t] and the transition weights; written to the returned
   * array (valid up to n, reused by the next call).
   */
  decode(em: Float64Array | Int32Array, n: number, trans: ArrayLike<number>, start: ArrayLike<number>, end: ArrayLike<number>): Int32Array {
    const ts = this.tagSet;
    const T = ts.size;
    if (this.score.length < n * T) {
      this.score = new Float64Array(n * T * 2);
      this.back = new Int32Array(n * T * 2);
    }
    if (this.pathBuf.length < n) this.pathBuf = new Int32Array(n * 2);
    const score = this.score;
    const back = this.back;
    const { predStart, predFrom } = ts;
    const NEG = -1e30;
    for (let t = 0; t < T; t++) score[t] = ts.canStart[t] ? em[t] + start[t] : NEG;
    for (let i = 1; i < n; i++) {
      const base = i * T;
      const prevBase = base - T;
      for (let t = 0; t < T; t++) {
        let best = NEG;
        let arg = 0;
        for (let q = predStart[t], qEnd = predStart[t + 1]; q < qEnd; q++) {
          const p = predFrom[q];
          const s = score[prevBase + p] + trans[p * T + t];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        score[base + t] = best + em[base + t];
        back[base + t] = arg;
      }
    }
    let best = NEG;
    let arg = 0;
    const last = (n - 1) * T;
    for (let t = 0; t < T; t++) {
      if (!ts.canEnd[t]) continue;
      const s = score[last + t] + end[t];
      if (s > best) {
        best = s;
        arg = t;
      }
    }
    const path = this.pathBuf;
    for (let i = n - 1; i >= 0; i--) {
      path[i] = arg;
      arg = back[i * T + arg];
    }
    return path;
  }
}

/**
 * The loaded weights: an open-addressing table whose slots hold a feature key and, right after it, that
 * feature's weights (one cache line per look-up). Weights are int8, stored biased (w + 128) two to a 32-bit
 * word in 16-bit lanes, so one integer add sums two tags; a lane cannot overflow below 256 features per token.
 * Scores stay in quantised units: transitions are divided by the scale instead, which decodes the same.
 */
export interface NerModel {
  header: ModelHeader;
  tagSet: TagSet;
  /** Slot s: table[s * stride] is the key (0: empty), then ceil(T / 2) words of packed weights. */
  table: Int32Array;
  /** 32-bit words per slot. */
  stride: number;
  mask: number;
  trans: Float64Array;
  start: Float64Array;
  end: Float64Array;
}

export const WEIGHT_BIAS = 128;

export function parseModel(buf: Uint8Array): NerModel {
  const magic = new TextDecoder().decode(buf.subarray(0, 8));
  if (magic !== MAGIC) throw new Error('not a dyad NER model (bad magic)');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const headerLen = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(12, 12 + headerLen))) as ModelHeader;
  if (header.bytes !== 1) throw new Error('NER model: only 1-byte weights are supported at run time');
  let off = 12 + headerLen;
  off = (off + 3) & ~3;
  const F = header.features;
  const T = header.tags.length;
  const stride = 1 + ((T + 1) >> 1);
  let cap = 1;
  while (cap < F * 2) cap <<= 1;
  const table = new Int32Array(cap * stride);
  const mask = cap - 1;
  const wOff = off + F * 4;
  for (let i = 0; i < F; i++) {
    const key = view.getUint32(off + i * 4, true);
    let s = key & mask;
    while (table[s * stride] !== 0) s = (s + 1) & mask;
    table[s * stride] = key | 0;
    for (let t = 0; t < T; t++) {
      const w = view.getInt8(wOff + i * T + t) + WEIGHT_BIAS;
      table[s * stride + 1 + (t >> 1)] |= t & 1 ? w << 16 : w;
    }
    // An odd tag count leaves a high lane unused; it still gets the bias so every lane unpacks alike.
    if (T & 1) table[s * stride + 1 + (T >> 1)] |= WEIGHT_BIAS << 16;
  }
  const unscale = (a: number[]) => Float64Array.from(a, (x) => x / header.scale);
  return {
    header,
    tagSet: new TagSet(header.tags),
    table,
    stride,
    mask,
    trans: unscale(header.trans),
    start: unscale(header.start),
    end: unscale(header.end),
  };
}

/** Serialises a model; `weights` has one row of T per key. Weights are quantised to `bytes` per value. */
export function serializeModel(header: Omit<ModelHeader, 'scale' | 'features'>, keys: Uint32Array, weights: Float32Array): Uint8Array {
  const T = header.tags.length;
  const F = keys.length;
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]));
  const qmax = header.bytes === 1 ? 127 : 32767;
  const scale = maxAbs > 0 ? maxAbs / qmax : 1;
  const full: ModelHeader = { ...header, scale, features: F };
  const json = new TextEncoder().encode(JSON.stringify(full));
  let off = 12 + json.length;
  off = (off + 3) & ~3;
  const total = off + F * 4 + F * T * header.bytes;
  const buf = new Uint8Array(total);
  buf.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(buf.buffer);
  view.setUint32(8, json.length, true);
  buf.set(json, 12);
  for (let i = 0; i < F; i++) view.setUint32(off + i * 4, keys[i], true);
  off += F * 4;
  for (let i = 0; i < F * T; i++) {
    const q = Math.round(weights[i] / scale);
    if (header.bytes === 1) view.setInt8(off + i, q);
    else view.setInt16(off + i * 2, q, true);
  }
  return buf;
}

export function loadModelFile(path: string | URL): NerModel {
  return parseModel(readFileSync(path));
}
