import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

const PALETTE = ['#2f6f4f', '#b5442c', '#c9962b', '#3f6fa8', '#7a4f9a', '#5b8a8a', '#8a6d3b', '#555'];

export interface Series {
  label: string;
  values: number[];
}

/** A bar or line chart; redrawn when its data change. `name` labels the canvas for tests and readers. */
export function ChartView(props: {
  name: string;
  kind: 'bar' | 'line';
  labels: string[];
  series: Series[];
  stacked?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: props.kind,
      data: {
        labels: props.labels,
        datasets: props.series.map((s, i) => ({
          label: s.label,
          data: s.values,
          backgroundColor: PALETTE[i % PALETTE.length],
          borderColor: PALETTE[i % PALETTE.length],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: props.series.length > 1 } },
        scales: {
          x: { stacked: props.stacked ?? false },
          y: { stacked: props.stacked ?? false, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
    return () => chart.destroy();
  }, [props.kind, props.labels, props.series, props.stacked]);
  const points = props.series.reduce((n, s) => n + s.values.filter((v) => v > 0).length, 0);
  return (
    <figure class="chart">
      <figcaption>{props.name}</figcaption>
      <div class="chart-box">
        <canvas ref={canvas} aria-label={props.name} data-points={points} />
      </div>
    </figure>
  );
}

/** Turns `{T1: 3, T2: 5}` into chart labels and one series, in the order given or by key. */
export function fromCounts(counts: Record<string, number> | undefined, order?: string[]) {
  const entries = Object.entries(counts ?? {});
  const labels = order ? order.filter((k) => k in (counts ?? {})) : entries.map(([k]) => k).sort();
  return { labels, values: labels.map((k) => counts?.[k] ?? 0) };
}
