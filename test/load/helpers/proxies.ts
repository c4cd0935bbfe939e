/**
 * The suite's handle on the TCP proxies in their own process (proxy-process.ts): each proxy can be
 * stopped (connections dropped, port closed: the service is unreachable) and started again on the
 * same port, so the instances reconnect unchanged.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ProxyCommand, ProxyReply } from './proxy-process.js';

type Command =
  | Omit<Extract<ProxyCommand, { op: 'create' }>, 'id'>
  | Omit<Extract<ProxyCommand, { op: 'start' | 'stop' }>, 'id'>;

export interface RemoteProxy {
  readonly port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export class ProxyProcess {
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: ProxyReply) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: ProxyReply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
  }

  static start(): ProxyProcess {
    const entry = fileURLToPath(new URL('./proxy-process.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // The proxies stand for the network, which takes no turn on the CPU: ahead of the instances and the
    // client, so a starved machine delays the services less through them. Needs root; else left as is.
    try {
      if (child.pid) setPriority(child.pid, -10);
    } catch {
      // not permitted: the proxies run at the default priority
    }
    return new ProxyProcess(child);
  }

  /** A proxy on a free loopback port to `host:port`, listening. */
  async create(name: string, host: string, port: number): Promise<RemoteProxy> {
    const listening = await this.send({ op: 'create', name, host, port });
    return {
      port: listening,
      start: async () => void (await this.send({ op: 'start', name })),
      stop: async () => void (await this.send({ op: 'stop', name })),
    };
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.disconnect();
    await exited;
  }

  private send(command: Command): Promise<number> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (reply) => (reply.ok ? resolve(reply.port) : reject(new Error(reply.error))));
      this.child.send({ ...command, id });
    });
  }
}
