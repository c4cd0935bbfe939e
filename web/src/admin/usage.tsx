/** Usage analytics over any period, drawn from the aggregated usage (never a row per request). */
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../shared/api.js';
import { ChartView } from '../shared/chart.js';
import { demoTraffic, refusalsByWindow, type UsageRow, usageRows } from './usage-data.js';

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
  const [series, setSeries] = useState<UsageRow[]>([]);
  const [byKey, setByKey] = useState<UsageRow[]>([]);
  const [windows, setWindows] = useState<Record<string, number>>({});
  const [demo, setDemo] = useState<{ label: string; requests: number }[]>([]);

  async function load() {
    // `to` is a whole day: the period runs to the end of it.
    const range = `from=${from}T00:00:00Z&to=${isoDay(Date.parse(to) + DAY_MS)}T00:00:00Z`;
    const overTime = await client.get<unknown>(`/api/v1/admin/usage?${range}&group_by=${groupBy}`);
    const perKey = await client.get<unknown>(`/api/v1/admin/usage?${range}&group_by=key`);
    setSeries(usageRows(overTime));
    setByKey(
      usageRows(perKey)
        .sort((a, b) => b.requests - a.requests)
        .slice(0, 10),
    );
    setWindows(refusalsByWindow(overTime));
    setDemo(demoTraffic(perKey).length ? demoTraffic(perKey) : demoTraffic(overTime));
  }
  useEffect(() => {
    load().catch(onError);
  }, [client, from, to, groupBy]);

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
        <button type="button" class="secondary" onClick={() => load().catch(onError)}>
          Refresh
        </button>
      </div>
      <UsageCharts rows={series} title={`per ${groupBy}`} />
      <div class="grid2">
        <ChartView
          name="Top keys by requests"
          kind="bar"
          labels={byKey.map((r) => r.label)}
          series={[
            { label: 'Requests', values: byKey.map((r) => r.requests) },
            { label: 'Patients', values: byKey.map((r) => r.patients) },
          ]}
        />
        {Object.keys(windows).length > 0 && (
          <ChartView
            name="429s by window"
            kind="bar"
            labels={Object.keys(windows)}
            series={[{ label: '429', values: Object.values(windows) }]}
          />
        )}
        {demo.length > 0 && (
          <ChartView
            name="Demo-key traffic by client (masked)"
            kind="bar"
            labels={demo.map((d) => d.label)}
            series={[{ label: 'Requests', values: demo.map((d) => d.requests) }]}
          />
        )}
      </div>
    </section>
  );
}
