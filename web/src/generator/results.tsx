/** What a completed job shows: a few patients and charts drawn from its summary. */
import { ChartView, fromCounts } from '../shared/chart.js';

export interface Summary {
  total_patients?: number;
  by_triage?: Record<string, number>;
  by_final_status?: Record<string, number>;
  by_injury_type?: Record<string, number>;
  by_last_facility?: Record<string, number>;
  by_day?: Record<string, number>;
}

export interface SamplePatient {
  id: number;
  name: string;
  nationality: string;
  age?: number;
  injury_type: string;
  triage_category: string;
  final_status: string;
  front: string;
  day_of_injury?: number | string;
}

const ROLES = ['POI', 'Role1', 'Role2', 'Role3', 'Role4'];
const TRIAGE = ['T1', 'T2', 'T3', 'T4', 'DEAD'];

export function ResultCharts({ summary }: { summary: Summary }) {
  const one = (name: string, counts: Record<string, number> | undefined, order?: string[]) => {
    const { labels, values } = fromCounts(counts, order);
    return <ChartView name={name} kind="bar" labels={labels} series={[{ label: name, values }]} />;
  };
  const days = fromCounts(summary.by_day);
  days.labels.sort((a, b) => Number(a) - Number(b));
  days.values = days.labels.map((d) => summary.by_day?.[d] ?? 0);
  return (
    <div class="grid2">
      {one('Triage', summary.by_triage, TRIAGE)}
      {one('Outcomes', summary.by_final_status)}
      {one('Injuries', summary.by_injury_type)}
      {one('Patients per last role', summary.by_last_facility, ROLES)}
      {summary.by_day && (
        <ChartView
          name="Patients per day"
          kind="bar"
          labels={days.labels.map((d) => `Day ${d}`)}
          series={[{ label: 'Patients', values: days.values }]}
        />
      )}
    </div>
  );
}

export function PatientPreview({ patients }: { patients: SamplePatient[] }) {
  return (
    <div class="table-wrap">
      <table id="patient-preview">
        <thead>
          <tr>
            <th>#</th>
            <th>Name</th>
            <th>Nation</th>
            <th>Front</th>
            <th>Injury</th>
            <th>Triage</th>
            <th>Outcome</th>
            <th>Day</th>
          </tr>
        </thead>
        <tbody>
          {patients.map((p) => (
            <tr key={p.id}>
              <td>{p.id}</td>
              <td>{p.name}</td>
              <td>{p.nationality}</td>
              <td>{p.front}</td>
              <td>{p.injury_type}</td>
              <td>{p.triage_category}</td>
              <td>{p.final_status}</td>
              <td>{p.day_of_injury}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
