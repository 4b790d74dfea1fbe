// The demo's HS descriptions in French and Spanish (prisma/data/hs2022-descriptions): loaded into a
// language that has none yet, so the demo shows translated chapters; a set an operator loaded (or an
// earlier sample) is left as it is.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { getDb } from '../db';
import { descriptionsDataset, loadHsDescriptions, type TranslatedLocale } from './load-hs-descriptions';

const SAMPLES: TranslatedLocale[] = ['fr', 'es'];

/** The languages whose sample was loaded now. */
export async function seedHsDescriptionSamples(dir = path.resolve(process.cwd(), 'prisma', 'data', 'hs2022-descriptions')): Promise<TranslatedLocale[]> {
  const loaded: TranslatedLocale[] = [];
  for (const locale of SAMPLES) {
    if (await getDb().referenceDataset.findUnique({ where: { name: descriptionsDataset(locale) } })) continue;
    await loadHsDescriptions({ locale, content: await readFile(path.join(dir, `${locale}.csv`)) });
    loaded.push(locale);
  }
  return loaded;
}
