/** A job's files as the suite sees them on the instances' shared disk, and the instance running it. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Instance, LoadCluster } from './cluster.js';
import { sleep } from './traffic.js';

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
 * The instance running the job, once the job is under way with part of its files on disk under
 * DATA_DIR: read from the job's row, whose `worker_id` starts with the instance's `INSTANCE_ID`.
 */
export async function findRunner(cluster: LoadCluster, jobId: string): Promise<Instance> {
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
    if (onDisk) {
      const [row] = await cluster.query<{ status: string; worker_id: string | null }>(
        'SELECT status, worker_id FROM jobs WHERE id = $1',
        [jobId],
      );
      const runner = cluster.instances.find((i) => row?.worker_id?.startsWith(`${i.instanceId}:`));
      if (row?.status === 'running' && runner) return runner;
    }
    await sleep(50);
  }
  throw new Error('the job was never seen running with files on disk; make it larger');
}
