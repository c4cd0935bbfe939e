import type { Redis } from 'ioredis';

/**
 * Takes one request from several counters, all or none, in one atomic call: a counter that
 * would pass its limit refuses the lot. Counters expire `ttlMs` after their first use.
 *
 * KEYS[i] = one counter; ARGV[1] = ttlMs; ARGV[1 + i] = limit of counter i.
 * Reply: { 1, count1, count2, ... } when taken; { 0, index (1-based), count } when refused.
 */
const TAKE_SCRIPT = `
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count + 1 > tonumber(ARGV[i + 1]) then return { 0, i, count } end
end
local out = { 1 }
for i = 1, #KEYS do
  local count = redis.call('INCR', KEYS[i])
  if count == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
  out[#out + 1] = count
end
return out
`;

const COMMAND = 'quotaTakeV1';

interface ScriptClient {
  quotaTakeV1(numKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
}

export type CounterTake = { ok: true; counts: number[] } | { ok: false; index: number; count: number };

/**
 * Counters with limits in Redis, exact across any number of instances: one atomic round trip per
 * `take`. Keys are the caller's; keep the keys of one `take` in one cluster slot (a hash tag).
 * Failure modes: rejects with the ioredis error while Redis is unreachable or slow.
 */
export class RedisCounters {
  readonly #script: ScriptClient;

  constructor(private readonly client: Redis) {
    client.defineCommand(COMMAND, { lua: TAKE_SCRIPT });
    this.#script = client as unknown as ScriptClient;
  }

  async take(keys: readonly string[], limits: readonly number[], ttlMs: number): Promise<CounterTake> {
    const reply = (await this.#script.quotaTakeV1(
      keys.length,
      ...keys,
      Math.ceil(ttlMs),
      ...limits,
    )) as number[];
    if (reply[0] === 1) return { ok: true, counts: reply.slice(1).map(Number) };
    return { ok: false, index: Number(reply[1]) - 1, count: Number(reply[2]) };
  }

  async count(key: string): Promise<number> {
    return Number((await this.client.get(key)) ?? 0);
  }
}
