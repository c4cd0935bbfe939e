/** The self-service registration switch: open, need approval or closed, with the keys waiting. */
import { useState } from 'preact/hooks';
import type { ApiClient } from '../shared/api.js';

type Mode = 'open' | 'approval' | 'off';

/** `GET /api/v1/admin/settings`. */
export interface Settings {
  self_service_registration: {
    mode: Mode;
    source: 'administrator' | 'environment';
    environment_default: Mode;
    updated_at: string | null;
    updated_by: string | null;
  };
  pending_keys: number;
}

const MODES: { mode: Mode; label: string; meaning: string }[] = [
  { mode: 'open', label: 'Open', meaning: 'a person who registers gets a working key at once' },
  {
    mode: 'approval',
    label: 'Need approval',
    meaning: 'new keys wait until an administrator approves them here',
  },
  { mode: 'off', label: 'Closed', meaning: 'nobody can register; the form answers that it is switched off' },
];

const labelOf = (mode: Mode) => MODES.find((m) => m.mode === mode)?.label ?? mode;

export function RegistrationSetting(props: {
  client: ApiClient;
  settings: Settings | undefined;
  onChanged: (settings: Settings) => void;
  onShowPending: () => void;
  onError: (e: unknown) => void;
}) {
  const { settings } = props;
  const [saving, setSaving] = useState(false);
  if (!settings) return null;
  const current = settings.self_service_registration;

  async function change(mode: Mode | null) {
    setSaving(true);
    try {
      props.onChanged(
        await props.client.json<Settings>('PATCH', '/api/v1/admin/settings', {
          self_service_registration: mode,
        }),
      );
    } catch (e) {
      props.onError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="card" id="registration-setting">
      <h2>New self-service keys</h2>
      <fieldset class="switch" aria-label="Self-service registration">
        {MODES.map(({ mode, label }) => (
          <button
            key={mode}
            type="button"
            data-mode={mode}
            aria-pressed={current.mode === mode}
            disabled={saving}
            onClick={() => current.mode !== mode && change(mode)}
          >
            {label}
          </button>
        ))}
      </fieldset>
      <p id="registration-state">
        <strong>{labelOf(current.mode)}:</strong> {MODES.find((m) => m.mode === current.mode)?.meaning}.
        Applies to the next registration on every server.
      </p>
      <p class="muted" id="registration-source">
        {current.source === 'administrator' ? (
          <>
            Set by {current.updated_by} on {current.updated_at?.slice(0, 16).replace('T', ' ')} UTC; the
            server's SELF_SERVICE_REGISTRATION says {labelOf(current.environment_default).toLowerCase()}.{' '}
            <button type="button" class="secondary" disabled={saving} onClick={() => change(null)}>
              Follow the server's setting
            </button>
          </>
        ) : (
          <>From the server's SELF_SERVICE_REGISTRATION; no administrator has changed it.</>
        )}
      </p>
      <p id="pending-count">
        {settings.pending_keys === 0 ? (
          'No key is waiting for approval.'
        ) : (
          <>
            <strong>
              {settings.pending_keys} {settings.pending_keys === 1 ? 'key is' : 'keys are'} waiting for
              approval.
            </strong>{' '}
            <button type="button" class="secondary" id="show-pending" onClick={props.onShowPending}>
              Show them
            </button>
          </>
        )}
      </p>
    </section>
  );
}
