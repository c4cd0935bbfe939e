/** Self-service: a name, an email and the terms give a personal key, shown once. */
import { useState } from 'preact/hooks';
import { ApiClient, ApiError } from '../shared/api.js';

interface Registered {
  key?: string;
  status: string;
  message: string;
}

export function Register(props: { mode: 'open' | 'approval'; onKey: (key: string) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [terms, setTerms] = useState(false);
  const [result, setResult] = useState<Registered>();
  const [error, setError] = useState<string>();

  async function submit(event: Event) {
    event.preventDefault();
    setError(undefined);
    try {
      const body = { name, email, accept_terms: terms };
      setResult(await new ApiClient(undefined).json<Registered>('POST', '/api/v1/keys/register', body));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <section class="card" id="register">
      <h2>Get your own key</h2>
      {props.mode === 'approval' && !result && (
        <p class="muted" id="register-approval">
          An administrator approves each new key before it works.
        </p>
      )}
      {result ? (
        <div class="notice" id="register-result">
          <p>{result.message}</p>
          {result.key && (
            <>
              <p>Your key (shown only now; keep it somewhere safe):</p>
              <p class="secret" id="registered-key">
                {result.key}
              </p>
              <button type="button" onClick={() => result.key && props.onKey(result.key)}>
                Use this key
              </button>
            </>
          )}
        </div>
      ) : (
        <form onSubmit={submit}>
          <div class="row">
            <div>
              <label for="reg-name">Your name</label>
              <input
                id="reg-name"
                type="text"
                required
                maxLength={100}
                value={name}
                onInput={(e) => setName(e.currentTarget.value)}
              />
            </div>
            <div>
              <label for="reg-email">Email</label>
              <input
                id="reg-email"
                type="email"
                required
                maxLength={255}
                value={email}
                onInput={(e) => setEmail(e.currentTarget.value)}
              />
            </div>
          </div>
          <label>
            <input
              id="reg-terms"
              type="checkbox"
              checked={terms}
              onChange={(e) => setTerms(e.currentTarget.checked)}
            />
            I accept the terms: the key is for exercise planning and training, generated data are synthetic,
            and my email is kept only to reach me about this key.
          </label>
          <button type="submit" id="reg-submit">
            Request a key
          </button>
        </form>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
