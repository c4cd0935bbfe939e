/**
 * The stores alone, without HTTP: time per check of the in-process store (admitted and rejected, 1,000
 * subjects round-robin) and checks/s of the Redis store from one client with 100 in flight.
 *   npx tsx bench/ratelimit-store.ts [--redis-url redis://127.0.0.1:6379/0]
 */
import { randomBytes } from 'node:crypto';
import { MemoryStore, minuteAndHourRules } from '../src/ratelimit/index.js';
import { RedisStore } from '../src/ratelimit/redis-store.js';

const redisUrl = process.argv.includes('--redis-url')
  ? process.argv[process.argv.indexOf('--redis-url') + 1]
  : 'redis://127.0.0.1:6379/0';
const SUBJECTS = 1000;
const roomy = minuteAndHourRules(100_000_000, 100_000_000);
const tight = minuteAndHourRules(1, 100);

function memoryMicros(rules: typeof roomy, warm: boolean): number {
  const store = new MemoryStore();
  const now = Date.now();
  if (warm) for (let s = 0; s < SUBJECTS; s++) store.consumeSync(`s${s}`, rules, now);
  const n = 1_000_000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) store.consumeSync(`s${i % SUBJECTS}`, rules, now + (i >> 10));
  return Number(process.hrtime.bigint() - start) / n / 1000;
}

async function redisOpsPerSecond(rules: typeof roomy, warm: boolean): Promise<number> {
  const store = new RedisStore({ url: redisUrl });
  if (!(await store.waitUntilReady(3000))) throw new Error(`Redis is not reachable at ${redisUrl}`);
  const prefix = randomBytes(4).toString('hex');
  const now = Date.now();
  if (warm)
    await Promise.all(Array.from({ length: SUBJECTS }, (_, s) => store.consume(`${prefix}${s}`, rules, now)));
  const total = 50_000;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      while (next < total) {
        const i = next++;
        await store.consume(`${prefix}${i % SUBJECTS}`, rules, now);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await store.close();
  return total / seconds;
}

/** Bytes per subject: heap and typed-array growth over 20,000 subjects (rough; no forced GC). */
function memoryBytesPerSubject(): number {
  const store = new MemoryStore();
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const before = used();
  const now = Date.now();
  const n = 20_000;
  for (let s = 0; s < n; s++) store.consumeSync(`subject-${s}`, roomy, now);
  return (used() - before) / n;
}

const perSubject = memoryBytesPerSubject();
const admitted = memoryMicros(roomy, false);
const rejected = memoryMicros(tight, true);
console.log(
  `in-process store: ${admitted.toFixed(2)} µs per admitted check, ${rejected.toFixed(2)} µs per rejected check, ~${Math.round(perSubject).toLocaleString('en')} bytes per subject (minute + hour)`,
);
try {
  const redisAdmitted = await redisOpsPerSecond(roomy, false);
  const redisRejected = await redisOpsPerSecond(tight, true);
  console.log(
    `redis store:      ${Math.round(redisAdmitted).toLocaleString('en')} admitted checks/s, ${Math.round(redisRejected).toLocaleString('en')} rejected checks/s (one client, 100 in flight)`,
  );
} catch (error) {
  console.log(`redis store:      skipped (${(error as Error).message})`);
}
console.log('reproduce: npx tsx bench/ratelimit-store.ts --redis-url redis://127.0.0.1:6379/0');
