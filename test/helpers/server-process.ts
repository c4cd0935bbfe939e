import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { createInterface } from 'node:readline';

/** A port nothing listens on right now: listen on 0, note the port, close. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Every JSON line the server wrote to stdout. */
  lines: string[];
  /** Sends SIGTERM and resolves with the exit code. */
  terminate(): Promise<number | null>;
}

/**
 * Runs the real server as `npm start` does (`dist/main.js`, which the global setup keeps in step with
 * src/) with the given environment, and resolves once it logs `service ready`; rejects if it exits
 * first. `entry` and `readyLine` start another entry point, such as the job worker (`dist/worker.js`,
 * `worker ready`).
 */
export async function startServer(
  env: Record<string, string>,
  { entry = 'dist/main.js', readyLine = 'service ready' } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (line.includes(`"${readyLine}"`)) resolve();
    });
    void exited.then((code) =>
      reject(new Error(`server exited with ${code} before it was ready: ${stderr}`)),
    );
  });
  await ready;
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    lines,
    async terminate() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
