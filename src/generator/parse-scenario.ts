/**
 * Validates the inline `configuration` of POST /api/v1/generation/ (and stored configurations) into a
 * Scenario. Tolerant of what real clients send (aliases, extra keys, percentages); strict about values
 * that would make the output wrong. Accepted aliases are listed in docs/generator.md.
 */
import { DEFAULT_PATIENT_COUNT, DEFAULT_SCENARIO, INTENSITY_MIX } from './defaults.js';
import { isKnownNationality } from './nations.js';
import { withPreset } from './presets.js';
import {
  BASE_DATE_RANGE,
  ErrorSink,
  isRecord,
  isValidIsoDate,
  lookup,
  normaliseProportions,
} from './parse-helpers.js';
import type {
  CasualtyProfile,
  Facility,
  FacilityRate,
  FieldError,
  FrontConfig,
  FrontDomain,
  InjuryType,
  Intensity,
  Scenario,
  Tempo,
} from './types.js';
import { ENVIRONMENT, ENVIRONMENT_ALIASES, TEMPO_DAILY, WARFARE_ALIASES, WARFARE_TYPES } from './warfare.js';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: FieldError[] };

const INJURY_KEYS: Readonly<Record<string, InjuryType>> = {
  disease: 'DISEASE',
  nonbattleinjury: 'NON_BATTLE',
  nonbattle: 'NON_BATTLE',
  nbi: 'NON_BATTLE',
  battleinjury: 'BATTLE_TRAUMA',
  battletrauma: 'BATTLE_TRAUMA',
  bi: 'BATTLE_TRAUMA',
};
const INTENSITIES: readonly Intensity[] = ['low', 'medium', 'high', 'extreme'];
const TEMPOS = Object.keys(TEMPO_DAILY) as Tempo[];
const PROFILES: readonly CasualtyProfile[] = ['oif_oef', 'lsco'];
const DOMAINS: Readonly<Record<string, FrontDomain>> = {
  land: 'land',
  ground: 'land',
  naval: 'naval',
  maritime: 'naval',
  sea: 'naval',
  air: 'air',
};
const NAVAL_NAME = /naval|navy|maritime|\bsea\b|\bships?\b|fleet|task force|carrier|afloat/i;
const AIR_NAME = /\bair ?(base|field|wing|force)\b|airfield|aviation/i;

/** A front's domain from its name when no `domain` key says it. */
export function domainFromName(name: string): FrontDomain {
  if (NAVAL_NAME.test(name)) return 'naval';
  if (AIR_NAME.test(name)) return 'air';
  return 'land';
}

/** Reads the configuration the way the original server did: a nested `configuration` key wins. */
export function innerConfiguration(raw: unknown): unknown {
  return isRecord(raw) && isRecord(raw.configuration) ? raw.configuration : raw;
}

export function parseScenario(raw: unknown): ParseResult {
  const inner = innerConfiguration(raw);
  const sink = new ErrorSink();
  if (!isRecord(inner)) {
    return { ok: false, errors: [{ loc: [], msg: 'Configuration must be an object', type: 'dict_type' }] };
  }
  const expanded = withPreset(inner);
  if (!expanded.ok) return { ok: false, errors: [expanded.error] };
  const cfg = expanded.configuration;
  const d = DEFAULT_SCENARIO;
  const scenario: Scenario = { ...d, fronts: [...d.fronts], injury_mix: { ...d.injury_mix } };
  if (cfg.name !== undefined && cfg.name !== null) scenario.name = sink.string(cfg.name, ['name']) ?? d.name;

  const countKey =
    cfg.total_patients !== undefined && cfg.total_patients !== null ? 'total_patients' : 'count';
  if (cfg[countKey] !== undefined && cfg[countKey] !== null) {
    scenario.total_patients =
      sink.int(cfg[countKey], [countKey], 1, Number.MAX_SAFE_INTEGER) ?? DEFAULT_PATIENT_COUNT;
  }

  // Absent or null: the static fronts. An empty list is refused here, the one place both
  // generation and /configurations/validate/ read it (the earlier service's validate refused it).
  if (Array.isArray(cfg.front_configs) && cfg.front_configs.length > 0) {
    scenario.fronts = cfg.front_configs.map((f, i) => parseFront(f, i, sink));
  } else if (Array.isArray(cfg.front_configs)) {
    sink.add(
      ['front_configs'],
      'At least one front configuration is required (omit front_configs for the static fronts)',
      'too_short',
    );
  } else if (cfg.front_configs !== undefined && cfg.front_configs !== null) {
    sink.add(['front_configs'], 'Input should be a valid list', 'list_type');
  }

  if (Array.isArray(cfg.facility_configs)) {
    scenario.facility_rates = cfg.facility_configs.flatMap((f, i) => parseFacility(f, i, sink));
  } else if (cfg.facility_configs !== undefined && cfg.facility_configs !== null) {
    sink.add(['facility_configs'], 'Input should be a valid list', 'list_type');
  }

  parseTemporal(cfg, scenario, sink);
  // The mix is a share of all patients; without one, the intensity's published mix applies.
  scenario.injury_mix = { ...INTENSITY_MIX[scenario.intensity] };
  const mixKey = cfg.injury_mix !== undefined ? 'injury_mix' : 'injury_distribution';
  if (cfg[mixKey] !== undefined && cfg[mixKey] !== null) {
    const mix = parseInjuryMix(cfg[mixKey], sink, [mixKey]);
    if (mix) scenario.injury_mix = mix;
  }
  if (cfg.casualty_profile !== undefined) {
    scenario.casualty_profile =
      sink.enumValue(cfg.casualty_profile, ['casualty_profile'], PROFILES) ?? d.casualty_profile;
  }
  if (cfg.triage_override !== undefined && cfg.triage_override !== null) {
    scenario.triage_override = parseTriageOverride(cfg.triage_override, sink);
  }
  return sink.errors.length > 0 ? { ok: false, errors: sink.errors } : { ok: true, scenario };
}

function injuryKey(key: string): InjuryType | undefined {
  return lookup(INJURY_KEYS, key.toLowerCase().replace(/[^a-z]/g, ''));
}

function parseInjuryMix(
  value: unknown,
  sink: ErrorSink,
  loc: (string | number)[],
): Record<InjuryType, number> | undefined {
  if (!isRecord(value)) return sink.add(loc, 'Input should be an object of category weights', 'dict_type');
  const weights: Record<InjuryType, number> = { DISEASE: 0, NON_BATTLE: 0, BATTLE_TRAUMA: 0 };
  const before = sink.errors.length;
  for (const [k, v] of Object.entries(value)) {
    const type = injuryKey(k);
    if (!type) {
      sink.add(
        [...loc, k],
        'Unknown injury category (use Disease, Non-Battle Injury, Battle Injury)',
        'enum',
      );
      continue;
    }
    const n = sink.number(v, [...loc, k]);
    if (n !== undefined && n < 0) sink.add([...loc, k], 'Weight must not be negative', 'greater_than_equal');
    else if (n !== undefined) weights[type] += n;
  }
  if (sink.errors.length > before) return undefined;
  const norm = normaliseProportions([weights.DISEASE, weights.NON_BATTLE, weights.BATTLE_TRAUMA], sink, loc);
  if (!norm) return undefined;
  return { DISEASE: norm[0] ?? 0, NON_BATTLE: norm[1] ?? 0, BATTLE_TRAUMA: norm[2] ?? 0 };
}

function parseFront(value: unknown, i: number, sink: ErrorSink): FrontConfig {
  const loc = ['front_configs', i];
  const front: FrontConfig = {
    id: `front_${i}`,
    name: `front_${i}`,
    casualty_rate: 1,
    nations: [],
    domain: 'land',
  };
  if (!isRecord(value)) {
    sink.add(loc, 'Input should be an object', 'dict_type');
    return front;
  }
  if (value.id !== undefined && value.id !== null) {
    front.id =
      sink.string(typeof value.id === 'string' ? value.id : String(value.id), [...loc, 'id']) ?? front.id;
  }
  if (value.name !== undefined && value.name !== null)
    front.name = sink.string(value.name, [...loc, 'name']) ?? front.name;
  else front.name = front.id;
  if (value.domain !== undefined && value.domain !== null) {
    const key = typeof value.domain === 'string' ? value.domain.toLowerCase() : '';
    const domain = lookup(DOMAINS, key);
    if (domain) front.domain = domain;
    else sink.add([...loc, 'domain'], 'Domain must be land, naval or air', 'enum');
  } else front.domain = domainFromName(front.name);
  if (value.casualty_rate !== undefined && value.casualty_rate !== null) {
    front.casualty_rate = sink.rate(value.casualty_rate, [...loc, 'casualty_rate']) ?? 1;
  }
  const key = value.nationality_distribution !== undefined ? 'nationality_distribution' : 'nations';
  const dist = value[key];
  if (!Array.isArray(dist) || dist.length === 0) {
    sink.add([...loc, 'nationality_distribution'], 'At least one nationality is required', 'missing');
    return front;
  }
  const before = sink.errors.length;
  const codes: string[] = [];
  const weights: number[] = [];
  dist.forEach((n, j) => {
    const nloc = [...loc, key, j];
    if (!isRecord(n)) {
      sink.add(nloc, 'Input should be an object', 'dict_type');
      return;
    }
    const code = n.nationality_code ?? n.code ?? n.nationality;
    if (typeof code !== 'string' || !isKnownNationality(code)) {
      sink.add(
        [...nloc, 'nationality_code'],
        `Unknown nationality code: ${String(code)}`,
        'value_error.nationality',
      );
      return;
    }
    const pct = sink.number(n.percentage ?? n.weight, [...nloc, 'percentage']);
    if (pct !== undefined && (pct < 0 || pct > 100)) {
      sink.add([...nloc, 'percentage'], 'Percentage must be between 0 and 100', 'value_error.range');
      return;
    }
    codes.push(code);
    weights.push(pct ?? 0);
  });
  if (sink.errors.length > before) return front;
  const norm = normaliseProportions(weights, sink, [...loc, key]);
  if (norm) front.nations = codes.map((code, j) => ({ code, weight: norm[j] ?? 0 }));
  return front;
}

/** Role from an explicit `role`, else from names like `role2_poland`, `Role 3 Hospital`, `R1`, `POI`. */
export function facilityRole(f: Record<string, unknown>): Facility | undefined {
  for (const text of [f.role, f.id, f.name]) {
    if (typeof text !== 'string') continue;
    if (/\bpoi\b|point.of.injury/i.test(text)) return 'POI';
    const m = /(?:^|[^a-z])r(?:ole)?[\s_-]*([1-4])(?![0-9])/i.exec(text);
    if (m) return `Role${m[1]}` as Facility;
  }
  return undefined;
}

function parseFacility(value: unknown, i: number, sink: ErrorSink): FacilityRate[] {
  const loc = ['facility_configs', i];
  if (!isRecord(value)) return sink.add(loc, 'Input should be an object', 'dict_type') ?? [];
  const kiaKey = value.kia_rate !== undefined ? 'kia_rate' : 'died_rate';
  const kia = value[kiaKey] === undefined ? undefined : sink.rate(value[kiaKey], [...loc, kiaKey]);
  const rtd = value.rtd_rate === undefined ? undefined : sink.rate(value.rtd_rate, [...loc, 'rtd_rate']);
  if (value.capacity !== undefined && value.capacity !== null) {
    const cap = sink.number(value.capacity, [...loc, 'capacity']);
    if (cap !== undefined && cap <= 0)
      sink.add([...loc, 'capacity'], 'Capacity must be greater than 0', 'greater_than');
  }
  if (kia === undefined && rtd === undefined) return [];
  if ((kia ?? 0) + (rtd ?? 0) > 1) {
    return sink.add([...loc, kiaKey], 'kia_rate + rtd_rate must not exceed 1', 'value_error.rate_sum') ?? [];
  }
  const role = facilityRole(value);
  if (!role) return [];
  const frontId = typeof value.front_id === 'string' ? value.front_id : null;
  return [{ role, front_id: frontId, kia_rate: kia ?? 0, rtd_rate: rtd ?? 0 }];
}

function parseTemporal(cfg: Record<string, unknown>, s: Scenario, sink: ErrorSink): void {
  const days = cfg.days_of_fighting ?? cfg.duration_days;
  if (days !== undefined && days !== null) {
    s.days_of_fighting =
      sink.int(days, [cfg.days_of_fighting !== undefined ? 'days_of_fighting' : 'duration_days'], 1, 366) ??
      8;
  }
  if (cfg.base_date !== undefined && cfg.base_date !== null) {
    const text = typeof cfg.base_date === 'string' ? cfg.base_date.slice(0, 10) : '';
    if (
      typeof cfg.base_date === 'string' &&
      isValidIsoDate(text) &&
      (cfg.base_date.length === 10 || cfg.base_date[10] === 'T')
    ) {
      if (text < BASE_DATE_RANGE.min || text > BASE_DATE_RANGE.max) {
        sink.add(
          ['base_date'],
          `Date should be between ${BASE_DATE_RANGE.min} and ${BASE_DATE_RANGE.max}`,
          'date_out_of_range',
        );
      } else s.base_date = text;
    } else sink.add(['base_date'], 'Input should be a valid date (YYYY-MM-DD)', 'date_parsing');
  }
  if (cfg.warfare_types !== undefined && cfg.warfare_types !== null) {
    const on = sink.flags(cfg.warfare_types, ['warfare_types']) ?? [];
    const known = on.filter((w) => {
      const ok = lookup(WARFARE_TYPES, w) !== undefined || lookup(WARFARE_ALIASES, w) !== undefined;
      if (!ok) sink.add(['warfare_types', w], `Unknown warfare type: ${w}`, 'enum');
      return ok;
    });
    s.warfare_types = known.length > 0 ? known.map((w) => lookup(WARFARE_ALIASES, w) ?? w) : ['conventional'];
  } else if (typeof cfg.warfare_type === 'string') {
    const w = lookup(WARFARE_ALIASES, cfg.warfare_type) ?? cfg.warfare_type;
    if (lookup(WARFARE_TYPES, w)) s.warfare_types = [w];
  }
  if (cfg.intensity !== undefined && cfg.intensity !== null) {
    s.intensity = sink.enumValue(cfg.intensity, ['intensity'], INTENSITIES) ?? s.intensity;
  }
  if (cfg.tempo !== undefined && cfg.tempo !== null)
    s.tempo = sink.enumValue(cfg.tempo, ['tempo'], TEMPOS) ?? s.tempo;
  if (cfg.special_events !== undefined && cfg.special_events !== null) {
    const on = new Set(sink.flags(cfg.special_events, ['special_events']) ?? []);
    s.special_events = {
      major_offensive: on.has('major_offensive'),
      ambush: on.has('ambush'),
      mass_casualty: on.has('mass_casualty'),
    };
  }
  if (cfg.mass_casualty_share !== undefined && cfg.mass_casualty_share !== null) {
    const share = sink.rate(cfg.mass_casualty_share, ['mass_casualty_share']);
    if (share !== undefined) s.mass_casualty_share = share;
  }
  if (cfg.environmental_conditions !== undefined && cfg.environmental_conditions !== null) {
    const on = sink.flags(cfg.environmental_conditions, ['environmental_conditions']) ?? [];
    s.environmental_conditions = [
      ...new Set(on.map((c) => lookup(ENVIRONMENT_ALIASES, c) ?? c).filter((c) => lookup(ENVIRONMENT, c))),
    ];
  }
}

function parseTriageOverride(value: unknown, sink: ErrorSink): Scenario['triage_override'] {
  const out: Scenario['triage_override'] = {};
  if (!isRecord(value)) return sink.add(['triage_override'], 'Input should be an object', 'dict_type') ?? out;
  for (const [k, v] of Object.entries(value)) {
    const type = injuryKey(k);
    const loc = ['triage_override', k];
    if (!type) {
      sink.add(loc, 'Unknown injury category', 'enum');
      continue;
    }
    if (!isRecord(v)) {
      sink.add(loc, 'Input should be an object of T1/T2/T3 weights', 'dict_type');
      continue;
    }
    const w = (['T1', 'T2', 'T3'] as const).map((t) => sink.rate(v[t] ?? 0, [...loc, t]) ?? 0);
    const norm = normaliseProportions(w, sink, loc);
    if (norm) out[type] = [norm[0] ?? 0, norm[1] ?? 0, norm[2] ?? 0];
  }
  return out;
}
