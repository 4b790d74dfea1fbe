// Decides whether `.next` was built from the current sources, so `npm start` rebuilds only when needed.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const INPUTS = ['app', 'lib', 'graphql', 'messages', 'public', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];
const SKIP = new Set(['node_modules', '.next', 'generated']);
const STAMP = path.join('.next', 'clearway-build-hash');

async function* files(entry: string): AsyncGenerator<string> {
  if (!existsSync(entry)) return;
  const stat = await readdir(entry, { withFileTypes: true }).catch(() => null);
  if (!stat) {
    yield entry;
    return;
  }
  for (const child of stat.sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP.has(child.name)) continue;
    yield* files(path.join(entry, child.name));
  }
}

export async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for await (const file of files(input)) hash.update(file).update('\0').update(await readFile(file)).update('\0');
  }
  // The generated Prisma client follows from the schema.
  hash.update(await readFile('prisma/schema.prisma'));
  return hash.digest('hex');
}

export async function buildIsCurrent(): Promise<boolean> {
  if (!existsSync(path.join('.next', 'BUILD_ID'))) return false;
  const stamp = await readFile(STAMP, 'utf8').catch(() => '');
  return stamp === (await sourceHash());
}

export async function recordBuild(): Promise<void> {
  await writeFile(STAMP, await sourceHash());
}
