// CPU time spent by process trees (Linux /proc), for "where the time goes" beside a benchmark's
// figures: on a shared machine, CPU per answer is blurred far less than latency by the others' load.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

import pg from 'pg';

/** USER_HZ: Linux reports process times in 1/100 s. */
const CLOCK_TICKS = 100;

/** CPU seconds (user + system) so far of every process in the trees rooted at `roots`, by pid, with its root. */
export async function treeCpu(roots: number[]): Promise<Map<number, { root: number; cpu: number }>> {
  const procs: { pid: number; ppid: number; cpu: number }[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    // Fields after the command name (which may hold spaces, inside parentheses): state ppid … utime(14) stime(15).
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    procs.push({ pid: Number(name), ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / CLOCK_TICKS });
  }
  const parentOf = new Map(procs.map((p) => [p.pid, p.ppid]));
  const out = new Map<number, { root: number; cpu: number }>();
  for (const p of procs) {
    for (let cur: number | undefined = p.pid; cur; cur = parentOf.get(cur)) {
      if (roots.includes(cur)) {
        out.set(p.pid, { root: cur, cpu: p.cpu });
        break;
      }
    }
  }
  return out;
}

/**
 * Runs `task` and returns, with its result, the CPU milliseconds each root's tree spent meanwhile (a
 * process that ended during the task, e.g. an idle pool connection closed, is left out).
 */
export async function cpuDuring<T>(roots: number[], task: () => Promise<T>): Promise<{ result: T; cpuMs: Map<number, number> }> {
  const before = await treeCpu(roots);
  const result = await task();
  const after = await treeCpu(roots);
  const spent = new Map(roots.map((r) => [r, 0]));
  for (const [pid, p] of after) spent.set(p.root, spent.get(p.root)! + (p.cpu - (before.get(pid)?.cpu ?? 0)) * 1000);
  return { result, cpuMs: spent };
}

/** The pid of the PostgreSQL server (the postmaster) behind `url`, which must run on this machine. */
export async function postmasterPid(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    return Number((await readFile(path.join(rows[0]!.data_directory, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } finally {
    await client.end();
  }
}
