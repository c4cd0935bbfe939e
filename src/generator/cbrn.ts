/**
 * Chemical casualties of a chemical release: nerve agent and blister agent exposures, triaged by the
 * nerve-agent triage rules (unconscious or effects in two systems → immediate; recovering after
 * antidote → delayed; walking and talking → minimal) and treated with decontamination, autoinjectors
 * and benzodiazepines (sources in docs/casualty-model.md). No specific SNOMED CT concept for the agents
 * could be confirmed, so confirmed general concepts carry the agent in a `qualifier`.
 */
import type { ChemicalCare, DnbiCase } from './conditions.js';
import type { Rng } from './rng.js';
import type { NatoTriage } from './types.js';

interface Exposure {
  code: string;
  name: string;
  qualifier: string;
  region: string;
}

const NERVE_AGENT: Exposure = {
  code: '75478009',
  name: 'Poisoning',
  qualifier: 'nerve agent (organophosphate), vapour',
  region: 'Systemic',
};
const BLISTER_AGENT: Exposure = {
  code: '125666000',
  name: 'Burn',
  qualifier: 'chemical burn, sulfur mustard (blister agent)',
  region: 'Upper extremity',
};

/** Nerve agents are most of a chemical attack's casualties (judgement); the rest are mustard. */
const NERVE_SHARE = 0.7;
/** Severe / moderate / mild nerve-agent casualties among those reaching care (judgement). */
const NERVE_TRIAGE: readonly [NatoTriage, number][] = [
  ['T1', 0.25],
  ['T2', 0.35],
  ['T3', 0.4],
];

/** One casualty of a chemical release. */
export function drawChemical(rng: Rng): DnbiCase {
  const nerve = rng.chance(NERVE_SHARE);
  const agent = nerve ? NERVE_AGENT : BLISTER_AGENT;
  const triage = nerve
    ? (NERVE_TRIAGE[rng.weightedIndex(NERVE_TRIAGE.map(([, w]) => w))]?.[0] ?? 'T2')
    : rng.chance(0.3)
      ? 'T2'
      : 'T3';
  const severe = triage === 'T1';
  const condition = {
    code: agent.code,
    name: agent.name,
    body_region: agent.region,
    qualifier: agent.qualifier,
  };
  const care: ChemicalCare = nerve
    ? {
        decontamination: 'Decontamination: clothing removed, skin washed (nerve agent)',
        ...(triage !== 'T3' || rng.chance(0.5)
          ? {
              drug: severe
                ? 'Atropine 2 mg IM + pralidoxime 600 mg IM autoinjector x3, atropine repeated until secretions dry'
                : 'Atropine 2 mg IM + pralidoxime 600 mg IM autoinjector',
            }
          : {}),
        ...(severe ? { seizure: 'Diazepam 10 mg IM autoinjector (convulsions)' } : {}),
      }
    : {
        decontamination: 'Decontamination: clothing removed, skin and eyes irrigated (sulfur mustard)',
        drug: 'Analgesia; burn dressings',
      };
  return {
    condition,
    triage,
    // Mild cases return after observation; moderate after a day at Role 2; severe are evacuated.
    rtd: triage === 'T3' ? 'role1' : triage === 'T2' && nerve ? 'role2' : 'none',
    ais: 0,
    effect: nerve
      ? { hr: severe ? -25 : -10, rr: severe ? 10 : 4, spo2: severe ? 10 : 3, lethal: severe ? 0.1 : 0 }
      : { hr: 10, drug: 'Analgesia' },
    care,
  };
}
