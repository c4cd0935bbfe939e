/**
 * The pages' one way to the API. The key travels in the `X-API-Key` header, never in a URL or a
 * cookie, so a page on another site cannot make the browser send it (no CSRF); every body is JSON.
 */

/** What the API said, in words a person can act on, plus what a page needs to react. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | undefined,
    /** Seconds to wait before trying again (429 and 503), from `Retry-After`. */
    readonly retryAfter: number | undefined,
  ) {
    super(message);
  }
}

/** The key's limits and usage, read from the headers of the latest answer. */
export interface KeyHeaders {
  keyType?: string;
  patientLimit?: string;
  dailyLimit?: string;
  dailyUsage?: string;
  rateLimit?: string;
  rateRemaining?: string;
}

type HeaderListener = (headers: KeyHeaders) => void;

function readKeyHeaders(h: Headers): KeyHeaders | undefined {
  const pick = (name: string) => h.get(name) ?? undefined;
  const found: KeyHeaders = {
    keyType: pick('X-API-Key-Type'),
    patientLimit: pick('X-Patient-Limit'),
    dailyLimit: pick('X-Daily-Limit'),
    dailyUsage: pick('X-Daily-Usage'),
    rateLimit: pick('X-RateLimit-Limit'),
    rateRemaining: pick('X-RateLimit-Remaining'),
  };
  return Object.values(found).some((v) => v !== undefined) ? found : undefined;
}

/** Plain words for a refusal; the API's own `detail` says the specifics. */
export function explain(status: number, detail: string, retryAfter: number | undefined): string {
  if (status === 401) return `This key was not accepted: ${detail}. Check it, or use the demo key.`;
  if (status === 403) return `This key may not do that: ${detail}.`;
  if (status === 429)
    return `Too many requests: ${detail}. You can try again in ${retryAfter ?? 'a few'} seconds.`;
  if (status === 413 || status === 422 || status === 400) return `The request was refused: ${detail}`;
  if (status >= 500) return `The service had a problem (${status}). Please try again later.`;
  return detail;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let detail = response.statusText || `HTTP ${response.status}`;
  let code: string | undefined;
  try {
    const body = (await response.json()) as { detail?: unknown; error?: unknown; code?: unknown };
    if (typeof body.detail === 'string') detail = body.detail;
    else if (Array.isArray(body.detail)) detail = body.detail.map((d) => d?.msg ?? String(d)).join('; ');
    else if (typeof body.error === 'string') detail = body.error;
    if (typeof body.code === 'string') code = body.code;
  } catch {
    // Not JSON (a proxy's page): the status text is all there is.
  }
  const retryHeader = response.headers.get('Retry-After');
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
  return new ApiError(response.status, explain(response.status, detail, retryAfter), code, retryAfter);
}

/** A client bound to one key (or none, for the public routes). */
export class ApiClient {
  private listener: HeaderListener | undefined;

  constructor(private readonly key: string | undefined) {}

  /** Called with the key's limits after every answer that carries them. */
  onKeyHeaders(listener: HeaderListener): this {
    this.listener = listener;
    return this;
  }

  async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.key) headers['X-API-Key'] = this.key;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
    const keyHeaders = readKeyHeaders(response.headers);
    if (keyHeaders && this.listener) this.listener(keyHeaders);
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.json<T>('GET', path);
  }
}
