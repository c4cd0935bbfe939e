/** One key's own page: its details, its usage per day and its recent refusals. */
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../shared/api.js';
import type { KeyView } from './keys.js';
import { UsageCharts } from './usage.js';
import { type KeyUsageReport, rateLimitedTotal, usageRows } from './usage-data.js';

export function KeyPage(props: {
  client: ApiClient;
  keyView: KeyView;
  onBack: () => void;
  onError: (e: unknown) => void;
}) {
  const k = props.keyView;
  const [report, setReport] = useState<KeyUsageReport>();
  useEffect(() => {
    props.client.get<KeyUsageReport>(`/api/v1/admin/keys/${k.id}/usage`).then(setReport).catch(props.onError);
  }, [k.id]);
  const refusals = report?.recent_refusals ?? [];
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
      <UsageCharts rows={usageRows(report?.per_day ?? [], 'day')} title="per day, last 30 days" />
      <h3>Recent refusals</h3>
      {refusals.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <div class="table-wrap">
          <table id="refusals">
            <thead>
              <tr>
                <th>Minute (UTC)</th>
                <th>Route</th>
                <th>Class</th>
                <th>Requests</th>
                <th>401</th>
                <th>429</th>
              </tr>
            </thead>
            <tbody>
              {refusals.map((r) => (
                <tr key={`${r.minute} ${r.route} ${r.status}`}>
                  <td>{r.minute.slice(0, 16).replace('T', ' ')}</td>
                  <td>{r.route}</td>
                  <td>{r.status}</td>
                  <td>{r.requests}</td>
                  <td>{r.unauthorized}</td>
                  <td>{rateLimitedTotal(r.rate_limited)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
