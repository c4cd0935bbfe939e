/** A job's files as the suite sees them on the instances' shared disk, and the instance running it. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Instance, LoadCluster } from './cluster.js';
import { PhaseTally, send, sleep } from './traffic.js';

/**
 * Every path under the cluster's shared DATA_DIR (`<dataDir>/data`) that names the job: its directory,
 * files and ZIP, wherever the runner keeps them. A walk that meets a directory being removed is redone.
 */
export function entriesNaming(dataDir: string, jobId: string): string[] {
  const root = join(dataDir, 'data');
  for (let attempt = 0; ; attempt++) {
    try {
      if (!existsSync(root)) return [];
      return (readdirSync(root, { recursive: true }) as string[]).filter((p) => p.includes(jobId));
    } catch (error) {
      if (attempt >= 10) throw error;
    }
  }
}

/**
 * The instance running the job (read from each `/metrics`), once the job is under way: part of its
 * files on disk under DATA_DIR, or progress reported (a runner may keep its files elsewhere meanwhile).
 */
export async function findRunner(cluster: LoadCluster, jobId: string, key: string): Promise<Instance> {
  const { instances } = cluster;
  const root = join(cluster.dataDir, 'data');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const onDisk = entriesNaming(cluster.dataDir, jobId).some((p) => {
      try {
        return statSync(join(root, p)).isFile();
      } catch {
        return false; // removed meanwhile
      }
    });
    const job = onDisk
      ? undefined
      : await send(new PhaseTally(), instances[0]!.baseUrl, 'probe', {
          path: `/api/v1/jobs/${jobId}`,
          key,
        });
    if (onDisk || Number(job?.json?.progress ?? 0) > 0) {
      for (const instance of instances) {
        const res = await fetch(`${instance.baseUrl}/metrics`, {
          headers: { authorization: `Bearer ${cluster.settings.metricsToken}` },
        });
        const match = /^jobs_running\{[^}]*\} (\d+)/m.exec(await res.text());
        if (Number(match?.[1] ?? 0) > 0) return instance;
      }
    }
    await sleep(50);
  }
  throw new Error('the job was never seen running with work done; make it larger');
}
