/** One key's own page: its details, its usage per day and its recent refusals. */
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../shared/api.js';
import type { KeyView } from './keys.js';
import { UsageCharts } from './usage.js';
import { type UsageRow, usageRows } from './usage-data.js';

interface Refusal {
  at?: string;
  time?: string;
  status?: number;
  status_code?: number;
  reason?: string;
  detail?: string;
}

export function KeyPage(props: {
  client: ApiClient;
  keyView: KeyView;
  onBack: () => void;
  onError: (e: unknown) => void;
}) {
  const k = props.keyView;
  const [rows, setRows] = useState<UsageRow[]>([]);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  useEffect(() => {
    props.client
      .get<Record<string, unknown>>(`/api/v1/admin/keys/${k.id}/usage`)
      .then((answer) => {
        setRows(usageRows(answer));
        const recent = answer.recent_refusals ?? answer.refusals;
        setRefusals(Array.isArray(recent) ? (recent as Refusal[]) : []);
      })
      .catch(props.onError);
  }, [k.id]);
  return (
    <section class="card" id="key-page">
      <button type="button" class="secondary" onClick={props.onBack}>
        ← All keys
      </button>
      <h2>
        {k.name} <code>{k.key_prefix}</code>
      </h2>
      <p class="muted">
        {k.email ?? 'no email'} · {k.total_requests} requests · {k.total_patients_generated} patients · last
        used {k.last_used_at ?? 'never'}
      </p>
      <UsageCharts rows={rows} title="per day" />
      <h3>Recent refusals</h3>
      {refusals.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <table>
          <tbody>
            {refusals.map((r, i) => (
              <tr key={i}>
                <td>{r.at ?? r.time}</td>
                <td>{r.status ?? r.status_code}</td>
                <td>{r.reason ?? r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
