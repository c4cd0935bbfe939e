/**
 * Keys: the self-service registration switch, list, search, filter, create (shown once), activate,
 * limits, rotate, extend, approve, delete.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../shared/api.js';
import { RegistrationSetting, type Settings } from './registration-setting.js';

export interface KeyView {
  id: string;
  key_prefix: string;
  name: string;
  email: string | null;
  is_demo: boolean;
  is_active: boolean;
  patient_limit: number | null;
  daily_limit: number | null;
  rate_limit_per_minute: number;
  rate_limit_per_hour: number;
  total_requests: number;
  total_patients_generated: number;
  last_used_at: string | null;
  expires_at: string | null;
  scopes: string[];
  metadata: Record<string, unknown>;
}

type Filter = 'all' | 'active' | 'inactive' | 'pending';

/** A key waiting for approval (self-service registration in approval mode). */
export const isPending = (k: KeyView) => !k.is_active && k.metadata?.approval === 'pending';

const limitText = (v: number | null) => (v === null ? '∞' : String(v));
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

function NewKeyBanner({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="notice" id="new-key">
      <p>
        <strong>The full key, shown this once.</strong> Copy it now and hand it over safely; it cannot be
        shown again.
      </p>
      <p class="secret" id="new-key-value">
        {secret}
      </p>
      <div class="row">
        <button
          type="button"
          id="copy-key"
          onClick={() =>
            navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" class="secondary" id="dismiss-key" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </div>
  );
}

function CreateKey(props: {
  client: ApiClient;
  onCreated: (secret: string) => void;
  onError: (e: unknown) => void;
}) {
  const { client, onCreated } = props;
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [patients, setPatients] = useState('1000');
  const [daily, setDaily] = useState('500');
  const [days, setDays] = useState('');
  const [admin, setAdmin] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    const created = await client.json<{ key: string }>('POST', '/api/v1/admin/keys/', {
      name,
      ...(email && { email }),
      patient_limit: numberOrNull(patients),
      daily_limit: numberOrNull(daily),
      ...(days && { expires_in_days: Number(days) }),
      scopes: admin ? ['generate', 'admin'] : ['generate'],
    });
    setName('');
    onCreated(created.key);
  }
  return (
    <form onSubmit={(e) => submit(e).catch(props.onError)}>
      <div class="row">
        <div>
          <label for="new-name">Name</label>
          <input
            id="new-name"
            type="text"
            required
            maxLength={255}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <div>
          <label for="new-email">Email (optional)</label>
          <input id="new-email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
        <div>
          <label for="new-patients">Patients per job (empty: no limit)</label>
          <input
            id="new-patients"
            type="number"
            min={1}
            value={patients}
            onInput={(e) => setPatients(e.currentTarget.value)}
          />
        </div>
        <div>
          <label for="new-daily">Requests per day (empty: no limit)</label>
          <input
            id="new-daily"
            type="number"
            min={1}
            value={daily}
            onInput={(e) => setDaily(e.currentTarget.value)}
          />
        </div>
        <div>
          <label for="new-days">Expires in days (empty: never)</label>
          <input
            id="new-days"
            type="number"
            min={1}
            value={days}
            onInput={(e) => setDays(e.currentTarget.value)}
          />
        </div>
      </div>
      <label>
        <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.currentTarget.checked)} />
        Administrator (may manage keys)
      </label>
      <button type="submit" id="create-key">
        Create key
      </button>
    </form>
  );
}

function EditLimits({ k, onSave }: { k: KeyView; onSave: (patch: Record<string, unknown>) => void }) {
  const [patients, setPatients] = useState(k.patient_limit === null ? '' : String(k.patient_limit));
  const [daily, setDaily] = useState(k.daily_limit === null ? '' : String(k.daily_limit));
  const [minute, setMinute] = useState(String(k.rate_limit_per_minute));
  const [hour, setHour] = useState(String(k.rate_limit_per_hour));
  return (
    <form
      class="row"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          patient_limit: numberOrNull(patients),
          daily_limit: numberOrNull(daily),
          rate_limit_per_minute: Number(minute),
          rate_limit_per_hour: Number(hour),
        });
      }}
    >
      <div>
        <label>
          Patients/job
          <input type="number" min={1} value={patients} onInput={(e) => setPatients(e.currentTarget.value)} />
        </label>
      </div>
      <div>
        <label>
          Per day
          <input type="number" min={1} value={daily} onInput={(e) => setDaily(e.currentTarget.value)} />
        </label>
      </div>
      <div>
        <label>
          Per minute
          <input type="number" min={1} value={minute} onInput={(e) => setMinute(e.currentTarget.value)} />
        </label>
      </div>
      <div>
        <label>
          Per hour
          <input type="number" min={1} value={hour} onInput={(e) => setHour(e.currentTarget.value)} />
        </label>
      </div>
      <button type="submit">Save limits</button>
    </form>
  );
}

export function KeysPanel(props: {
  client: ApiClient;
  onOpen: (k: KeyView) => void;
  onError: (e: unknown) => void;
}) {
  const { client } = props;
  const [keys, setKeys] = useState<KeyView[]>([]);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [secret, setSecret] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const [settings, setSettings] = useState<Settings>();

  // The settings come with every reload of the list, so the pending count follows approvals and deletions.
  async function load() {
    const query = new URLSearchParams({ all: 'true', ...(search && { search }) });
    const [list, current] = await Promise.all([
      client.get<KeyView[]>(`/api/v1/admin/keys/?${query}`),
      client.get<Settings>('/api/v1/admin/settings'),
    ]);
    setKeys(list);
    setSettings(current);
  }
  useEffect(() => {
    load().catch(props.onError);
  }, [client, search]);

  const act = (work: () => Promise<unknown>) => () => work().then(load).catch(props.onError);
  const patch = (k: KeyView, body: Record<string, unknown>) =>
    client.json('PATCH', `/api/v1/admin/keys/${k.id}`, body);
  const rotate = async (k: KeyView) => {
    const grace = prompt('Grace period in minutes, during which the old key still works:', '60');
    if (grace === null) return;
    const rotated = await client.json<{ key: string }>('POST', `/api/v1/admin/keys/${k.id}/rotate`, {
      grace_minutes: Number(grace),
    });
    setSecret(rotated.key);
  };
  const extend = (k: KeyView) => {
    const base = k.expires_at ? Math.max(Date.parse(k.expires_at), Date.now()) : Date.now();
    return patch(k, { expires_at: new Date(base + 30 * 86_400_000).toISOString() });
  };
  const remove = async (k: KeyView) => {
    if (!confirm(`Delete the key "${k.name}" (${k.key_prefix}…)? Its holder loses access at once.`)) return;
    await client.json('DELETE', `/api/v1/admin/keys/${k.id}`);
  };

  const shown = keys.filter((k) => {
    if (filter === 'active') return k.is_active && !isPending(k);
    if (filter === 'inactive') return !k.is_active;
    if (filter === 'pending') return isPending(k);
    return true;
  });

  return (
    <>
      <RegistrationSetting
        client={client}
        settings={settings}
        onChanged={setSettings}
        onShowPending={() => {
          setSearch('');
          setFilter('pending');
          document.getElementById('keys')?.scrollIntoView();
        }}
        onError={props.onError}
      />
      <section class="card">
        <h2>Create a key</h2>
        {secret && <NewKeyBanner secret={secret} onDone={() => setSecret(undefined)} />}
        <CreateKey
          client={client}
          onError={props.onError}
          onCreated={(s) => {
            setSecret(s);
            load().catch(props.onError);
          }}
        />
      </section>
      <section class="card">
        <h2>Keys</h2>
        <div class="row">
          <div>
            <label for="key-search">Search name, email or prefix</label>
            <input
              id="key-search"
              type="text"
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
            />
          </div>
          <div>
            <label for="key-filter">Show</label>
            <select
              id="key-filter"
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value as Filter)}
            >
              <option value="all">All keys</option>
              <option value="active">Active</option>
              <option value="inactive">Inactive</option>
              <option value="pending">Waiting for approval</option>
            </select>
          </div>
        </div>
        <div class="table-wrap">
          <table id="keys">
            <thead>
              <tr>
                <th>Name</th>
                <th>Prefix</th>
                <th>State</th>
                <th>Limits (patients · day · min · hour)</th>
                <th>Requests</th>
                <th>Expires</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((k) => (
                <>
                  <tr key={k.id} data-key-id={k.id}>
                    <td>
                      <a href={`#key/${k.id}`} onClick={() => props.onOpen(k)}>
                        {k.name}
                      </a>
                      <div class="muted">{k.email}</div>
                    </td>
                    <td>
                      <code>{k.key_prefix}</code>
                    </td>
                    <td>
                      {isPending(k) ? (
                        <span class="tag pending">pending</span>
                      ) : (
                        <span class={k.is_active ? 'tag' : 'tag off'}>
                          {k.is_active ? 'active' : 'inactive'}
                        </span>
                      )}{' '}
                      {k.scopes.includes('admin') && <span class="tag">admin</span>}
                    </td>
                    <td>
                      {limitText(k.patient_limit)} · {limitText(k.daily_limit)} · {k.rate_limit_per_minute} ·{' '}
                      {k.rate_limit_per_hour}
                    </td>
                    <td>{k.total_requests}</td>
                    <td>{k.expires_at ? k.expires_at.slice(0, 10) : 'never'}</td>
                    <td class="row">
                      {isPending(k) && (
                        <button
                          type="button"
                          data-action="approve"
                          onClick={act(() => client.json('POST', `/api/v1/admin/keys/${k.id}/approve`))}
                        >
                          Approve
                        </button>
                      )}
                      <button
                        type="button"
                        class="secondary"
                        data-action={k.is_active ? 'deactivate' : 'activate'}
                        onClick={act(() => patch(k, { is_active: !k.is_active }))}
                      >
                        {k.is_active ? 'Deactivate' : 'Activate'}
                      </button>
                      <button
                        type="button"
                        class="secondary"
                        onClick={() => setEditing(editing === k.id ? undefined : k.id)}
                      >
                        Limits
                      </button>
                      <button type="button" class="secondary" onClick={act(() => rotate(k))}>
                        Rotate
                      </button>
                      <button type="button" class="secondary" onClick={act(() => extend(k))}>
                        +30 days
                      </button>
                      <button
                        type="button"
                        class="danger"
                        data-action="delete"
                        onClick={act(() => remove(k))}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                  {editing === k.id && (
                    <tr key={`${k.id}-edit`}>
                      <td colSpan={7}>
                        <EditLimits
                          k={k}
                          onSave={(body) => {
                            setEditing(undefined);
                            act(() => patch(k, body))();
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </>
              ))}
            </tbody>
          </table>
        </div>
        {shown.length === 0 && <p class="muted">No keys match.</p>}
      </section>
    </>
  );
}
