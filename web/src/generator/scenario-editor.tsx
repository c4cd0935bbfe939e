/** The scenario form: a preset's `generation_config`, with the fields a newcomer changes most. */

export type Config = Record<string, unknown>;

export interface FrontRow {
  name: string;
  casualty_rate: number;
  nations: string;
}

export const FORMATS = ['json', 'csv', 'xlsx', 'xml', 'fhir'] as const;
const MIX_KEYS = ['Battle Injury', 'Non-Battle Injury', 'Disease'] as const;

interface NationShare {
  nationality_code: string;
  percentage: number;
}

/** "POL 50, LTU 50" ⇄ the API's nationality_distribution. */
export function nationsText(shares: NationShare[]): string {
  return shares.map((s) => `${s.nationality_code} ${s.percentage}`).join(', ');
}

export function parseNations(text: string): NationShare[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [code = '', pct = '0'] = part.split(/\s+/);
      return { nationality_code: code.toUpperCase(), percentage: Number(pct) };
    });
}

export function frontsOf(config: Config): FrontRow[] {
  const fronts = Array.isArray(config.front_configs) ? config.front_configs : [];
  return fronts.map(
    (f: { name?: string; casualty_rate?: number; nationality_distribution?: NationShare[] }) => ({
      name: f.name ?? '',
      casualty_rate: f.casualty_rate ?? 0,
      nations: nationsText(f.nationality_distribution ?? []),
    }),
  );
}

export function withFronts(config: Config, rows: FrontRow[]): Config {
  return {
    ...config,
    front_configs: rows.map((r, i) => ({
      id: `front_${i}`,
      name: r.name,
      casualty_rate: r.casualty_rate,
      nationality_distribution: parseNations(r.nations),
    })),
  };
}

const numberOf = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);

export function ScenarioEditor(props: {
  config: Config;
  formats: string[];
  onConfig: (config: Config) => void;
  onFormats: (formats: string[]) => void;
}) {
  const { config } = props;
  const set = (patch: Config) => props.onConfig({ ...config, ...patch });
  const mix = (config.injury_distribution ?? {}) as Record<string, number>;
  const fronts = frontsOf(config);
  const setFront = (i: number, patch: Partial<FrontRow>) =>
    props.onConfig(
      withFronts(
        config,
        fronts.map((f, j) => (j === i ? { ...f, ...patch } : f)),
      ),
    );
  const days = numberOf(config.days_of_fighting ?? config.duration_days, 1);

  return (
    <div>
      <div class="row">
        <div>
          <label for="total-patients">Patients</label>
          <input
            id="total-patients"
            type="number"
            min={1}
            value={numberOf(config.total_patients, 10)}
            onInput={(e) => set({ total_patients: Number(e.currentTarget.value) })}
          />
        </div>
        <div>
          <label for="days">Days of fighting</label>
          <input
            id="days"
            type="number"
            min={1}
            max={366}
            value={days}
            onInput={(e) => set({ days_of_fighting: Number(e.currentTarget.value) })}
          />
        </div>
      </div>
      <fieldset>
        <legend>Injury mix (shares, summing to 1)</legend>
        <div class="row">
          {MIX_KEYS.map((k) => (
            <div key={k}>
              <label for={`mix-${k}`}>{k}</label>
              <input
                id={`mix-${k}`}
                type="number"
                step={0.01}
                min={0}
                max={1}
                value={mix[k] ?? 0}
                onInput={(e) => set({ injury_distribution: { ...mix, [k]: Number(e.currentTarget.value) } })}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Fronts (nations as "POL 50, LTU 50", percentages)</legend>
        {fronts.map((f, i) => (
          <div class="row" key={i}>
            <div>
              <label for={`front-name-${i}`}>Name</label>
              <input
                id={`front-name-${i}`}
                type="text"
                value={f.name}
                onInput={(e) => setFront(i, { name: e.currentTarget.value })}
              />
            </div>
            <div>
              <label for={`front-rate-${i}`}>Share of casualties</label>
              <input
                id={`front-rate-${i}`}
                type="number"
                step={0.05}
                min={0}
                max={1}
                value={f.casualty_rate}
                onInput={(e) => setFront(i, { casualty_rate: Number(e.currentTarget.value) })}
              />
            </div>
            <div>
              <label for={`front-nations-${i}`}>Nations</label>
              <input
                id={`front-nations-${i}`}
                type="text"
                value={f.nations}
                onChange={(e) => setFront(i, { nations: e.currentTarget.value })}
              />
            </div>
            <button
              type="button"
              class="secondary"
              onClick={() =>
                props.onConfig(
                  withFronts(
                    config,
                    fronts.filter((_, j) => j !== i),
                  ),
                )
              }
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          class="secondary"
          onClick={() =>
            props.onConfig(
              withFronts(config, [...fronts, { name: 'New front', casualty_rate: 0.1, nations: 'USA 100' }]),
            )
          }
        >
          Add a front
        </button>
      </fieldset>
      <fieldset>
        <legend>Output formats</legend>
        {FORMATS.map((f) => (
          <label key={f} class="inline">
            <input
              type="checkbox"
              checked={props.formats.includes(f)}
              onChange={(e) =>
                props.onFormats(
                  e.currentTarget.checked ? [...props.formats, f] : props.formats.filter((x) => x !== f),
                )
              }
            />
            {f.toUpperCase()}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
