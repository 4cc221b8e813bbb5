import { describe, expect, it } from 'vitest';
import { createEngine, emptyDoc } from '../src/engine.js';
import { segmentStage } from '../src/stages/segment/segment.js';
import { actorsStage } from '../src/stages/actors/index.js';
import { createEntityFinder, mergeMentions } from '../src/stages/ner/stage.js';

const withNames = createEngine({ entityTagger: true });
const plain = createEngine();

describe('named-entity tagger in the pipeline (entityTagger / --names)', () => {
  const text = 'Kofi Mensah-Darko accused the Sahel Solidarity Front of blocking the talks on Monday.';

  it('gives an event the untitled person and the unlisted organisation the lexicons miss', () => {
    const doc = withNames.analyze({ text, published: '2024-05-02' });
    const people = doc.actors.filter((a) => a.kind === 'person');
    expect(people.map((p) => p.text)).toContain('Kofi Mensah-Darko');
    expect(people[0].code).toBe('UNK');
    expect(people[0].reason).toMatch(/named-entity tagger/);
    const accuse = doc.events.find((e) => e.event === 'ACCUSE');
    expect(accuse?.source?.text).toBe('Kofi Mensah-Darko');
    expect(accuse?.target?.text).toBe('Sahel Solidarity Front');
  });

  it('is off by default, and then the event has no actor to hang on', () => {
    const doc = plain.analyze({ text, published: '2024-05-02' });
    expect(doc.actors.some((a) => a.text.includes('Mensah'))).toBe(false);
    expect(doc.events.some((e) => e.source?.text === 'Kofi Mensah-Darko')).toBe(false);
  });

  it('leaves mentions the lexicons resolved alone', () => {
    const t = { text: 'President Mohamed Bazoum of Niger met French officials.', published: '2021-12-10' };
    expect(withNames.analyze(t).actors.map((a) => [a.text, a.code])).toEqual(plain.analyze(t).actors.map((a) => [a.text, a.code]));
  });
});

describe('entity finder over every sentence', () => {
  const run = (text: string) => {
    const doc = emptyDoc({ text, published: '2024-05-02' });
    for (const s of [segmentStage, actorsStage]) s.process(doc);
    const finder = createEntityFinder(doc);
    doc.actors = mergeMentions(doc.actors, doc.sentences.flatMap((s) => finder.sentence(s)));
    return doc;
  };

  it('links a later bare surname to the person named in full, and strips a possessive', () => {
    const doc = run('Kofi Mensah-Darko criticised the plan on Monday. Later, Mensah-Darko and Ama Owusu met in Accra. The talks with Owusu\'s team went well.');
    const full = doc.actors.find((a) => a.text === 'Kofi Mensah-Darko')!;
    expect(doc.actors.find((a) => a.text === 'Mensah-Darko')?.entity).toBe(full.entity);
    const owusu = doc.actors.filter((a) => a.entity === 'person:ama-owusu').map((a) => a.text);
    expect(owusu).toEqual(['Ama Owusu', 'Owusu']);
  });

  it('does not take a capitalised connective for a name', () => {
    const doc = run('Moreover, the talks went on late into the night. Analysis of the deal continued.');
    expect(doc.actors).toEqual([]);
  });
});
