import net from 'node:net';

/**
 * A TCP proxy on loopback that tests can cut, hang and restore, to make a
 * server (PostgreSQL) unreachable without stopping it. `start()` listens again
 * on the same port, so clients configured with it reconnect unchanged.
 */
export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private boundPort = 0;
  private hung = false;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  get port(): number {
    return this.boundPort;
  }

  /** Listens (again); does nothing while already listening. */
  async start(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      this.track(client, client);
      // Hung: the connection is accepted and then nothing ever comes back, like a stuck network path.
      if (this.hung) return;
      const upstream = net.connect(this.targetPort, this.targetHost);
      this.track(upstream, client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      this.forward(client, upstream);
      this.forward(upstream, client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, '127.0.0.1', () => resolve());
    });
    this.boundPort = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** Drops every open connection and stops listening. */
  async stop(): Promise<void> {
    this.dropConnections();
    this.hung = false;
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Keeps every connection open but forwards nothing more, either way; new connections are accepted and never answered. */
  hang(): void {
    this.hung = true;
  }

  /** Ends a hang, if any: the stuck connections are dropped (their protocol state is lost) and new ones are forwarded again. */
  restore(): void {
    if (!this.hung) return;
    this.hung = false;
    this.dropConnections();
  }

  private track(socket: net.Socket, client: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => client.destroy());
  }

  private forward(from: net.Socket, to: net.Socket): void {
    from.on('data', (chunk) => {
      if (!this.hung) to.write(chunk);
    });
    from.on('end', () => to.end());
  }

  private dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}
