/**
 * Child process entry (`node --import tsx`): TCP proxies driven by IPC messages from the suite. They run
 * apart from the load generator, so forwarding PostgreSQL and Redis traffic never waits behind the
 * client's own work on one event loop.
 */
import { TcpProxy } from '../../helpers/tcp-proxy.js';

export type ProxyCommand =
  | { id: number; op: 'create'; name: string; host: string; port: number }
  | { id: number; op: 'start' | 'stop'; name: string };

export type ProxyReply = { id: number; ok: true; port: number } | { id: number; ok: false; error: string };

const proxies = new Map<string, TcpProxy>();

async function handle(command: ProxyCommand): Promise<number> {
  if (command.op === 'create') {
    const proxy = new TcpProxy(command.port, command.host);
    proxies.set(command.name, proxy);
    await proxy.start();
    return proxy.port;
  }
  const proxy = proxies.get(command.name);
  if (!proxy) throw new Error(`no proxy named ${command.name}`);
  await (command.op === 'start' ? proxy.start() : proxy.stop());
  return proxy.port;
}

process.on('message', (command: ProxyCommand) => {
  handle(command).then(
    (port) => process.send?.({ id: command.id, ok: true, port } satisfies ProxyReply),
    (error: unknown) =>
      process.send?.({ id: command.id, ok: false, error: String(error) } satisfies ProxyReply),
  );
});
// The suite went away: so do the proxies.
process.on('disconnect', () => process.exit(0));
