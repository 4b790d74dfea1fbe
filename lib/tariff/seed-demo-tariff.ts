// Loads the demo national tariff (lib/tariff/demo-tariff.ts). Lines are upserted and their measures
// replaced, so a corrected rate in the file reaches an existing database at the next start.
import { getDb } from '../db';
import { DEMO_TARIFF } from './demo-tariff';

export async function seedDemoTariff(): Promise<void> {
  await getDb().$transaction(async (tx) => {
    for (const line of DEMO_TARIFF) {
      const data = { hsCode: line.code.slice(0, 6), description: line.description, supplementaryUnit: line.unit ?? null };
      await tx.tariffLine.upsert({ where: { code: line.code }, create: { code: line.code, ...data }, update: data });
      await tx.dutyMeasure.deleteMany({ where: { tariffLineCode: line.code } });
      await tx.dutyMeasure.createMany({
        data: line.measures.map((m) => ({
          tariffLineCode: line.code,
          taxType: m.tax,
          kind: m.kind,
          adValoremRate: m.pct ?? null,
          specificRate: m.perUnit ?? null,
          specificUnit: m.unit ?? null,
          originCountry: m.origin ?? null,
        })),
      });
    }
    // A few hundred statements: Prisma's default 5 s is too short on a loaded machine at first start.
  }, { timeout: 60_000, maxWait: 30_000 });
}
