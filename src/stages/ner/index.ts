// Named-entity tagger (PER, ORG, LOC, MISC) over the segmenter's tokens: hashed lexical, shape, context and
// lexicon features, an averaged-perceptron linear model and first-order Viterbi decoding. The weights
// (data/models/ner.bin, written by scripts/train-ner.ts) load on first use.
import { dataPath } from '../../core/paths.js';
import { DyadError } from '../../core/errors.js';
import { FeatureExtractor, type NerToken } from './features.js';
import { Decoder, loadModelFile, WEIGHT_BIAS, type EntityType, type NerModel } from './model.js';

export type { EntityType, NerModel } from './model.js';
export type { NerToken } from './features.js';

export interface Entity {
  /** Index of the first token (in the array given to tagEntities). */
  start: number;
  /** One past the last token. */
  end: number;
  type: EntityType;
}

/** A tagger bound to one model, with its own scratch buffers. */
export class EntityTagger {
  private readonly extractor: FeatureExtractor;
  private readonly decoder: Decoder;
  private em = new Int32Array(256 * 17);
  private readonly acc = new Int32Array(32);

  constructor(readonly model: NerModel) {
    this.decoder = new Decoder(model.tagSet);
    this.extractor = new FeatureExtractor(model.header.lean === true);
  }

  /** Tag indices of tokens[from, to); valid until the next call. */
  tagIndices(tokens: readonly NerToken[], from = 0, to = tokens.length): Int32Array {
    const n = this.extractor.extract(tokens, from, to);
    const m = this.model;
    const T = m.tagSet.size;
    if (this.em.length < n * T) this.em = new Int32Array(n * T * 2);
    const em = this.em;
    const { keys, offsets } = this.extractor;
    const { table, mask, stride } = m;
    const half = stride - 1;
    const acc = this.acc;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < half; j++) acc[j] = 0;
      let hits = 0;
      for (let k = offsets[i], kEnd = offsets[i + 1]; k < kEnd; k++) {
        const key = keys[k] | 0;
        let s = key & mask;
        let sk: number;
        while ((sk = table[s * stride]) !== 0 && sk !== key) s = (s + 1) & mask;
        if (sk === 0) continue;
        hits++;
        const r = s * stride + 1;
        for (let j = 0; j < half; j++) acc[j] += table[r + j];
      }
      // Unpack the 16-bit lanes and take the bias off.
      const bias = hits * WEIGHT_BIAS;
      const base = i * T;
      for (let t = 0; t < T; t++) {
        const word = acc[t >> 1];
        em[base + t] = (t & 1 ? word >>> 16 : word & 0xffff) - bias;
      }
    }
    return this.decoder.decode(em, n, m.trans, m.start, m.end);
  }

  /** Entities in tokens[from, to) (one sentence); start/end index into `tokens`. */
  tag(tokens: readonly NerToken[], from = 0, to = tokens.length): Entity[] {
    if (to <= from) return [];
    const path = this.tagIndices(tokens, from, to);
    return this.model.tagSet.spans(path, to - from).map((s) => ({ start: s.start + from, end: s.end + from, type: s.type as EntityType }));
  }
}

let shared: EntityTagger | null = null;

/** The tagger with the shipped model, loaded on first call (about 0.1 s; its first tag() call loads GeoNames). */
export function getEntityTagger(): EntityTagger {
  if (!shared) {
    let model: NerModel;
    try {
      model = loadModelFile(dataPath('models/ner.bin'));
    } catch (err) {
      throw new DyadError('DATA', `data/models/ner.bin: cannot load (${(err as Error).message}); run \`npm run train:ner\``);
    }
    shared = new EntityTagger(model);
  }
  return shared;
}

/**
 * Named entities of one sentence. `tokens` are the segmenter's tokens (or any {text, lower}); pass
 * from/to to tag the sentence tokens[from, to) of a whole document's token array.
 */
export function tagEntities(tokens: readonly NerToken[], from = 0, to = tokens.length): Entity[] {
  return getEntityTagger().tag(tokens, from, to);
}
