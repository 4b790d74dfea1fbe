// Runs Clearway as users do (`tsx scripts/start.ts`, what `npm start` runs) in a child process.
import { spawn, type ChildProcess } from 'node:child_process';

import { freePort } from '../../lib/database/embedded-postgres';

export interface ClearwayProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

export async function startClearway(env: Record<string, string | undefined>, options: { expectFailure?: boolean } = {}): Promise<ClearwayProcess> {
  const port = await freePort();
  // RISK_DEMO_MODEL off: no demo model deciding lanes under other tests' feet, and a faster start
  // (test/e2e/risk.test.ts trains its own).
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', RISK_DEMO_MODEL: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  const ready = await Promise.race([
    new Promise<boolean>((resolve) => {
      poll = setInterval(() => output.includes('Clearway is ready') && resolve(true), 100);
    }),
    exited.then(() => false),
    new Promise<boolean>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Clearway did not start in 240 s:\n${output}`)), 240_000);
    }),
  ]).finally(() => {
    clearInterval(poll);
    clearTimeout(timer);
  }).catch((error: unknown) => {
    child.kill('SIGTERM');
    throw error;
  });
  if (!ready && !options.expectFailure) throw new Error(`Clearway exited before it was ready:\n${output}`);
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
