// The `dyad annotate` contract: one JSON object per article with every layer, offsets in UTF-16 units.
// Contract fields come first and keep their names; extra fields are only ever added.
import type { ActorMention, CodedEvent, Doc } from '../core/types.js';

function mention(a: ActorMention, explain: boolean) {
  const base = {
    start: a.start, end: a.end, text: a.text, kind: a.kind, name: a.name, country: a.country, sector: a.sector,
    code: a.code, entity: a.entity, role: a.role ?? null,
  };
  return explain ? { ...base, reason: a.reason } : base;
}

function event(e: CodedEvent, explain: boolean) {
  return {
    ...e,
    source: e.source ? mention(e.source, explain) : null,
    target: e.target ? mention(e.target, explain) : null,
  };
}

export function annotationOf(doc: Doc, opts: { explain?: boolean } = {}) {
  const explain = Boolean(opts.explain);
  return {
    id: doc.id,
    published: doc.published,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    actors: doc.actors.map((a) => mention(a, explain)),
    times: doc.times.map((t) => {
      const base = { start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, certain: t.certain, direction: t.direction ?? null, anchor: t.anchor ?? null };
      return explain ? { ...base, reason: t.reason } : base;
    }),
    places: doc.places.map((p) => ({ start: p.start, end: p.end, text: p.text, name: p.name, country: p.country, admin1: p.admin1, lat: p.lat, lon: p.lon })),
    events: doc.events.map((e) => event(e, explain)),
    acled: doc.acled ?? null,
    warnings: doc.warnings,
  };
}
