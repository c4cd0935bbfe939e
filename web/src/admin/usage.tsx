/** Usage analytics over any period, drawn from the aggregated usage (never a row per request). */
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../shared/api.js';
import { ChartView } from '../shared/chart.js';
import { rateLimitedTotal, type UsageReport, type UsageRow, usageRows } from './usage-data.js';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function UsageCharts({ rows, title }: { rows: UsageRow[]; title: string }) {
  const labels = rows.map((r) => r.label);
  return (
    <div class="grid2">
      <ChartView
        name={`Requests ${title}`}
        kind="bar"
        labels={labels}
        series={[{ label: 'Requests', values: rows.map((r) => r.requests) }]}
      />
      <ChartView
        name={`Patients ${title}`}
        kind="bar"
        labels={labels}
        series={[{ label: 'Patients', values: rows.map((r) => r.patients) }]}
      />
      <ChartView
        name={`Refusals and errors ${title}`}
        kind="bar"
        stacked
        labels={labels}
        series={[
          { label: '401', values: rows.map((r) => r.unauthorized) },
          { label: '429', values: rows.map((r) => r.rateLimited) },
          { label: '5xx', values: rows.map((r) => r.serverErrors) },
        ]}
      />
    </div>
  );
}

export function UsagePanel({ client, onError }: { client: ApiClient; onError: (e: unknown) => void }) {
  const [from, setFrom] = useState(() => isoDay(Date.now() - 6 * DAY_MS));
  const [to, setTo] = useState(() => isoDay(Date.now()));
  const [groupBy, setGroupBy] = useState<'day' | 'hour'>('day');
  const [report, setReport] = useState<UsageReport>();

  async function load() {
    // `to` is a whole day: the period runs to the end of it.
    const query = new URLSearchParams({
      from: `${from}T00:00:00Z`,
      to: `${isoDay(Date.parse(to) + DAY_MS)}T00:00:00Z`,
      group_by: groupBy,
    });
    setReport(await client.get<UsageReport>(`/api/v1/admin/usage?${query}`));
  }
  useEffect(() => {
    load().catch(onError);
  }, [client, from, to, groupBy]);

  const totals = report?.totals;
  const top = report?.top_keys ?? [];
  const demo = report?.demo_networks ?? [];
  return (
    <section class="card" id="usage">
      <h2>Usage</h2>
      <div class="row">
        <div>
          <label for="usage-from">From</label>
          <input id="usage-from" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div>
          <label for="usage-to">To</label>
          <input id="usage-to" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </div>
        <div>
          <label for="usage-group">Per</label>
          <select
            id="usage-group"
            value={groupBy}
            onChange={(e) => setGroupBy(e.currentTarget.value as 'day' | 'hour')}
          >
            <option value="day">day</option>
            <option value="hour">hour</option>
          </select>
        </div>
        <button type="button" class="secondary" id="usage-refresh" onClick={() => load().catch(onError)}>
          Refresh
        </button>
      </div>
      {totals && (
        <p id="usage-totals">
          In this period: <strong>{totals.requests}</strong> requests, <strong>{totals.patients}</strong>{' '}
          patients, {totals.unauthorized} refused as 401, {rateLimitedTotal(totals.rate_limited)} as 429,{' '}
          {totals.status['5xx']} server errors.
        </p>
      )}
      <UsageCharts rows={usageRows(report?.series ?? [], groupBy)} title={`per ${groupBy}, all keys`} />
      <div class="grid2">
        <ChartView
          name="Top keys"
          kind="bar"
          labels={top.map((k) => `${k.name} (${k.key_prefix})`)}
          series={[
            { label: 'Requests', values: top.map((k) => k.requests) },
            { label: 'Patients', values: top.map((k) => k.patients) },
          ]}
        />
        <ChartView
          name="429s by window"
          kind="bar"
          labels={['minute', 'hour', 'day']}
          series={[
            {
              label: '429',
              values: totals
                ? [totals.rate_limited.minute, totals.rate_limited.hour, totals.rate_limited.day]
                : [],
            },
          ]}
        />
        <ChartView
          name="Demo-key traffic by client network (masked)"
          kind="bar"
          labels={demo.map((d) => d.network)}
          series={[{ label: 'Requests', values: demo.map((d) => d.requests) }]}
        />
      </div>
    </section>
  );
}
