/**
 * The admin dashboard (`/admin`). The admin secret is typed in and kept in sessionStorage only
 * (gone when the tab closes; never in a URL or a cookie), and sent in the `X-API-Key` header.
 */
import { render } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { ApiClient, ApiError } from '../shared/api.js';
import { KeyPage } from './key-page.js';
import { KeysPanel, type KeyView } from './keys.js';
import { UsagePanel } from './usage.js';

const SECRET_STORE = 'milmed.admin.secret';

function SignIn({ onSignedIn }: { onSignedIn: (secret: string) => void }) {
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string>();
  async function submit(event: Event) {
    event.preventDefault();
    setError(undefined);
    try {
      // Listing keys needs the admin scope: the cheapest proof that this secret may use the dashboard.
      await new ApiClient(secret.trim()).get('/api/v1/admin/keys/');
      onSignedIn(secret.trim());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  return (
    <section class="card">
      <h2>Sign in</h2>
      <form onSubmit={submit}>
        <label for="admin-secret">The server's API_KEY, or a key with the admin scope</label>
        <div class="row">
          <input
            id="admin-secret"
            type="password"
            autocomplete="off"
            required
            value={secret}
            onInput={(e) => setSecret(e.currentTarget.value)}
          />
          <button type="submit" id="sign-in">
            Sign in
          </button>
        </div>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function App() {
  const [secret, setSecret] = useState(() => sessionStorage.getItem(SECRET_STORE) ?? '');
  const [tab, setTab] = useState<'keys' | 'usage'>('keys');
  const [opened, setOpened] = useState<KeyView>();
  const [error, setError] = useState<string>();
  const client = useMemo(() => new ApiClient(secret), [secret]);

  const onError = (e: unknown) => {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) signOut();
    setError(e instanceof ApiError ? e.message : String(e));
  };
  function signOut() {
    sessionStorage.removeItem(SECRET_STORE);
    setSecret('');
  }

  return (
    <>
      <header class="top">
        <h1>Patient Generator · Admin</h1>
        <a href="/">Generator</a>
        <a href="/docs">API documentation</a>
        {secret && (
          <button type="button" class="secondary" id="sign-out" onClick={signOut}>
            Sign out
          </button>
        )}
      </header>
      <main>
        {error && (
          <p class="error" role="alert" id="error">
            {error}{' '}
            <button type="button" class="secondary" onClick={() => setError(undefined)}>
              Dismiss
            </button>
          </p>
        )}
        {!secret ? (
          <SignIn
            onSignedIn={(s) => {
              sessionStorage.setItem(SECRET_STORE, s);
              setError(undefined);
              setSecret(s);
            }}
          />
        ) : opened ? (
          <KeyPage client={client} keyView={opened} onBack={() => setOpened(undefined)} onError={onError} />
        ) : (
          <>
            <nav class="tabs">
              <button
                type="button"
                aria-pressed={tab === 'keys'}
                id="tab-keys"
                onClick={() => setTab('keys')}
              >
                Keys
              </button>
              <button
                type="button"
                aria-pressed={tab === 'usage'}
                id="tab-usage"
                onClick={() => setTab('usage')}
              >
                Usage
              </button>
            </nav>
            {tab === 'keys' ? (
              <KeysPanel client={client} onOpen={setOpened} onError={onError} />
            ) : (
              <UsagePanel client={client} onError={onError} />
            )}
          </>
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
