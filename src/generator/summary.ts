/** Incremental counts over a patient stream, for job summaries and the dashboard; O(categories) memory. */
import type { Patient } from './types.js';

export interface PatientSummary {
  total_patients: number;
  by_final_status: Record<string, number>;
  /** KIA and DOW apart (final_status merges them). */
  by_final_status_detail: Record<string, number>;
  /** NATO triage: T1–T4, and DEAD for the killed in action (never counted as T1). */
  by_triage: Record<string, number>;
  by_injury_type: Record<string, number>;
  by_nationality: Record<string, number>;
  by_front: Record<string, number>;
  by_last_facility: Record<string, number>;
  /** Patients by day of injury (1 = the first day), for a per-day chart. */
  by_day: Record<string, number>;
  total_kia: number;
  total_rtd: number;
  kia_percent: number;
  rtd_percent: number;
}

const bump = (map: Record<string, number>, key: string): void => {
  map[key] = (map[key] ?? 0) + 1;
};

export class SummaryAccumulator {
  private total = 0;
  private readonly status: Record<string, number> = {};
  private readonly statusDetail: Record<string, number> = {};
  private readonly triage: Record<string, number> = {};
  private readonly injury: Record<string, number> = {};
  private readonly nationality: Record<string, number> = {};
  private readonly front: Record<string, number> = {};
  private readonly facility: Record<string, number> = {};
  private readonly day: Record<string, number> = {};

  add(p: Patient): void {
    this.total++;
    bump(this.status, p.final_status);
    bump(this.statusDetail, p.final_status_detail);
    bump(this.triage, p.nato_triage);
    bump(this.injury, p.injury_type);
    bump(this.nationality, p.nationality);
    bump(this.front, p.front);
    bump(this.facility, p.last_facility);
    bump(this.day, String(p.day_of_injury));
  }

  /** A snapshot; the accumulator keeps counting afterwards. */
  summary(): PatientSummary {
    const kia = this.status.KIA ?? 0;
    const rtd = this.status.RTD ?? 0;
    const pct = (n: number): number => (this.total === 0 ? 0 : Math.round((n / this.total) * 1000) / 10);
    return {
      total_patients: this.total,
      by_final_status: { ...this.status },
      by_final_status_detail: { ...this.statusDetail },
      by_triage: { ...this.triage },
      by_injury_type: { ...this.injury },
      by_nationality: { ...this.nationality },
      by_front: { ...this.front },
      by_last_facility: { ...this.facility },
      by_day: { ...this.day },
      total_kia: kia,
      total_rtd: rtd,
      kia_percent: pct(kia),
      rtd_percent: pct(rtd),
    };
  }
}
