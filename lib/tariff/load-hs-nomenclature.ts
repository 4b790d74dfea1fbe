// Loads the HS 2022 nomenclature shipped in prisma/data/hs2022 into the database. Idempotent: the
// source files' checksum is recorded in reference_dataset, and an unchanged dataset is not reloaded.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { parse } from 'csv-parse/sync';

import { getDb } from '../db';

const DATASET = 'hs2022';

export interface HsSource {
  sections: { id: string; position: number; name: string }[];
  codes: { code: string; description: string; level: number; parentCode: string | null; sectionId: string | null }[];
  checksum: string;
}

function hsDataDir(): string {
  return path.resolve(process.cwd(), 'prisma', 'data', 'hs2022');
}

/** Parse the source CSVs, dropping the quirks of the source data (see prisma/data/hs2022/README.md). */
export async function readHsSource(dir = hsDataDir()): Promise<HsSource> {
  const sectionsCsv = await readFile(path.join(dir, 'sections.csv'), 'utf8');
  const codesCsv = await readFile(path.join(dir, 'harmonized-system.csv'), 'utf8');
  const checksum = createHash('sha256').update(sectionsCsv).update(codesCsv).digest('hex');

  const sectionRows = parse(sectionsCsv, { columns: true, bom: true, skip_empty_lines: true }) as {
    section: string;
    name: string;
  }[];
  const sections = sectionRows.map((r, i) => ({ id: r.section, position: i + 1, name: r.name }));
  const known = new Set(sections.map((s) => s.id));

  const rows = parse(codesCsv, { columns: true, bom: true, skip_empty_lines: true }) as {
    section: string;
    hscode: string;
    description: string;
    parent: string;
    level: string;
  }[];
  const codes = rows
    // The source has one "TOTAL" row at level 5: an aggregate, not a code.
    .filter((r) => /^\d+$/.test(r.hscode) && [2, 4, 6].includes(Number(r.level)))
    .map((r) => ({
      code: r.hscode,
      description: r.description,
      level: Number(r.level),
      parentCode: /^\d+$/.test(r.parent) ? r.parent : null,
      // Chapter 99 is filed under the pseudo-section "TOTAL": it has no real section.
      sectionId: known.has(r.section) ? r.section : null,
    }));
  return { sections, codes, checksum };
}

/** Returns the number of rows loaded, or 0 when the same dataset was already there. */
export async function loadHsNomenclature(source?: HsSource): Promise<number> {
  const data = source ?? (await readHsSource());
  const db = getDb();
  const current = await db.referenceDataset.findUnique({ where: { name: DATASET } });
  if (current?.checksum === data.checksum) return 0;

  await db.$transaction(
    async (tx) => {
      // Upserts rather than delete-and-insert: later tables (tariff lines, goods items) reference codes.
      for (const s of data.sections) {
        await tx.hsSection.upsert({ where: { id: s.id }, create: s, update: { name: s.name, position: s.position } });
      }
      // Parents before children (the source is ordered so, but sort to be sure).
      const ordered = [...data.codes].sort((a, b) => a.level - b.level);
      for (let i = 0; i < ordered.length; i += 1000) {
        const batch = ordered.slice(i, i + 1000);
        await tx.$executeRaw`
          INSERT INTO hs_code (code, description, level, parent_code, section_id)
          SELECT * FROM unnest(
            ${batch.map((c) => c.code)}::varchar[], ${batch.map((c) => c.description)}::text[],
            ${batch.map((c) => c.level)}::smallint[], ${batch.map((c) => c.parentCode)}::varchar[],
            ${batch.map((c) => c.sectionId)}::varchar[])
          ON CONFLICT (code) DO UPDATE SET description = EXCLUDED.description, level = EXCLUDED.level,
            parent_code = EXCLUDED.parent_code, section_id = EXCLUDED.section_id`;
      }
      await tx.referenceDataset.upsert({
        where: { name: DATASET },
        create: { name: DATASET, checksum: data.checksum, rows: data.codes.length },
        update: { checksum: data.checksum, rows: data.codes.length, loadedAt: new Date() },
      });
    },
    { timeout: 60_000 },
  );
  return data.codes.length;
}
