import { describe, expect, it } from 'vitest';

import { getDb } from '../../lib/db';
import { loadHsNomenclature, readHsSource } from '../../lib/tariff/load-hs-nomenclature';

describe('loadHsNomenclature', () => {
  it('loaded the whole HS 2022 nomenclature: 21 sections, 97 chapters, 1,229 headings, 5,613 subheadings', async () => {
    const db = getDb();
    expect(await db.hsSection.count()).toBe(21);
    const byLevel = await db.hsCode.groupBy({ by: ['level'], _count: true, orderBy: { level: 'asc' } });
    expect(byLevel.map((l) => [l.level, l._count])).toEqual([[2, 97], [4, 1229], [6, 5613]]);
  });

  it('links every heading and subheading to an existing parent one level up', async () => {
    const orphans = await getDb().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM hs_code c LEFT JOIN hs_code p ON p.code = c.parent_code
       WHERE c.level > 2 AND (p.code IS NULL OR length(p.code) <> c.level - 2)`;
    expect(Number(orphans[0]!.n)).toBe(0);
  });

  it('keeps chapter 99, which the source files under no section', async () => {
    expect(await getDb().hsCode.findUnique({ where: { code: '999999' } })).toMatchObject({ sectionId: null, parentCode: '9999' });
  });

  it('does nothing when the same dataset is loaded again', async () => {
    expect(await loadHsNomenclature()).toBe(0);
  });

  it('updates changed entries in place when the dataset changes', async () => {
    const source = await readHsSource();
    const changed = {
      ...source,
      checksum: 'f'.repeat(64),
      codes: source.codes.map((c) => (c.code === '090111' ? { ...c, description: 'Coffee; not roasted, not decaffeinated (revised)' } : c)),
    };
    expect(await loadHsNomenclature(changed)).toBe(6939);
    expect((await getDb().hsCode.findUnique({ where: { code: '090111' } }))?.description).toMatch(/\(revised\)$/);
    expect(await getDb().hsCode.count()).toBe(6939);
  });
});
