import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one `milmed-keys` run talks to: its output streams, its environment and whether a person
 * sits at stdin. The binary runs against the process; the tests run many commands inside one
 * process (each with its own host, concurrently), which spares a Node start and a module load per
 * command.
 */
export interface CliHost {
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdin is a terminal a question can be asked on. */
  interactive: boolean;
}

const processHost: CliHost = {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  get interactive() {
    return Boolean(process.stdin.isTTY);
  },
};

// Async-local, not a module variable: concurrent in-process runs must not see each other's output.
const current = new AsyncLocalStorage<CliHost>();

export function cliHost(): CliHost {
  return current.getStore() ?? processHost;
}

export function withCliHost<T>(host: CliHost, fn: () => Promise<T>): Promise<T> {
  return current.run(host, fn);
}
