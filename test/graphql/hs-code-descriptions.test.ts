// HS descriptions in the request's language through the real server: Accept-Language picks the language
// (as for error messages), `descriptionLocale` says which one each description is in, English where no
// translation is loaded. The demo seed loaded the French and Spanish samples (chapters, heading 09.01).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '../../lib/db';
import { setUserLocale } from '../../lib/i18n/set-user-locale';
import { asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.app.close();
});

const ENTRY = `query($code: String!) {
  hsCode(code: $code) { code description descriptionLocale parent { code description descriptionLocale parent { code description descriptionLocale } } }
}`;
const SEARCH = `query($q: String) { hsCodes(search: $q, first: 10) { totalCount edges { node { code description descriptionLocale } } } }`;

async function entry(code: string, headers: Record<string, string> = {}) {
  const { status, json } = await server.graphql({ query: ENTRY, variables: { code } }, headers);
  expect(status).toBe(200);
  expect(json.errors).toBeUndefined();
  return json.data.hsCode;
}

describe('HsCode.description in the request language', () => {
  it('is French with Accept-Language fr where loaded, English and `en` where not, for the entry and its parents', async () => {
    expect(await entry('0901.21', { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' })).toEqual({
      code: '090121',
      description: 'Café torréfié, non décaféiné',
      descriptionLocale: 'fr',
      parent: {
        code: '0901',
        description: expect.stringMatching(/^Café, même torréfié ou décaféiné/),
        descriptionLocale: 'fr',
        parent: { code: '09', description: 'Café, thé, maté et épices', descriptionLocale: 'fr' },
      },
    });
    // No French for the laptops' subheading and heading: English, said so; their chapter is French.
    expect(await entry('8471.30', { 'accept-language': 'fr' })).toMatchObject({
      description: expect.stringMatching(/^Automatic data processing machines/),
      descriptionLocale: 'en',
      parent: { code: '8471', descriptionLocale: 'en', parent: { code: '84', descriptionLocale: 'fr', description: expect.stringMatching(/^Réacteurs nucléaires/) } },
    });
  });

  it('is English without Accept-Language, with a language the portal does not speak, and in Arabic (none loaded)', async () => {
    for (const headers of [{} as Record<string, string>, { 'accept-language': 'de-DE' }, { 'accept-language': 'ar' }, { 'accept-language': '*' }]) {
      expect(await entry('0901.21', headers)).toMatchObject({ description: 'Coffee; roasted, not decaffeinated', descriptionLocale: 'en', parent: { descriptionLocale: 'en' } });
    }
    expect(await entry('09', { 'accept-language': 'es' })).toMatchObject({ description: 'Café, té, yerba mate y especias', descriptionLocale: 'es' });
  });

  it('follows the signed-in person’s profile language when the request names none', async () => {
    const headers = await asUser('trader@rotterdam-importers.example');
    const user = await getDb().user.findUniqueOrThrow({ where: { email: 'trader@rotterdam-importers.example' }, select: { id: true } });
    await setUserLocale(user.id, 'fr');
    try {
      expect(await entry('09', headers)).toMatchObject({ descriptionLocale: 'fr' });
      // A named language wins over the profile.
      expect(await entry('09', { ...headers, 'accept-language': 'en' })).toMatchObject({ descriptionLocale: 'en', description: 'Coffee, tea, mate and spices' });
    } finally {
      await getDb().user.update({ where: { id: user.id }, data: { locale: null } });
    }
  });

  it('searches the translated descriptions in the request language, and the English ones still', async () => {
    const { json } = await server.graphql({ query: SEARCH, variables: { q: 'café torréfié' } }, { 'accept-language': 'fr' });
    // Words match inside words, as in English: "non torréfié" contains "torréfié".
    expect(json.data.hsCodes.edges.map((e: { node: { code: string; descriptionLocale: string } }) => [e.node.code, e.node.descriptionLocale])).toEqual([
      ['0901', 'fr'],
      ['090111', 'fr'],
      ['090112', 'fr'],
      ['090121', 'fr'],
      ['090122', 'fr'],
    ]);
    const english = await server.graphql({ query: SEARCH, variables: { q: 'café torréfié' } });
    expect(english.json.data.hsCodes.totalCount).toBe(0);
    const inFrench = await server.graphql({ query: SEARCH, variables: { q: 'roasted coffee' } }, { 'accept-language': 'fr' });
    expect(inFrench.json.data.hsCodes.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(expect.arrayContaining(['090121', '090122']));
  });
});
