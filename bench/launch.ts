// Child processes for benchmarks: a TypeScript entry point run with tsx, resolved once it prints
// `readyText`, its output drained afterwards (as a terminal or a log shipper would).
import { spawn, type ChildProcess } from 'node:child_process';

// BENCH_CPU_PROFILE_DIR=/some/dir writes a V8 CPU profile of every child there when it exits (open it in
// Chrome's DevTools): where a benchmark's server spends its time. NODE_OPTIONS refuses --cpu-prof.
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE_DIR;
// tsx's CLI would profile only its own wrapper process, so a profiled child loads tsx as an import hook.
const RUNNER = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, '--import', 'tsx'] : ['node_modules/tsx/dist/cli.mjs'];

export function launch(args: string[], env: Record<string, string>, readyText: string, options: { echo?: boolean } = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...RUNNER, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(readyText)) {
        output = '';
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        // Echo to our stderr only when asked (children at LOG_LEVEL=warn); otherwise just drain.
        const sink = options.echo ? (c: Buffer) => process.stderr.write(c) : () => undefined;
        child.stdout!.on('data', sink);
        child.stderr!.on('data', sink);
        resolve(child);
      } else if (output.length > 1_000_000) output = output.slice(-100_000);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code, signal) => reject(new Error(`${args.join(' ')} exited with ${code ?? signal}:\n${output}`)));
  });
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the child has exited. */
export async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
