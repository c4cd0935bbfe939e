import { isIP } from 'node:net';

/**
 * Where client addresses come from: `false` (the socket address), a number of
 * proxy hops in front of the service, or the addresses/CIDRs of trusted proxies.
 * Either way the client is the right-most `X-Forwarded-For` entry that no
 * trusted proxy wrote; entries to its left are the client's own and ignored.
 */
export type TrustProxy = false | number | readonly string[];

/** Named ranges that Fastify (proxy-addr) understands in a proxy list. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export const TRUST_PROXY_TRUE_REFUSED =
  'TRUST_PROXY=true is refused: it takes the client IP from the left-most X-Forwarded-For entry, which any ' +
  'client can forge (to use another client’s demo jobs or dodge the per-IP limits). Set the number of proxies ' +
  'in front of the service (TRUST_PROXY=1 behind one reverse proxy) or a comma list of their addresses/CIDRs ' +
  '(e.g. TRUST_PROXY=10.0.0.0/8,127.0.0.1)';

/**
 * Parses `TRUST_PROXY`. `true` is refused rather than warned about: there is
 * no deployment where trusting every hop is right, and a warning in a log
 * scrolls away while the hole stays open; `1` is the safe spelling of "one proxy".
 * @returns the setting, or the reason it is refused (a message naming the variable).
 */
export function parseTrustProxy(
  raw: string,
): { ok: true; value: TrustProxy } | { ok: false; reason: string } {
  const value = raw.trim().toLowerCase();
  if (value === 'false' || value === '0' || value === '') return { ok: true, value: false };
  if (value === 'true') return { ok: false, reason: TRUST_PROXY_TRUE_REFUSED };
  if (/^\d+$/.test(value)) return { ok: true, value: Number(value) };
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !isProxyEntry(entry));
  if (bad.length > 0 || entries.length === 0) {
    return {
      ok: false,
      reason:
        `TRUST_PROXY must be false, a hop count, or a comma list of proxy addresses/CIDRs; ` +
        `not an address: ${bad.map((e) => JSON.stringify(e)).join(', ') || JSON.stringify(raw)}`,
    };
  }
  return { ok: true, value: Object.freeze(entries) };
}

/** An IP, an IP/prefix, an IPv4/netmask, or one of proxy-addr's named ranges. */
function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry.toLowerCase())) return true;
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const version = isIP(address);
  if (version === 0) return false;
  if (slash < 0) return true;
  const range = entry.slice(slash + 1);
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (version === 4 ? 32 : 128);
  return version === 4 && isIP(range) === 4;
}
