// The top functions of a V8 CPU profile (`node --cpu-prof`, or BENCH_CPU_PROFILE_DIR for a benchmark's
// children) by self time, and by total time (self + callees, each function counted once per stack), so
// a benchmark's costs can be read in a terminal without DevTools.
//
//   npx tsx bench/summarize-cpu-profile.ts <file.cpuprofile> [--top 30] [--filter text] [--callers name]
//
// --callers name: the self time of the functions whose label contains `name` (e.g. writev), by their
// nearest caller outside Node's own modules: which of our code (or which package) pays for it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' }, filter: { type: 'string' }, callers: { type: 'string' } } });
if (!positionals.length) throw new Error('usage: summarize-cpu-profile <file.cpuprofile> [--top N] [--filter text]');
const top = Number(values.top);

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame;
    const where = url ? `${url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '').replace(/.*node_modules\//, 'nm/')}:${lineNumber + 1}` : '';
    return `${functionName || '(anonymous)'} ${where}`.trim();
  };
  const selfMs = new Map<string, number>();
  const callersMs = new Map<string, number>();
  const totalMs = new Map<string, number>();
  let all = 0;
  // timeDeltas[i] is the time before sample i; attribute it to that sample's node.
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    all += ms;
    const node = byId.get(id)!;
    selfMs.set(label(node), (selfMs.get(label(node)) ?? 0) + ms);
    if (values.callers && label(node).includes(values.callers)) {
      let cur = parent.get(id);
      while (cur !== undefined && /^(node:|$)/.test(byId.get(cur)!.callFrame.url)) cur = parent.get(cur);
      const caller = cur === undefined ? '(none)' : label(byId.get(cur)!);
      callersMs.set(caller, (callersMs.get(caller) ?? 0) + ms);
    }
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      totalMs.set(l, (totalMs.get(l) ?? 0) + ms);
    }
  });
  const idle = selfMs.get('(idle)') ?? 0;
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}`);
    const rows = [...m].filter(([l]) => !values.filter || l.includes(values.filter)).sort((a, b) => b[1] - a[1]).slice(0, top);
    for (const [l, ms] of rows) console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / (all - idle)).toFixed(1).padStart(5)} %  ${l}`);
  };
  console.log(`${path.basename(file)}: ${(all / 1000).toFixed(1)} s sampled, ${(idle / 1000).toFixed(1)} s idle; percentages of the busy time`);
  print('self time', selfMs);
  print('total time (self + callees)', totalMs);
  if (values.callers) print(`self time of "${values.callers}" by nearest caller outside node:`, callersMs);
}
