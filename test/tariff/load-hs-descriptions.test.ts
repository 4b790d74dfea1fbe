// The per-language HS descriptions loader against the real database: a good file replaces the
// language's set, a bad line loads nothing and says which line and why, and English is refused.
import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { getDb } from '../../lib/db';
import type { AppError } from '../../lib/errors';
import { getHsCode } from '../../lib/tariff/get-hs-code';
import { loadHsDescriptions } from '../../lib/tariff/load-hs-descriptions';
import { searchHsCodes } from '../../lib/tariff/search-hs-codes';

const GOOD = ['code,description', '01,Animaux vivants', '0901,"Café, même torréfié ou décaféiné"', '0901.21,Café torréfié, non décaféiné'].join('\n');

const ar = () => getDb().hsCodeDescription.findMany({ where: { locale: 'ar' }, orderBy: { code: 'asc' } });

async function problemsOf(content: string | Uint8Array, locale = 'ar'): Promise<{ message: string; errors: { path: string[]; code: string; message: string }[] }> {
  const error = (await loadHsDescriptions({ locale, content }).then(
    () => null,
    (e: unknown) => e,
  )) as AppError | null;
  expect(error?.code).toBe('BAD_USER_INPUT');
  return { message: error!.message, errors: (error!.details.fieldErrors ?? []).map(({ path, code, message }) => ({ path, code, message })) };
}

describe('loadHsDescriptions', () => {
  it('loads a CSV file for a language and the entries read in it, the others in English', async () => {
    // The CSV's quoted comma is one field; a code written with a dot is the same code.
    const bad = await problemsOf(GOOD.replace('0901.21,Café torréfié, non décaféiné', '0901.21,"Café torréfié, non décaféiné"'), 'xx');
    expect(bad.errors).toEqual([{ path: ['locale'], code: 'INVALID', message: expect.stringContaining('"xx" is not a language') }]);

    const result = await loadHsDescriptions({ locale: 'ar', content: GOOD.replace('0901.21,Café torréfié, non décaféiné', '0901.21,"Café torréfié, non décaféiné"') });
    expect(result).toMatchObject({ locale: 'ar', rows: 3, replaced: 0, checksum: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await ar()).map((r) => [r.code, r.description])).toEqual([
      ['01', 'Animaux vivants'],
      ['0901', 'Café, même torréfié ou décaféiné'],
      ['090121', 'Café torréfié, non décaféiné'],
    ]);
    expect(await getHsCode('0901.21', 'ar')).toMatchObject({ description: 'Café torréfié, non décaféiné', descriptionLocale: 'ar' });
    expect(await getHsCode('0901.22', 'ar')).toMatchObject({ description: 'Coffee; roasted, decaffeinated', descriptionLocale: 'en' });
    expect(await getHsCode('0901.21')).toMatchObject({ description: 'Coffee; roasted, not decaffeinated', descriptionLocale: 'en' });
    expect(await getDb().referenceDataset.findUnique({ where: { name: 'hs2022-descriptions-ar' } })).toMatchObject({ rows: 3, checksum: result.checksum });

    // A search in the language matches its words, and still the English ones.
    const found = await searchHsCodes({ search: 'torréfié café', locale: 'ar', first: 100 });
    expect(found.edges.map((e) => [e.node.code, e.node.descriptionLocale])).toEqual([['0901', 'ar'], ['090121', 'ar']]);
    const english = await searchHsCodes({ search: 'coffee decaffeinated', locale: 'ar', first: 100 });
    expect(english.edges.map((e) => [e.node.code, e.node.descriptionLocale])).toEqual(expect.arrayContaining([['090122', 'en'], ['0901', 'ar']]));
    // Another language does not see them.
    expect((await searchHsCodes({ search: 'torréfié', locale: 'en', first: 100 })).totalCount).toBe(0);
  });

  it('reads a tab-separated file, with a BOM, ignoring other columns and blank lines', async () => {
    const tsv = '\uFEFFcode\tenglish\tdescription\r\n84\tMachinery\tالآلات والأجهزة الآلية\r\n\r\n8471.30\tLaptops\t"حواسيب" محمولة\r\n';
    expect(await loadHsDescriptions({ locale: 'ar', content: Buffer.from(tsv, 'utf8') })).toMatchObject({ rows: 2 });
    // TSV has no quoting: the quotes are the translator's.
    expect((await ar()).map((r) => [r.code, r.description])).toEqual([['84', 'الآلات والأجهزة الآلية'], ['847130', '"حواسيب" محمولة']]);
  });

  it('replaces the language set on a reload: the same file gives the same set, a code left out falls back to English', async () => {
    await loadHsDescriptions({ locale: 'ar', content: GOOD });
    const again = await loadHsDescriptions({ locale: 'ar', content: GOOD });
    expect(again).toMatchObject({ rows: 3, replaced: 3 });
    expect(await ar()).toHaveLength(3);
    const smaller = await loadHsDescriptions({ locale: 'ar', content: 'code,description\n01,حيوانات حية\n' });
    expect(smaller).toMatchObject({ rows: 1, replaced: 3 });
    expect((await ar()).map((r) => [r.code, r.description])).toEqual([['01', 'حيوانات حية']]);
    expect(await getHsCode('0901', 'ar')).toMatchObject({ descriptionLocale: 'en' });
    // Other languages are untouched: the French sample the demo seed loaded is still there.
    expect(await getHsCode('09', 'fr')).toMatchObject({ description: 'Café, thé, maté et épices', descriptionLocale: 'fr' });
  });

  // Both succeed and the set is one file's. (Here the two transactions rarely overlap, so this passes without the
  // loader's advisory lock too; the lock is for two operators' commands on separate connections.)
  it('lets two loads of one language at once take turns: the set is one file or the other, whole', async () => {
    const one = 'code,description\n01,واحد\n02,واحد\n';
    const two = 'code,description\n01,اثنان\n03,اثنان\n';
    const results = await Promise.all([loadHsDescriptions({ locale: 'ar', content: one }), loadHsDescriptions({ locale: 'ar', content: two })]);
    expect(results.map((r) => r.rows)).toEqual([2, 2]);
    const set = (await ar()).map((r) => `${r.code}=${r.description}`).join(' ');
    expect(['01=واحد 02=واحد', '01=اثنان 03=اثنان']).toContain(set);
  });

  it('names every bad line and loads nothing, keeping the set that was there', async () => {
    await loadHsDescriptions({ locale: 'ar', content: 'code,description\n01,حيوانات حية\n' });
    const file = [
      'code,description',
      '02,Viandes', // good
      '12345,Cinq chiffres', // line 3
      '0100,Code inconnu', // line 4
      '03,', // line 5
      '02,Encore', // line 6
      ',Sans code', // line 7
      `04,${'x'.repeat(1001)}`, // line 8
      '05,"Deux\nlignes"', // line 9 (and 10)
      '06,Bell\u0007', // line 11
    ].join('\n');
    const { message, errors } = await problemsOf(file);
    expect(message).toBe('7 lines of the descriptions file need correcting; nothing was loaded.');
    expect(errors).toEqual([
      { path: ['lines', '3', 'code'], code: 'INVALID', message: 'line 3: "12345" is not an HS code of 2, 4 or 6 digits.' },
      { path: ['lines', '4', 'code'], code: 'UNKNOWN', message: 'line 4: 0100 is not a code of the HS 2022 nomenclature.' },
      { path: ['lines', '5', 'description'], code: 'REQUIRED', message: 'line 5: the description is empty.' },
      { path: ['lines', '6', 'code'], code: 'DUPLICATE', message: 'line 6: 02 is given twice (also on line 2).' },
      { path: ['lines', '7', 'code'], code: 'REQUIRED', message: 'line 7: the code is empty.' },
      { path: ['lines', '8', 'description'], code: 'TOO_BIG', message: 'line 8: the description has 1001 characters; at most 1000.' },
      { path: ['lines', '11', 'description'], code: 'INVALID', message: 'line 11: the description contains a control character.' },
    ]);
    // A quoted line break is a space in the description, not a problem; nothing of the file was kept.
    expect((await ar()).map((r) => [r.code, r.description])).toEqual([['01', 'حيوانات حية']]);
    expect(await getDb().referenceDataset.findUnique({ where: { name: 'hs2022-descriptions-ar' } })).toMatchObject({ rows: 1 });
  });

  it('refuses a file without its header, an empty one, a broken quote and one that is not UTF-8', async () => {
    expect((await problemsOf('01,Animaux vivants\n')).errors).toEqual([
      { path: ['lines', '1', 'header'], code: 'REQUIRED', message: 'line 1: the first line must name the columns "code" and "description" (comma-separated); it reads "01,Animaux vivants".' },
    ]);
    expect((await problemsOf('code,description\n0100,Code inconnu\n')).message).toBe('A line of the descriptions file needs correcting; nothing was loaded.');
    expect((await problemsOf('code,description\n')).errors).toMatchObject([{ path: ['lines', '2', 'file'], code: 'REQUIRED' }]);
    expect((await problemsOf('code,description\n01,ok\n02,"unclosed\n')).errors).toMatchObject([{ path: ['lines', '3', 'file'], code: 'INVALID' }]);
    expect((await problemsOf(Buffer.from('code,description\n01,Caf\xe9\n', 'latin1'))).errors).toMatchObject([{ path: ['lines', '1', 'file'], code: 'INVALID', message: expect.stringContaining('not UTF-8') }]);
    // The set the previous test left is still there.
    expect((await ar()).map((r) => r.code)).toEqual(['01']);
  });

  it('refuses English, which is the nomenclature itself', async () => {
    const { errors } = await problemsOf(GOOD, 'en');
    expect(errors).toEqual([{ path: ['locale'], code: 'INVALID', message: expect.stringContaining('English descriptions are the HS 2022 nomenclature itself') }]);
    expect((await getHsCode('01'))?.description).toBe('Animals; live');
  });

  it('loads the shipped French sample as the seed did (every line valid)', async () => {
    const content = await readFile('prisma/data/hs2022-descriptions/fr.csv');
    expect(await loadHsDescriptions({ locale: 'fr', content })).toMatchObject({ rows: 103, replaced: 103 });
    const es = await readFile('prisma/data/hs2022-descriptions/es.csv');
    expect(await loadHsDescriptions({ locale: 'es', content: es })).toMatchObject({ rows: 103, replaced: 103 });
    expect(await getDb().hsCodeDescription.count({ where: { locale: 'fr', hs: { level: 2 } } })).toBe(97);
  });
});
