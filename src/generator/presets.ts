/**
 * Scenario presets (the earlier Python service's, descriptions our own) plus a large-scale combat
 * operations preset built on the LSCO figures of docs/casualty-model.md. Shapes follow the earlier API.
 */
import { isRecord } from './parse-helpers.js';
import { innerConfiguration } from './parse-scenario.js';
import type { FieldError, FrontDomain } from './types.js';

interface NationShare {
  nationality_code: string;
  percentage: number;
}
interface PresetFront {
  name: string;
  casualty_rate: number;
  nationality_distribution: NationShare[];
  domain: FrontDomain;
}
interface PresetDef {
  id: string;
  name: string;
  description: string;
  category: string;
  difficulty: 'low' | 'high' | 'extreme';
  total_patients: number;
  duration_days: number;
  warfare_type: string;
  /** Battle Injury / Non-Battle Injury / Disease. */
  mix: [number, number, number];
  /** Name, casualty rate, nations with percentages, and the domain when it is not land. */
  fronts: [string, number, string, FrontDomain?][];
  triage_override?: Record<string, { T1: number; T2: number; T3: number }>;
  extra?: Record<string, unknown>;
}

const PRESET_DEFS: readonly PresetDef[] = [
  {
    id: 'nato_article_5',
    name: 'NATO Article 5 - Baltic Defense',
    description:
      'Collective defence of the Baltic states by allied brigades on three sectors; a high-intensity conventional fight over eight days.',
    category: 'conventional_warfare',
    difficulty: 'high',
    total_patients: 2500,
    duration_days: 8,
    warfare_type: 'conventional',
    mix: [0.55, 0.25, 0.2],
    fronts: [
      ['Northern Sector', 0.45, 'EST35 FIN30 SWE20 USA15'],
      ['Central Sector', 0.35, 'POL40 DEU25 USA20 GBR15'],
      ['Southern Sector', 0.2, 'LVA30 LTU30 POL25 CAN15'],
    ],
  },
  {
    id: 'peacekeeping',
    name: 'UN Peacekeeping Mission',
    description:
      'A month of stabilisation duty in a hot country: mostly illness, heat and accidents, few hostile-action casualties.',
    category: 'peacekeeping',
    difficulty: 'low',
    total_patients: 500,
    duration_days: 30,
    warfare_type: 'peacekeeping',
    mix: [0.04, 0.36, 0.6],
    fronts: [
      ['Main Operating Base', 0.6, 'USA20 GBR15 FRA15 ITA15 ESP10 DEU10 CAN15'],
      ['Forward Operating Base', 0.4, 'NOR25 DNK25 NLD25 BEL25'],
    ],
    extra: { environmental_conditions: { extreme_heat: true }, intensity: 'low' },
  },
  {
    id: 'urban_assault',
    name: 'Urban Assault Operation',
    description: 'Five days of clearing a defended city district by district, with close-quarters fighting.',
    category: 'urban_warfare',
    difficulty: 'extreme',
    total_patients: 3000,
    duration_days: 5,
    warfare_type: 'urban',
    mix: [0.7, 0.2, 0.1],
    fronts: [
      ['City Center', 0.5, 'USA50 GBR30 AUS20'],
      ['Industrial Zone', 0.3, 'FRA40 DEU35 ITA25'],
      ['Harbor District', 0.2, 'NLD35 NOR35 DNK30'],
    ],
  },
  {
    id: 'cbrn_incident',
    name: 'CBRN Incident Response',
    description:
      'Chemical and radiological attacks on a staging area: most casualties are nerve- and blister-agent or radiation exposures, decontaminated and given antidotes or care by dose.',
    category: 'cbrn',
    difficulty: 'extreme',
    total_patients: 1500,
    duration_days: 3,
    warfare_type: 'cbrn',
    mix: [0.75, 0.1, 0.15],
    fronts: [
      ['Primary Impact Zone', 0.7, 'USA60 GBR25 CAN15'],
      ['Secondary Exposure Zone', 0.3, 'DEU40 FRA35 NLD25'],
    ],
    triage_override: { Disease: { T1: 0.5, T2: 0.35, T3: 0.15 } },
  },
  {
    id: 'training_exercise',
    name: 'Training Exercise - Small Scale',
    description:
      'A two-day field exercise for one training area; small numbers to walk a medical team through the chain.',
    category: 'training',
    difficulty: 'low',
    total_patients: 100,
    duration_days: 2,
    warfare_type: 'conventional',
    mix: [0.4, 0.35, 0.25],
    fronts: [['Training Area Alpha', 1, 'USA100']],
  },
  {
    id: 'mass_casualty',
    name: 'Mass Casualty Event',
    description: 'One day, one incident site, many wounded at once: tests triage and surge capacity.',
    category: 'mass_casualty',
    difficulty: 'extreme',
    total_patients: 800,
    duration_days: 1,
    warfare_type: 'conventional',
    mix: [0.85, 0.1, 0.05],
    fronts: [['Incident Site', 1, 'USA40 GBR30 DEU20 FRA10']],
    triage_override: { 'Battle Injury': { T1: 0.5, T2: 0.35, T3: 0.15 } },
    extra: { mass_casualty_share: 0.85, special_events: { mass_casualty: true } },
  },
  {
    id: 'arctic_operation',
    name: 'Arctic Winter Operation',
    description: 'Two weeks in the High North; cold injuries and accidents outnumber wounds.',
    category: 'cold_weather',
    difficulty: 'high',
    total_patients: 1200,
    duration_days: 14,
    warfare_type: 'conventional',
    mix: [0.3, 0.45, 0.25],
    fronts: [
      ['Arctic Forward Base', 0.55, 'NOR35 FIN30 SWE20 USA15'],
      ['Mountain Sector', 0.45, 'CAN40 GBR30 USA30'],
    ],
    extra: {
      environmental_conditions: { extreme_cold: true, mountainous_terrain: true },
      base_date: '2026-02-02',
    },
  },
  {
    id: 'maritime_operation',
    name: 'Maritime/Amphibious Operation',
    description: 'A task force lands a force ashore and pushes inland over six days.',
    category: 'maritime',
    difficulty: 'high',
    total_patients: 1800,
    duration_days: 6,
    warfare_type: 'amphibious',
    mix: [0.55, 0.3, 0.15],
    fronts: [
      ['Naval Task Force', 0.35, 'USA45 GBR30 FRA25', 'naval'],
      ['Beach Landing Zone', 0.45, 'USA50 AUS25 NLD25'],
      ['Inland Objective', 0.2, 'GBR40 CAN35 NZL25'],
    ],
  },
  {
    id: 'lsco',
    name: 'Large-Scale Combat Operations',
    description:
      'Peer conflict without air superiority: artillery and drones dominate, evacuation takes hours, not minutes (LSCO figures, docs/casualty-model.md).',
    category: 'conventional_warfare',
    difficulty: 'extreme',
    total_patients: 5000,
    duration_days: 14,
    warfare_type: 'artillery',
    mix: [0.55, 0.2, 0.25],
    fronts: [
      ['Eastern Sector', 0.6, 'POL40 LTU20 DEU20 USA20'],
      ['Northern Sector', 0.4, 'EST30 LVA20 FIN30 GBR20'],
    ],
    extra: {
      casualty_profile: 'lsco',
      warfare_types: { artillery: true, drone: true, conventional: true },
      intensity: 'extreme',
      tempo: 'escalating',
    },
  },
];

const CATEGORIES: Record<string, { name: string; icon: string }> = {
  conventional_warfare: { name: 'Conventional Warfare', icon: 'military' },
  urban_warfare: { name: 'Urban Warfare', icon: 'building' },
  peacekeeping: { name: 'Peacekeeping', icon: 'peace' },
  cbrn: { name: 'CBRN', icon: 'hazard' },
  training: { name: 'Training', icon: 'training' },
  mass_casualty: { name: 'Mass Casualty', icon: 'emergency' },
  cold_weather: { name: 'Cold Weather', icon: 'snow' },
  maritime: { name: 'Maritime', icon: 'ship' },
};

const DIFFICULTY_LEVELS = {
  low: { name: 'Low', color: 'green' },
  high: { name: 'High', color: 'orange' },
  extreme: { name: 'Extreme', color: 'red' },
};

const fronts = (def: PresetDef): PresetFront[] =>
  def.fronts.map(([name, rate, nations, domain]) => ({
    name,
    casualty_rate: rate,
    nationality_distribution: nations
      .split(' ')
      .map((n) => ({ nationality_code: n.slice(0, 3), percentage: Number(n.slice(3)) })),
    domain: domain ?? 'land',
  }));

const injuryDistribution = (def: PresetDef): Record<string, number> => ({
  'Battle Injury': def.mix[0],
  'Non-Battle Injury': def.mix[1],
  Disease: def.mix[2],
});

const summaryOf = (d: PresetDef) => ({
  id: d.id,
  name: d.name,
  description: d.description,
  category: d.category,
  difficulty: d.difficulty,
  total_patients: d.total_patients,
  duration_days: d.duration_days,
});

export type PresetSummary = ReturnType<typeof summaryOf>;

/**
 * GET /presets body; `category` and `difficulty` filter by exact match. `patientLimit` is the caller's
 * patients per generation (`null`: unlimited): each preset says whether it `fits_your_limit` as it is;
 * one that does not still runs with `total_patients` set to the limit or fewer.
 */
export function listPresets(
  filter: { category?: string; difficulty?: string } = {},
  patientLimit: number | null = null,
) {
  const presets = PRESET_DEFS.filter(
    (d) =>
      (!filter.category || d.category === filter.category) &&
      (!filter.difficulty || d.difficulty === filter.difficulty),
  ).map((d) => ({
    ...summaryOf(d),
    fits_your_limit: patientLimit === null || d.total_patients <= patientLimit,
  }));
  return {
    presets,
    max_patients_for_key: patientLimit,
    categories: CATEGORIES,
    difficulty_levels: DIFFICULTY_LEVELS,
    total_count: presets.length,
  };
}

/**
 * GET /presets/{id} body, or undefined for an unknown id. `generation_config` is a valid configuration
 * for parseScenario as it is. Facility rates are left empty on purpose: the evidence-based tables apply.
 */
export function getPreset(id: string) {
  const d = PRESET_DEFS.find((p) => p.id === id);
  if (!d) return undefined;
  const f = fronts(d);
  return {
    preset: {
      ...summaryOf(d),
      fronts: f,
      injury_distribution: injuryDistribution(d),
      warfare_type: d.warfare_type,
      triage_override: d.triage_override ?? null,
    },
    generation_config: {
      total_patients: d.total_patients,
      front_configs: f.map((front, i) => ({ id: `front_${i}`, ...front })),
      injury_distribution: injuryDistribution(d),
      facility_configs: [] as unknown[],
      output_formats: ['json'],
      preset_id: d.id,
      preset_name: d.name,
      warfare_type: d.warfare_type,
      duration_days: d.duration_days,
      ...(d.triage_override ? { triage_override: d.triage_override } : {}),
      ...d.extra,
    },
  };
}

export function presetCategories() {
  const categories = Object.entries(CATEGORIES).map(([id, c]) => ({
    id,
    name: c.name,
    icon: c.icon,
    preset_count: PRESET_DEFS.filter((d) => d.category === id).length,
  }));
  return { categories, total_categories: categories.length };
}

export const PRESET_IDS: readonly string[] = PRESET_DEFS.map((d) => d.id);

/** The configuration with its preset applied; unchanged when it names none or an unknown one. */
export function expandPreset(raw: unknown): unknown {
  const inner = innerConfiguration(raw);
  if (!isRecord(inner)) return raw;
  const expanded = withPreset(inner);
  return expanded.ok ? expanded.configuration : raw;
}

/**
 * A configuration with `preset_id` is the preset's `generation_config` (and its name) with the
 * configuration's own keys on top, so `{"preset_id": "cbrn_incident", "total_patients": 300}` runs that
 * preset with 300 patients. Posting a whole `generation_config` gives the same configuration back.
 * @returns the configuration unchanged when it names no preset, or an error naming the known ids.
 */
export function withPreset(
  configuration: Record<string, unknown>,
): { ok: true; configuration: Record<string, unknown> } | { ok: false; error: FieldError } {
  const id = configuration.preset_id;
  if (id === undefined || id === null) return { ok: true, configuration };
  const preset = typeof id === 'string' ? getPreset(id) : undefined;
  if (!preset) {
    return {
      ok: false,
      error: {
        loc: ['preset_id'],
        msg: `Unknown preset ${JSON.stringify(id)}; the presets are: ${PRESET_IDS.join(', ')}`,
        type: 'enum',
      },
    };
  }
  return {
    ok: true,
    configuration: { name: preset.preset.name, ...preset.generation_config, ...configuration },
  };
}
