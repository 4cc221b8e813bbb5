// createEngine(options) -> analyze(article): one factory, a fixed stage order, every layer on one Doc.
// The engine is pure: lexicons load once when it is created; analyze() does no I/O, so it runs the same in
// tests, worker threads and queue workers.
import { articleKey } from './core/text-key.js';
import type { Article, CodedEvent, Doc, Stage } from './core/types.js';
import { DyadError } from './core/errors.js';
import { segmentStage, segment } from './stages/segment/segment.js';
import { actorContextStage, actorsStage } from './stages/actors/index.js';
import { timesStage } from './stages/times/index.js';
import { placesStage } from './stages/places/index.js';
import { createEventsStage } from './stages/events/index.js';
import { findTriggers, type Trigger } from './stages/events/triggers.js';
import { loadEventLexicon, type EventLexicon } from './lexicons/events.js';
import { codeEvent, type PloverType } from './ontology/index.js';
import { readModality } from './stages/events/modality.js';
import { loadClassifierModel, predict, type ClassifierModel } from './stages/events/model/model.js';
import { existsSync } from 'node:fs';
import { dataPath } from './core/paths.js';

export interface EngineOptions {
  /** Replace the shipped event lexicon (tests, experiments). */
  lexicon?: EventLexicon;
  /**
   * The learned relation classifier for classify(): the shipped one (data/models/plover-classifier.json) by
   * default, another one (evaluation folds), or null for the lexicon alone.
   */
  model?: ClassifierModel | null;
  /**
   * Also find people and organisations the lexicons do not know with the named-entity tagger, in sentences where
   * an event phrase lacks an actor (default false: it costs about a third of the pipeline's speed).
   */
  entityTagger?: boolean;
}

export interface ClassifyInput {
  id?: string;
  text: string;
  source: string;
  target: string;
}

export interface Classification {
  id?: string;
  event: string | null;
  mode: string | null;
  quad: number | null;
  cameo: string | null;
  confidence: number;
  negated?: boolean;
  hypothetical?: boolean;
  reason?: string;
}

export interface Engine {
  readonly stages: readonly Stage[];
  analyze(article: Article): Doc;
  classify(input: ClassifyInput): Classification;
}

/** A stable id for an article without one: the start of its text key. */
export function textId(text: string): string {
  return articleKey(text).slice(0, 16);
}

export function emptyDoc(article: Article): Doc {
  if (typeof article?.text !== 'string') throw new DyadError('INPUT', 'article has no text');
  return {
    id: article.id ?? textId(article.text),
    text: article.text,
    title: article.title ?? null,
    published: article.published ?? null,
    publishedFrom: article.published ? 'metadata' : null,
    url: article.url ?? null,
    source: article.source ?? null,
    sentences: [],
    tokens: [],
    actors: [],
    times: [],
    places: [],
    events: [],
    warnings: [],
  };
}

export function createEngine(options: EngineOptions = {}): Engine {
  const lexicon = options.lexicon ?? loadEventLexicon();
  const stages: Stage[] = [
    segmentStage,
    actorsStage,
    timesStage,
    placesStage,
    actorContextStage,
    createEventsStage({ lexicon, entityTagger: options.entityTagger === true }),
  ];

  function analyze(article: Article): Doc {
    const doc = emptyDoc(article);
    for (const stage of stages) stage.process(doc);
    return doc;
  }

  const model = options.model !== undefined ? options.model : existsSync(dataPath('models/plover-classifier.json')) ? loadClassifierModel() : null;

  function classify(input: ClassifyInput): Classification {
    const { text, source, target } = input;
    if (typeof text !== 'string' || typeof source !== 'string' || typeof target !== 'string') {
      throw new DyadError('INPUT', 'classify needs "text", "source" and "target" strings');
    }
    if (model) {
      const p = predict(model, { text, source, target });
      const feats = p.topFeatures.map((f) => `${f.feature} (${f.weight})`).join(', ');
      return {
        id: input.id,
        event: p.event,
        mode: p.mode,
        quad: p.quad,
        cameo: p.cameo,
        confidence: Math.round(p.confidence * 100) / 100,
        negated: p.negated,
        hypothetical: p.hypothetical,
        reason:
          `learned classifier: ${p.event} (p=${p.confidence.toFixed(2)})` +
          (p.trigger ? `; lexicon agrees: "${p.trigger.text}" matched ${p.trigger.at} "${p.trigger.pattern}"` : '') +
          (feats ? `; deciding features: ${feats}` : ''),
      };
    }
    const { tokens, sentences } = segment(text);
    const sAt = source ? text.indexOf(source) : -1;
    const tAt = target ? text.indexOf(target) : -1;
    // The sentence that holds the source (else the target, else the first).
    const anchor = sAt >= 0 ? sAt : tAt >= 0 ? tAt : 0;
    const sent = sentences.find((s) => s.start <= anchor && anchor < s.end) ?? sentences[0];
    if (!sent) return { id: input.id, event: null, mode: null, quad: null, cameo: null, confidence: 0, reason: 'empty text' };
    const triggers = findTriggers(tokens, sent.tokenStart, sent.tokenEnd, lexicon);
    if (!triggers.length) {
      return { id: input.id, event: null, mode: null, quad: null, cameo: null, confidence: 0, reason: 'no event phrase in the lexicon matched' };
    }
    // Prefer the phrase between source and target, else the one nearest to them.
    const lo = Math.min(sAt >= 0 ? sAt : Infinity, tAt >= 0 ? tAt : Infinity);
    const hi = Math.max(sAt >= 0 ? sAt + source.length : -Infinity, tAt >= 0 ? tAt + target.length : -Infinity);
    const score = (t: Trigger) => {
      const start = tokens[t.first].start;
      const between = start >= lo && start <= hi ? 0 : 1;
      const dist = Math.min(Math.abs(start - lo), Math.abs(start - hi));
      return between * 1e6 + dist - t.words.length * 10;
    };
    const best = [...triggers].sort((a, b) => score(a) - score(b))[0];
    const coding = codeEvent(best.entry.event as PloverType, best.entry.mode);
    const mood = readModality(tokens, sent.tokenStart, best.first, best.words);
    return {
      id: input.id,
      event: coding.event,
      mode: coding.mode,
      quad: coding.quad,
      cameo: coding.cameo,
      confidence: score(best) < 1e6 ? 0.8 : 0.6,
      negated: mood.negated,
      hypothetical: mood.hypothetical,
      reason: `"${text.slice(tokens[best.first].start, tokens[best.last].end)}" matched ${best.entry.at} "${best.entry.pattern}" (${best.entry.reason})`,
    };
  }

  return { stages, analyze, classify };
}

export type { Article, Doc, CodedEvent };
