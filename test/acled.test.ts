import { describe, expect, it } from 'vitest';
import { annotationOf } from '../src/app/annotate.js';
import { createEngine } from '../src/engine.js';
import { acledLegacyType } from '../src/ontology/index.js';
import { segment } from '../src/stages/segment/segment.js';
import { openingLabel, parseAcledCues, parseAcledLabels } from '../src/stages/events/acled.js';
import { findFatalities, reportFatalities } from '../src/stages/events/fatalities.js';

const engine = createEngine();
const deaths = (text: string) => {
  const { tokens, sentences } = segment(text);
  return reportFatalities(tokens, sentences);
};
const acledOf = (text: string) => engine.analyze({ text, published: '2019-03-12' }).acled ?? null;

describe('report fatalities', () => {
  it('reads digits and number words, with "at least"', () => {
    expect(deaths('Gunmen killed at least twelve villagers near the market.')).toBe(12);
    expect(deaths('Four soldiers died when their patrol was ambushed.')).toBe(4);
    expect(deaths('The raid left 31 dead in the hamlet.')).toBe(31);
    expect(deaths('A dozen herders were killed overnight.')).toBe(12);
  });

  it('adds groups joined by "and" or commas', () => {
    expect(deaths('5 soldiers and 3 civilians were killed in the ambush.')).toBe(8);
    expect(deaths('The assault killed two gendarmes and four traders.')).toBe(6);
    expect(deaths('Fatalities: 7 soldiers, 2 assailants.')).toBe(9);
  });

  it('counts the attackers killed as well as their victims', () => {
    expect(deaths('The militants killed three policemen. Two of the attackers were also killed.')).toBe(5);
  });

  it('does not count the injured, the captured or other numbers', () => {
    expect(deaths('Two people were killed and 30 were wounded, 60 km from the capital.')).toBe(2);
    expect(deaths('1 soldier killed and 4 wounded in the attack.')).toBe(1);
    expect(deaths('Soldiers arrested 25 suspects in 2019; nobody was hurt.')).toBeNull();
    expect(deaths('Gunmen shot three men, who were taken to hospital with injuries.')).toBeNull();
  });

  it('reads "no casualties" and "no one was killed" as zero', () => {
    expect(deaths('Mortar shells hit the camp; no casualties were reported.')).toBe(0);
    expect(deaths('Shots were fired at the checkpoint but no one was killed.')).toBe(0);
  });

  it('counts one for a single named or singular victim', () => {
    expect(deaths('A civilian was killed by a stray bullet.')).toBe(1);
    expect(deaths('Unknown gunmen shot dead a teacher in his classroom.')).toBe(1);
    expect(deaths('Armed men assassinated Moussa Diallo at his home.')).toBe(1);
    expect(deaths('A councillor and his son were killed near the well.')).toBe(2);
  });

  it('does not add a subset, a repeated count or a date', () => {
    expect(deaths('Nine people were killed, including four children.')).toBe(9);
    expect(deaths('Three herders were killed. The three deaths angered the village.')).toBe(3);
    expect(deaths('The first toll was 4 dead; the death toll later rose to 11.')).toBe(11);
    expect(deaths('The journalist was killed on 13 December.')).toBe(1);
  });

  it('counts singular victims joined to a count, and the doers who die with their victims', () => {
    expect(deaths('Two gunmen and a gendarme were killed in the shootout.')).toBe(3);
    expect(deaths('A peacekeeper and two children were killed when rockets hit the camp.')).toBe(3);
    expect(deaths('27 rebels were killed and one soldier.')).toBe(28);
    expect(deaths('5 jihadists & one soldier killed & four troops wounded.')).toBe(6);
    expect(deaths('Two female suicide bombers killed themselves and at least two civilians in the market.')).toBe(4);
    expect(deaths('Eight others including two children were also killed.')).toBe(8);
  });

  it('counts a victim who died later, and a coder\'s stated figure', () => {
    expect(deaths('Militants attacked the brigade, wounding a young girl and a gendarme who later died from his wounds.')).toBe(1);
    expect(deaths('Gunmen attacked the fighters, killing an unknown number; unknown fatalities coded as 10.')).toBe(10);
    expect(deaths('The army killed 14 displaced people who were mistaken for jihadists.')).toBe(14);
  });

  it('reads the dead described by what was done to them, bodies found, the military\'s phrase and later deaths', () => {
    expect(deaths('Eight herders abducted by militiamen the day before were found dead in a well.')).toBe(8);
    expect(deaths('The bodies of two traders were found near the village.')).toBe(2);
    expect(deaths('The operation left 20 jihadists "out of combat".')).toBe(20);
    expect(deaths('2 dead and several wounded in the convoy. 2 more died at the hospital.')).toBe(4);
    // The same count repeated in a later sentence is still the same deaths.
    expect(deaths('Three soldiers were killed in the ambush. The army said three soldiers died.')).toBe(3);
  });

  it('does not count attempts, animals or a death that a crowd protests', () => {
    expect(deaths('An angry mob attacked and nearly lynched a priest.')).toBe(null);
    expect(deaths('Militiamen opened fire on two herdsmen, who fled while several of their livestock were killed.')).toBe(null);
    expect(deaths('Members of the guard executed a coup at the palace.')).toBe(null);
    expect(deaths('Residents marched in protest against the killing of a schoolgirl.')).toBe(null);
    const riot = acledOf('Youths burned the gendarmerie post after gendarmes killed a resident.');
    expect(riot?.legacy_type).toBe('Riots/Protests');
    expect(riot?.fatalities).toBe(null);
  });

  it('spreads a toll over the days or events it covers, as ACLED codes one event per day', () => {
    const two = acledOf('Rebels and soldiers clashed over two days near the town; 54 deaths were reported.');
    expect(two?.fatalities).toBe(54);
    expect(two?.fatalities_coded).toBe(27);
    expect(two?.fatalities_reason).toMatch(/two days/);
    expect(acledOf('Soldiers clashed with rebels between March 3 and 5, killing 30 rebels.')?.fatalities_coded).toBe(10);
    expect(acledOf('Gunmen attacked the camp over the night between Monday and Tuesday, killing two soldiers.')?.fatalities_coded).toBe(2);
    expect(acledOf('Gunmen attacked the camp, killing six soldiers.')?.fatalities_coded).toBe(6);
  });

  it('keeps per-sentence event fatalities as the sum of the statements', () => {
    const { tokens } = segment('Three soldiers and two militants were killed.');
    expect(findFatalities(tokens, 0, tokens.length)).toBe(5);
  });
});

describe('report ACLED type', () => {
  it('calls fighting between two armed sides a battle', () => {
    const a = acledOf('Soldiers clashed with jihadist fighters near the village, and six fighters were killed.');
    expect(a?.legacy_type).toBe('Battle-No change of territory');
    expect(a?.fatalities).toBe(6);
  });

  it('calls an attack on armed forces a battle and one on unarmed people violence against civilians', () => {
    expect(acledOf('Gunmen attacked a police checkpoint overnight, killing two policemen.')?.legacy_type).toBe('Battle-No change of territory');
    expect(acledOf('Gunmen on motorbikes attacked the village, killing four farmers and a shepherd.')?.legacy_type).toBe('Violence against civilians');
  });

  it('calls explosives without a fight on the ground remote violence', () => {
    const a = acledOf('A roadside IED struck a supply truck on the road to the town; its driver died.');
    expect(a?.event_type).toBe('Explosions/Remote violence');
    expect(a?.legacy_type).toBe('Remote violence');
    expect(a?.fatalities).toBe(1);
  });

  it('calls an ambush that starts with a mine a battle', () => {
    expect(acledOf('A mine hit the army convoy, then the assailants opened fire on the soldiers.')?.legacy_type).toBe('Battle-No change of territory');
  });

  it('reads protests and riots', () => {
    expect(acledOf('Hundreds of teachers marched to the ministry to protest unpaid wages.')?.legacy_type).toBe('Riots/Protests');
    expect(acledOf('Angry youths burned tyres and threw stones at the town hall after the rumour spread.')?.legacy_type).toBe('Riots/Protests');
  });

  it('reads territory taken in a fight', () => {
    expect(acledOf('After a day of fighting the rebels took control of the town.')?.legacy_type).toBe('Battle-Non-state actor overtakes territory');
  });

  it('keeps looting without harm to people and arrests as strategic developments', () => {
    expect(acledOf('Armed men looted the shops and burned the warehouse of the cooperative.')?.legacy_type).toBe('Strategic development');
    expect(acledOf('Looting: gunmen took the cattle of a trader near the well.')?.sub_event_type).toBe('Looting/property destruction');
    expect(acledOf('The gendarmerie arrested three suspects in the town.')?.event_type).toBe('Strategic developments');
  });

  it('says why, and gives nothing for a report without conflict', () => {
    expect(acledOf('Gunmen on motorbikes attacked the village, killing four farmers.')?.reason).toMatch(/unarmed/);
    expect(acledOf('The two ministers discussed trade and the weather.')).toBeNull();
  });

  it('dates the report by the day it names, even when no event phrase is coded', () => {
    // Published 2019-03-12: "On March 9" is the past March 9; the report's own event carries its stated day.
    const burned = acledOf('Property destruction: On March 9, unknown individuals set a church ablaze in the town.');
    expect(burned?.date).toBe('2019-03-09');
    expect(burned?.date_precision).toBe('day');
    const ambush = acledOf('Gunmen ambushed an army patrol on Sunday near the border, killing two soldiers.');
    expect(ambush?.date).toBe('2019-03-10');
    expect(ambush?.date_reason).toMatch(/Sunday/);
    // Without a stated day, the report is dated by publication.
    const undated = acledOf('Gunmen attacked a police checkpoint near the border, killing two policemen.');
    expect(undated?.date).toBe('2019-03-12');
    expect(undated?.date_reason).toMatch(/published/);
  });

  it('calls harm to someone held, tortured, executed or lynched violence against civilians, whoever the victim', () => {
    expect(acledOf('Three people arrested by soldiers were later executed in front of the villagers.')?.legacy_type).toBe('Violence against civilians');
    expect(acledOf('Troops tortured two rebel prisoners at the camp.')?.legacy_type).toBe('Violence against civilians');
    expect(acledOf('An angry mob lynched a suspected thief at the market.')?.legacy_type).toBe('Violence against civilians');
  });

  it('calls armed men hurting a crowd that did no violence violence against civilians, and a crowd that did a riot', () => {
    expect(acledOf('Police violently dispersed a student sit-in; several protesters were injured.')?.legacy_type).toBe('Violence against civilians');
    expect(acledOf('Police fired tear gas to disperse protesters who had burned tyres on the road.')?.legacy_type).toBe('Riots/Protests');
    expect(acledOf('Youths burned the gendarmerie post after gendarmes killed a resident.')?.event_type).toBe('Riots');
  });

  it('calls clashes between unarmed partisans riots, and those between communities battles', () => {
    expect(acledOf('Clashes between students of two faculties left one dead and several wounded.')?.legacy_type).toBe('Riots/Protests');
    expect(acledOf('Farmers and herders clashed over a field; three people were killed.')?.legacy_type).toBe('Battle-No change of territory');
  });

  it('reads abductions by armed men as violence against civilians, and the victims of armed posts and vehicles as armed', () => {
    expect(acledOf('Unknown gunmen abducted a relative of the mayor near the town.')?.legacy_type).toBe('Violence against civilians');
    expect(acledOf('A MINUSMA vehicle was targeted by gunfire near the town; two were killed.')?.legacy_type).toBe('Battle-No change of territory');
    expect(acledOf('An army post attacked around midnight, two dead and one wounded.')?.legacy_type).toBe('Battle-No change of territory');
    expect(acledOf('Rebels ambushed a civilian convoy on the road, injuring four.')?.legacy_type).toBe('Violence against civilians');
  });

  it('codes a suicide attack as remote violence, and for the older export by who was hit', () => {
    const camp = acledOf('A suicide bomber drove a car bomb into the army camp, killing four soldiers.');
    expect(camp?.sub_event_type).toBe('Suicide bomb');
    expect(camp?.legacy_type).toBe('Battle-No change of territory');
    expect(acledOf('A suicide bomber blew himself up in the crowded market, killing nine civilians.')?.legacy_type).toBe('Violence against civilians');
    expect(acledOf('Mortar fire hit the base overnight; no casualties were reported.')?.legacy_type).toBe('Remote violence');
  });

  it('reads a place overrun or captured as taken in a fight, and one taken without a fight as a transfer', () => {
    expect(acledOf('Rebel forces overran the garrison town.')?.legacy_type).toBe('Battle-Non-state actor overtakes territory');
    expect(acledOf('The rebels claimed control over the town without a fight.')?.legacy_type).toBe('Non-violent transfer of territory');
  });

  it('calls civilians killed in a fight between others violence against civilians', () => {
    expect(acledOf('Ten civilians were killed in the fighting between troops and rebels.')?.legacy_type).toBe('Violence against civilians');
    expect(acledOf('Ten people were killed in clashes between two militias.')?.legacy_type).toBe('Battle-No change of territory');
  });

  it('reads a report labelled as a strike as a strategic development', () => {
    expect(acledOf('Strikes: Health workers joined the strike on Thursday.')?.legacy_type).toBe('Strategic development');
  });

  it('does not read a crowd that occupies a square or is chased off as territory taken', () => {
    expect(acledOf('Teachers held a sit-in and protesters occupied the main square of the capital; police chased the demonstrators.')?.legacy_type).toBe('Riots/Protests');
    expect(acledOf('Several hundred traders gathered in front of the town hall to demand lower taxes.')?.legacy_type).toBe('Riots/Protests');
    expect(acledOf('Thousands took the streets of the capital in support of the army.')?.legacy_type).toBe('Riots/Protests');
  });

  it('reads a named place taken as territory taken, and territory regained in a fight as regained', () => {
    expect(acledOf('Rebel fighters captured Kidira after a night of fighting.')?.legacy_type).toBe('Battle-Non-state actor overtakes territory');
    expect(acledOf('The rebel group says it has seized Boulkessi.')?.legacy_type).toBe('Battle-Non-state actor overtakes territory');
    expect(acledOf('Gunmen took Amadou hostage and killed two soldiers.')?.legacy_type).toBe('Battle-No change of territory');
    expect(acledOf('The government regained territory held by mutineers after a week of fighting.')?.legacy_type).toBe('Battle-Government regains territory');
    expect(acledOf('The rebels now control Tessit after the army left.')?.legacy_type).toBe('Non-violent transfer of territory');
  });

  it('calls a soldier or policeman killed off duty or at home violence against civilians', () => {
    expect(acledOf('Gunmen shot dead an off-duty policeman near the market.')?.legacy_type).toBe('Violence against civilians');
    expect(acledOf('A soldier was killed by unknown gunmen in his house.')?.legacy_type).toBe('Violence against civilians');
    expect(acledOf('Gunmen shot dead a policeman at the checkpoint.')?.legacy_type).toBe('Battle-No change of territory');
  });

  it('does not call youths who are only victims a rioting crowd, nor count the side they are linked to as present', () => {
    expect(acledOf('Unknown gunmen abducted three youths near the well.')?.legacy_type).toBe('Violence against civilians');
    expect(acledOf('Youths burned tyres and threw stones at the town hall.')?.legacy_type).toBe('Riots/Protests');
    expect(acledOf('Soldiers killed four herders suspected of supporting the jihadists.')?.legacy_type).toBe('Violence against civilians');
  });

  it('reads a strike on an armed side as an attack, and detonations and bombardment as remote violence', () => {
    expect(acledOf('The air force is striking militant positions north of the lake.')?.legacy_type).not.toBe('Riots/Protests');
    expect(acledOf('Two loud detonations were heard near the camp.')?.legacy_type).toBe('Remote violence');
    expect(acledOf('The army tried to bombard rebel bases in the mountains.')?.legacy_type).toBe('Remote violence');
  });

  it('names the report\'s actor 1: the doer of its event, else the first armed actor it names', () => {
    const attack = acledOf('Gunmen ambushed an army patrol near Djibo, Burkina Faso, killing two soldiers.');
    expect(attack?.actor1?.code).toBe('BFAUAF');
    expect(attack?.actor1?.reason).toMatch(/doer of the report's event/);
    const nothingCoded = acledOf('Weapons seizure: the Nigerien police discovered an arms cache on the outskirts of Tahoua, Niger.');
    expect(nothingCoded?.actor1?.code).toBe('NERCOP');
  });

  it('is part of what annotate gives', () => {
    const doc = engine.analyze({ text: 'Soldiers clashed with rebels near the border; three rebels were killed.' });
    const out = annotationOf(doc) as { acled: { legacy_type: string; fatalities: number } | null };
    expect(out.acled?.legacy_type).toBe('Battle-No change of territory');
    expect(out.acled?.fatalities).toBe(3);
  });
});

describe('ACLED data files and mapping', () => {
  it('rejects a cue line without a known cue or a reason', () => {
    expect(() => parseAcledCues('clash\tfight\tbecause', 'x.tsv')).toThrow(/x.tsv:1/);
    expect(() => parseAcledCues('clash\tbattle', 'x.tsv')).toThrow(/x.tsv:1/);
    expect(parseAcledCues('exchange|exchanged fire\tbattle\ttwo sides firing', 'x.tsv').get('exchanged')?.[0].cue).toBe('battle');
  });

  it('reads an opening label and rejects a label line without its columns', () => {
    const { tokens } = segment('Property destruction: a school was burned.');
    expect(openingLabel(tokens, 0, tokens.length)).toBe('property destruction');
    expect(() => parseAcledLabels('looting\tStrategic developments', 'l.tsv')).toThrow(/l.tsv:1/);
  });

  it('maps the older export types, headquarters included', () => {
    expect(acledLegacyType('Strategic developments', 'Headquarters or base established')).toBe('Headquarters or base established');
    expect(acledLegacyType('Strategic developments', 'Arrests')).toBe('Strategic development');
    expect(acledLegacyType('Battles', 'Government regains territory')).toBe('Battle-Government regains territory');
  });
});
