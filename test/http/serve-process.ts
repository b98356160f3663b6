/** `npm run serve` (or its node command) as a child process, for replica and shutdown tests. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly base: string;
  output(): string;
  /** The pid of the process listening on the port (npm's child when started through npm). */
  serverPid(): number | undefined;
  exited(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startServe(
  env: Record<string, string>,
  options: { viaNpm?: boolean } = {},
): Promise<ServeProcess> {
  const port = await freePort();
  const command = options.viaNpm ? 'npm' : process.execPath;
  const args = options.viaNpm ? ['run', 'serve'] : ['--import', 'tsx', 'src/http/serve.ts'];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      DISCORD_TOKEN: '',
      DISCORD_API_URL: '',
      DATA_DIR: '',
      DATABASE_URL: '',
      STORE_DIR: '',
      LOG_LEVEL: 'info',
      COOLDOWN_SECONDS: '0',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = once(child, 'exit') as Promise<[number | null]>;
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    serverPid: () => {
      const match = /\(pid (\d+)\)/.exec(output);
      return match ? Number(match[1]) : undefined;
    },
    exited: async () => (await exit)[0],
  };
}

export async function waitReady(serve: ServeProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (serve.child.exitCode !== null) throw new Error(`serve exited early:\n${serve.output()}`);
    try {
      if ((await fetch(`${serve.base}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`serve not ready within ${timeoutMs} ms:\n${serve.output()}`);
}
