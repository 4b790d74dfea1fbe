// Guard: every page of the portal (app/**/page.tsx) is checked by axe in a browser test — in the walk of
// test/e2e/accessibility.test.ts (its paths, e.g. '/permits/held/[id]') or by a browser test that names the
// page's path in an `expectNoAxeViolations(page, '/path …')` call. A new page without either fails here,
// naming the route, so it cannot ship unchecked (docs/accessibility.md lists the pages per role).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

/** '/permits/held/[id]' for app/permits/held/[id]/page.tsx; route groups `(x)` drop out. */
export function routesOf(appDir: string): string[] {
  const routes: string[] = [];
  const walk = (dir: string, parts: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith('_') || entry.name === 'api') continue;
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? parts : [...parts, entry.name]);
      } else if (entry.name === 'page.tsx') {
        routes.push(`/${parts.join('/')}`);
      }
    }
  };
  walk(appDir, []);
  return routes.sort();
}

/** The paths a browser test checks: quoted literals starting with '/' in the walk, names given to axe elsewhere. */
export function checkedPaths(e2eDir: string): Set<string> {
  const paths = new Set<string>();
  const pathOf = (literal: string) => literal.split(/[\s?#(]/)[0]!;
  for (const file of readdirSync(e2eDir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(path.join(e2eDir, file), 'utf8');
    const literals =
      file === 'accessibility.test.ts'
        ? [...text.matchAll(/'(\/[^']*)'/g)].map((m) => m[1]!)
        : [...text.matchAll(/expectNoAxeViolations\(\s*\w+\s*,\s*[`'](\/[^`']*)[`']/g)].map((m) => m[1]!);
    for (const literal of literals) paths.add(pathOf(literal));
  }
  return paths;
}

describe('every page is checked by axe in a browser test', () => {
  it('finds the pages and the checked paths (the guard itself can fail)', () => {
    const routes = routesOf(path.join(ROOT, 'app'));
    expect(routes).toContain('/');
    expect(routes).toContain('/permits/held/[id]');
    expect(routes).not.toContain('/api/graphql');
    const checked = checkedPaths(path.join(ROOT, 'test/e2e'));
    expect(checked.has('/declarations/[id]')).toBe(true);
    expect(checked.has('/no-such-page')).toBe(true);
  });

  it('has no page that no browser test checks', () => {
    const checked = checkedPaths(path.join(ROOT, 'test/e2e'));
    const unchecked = routesOf(path.join(ROOT, 'app')).filter((route) => !checked.has(route));
    expect(unchecked, 'add these pages to test/e2e/accessibility.test.ts (and docs/accessibility.md)').toEqual([]);
  });
});
