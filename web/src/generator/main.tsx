/** The generator page (`/`): a key, a scenario, a job, its download, a preview and charts. */
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiClient, ApiError, type KeyHeaders } from '../shared/api.js';
import { useCountdown } from '../shared/use-countdown.js';
import { Register } from './register.js';
import { PatientPreview, ResultCharts, type SamplePatient, type Summary } from './results.js';
import { type Config, ScenarioEditor } from './scenario-editor.js';

const KEY_STORE = 'milmed.generator.key';
const TIMELINE_VIEWER = 'https://timeline.milmed.tech';

interface PresetSummary {
  id: string;
  name: string;
  total_patients: number;
  duration_days: number;
}
interface KeyInfo {
  name: string;
  type: string;
  limits: {
    patients_per_request: number | null;
    requests_per_day: number | null;
    requests_per_minute: number;
    requests_per_hour: number;
  };
  usage: { requests_today: number };
}
/** `GET /api/v1/config/frontend`: the demo key and whether self-service registration is offered. */
interface Frontend {
  apiKey: string;
  registration: 'open' | 'approval' | 'off';
}
interface Job {
  job_id: string;
  status: string;
  progress: number;
  error?: string | null;
  summary?: Summary | null;
}

const loadFrontend = () => new ApiClient(undefined).get<Frontend>('/api/v1/config/frontend');

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function Limits({ info, headers }: { info?: KeyInfo; headers: KeyHeaders }) {
  if (!info && !headers.keyType) return <p class="muted">Enter a key to see its limits.</p>;
  const show = (v: number | null | string | undefined) => (v === null ? 'no limit' : (v ?? '–'));
  return (
    <dl class="limits" id="limits">
      {info && (
        <>
          <dt>Key</dt>
          <dd>
            {info.name} ({info.type})
          </dd>
        </>
      )}
      <dt>Patients per job</dt>
      <dd>{show(headers.patientLimit ?? info?.limits.patients_per_request)}</dd>
      <dt>Requests today</dt>
      <dd id="daily-usage">
        {show(headers.dailyUsage ?? info?.usage.requests_today)} of{' '}
        {show(headers.dailyLimit ?? info?.limits.requests_per_day)}
      </dd>
      <dt>Request rate</dt>
      <dd id="rate-remaining">
        {info && `${info.limits.requests_per_minute} a minute, ${info.limits.requests_per_hour} an hour`}
        {headers.rateRemaining !== undefined &&
          ` (${headers.rateRemaining} of ${headers.rateLimit} left now)`}
      </dd>
    </dl>
  );
}

function App() {
  const [keyInput, setKeyInput] = useState(() => sessionStorage.getItem(KEY_STORE) ?? '');
  const [key, setKey] = useState(keyInput);
  const [keyHeaders, setKeyHeaders] = useState<KeyHeaders>({});
  const client = useMemo(() => new ApiClient(key || undefined).onKeyHeaders(setKeyHeaders), [key]);
  const [info, setInfo] = useState<KeyInfo>();
  const [presets, setPresets] = useState<PresetSummary[]>([]);
  const [presetId, setPresetId] = useState('');
  const [config, setConfig] = useState<Config>({ total_patients: 20, days_of_fighting: 2 });
  const [formats, setFormats] = useState<string[]>(['json', 'csv']);
  const [job, setJob] = useState<Job>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [retryLeft, startRetry] = useCountdown();
  const [sample, setSample] = useState<SamplePatient[]>([]);
  const [downloadName, setDownloadName] = useState<string>();
  const [frontend, setFrontend] = useState<Frontend>();
  // The form is offered only once the service says a registration can succeed.
  const registration = frontend && frontend.registration !== 'off' ? frontend.registration : undefined;

  function fail(e: unknown) {
    if (e instanceof ApiError) {
      setError(e.message);
      if (e.retryAfter) startRetry(e.retryAfter);
    } else setError(`Could not reach the service: ${String(e)}`);
  }

  useEffect(() => {
    if (!key) return;
    sessionStorage.setItem(KEY_STORE, key);
    setError(undefined);
    setInfo(undefined);
    client
      .get<KeyInfo>('/api/v1/keys/me')
      .then(setInfo)
      .then(() => client.get<{ presets: PresetSummary[] }>('/api/v1/presets'))
      .then((r) => setPresets(r.presets))
      .catch(fail);
  }, [client]);

  useEffect(() => {
    loadFrontend().then(setFrontend, () => {});
  }, []);

  async function useDemoKey() {
    try {
      const { apiKey } = frontend ?? (await loadFrontend());
      setKeyInput(apiKey);
      setKey(apiKey);
    } catch (e) {
      fail(e);
    }
  }

  async function pickPreset(id: string) {
    setPresetId(id);
    if (!id) return;
    try {
      const preset = await client.get<{ generation_config: Config }>(
        `/api/v1/presets/${encodeURIComponent(id)}`,
      );
      setConfig(preset.generation_config);
    } catch (e) {
      fail(e);
    }
  }

  async function poll(jobId: string): Promise<Job> {
    // Every request counts against the key's per-minute limit, so the wait grows (the demo key has 10).
    for (let delay = 500; ; delay = Math.min(delay * 2, 5000)) {
      await wait(delay);
      try {
        const current = await client.get<Job>(`/api/v1/jobs/${jobId}`);
        setJob(current);
        if (current.status === 'completed' || current.status === 'failed' || current.status === 'cancelled')
          return current;
      } catch (e) {
        if (!(e instanceof ApiError && e.retryAfter)) throw e;
        fail(e);
        await wait(e.retryAfter * 1000);
        setError(undefined);
      }
    }
  }

  async function generate() {
    setBusy(true);
    setError(undefined);
    setJob(undefined);
    setSample([]);
    setDownloadName(undefined);
    try {
      const created = await client.json<{ job_id: string }>('POST', '/api/v1/generation/', {
        configuration: config,
        output_formats: formats.length ? formats : ['json'],
      });
      setJob({ job_id: created.job_id, status: 'pending', progress: 0 });
      const done = await poll(created.job_id);
      if (done.status === 'failed') setError(`The job failed: ${done.error ?? 'no reason given'}`);
      if (done.status === 'completed') {
        const r = await client.get<{ data: { patients: SamplePatient[] } }>(
          `/api/v1/visualizations/sample-patients?job_id=${done.job_id}&limit=5`,
        );
        setSample(r.data.patients);
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function download() {
    if (!job) return;
    try {
      const response = await client.send('GET', `/api/v1/downloads/${job.job_id}`);
      const url = URL.createObjectURL(await response.blob());
      const name = `patients_${job.job_id}.zip`;
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setDownloadName(name);
    } catch (e) {
      fail(e);
    }
  }

  return (
    <>
      <header class="top">
        <h1>Military Medical Exercise Patient Generator</h1>
        <a href="/docs">API documentation</a>
        <a href={TIMELINE_VIEWER} rel="noopener noreferrer">
          Timeline viewer
        </a>
        {registration && <a href="#register">Get a key</a>}
      </header>
      <main data-registration={frontend?.registration}>
        <div class="grid2">
          <section class="card">
            <h2>1. Your key</h2>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setKey(keyInput.trim());
              }}
            >
              <label for="api-key">API key</label>
              <div class="row">
                <input
                  id="api-key"
                  type="password"
                  autocomplete="off"
                  value={keyInput}
                  onInput={(e) => setKeyInput(e.currentTarget.value)}
                />
                <button type="submit" id="use-key">
                  Use key
                </button>
                <button type="button" class="secondary" id="demo-key" onClick={useDemoKey}>
                  Use the demo key
                </button>
              </div>
            </form>
            <p class="muted">The key stays in this browser tab only.</p>
          </section>
          <section class="card">
            <h2>Limits</h2>
            <Limits info={info} headers={keyHeaders} />
          </section>
        </div>
        {error && (
          <p class="error" role="alert" id="error">
            {error}
            {retryLeft > 0 && (
              <>
                {' '}
                <strong id="retry-countdown">Wait {retryLeft} s.</strong>
              </>
            )}
          </p>
        )}
        <section class="card">
          <h2>2. Scenario</h2>
          <label for="preset">Preset</label>
          <select id="preset" value={presetId} onChange={(e) => pickPreset(e.currentTarget.value)}>
            <option value="">Custom (edit below)</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.total_patients} patients, {p.duration_days} days)
              </option>
            ))}
          </select>
          <ScenarioEditor config={config} formats={formats} onConfig={setConfig} onFormats={setFormats} />
        </section>
        <section class="card">
          <h2>3. Generate</h2>
          <button type="button" id="generate" disabled={!key || busy || retryLeft > 0} onClick={generate}>
            Generate patients
          </button>
          {job && (
            <div id="job">
              <p>
                Job <code>{job.job_id}</code>: <strong id="job-status">{job.status}</strong>
              </p>
              <progress max={100} value={job.progress} />
              {job.status === 'completed' && (
                <p>
                  <button type="button" id="download" onClick={download}>
                    Download the result (ZIP)
                  </button>{' '}
                  {downloadName && <span class="muted">Saved as {downloadName}.</span>}
                </p>
              )}
            </div>
          )}
        </section>
        {job?.status === 'completed' && (
          <section class="card" id="results">
            <h2>4. Result</h2>
            <PatientPreview patients={sample} />
            {job.summary && <ResultCharts summary={job.summary} />}
            <p class="muted">
              To follow each patient's path, open patients.json from the ZIP in the{' '}
              <a href={TIMELINE_VIEWER} rel="noopener noreferrer">
                timeline viewer
              </a>
              .
            </p>
          </section>
        )}
        {registration && (
          <Register
            mode={registration}
            onKey={(k) => {
              setKeyInput(k);
              setKey(k);
            }}
          />
        )}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
