/**
 * Oxygen on arrival at the first facility: who gets it, by which device, and why, written as the
 * treatment's detail. Sources in docs/casualty-model.md ("Evacuation and care", oxygen).
 */
import { type ClinicalProfile, inShock, type Vitals } from './physiology.js';

/**
 * Oxygen for a saturation below the British Thoracic Society's target of 94-98 % (BTS guideline for
 * oxygen use in adults, 2017), for any patient: a reservoir mask at 15 l/min below 85 %, nasal
 * cannulae at 2-6 l/min above it.
 */
export function lowSaturation(v: Vitals | undefined): string | undefined {
  if (!v || v.spo2 >= 94) return undefined;
  const device = v.spo2 < 85 ? OXYGEN : 'Oxygen 2-6 l/min by nasal cannulae';
  return `${device}, titrated to SpO2 94-98 % (saturation ${v.spo2} % on arrival)`;
}

/**
 * Oxygen for a casualty on arrival, for the indications of the TCCC Guidelines (tactical evacuation care:
 * low saturation, an injury that impairs oxygenation, an unconscious casualty, a brain injury, shock).
 * The critically injured (BTS: major trauma, shock, major head injury) start on a reservoir mask; a chest
 * injury that still saturates well is titrated to the target range.
 */
export function oxygenFor(p: ClinicalProfile, v: Vitals | undefined): string | undefined {
  // The critical start on the reservoir mask whatever their saturation: BTS names shock, major trauma
  // and major head injury before it titrates anyone by saturation.
  const critical =
    v && inShock(v)
      ? 'shock'
      : v && v.gcs <= 8
        ? 'unconscious'
        : p.tbi >= 2
          ? 'brain injury'
          : p.iss >= 16
            ? 'major trauma'
            : undefined;
  if (critical)
    return `${OXYGEN} (${critical}${v && v.spo2 < 94 ? `, saturation ${v.spo2} % on arrival` : ''})`;
  const low = lowSaturation(v);
  if (low) return low;
  return p.hypoxia > 0
    ? 'Oxygen 2-6 l/min by nasal cannulae, titrated to SpO2 94-98 % (chest or lung injury)'
    : undefined;
}

const OXYGEN = 'Oxygen 15 l/min by reservoir mask';
