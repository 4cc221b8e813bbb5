// Event coding on sentences written for these tests (not the seeds): type, direction, modality, dates.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine.js';
import type { CodedEvent } from '../src/core/types.js';

const engine = createEngine();

function events(text: string, published = '2024-05-09'): CodedEvent[] {
  return engine.analyze({ id: 't', text, published }).events;
}

function find(evs: CodedEvent[], type: string): CodedEvent {
  const e = evs.find((x) => x.event === type);
  if (!e) throw new Error(`no ${type} in ${JSON.stringify(evs.map((x) => [x.event, x.source?.code, x.target?.code]))}`);
  return e;
}

describe('event types and direction', () => {
  it('codes a meeting between two governments, dated by the weekday', () => {
    const e = find(events("Kenya's foreign minister met his Ethiopian counterpart on Tuesday."), 'CONSULT');
    expect(e.source?.country).toBe('KEN');
    expect(e.target?.country).toBe('ETH');
    expect(e.date).toBe('2024-05-07');
    expect(e.quad).toBe(1);
    expect(e.cameo).toBe('04');
  });

  it('codes sanctions by an organisation against a state', () => {
    const e = find(events('The European Union imposed sanctions on Belarus.'), 'SANCTION');
    expect(e.source?.code).toBe('IGO:EU');
    expect(e.target?.country).toBe('BLR');
    expect(e.goldstein).toBe(-4);
    expect(e.negated || e.hypothetical).toBe(false);
  });

  it('codes the end of an agreement as SANCTION discontinue', () => {
    const e = find(events('Burkina Faso terminated its military accord with France.'), 'SANCTION');
    expect(e.mode).toBe('discontinue');
    expect(e.source?.country).toBe('BFA');
    expect(e.target?.country).toBe('FRA');
  });

  it('reads the passive voice: the agent after "by" is the source', () => {
    const e = find(events('Two Nigerien soldiers were killed by Boko Haram fighters.'), 'ASSAULT');
    expect(e.source?.name).toMatch(/Boko Haram/);
    expect(e.target?.country).toBe('NER');
    expect(e.fatalities).toBe(2);
  });

  it('finds the agent after "by" past a determiner, and the agent of an event noun', () => {
    const passive = find(events('A herder was killed by the Malian army near the town.'), 'ASSAULT');
    expect(passive.source?.code).toBe('MLIMIL');
    expect(passive.reason).toMatch(/agent after "by"/);
    const noun = find(events("An air strike by Niger's army killed 14 displaced people."), 'ASSAULT');
    expect(noun.source?.code).toBe('NERMIL');
    expect(noun.target?.code).not.toBe('NERMIL');
  });

  it('takes the country an event acts in as its target when no other actor follows, but not for talks', () => {
    const curfew = events('Serbia lifted a night curfew in Montenegro on Sunday.').find((e) => e.source?.country === 'SRB');
    expect(curfew?.target?.country).toBe('MNE');
    expect(curfew?.reason).toMatch(/country or region the event is in/);
    const talks = find(events('Russian and American negotiators held talks in Switzerland on Monday.'), 'CONSULT');
    expect(talks.target?.country).not.toBe('CHE');
  });

  it('gives a participle clause the subject of the clause it hangs on', () => {
    const evs = events('Gunmen ambushed an army patrol near Djibo, Burkina Faso, killing two soldiers.');
    const killing = evs.find((e) => e.trigger?.text === 'killing');
    expect(killing?.source?.code).toBe('BFAUAF');
    expect(killing?.target?.code).toBe('BFAMIL');
  });

  it('takes an actor named inside the event phrase as its target', () => {
    const e = find(events('Switzerland said it had expelled two Russian diplomats for spying.'), 'SANCTION');
    expect(e.source?.country).toBe('CHE');
    expect(e.target?.code).toBe('RUSGOV');
  });

  it('codes a refusal to meet as REJECT, not CONSULT', () => {
    const evs = events('Iran refused to meet the American envoy.');
    const e = find(evs, 'REJECT');
    expect(e.mode).toBe('meet');
    expect(e.source?.country).toBe('IRN');
    expect(evs.some((x) => x.event === 'CONSULT')).toBe(false);
  });

  it('codes a joint agreement with the first party as source', () => {
    const e = find(events('Japan and India agreed to strengthen their defence ties.'), 'AGREE');
    expect(e.source?.country).toBe('JPN');
    expect(e.target?.country).toBe('IND');
  });

  it('codes each of several coordinated sources', () => {
    const evs = events('Mali, Burkina Faso and Guinea condemned the sanctions imposed by ECOWAS.').filter((e) => e.event === 'ACCUSE');
    expect(evs.map((e) => e.source?.country).sort()).toEqual(['BFA', 'GIN', 'MLI']);
  });

  it('resolves "He" to the person named before', () => {
    const evs = events('French President Emmanuel Macron arrived in Berlin on Monday. He criticized Russia.');
    const e = find(evs, 'ACCUSE');
    expect(e.source?.name).toMatch(/Macron/);
    expect(e.source?.country).toBe('FRA');
    expect(e.target?.country).toBe('RUS');
  });
});

describe('modality: nothing uncertain is stored as fact', () => {
  it('marks a negated agreement', () => {
    const e = find(events('Russia did not sign the agreement with Ukraine.'), 'AGREE');
    expect(e.negated).toBe(true);
  });

  it('marks a conditional sanction as hypothetical', () => {
    const e = find(events('Washington could impose sanctions on Turkey.'), 'SANCTION');
    expect(e.hypothetical).toBe(true);
    expect(e.source?.code).toBe('USAGOV');
  });

  it('marks an announced deployment as future', () => {
    const e = find(events('China will deploy troops to Sudan.'), 'MOBILIZE');
    expect(e.future).toBe(true);
    expect(e.negated).toBe(false);
  });

  it('marks a threat of force inside a warning as hypothetical', () => {
    const evs = events('Any attack on Estonia would be met with force, NATO warned.');
    const attack = evs.find((e) => e.event === 'ASSAULT');
    if (attack) expect(attack.hypothetical).toBe(true);
  });

  it('does not take "not only" as a negation', () => {
    const e = find(events('Chad not only condemned the coup but also recalled its ambassador from Niger.'), 'ACCUSE');
    expect(e.negated).toBe(false);
  });
});

describe('dates', () => {
  it('dates an event by an explicit date in its sentence, with day precision', () => {
    const e = find(events('On 3 March 2024, Senegal signed a fishing agreement with Mauritania.'), 'AGREE');
    expect(e.date).toBe('2024-03-03');
    expect(e.date_precision).toBe('day');
    expect(e.date_from).toBe('text');
  });

  it('falls back to the published date when the sentence has none', () => {
    const e = find(events('Algeria expelled French diplomats.'), 'SANCTION');
    expect(e.date).toBe('2024-05-09');
    expect(e.date_from).toBe('published');
    expect(e.mode).toBe('expel');
  });

  it('keeps an unknown date unknown, never today', () => {
    const doc = engine.analyze({ id: 'u', text: 'Algeria expelled French diplomats.', published: null });
    expect(doc.events[0].date).toBeNull();
    expect(doc.events[0].date_precision).toBe('unknown');
  });

  it('marks decades-old background as historical', () => {
    const e = find(events('Ghana and Togo established diplomatic relations in 1960.'), 'AGREE');
    expect(e.date).toBe('1960');
    expect(e.historical).toBe(true);
  });
});

describe('explanations and ACLED', () => {
  it('says which lexicon entry and rules decided the event', () => {
    const e = find(events('The European Union imposed sanctions on Belarus.'), 'SANCTION');
    expect(e.reason).toMatch(/data\/lexicons\/events\.tsv:\d+/);
    expect(e.reason).toMatch(/source: subject/);
    expect(e.evidence.text).toBe('The European Union imposed sanctions on Belarus.');
    expect(e.confidence).toBeGreaterThan(0.5);
  });

  it('maps an attack on civilians to ACLED violence against civilians', () => {
    const e = find(events('Islamist militants attacked villagers in northern Burkina Faso, killing 12.'), 'ASSAULT');
    expect(e.fatalities).toBe(12);
    expect(e.acled?.event_type).toBe('Violence against civilians');
  });

  it('takes the attack mode from the weapon the sentence names', () => {
    const e = find(events('Three farmers were killed when their cart hit a landmine near Gao.'), 'ASSAULT');
    expect(e.mode).toBe('explosives');
    expect(e.acled?.event_type).toBe('Explosions/Remote violence');
    expect(e.fatalities).toBe(3);
  });

  it('codes a protest from the protesters a sentence names, and crowd violence as a riot', () => {
    const p = find(events('Hundreds of protesters gathered outside the parliament in Dakar.'), 'PROTEST');
    expect(p.source?.sector).toBe('OPP');
    expect(p.acled?.event_type).toBe('Protests');
    const r = find(events('Angry residents ransacked the town hall and burned two cars.'), 'ASSAULT');
    expect(r.acled?.event_type).toBe('Riots');
  });

  it('makes an attack that was fought off a battle', () => {
    const e = find(events('Gunmen attacked the village of Tilia but local militiamen repelled the assault.'), 'ASSAULT');
    expect(e.acled?.event_type).toBe('Battles');
    const v = find(events('Gunmen attacked the market of Tilia, killing four traders.'), 'ASSAULT');
    expect(v.acled?.event_type).toBe('Violence against civilians');
  });

  it('codes an announced intention as AGREE or THREATEN beside the future act', () => {
    const offer = events('France is ready to contribute 4,000 troops to the peacekeeping force in Liberia.');
    expect(find(offer, 'AGREE').hypothetical).toBe(false);
    expect(find(offer, 'AID').hypothetical || find(offer, 'AID').future).toBe(true);
    const warning = events('Nigeria will withdraw its troops from Chad unless the government arranges a ceasefire.');
    const t = find(warning, 'THREATEN');
    expect(t.source?.country).toBe('NGA');
    expect(t.future || t.hypothetical).toBe(false);
    expect(find(warning, 'RETREAT').future).toBe(true);
  });
});

