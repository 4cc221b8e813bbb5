// Every ontology mapping dyad uses, as data in one place: PLOVER types, their quad class and default CAMEO root,
// mode-specific CAMEO roots, CAMEO root -> Goldstein, and PLOVER (type, mode, target) -> ACLED categories.
// Facts from the public PLOVER manual, the CAMEO 1.1b3 codebook, GDELT's Goldstein table and ACLED's codebook
// (see ../shared/docs/ontology.md). The quad numbering and the disputed cases are dyad's declared choices:
// SANCTION = 4, CONCEDE = 2, RETREAT = 2; CONCEDE and RETREAT score as YIELD against PLV.

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export interface PloverInfo {
  quad: 1 | 2 | 3 | 4;
  /** Default CAMEO root code when no mode says otherwise. */
  cameo: string;
  modes: readonly string[];
  /** PLOVER's own intensity score, for reference. */
  score: number;
}

export const PLOVER: Record<PloverType, PloverInfo> = {
  AGREE: { quad: 1, cameo: '05', modes: [], score: 2.5 },
  CONSULT: { quad: 1, cameo: '04', modes: ['visit', 'third-party', 'multilateral', 'phone'], score: 2.5 },
  SUPPORT: { quad: 1, cameo: '05', modes: [], score: 5 },
  CONCEDE: { quad: 2, cameo: '08', modes: [], score: 4.5 },
  COOPERATE: { quad: 2, cameo: '06', modes: [], score: 9.5 },
  AID: { quad: 2, cameo: '07', modes: [], score: 10 },
  RETREAT: {
    quad: 2, cameo: '08', modes: ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'], score: 6.5,
  },
  REQUEST: { quad: 3, cameo: '10', modes: ['assist', 'change', 'yield', 'meet'], score: 0 },
  ACCUSE: { quad: 3, cameo: '11', modes: ['disapprove', 'investigate', 'allege'], score: -2.5 },
  REJECT: { quad: 3, cameo: '12', modes: ['assist', 'change', 'yield', 'meet'], score: -2 },
  THREATEN: {
    quad: 3, cameo: '13', modes: ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'], score: -3.5,
  },
  PROTEST: {
    quad: 4, cameo: '14', modes: ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct', 'vandalize'], score: -5,
  },
  SANCTION: { quad: 4, cameo: '16', modes: ['convict', 'expel', 'withdraw', 'discontinue'], score: -6 },
  MOBILIZE: { quad: 4, cameo: '15', modes: ['troops', 'weapons', 'police', 'militia'], score: -5.5 },
  COERCE: {
    quad: 4, cameo: '17',
    modes: ['seize', 'restrict', 'censor', 'curfew', 'martial-law', 'arrest', 'deport', 'withhold', 'misinformation', 'cyber'],
    score: -7,
  },
  ASSAULT: {
    quad: 4, cameo: '18',
    modes: [
      'abduct', 'beat', 'torture', 'sexual', 'targeted', 'destroy', 'primitive', 'firearms', 'explosives',
      'suicide-attack', 'aerial', 'drone', 'heavy-weapons', 'crowd-control', 'unconventional',
    ],
    score: -9,
  },
};

/** CAMEO roots that a mode refines to, where CAMEO separates what PLOVER keeps in one type. */
export const MODE_CAMEO: Record<string, string> = {
  'REQUEST/assist': '02',
  'REQUEST/meet': '02',
  'ACCUSE/investigate': '09',
  'SANCTION/convict': '17',
  'ASSAULT/firearms': '19',
  'ASSAULT/heavy-weapons': '19',
  'ASSAULT/aerial': '19',
  'ASSAULT/drone': '19',
  'ASSAULT/unconventional': '20',
};

export interface CameoRoot {
  name: string;
  goldstein: number;
  quad: 1 | 2 | 3 | 4;
}

export const CAMEO_ROOTS: Record<string, CameoRoot> = {
  '01': { name: 'make public statement', goldstein: 0.0, quad: 1 },
  '02': { name: 'appeal', goldstein: 3.0, quad: 1 },
  '03': { name: 'express intent to cooperate', goldstein: 4.0, quad: 1 },
  '04': { name: 'consult', goldstein: 1.0, quad: 1 },
  '05': { name: 'engage in diplomatic cooperation', goldstein: 3.5, quad: 1 },
  '06': { name: 'engage in material cooperation', goldstein: 6.0, quad: 2 },
  '07': { name: 'provide aid', goldstein: 7.0, quad: 2 },
  '08': { name: 'yield', goldstein: 5.0, quad: 2 },
  '09': { name: 'investigate', goldstein: -2.0, quad: 3 },
  '10': { name: 'demand', goldstein: -5.0, quad: 3 },
  '11': { name: 'disapprove', goldstein: -2.0, quad: 3 },
  '12': { name: 'reject', goldstein: -4.0, quad: 3 },
  '13': { name: 'threaten', goldstein: -6.0, quad: 3 },
  '14': { name: 'protest', goldstein: -6.5, quad: 4 },
  '15': { name: 'exhibit force posture', goldstein: -7.2, quad: 4 },
  '16': { name: 'reduce relations', goldstein: -4.0, quad: 4 },
  '17': { name: 'coerce', goldstein: -7.0, quad: 4 },
  '18': { name: 'assault', goldstein: -9.0, quad: 4 },
  '19': { name: 'fight', goldstein: -10.0, quad: 4 },
  '20': { name: 'use unconventional mass violence', goldstein: -10.0, quad: 4 },
};

export interface Coding {
  event: PloverType;
  mode: string | null;
  quad: 1 | 2 | 3 | 4;
  cameo: string;
  goldstein: number;
}

export function isPloverType(s: string): s is PloverType {
  return (PLOVER_TYPES as readonly string[]).includes(s);
}

/** The full coding of a PLOVER type and mode: quad from PLOVER, CAMEO root from the mode or the type, Goldstein from CAMEO. */
export function codeEvent(event: PloverType, mode: string | null): Coding {
  const info = PLOVER[event];
  const cameo = (mode && MODE_CAMEO[`${event}/${mode}`]) || info.cameo;
  return { event, mode, quad: info.quad, cameo, goldstein: CAMEO_ROOTS[cameo].goldstein };
}

/** PLV merges CONCEDE and RETREAT into one class. */
export function toPlvRoot(event: string): string {
  return event === 'CONCEDE' || event === 'RETREAT' ? 'YIELD' : event;
}

// ACLED (current scheme: 6 event types, 25 sub-event types). Keys are PLOVER type, then mode ('*' any),
// then whether the target is civilian. The first matching row wins.
export interface AcledRule {
  event: PloverType;
  mode: string | '*';
  /** 'civilian' when the target is civilians, 'armed' when an armed actor, '*' either. */
  target: 'civilian' | 'armed' | '*';
  /** 'crowd' when the source is an unarmed civilian group (protesters, residents, students); '*' any. */
  source?: 'crowd' | '*';
  event_type: string;
  sub_event_type: string;
}

export const ACLED_RULES: readonly AcledRule[] = [
  { event: 'ASSAULT', mode: 'crowd-control', target: '*', event_type: 'Protests', sub_event_type: 'Protest with intervention' },
  { event: 'ASSAULT', mode: '*', target: '*', source: 'crowd', event_type: 'Riots', sub_event_type: 'Mob violence' },
  { event: 'ASSAULT', mode: 'sexual', target: '*', event_type: 'Violence against civilians', sub_event_type: 'Sexual violence' },
  { event: 'ASSAULT', mode: 'abduct', target: '*', event_type: 'Violence against civilians', sub_event_type: 'Abduction/forced disappearance' },
  { event: 'ASSAULT', mode: 'suicide-attack', target: '*', event_type: 'Explosions/Remote violence', sub_event_type: 'Suicide bomb' },
  { event: 'ASSAULT', mode: 'aerial', target: '*', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike' },
  { event: 'ASSAULT', mode: 'drone', target: '*', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike' },
  { event: 'ASSAULT', mode: 'explosives', target: '*', event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED' },
  { event: 'ASSAULT', mode: 'heavy-weapons', target: '*', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' },
  { event: 'ASSAULT', mode: '*', target: 'civilian', event_type: 'Violence against civilians', sub_event_type: 'Attack' },
  { event: 'ASSAULT', mode: 'destroy', target: '*', event_type: 'Strategic developments', sub_event_type: 'Looting/property destruction' },
  { event: 'ASSAULT', mode: '*', target: '*', event_type: 'Battles', sub_event_type: 'Armed clash' },
  { event: 'PROTEST', mode: 'riot', target: '*', event_type: 'Riots', sub_event_type: 'Violent demonstration' },
  { event: 'PROTEST', mode: 'vandalize', target: '*', event_type: 'Riots', sub_event_type: 'Violent demonstration' },
  { event: 'PROTEST', mode: '*', target: '*', event_type: 'Protests', sub_event_type: 'Peaceful protest' },
  { event: 'COERCE', mode: 'arrest', target: '*', event_type: 'Strategic developments', sub_event_type: 'Arrests' },
  { event: 'COERCE', mode: 'seize', target: '*', event_type: 'Strategic developments', sub_event_type: 'Non-violent transfer of territory' },
  { event: 'MOBILIZE', mode: '*', target: '*', event_type: 'Strategic developments', sub_event_type: 'Change to group/activity' },
  { event: 'AGREE', mode: '*', target: '*', event_type: 'Strategic developments', sub_event_type: 'Agreement' },
  { event: 'RETREAT', mode: 'ceasefire', target: '*', event_type: 'Strategic developments', sub_event_type: 'Agreement' },
];

/** Unarmed groups whose violence ACLED records as riots, not battles. */
export const CROWD_SECTORS: ReadonlySet<string> = new Set(['CVL', 'OPP', 'LAB', 'EDU', 'AGR', 'REL', 'BUS']);
/** Sectors that bear arms: the state's forces and armed groups. */
export const ARMED_SECTORS: ReadonlySet<string> = new Set(['MIL', 'REB', 'PRM', 'UAF', 'COP', 'SPY', 'INS']);
/** The state's own armed forces, among ARMED_SECTORS. */
export const STATE_FORCE_SECTORS: ReadonlySet<string> = new Set(['MIL', 'COP', 'SPY']);
// IGO counts as armed when attacked: in conflict reporting the IGO attacked is nearly always a peacekeeping force.
const ARMED_TARGET = (sector: string) => ARMED_SECTORS.has(sector) || sector === 'IGO';

/**
 * ACLED category of a coded event, or null for event types ACLED does not record (diplomacy). ACLED counts
 * an attack as a battle only when both sides are armed: a target that is not an armed actor (civilians,
 * officials, an unnamed victim) makes it violence against civilians; an unknown target of a clash stays a battle.
 */
export function acledCategory(
  event: string,
  mode: string | null,
  targetSector: string | null,
  sourceSector: string | null = null,
  /** The report says both sides fought ("the attack was repelled", "clashes"): ACLED counts a battle. */
  reciprocal = false,
): { event_type: string; sub_event_type: string } | null {
  const target =
    reciprocal || (targetSector && ARMED_TARGET(targetSector)) ? 'armed' : targetSector || mode !== 'firearms' ? 'civilian' : null;
  const crowd = sourceSector !== null && CROWD_SECTORS.has(sourceSector);
  for (const r of ACLED_RULES) {
    if (r.event !== event) continue;
    if (r.source === 'crowd' && !crowd) continue;
    if (r.mode !== '*' && r.mode !== mode) continue;
    if (r.target !== '*' && r.target !== target) continue;
    return { event_type: r.event_type, sub_event_type: r.sub_event_type };
  }
  return null;
}

/** Words that say both sides fought, which makes an attack a battle in ACLED's terms. */
export const RECIPROCAL_FIGHTING_CUES: ReadonlySet<string> = new Set([
  'clash', 'clashes', 'clashed', 'clashing', 'repelled', 'repulsed', 'repel', 'firefight', 'firefights', 'gunfight',
  'gunbattle', 'fought', 'retaliated', 'fended', 'counterattack', 'counter-attack', 'skirmish', 'skirmishes',
]);

/** Older ACLED event types (the pre-2019 export format) from the current scheme. */
export function acledLegacyType(eventType: string, subEventType: string): string {
  switch (eventType) {
    case 'Battles':
      return subEventType === 'Non-state actor overtakes territory'
        ? 'Battle-Non-state actor overtakes territory'
        : subEventType === 'Government regains territory'
          ? 'Battle-Government regains territory'
          : 'Battle-No change of territory';
    case 'Explosions/Remote violence':
      return 'Remote violence';
    case 'Violence against civilians':
      return 'Violence against civilians';
    case 'Protests':
    case 'Riots':
      return 'Riots/Protests';
    default:
      return subEventType === 'Non-violent transfer of territory' || subEventType === 'Headquarters or base established'
        ? subEventType
        : 'Strategic development';
  }
}

export const PLOVER_CONTEXTS = [
  'military', 'intelligence', 'executive', 'legislative', 'election', 'political_institutions', 'pro_democracy',
  'pro_autocracy', 'economic', 'legal', 'reparations', 'human_rights', 'rights_freedoms', 'repression',
  'human_security', 'gender', 'lgbt', 'religion_ethnicity', 'inequality', 'diplomatic', 'territory',
  'peacekeeping', 'health', 'asylum', 'migration', 'disasters', 'natural_resource', 'environment', 'technology',
  'terrorism', 'cbrn', 'cyber', 'misinformation', 'crime', 'corruption', 'illegal_drugs', 'trafficking',
] as const;

export const SECTORS = [
  'COP', 'GOV', 'JUD', 'LEG', 'MIL', 'PRM', 'PTY', 'REB', 'SPY', 'UAF', 'UNK', 'AGR', 'BUS', 'CRM', 'CVL', 'EDU',
  'ELI', 'JRN', 'LAB', 'MED', 'REF', 'OPP', 'PRE', 'REL', 'SOC', 'IGO', 'NGO',
] as const;
