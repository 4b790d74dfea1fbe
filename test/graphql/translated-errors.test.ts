// GraphQL errors in the caller's language: the same bad input answers the same code, key and params in
// every language, with the message in the language Accept-Language asks for (an unknown one gives
// English), else the signed-in person's profile language (lib/i18n/translate-error.ts, docs/languages.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '../../lib/db';
import { setUserLocale } from '../../lib/i18n/set-user-locale';
import { validImport } from '../declarations/fixtures';
import { asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
let trader: Record<string, string>;
const TRADER_EMAIL = 'trader@rotterdam-importers.example';

beforeAll(async () => {
  server = await startTestServer();
  trader = await asUser(TRADER_EMAIL);
});
afterAll(async () => {
  await server.app.close();
});

const CREATE = `mutation($input: DeclarationInput!) {
  createDeclarationDraft(input: $input) { declaration { id } userErrors { path code message messageKey params { name value } } }
}`;

/** An import whose first item weighs more net than gross (a refinement: it runs once the item's fields pass). */
function heavierNetThanGross() {
  const input = validImport();
  const items = input.items ?? [];
  return { ...input, items: [{ ...items[0]!, grossMass: '100', netMass: '120' }, ...items.slice(1)] };
}

/** An import whose second item lists 21 document references (at most 20). */
function tooManyReferences() {
  const input = validImport();
  const items = input.items ?? [];
  return { ...input, items: [items[0]!, { ...items[1]!, documentRefs: Array.from({ length: 21 }, (_, i) => `REF-${i}`) }] };
}

type E = { path: string[]; message: string; params: { name: string; value: string }[] };
async function errorsOf(input: unknown, acceptLanguage: string | null): Promise<E[]> {
  const headers = acceptLanguage ? { ...trader, 'accept-language': acceptLanguage } : trader;
  const { status, json } = await server.graphql({ query: CREATE, variables: { input } }, headers);
  expect(status).toBe(200);
  expect(json.data.createDeclarationDraft.declaration).toBeNull();
  return json.data.createDeclarationDraft.userErrors as E[];
}

async function userErrorsIn(acceptLanguage: string | null) {
  const massErrors = await errorsOf(heavierNetThanGross(), acceptLanguage);
  const refErrors = await errorsOf(tooManyReferences(), acceptLanguage);
  const all = [...massErrors, ...refErrors];
  const at = (path: string) => all.find((e) => e.path.join('.') === path)!;
  return { mass: at('items.0.netMass'), refs: at('items.1.documentRefs'), all };
}

describe('user errors of a mutation', () => {
  it('say the same key and params in English, French and Arabic, the message in the language asked for', async () => {
    const en = await userErrorsIn('en');
    const fr = await userErrorsIn('fr-FR,fr;q=0.9,en;q=0.5');
    const ar = await userErrorsIn('ar');

    expect(en.mass).toEqual({
      path: ['items', '0', 'netMass'],
      code: 'INVALID',
      message: 'Net mass (120 kg) cannot exceed gross mass (100 kg).',
      messageKey: 'declaration.netMassExceedsGross',
      params: [
        { name: 'netMass', value: '120' },
        { name: 'grossMass', value: '100' },
      ],
    });
    expect(fr.mass).toEqual({ ...en.mass, message: 'La masse nette (120 kg) ne peut pas dépasser la masse brute (100 kg).' });
    expect(ar.mass).toEqual({ ...en.mass, message: 'لا يمكن أن تتجاوز الكتلة الصافية (120 كغ) الكتلة الإجمالية (100 كغ).' });

    // One of zod's own checks (no sentence written in the schema): the catalogue's generic key.
    expect(en.refs).toMatchObject({ code: 'TOO_BIG', message: 'At most 20 entries.', messageKey: 'zod.tooBig' });
    expect(en.refs.params).toEqual(expect.arrayContaining([{ name: 'origin', value: 'array' }, { name: 'limit', value: '20' }]));
    expect(fr.refs).toEqual({ ...en.refs, message: 'Au plus 20 éléments.' });
    expect(ar.refs).toEqual({ ...en.refs, message: '20 عناصر على الأكثر.' });

    // The same errors, in the same order, whatever the language.
    const shape = (errors: typeof en.all) => errors.map((e) => ({ ...e, message: undefined }));
    expect(shape(fr.all)).toEqual(shape(en.all));
    expect(shape(ar.all)).toEqual(shape(en.all));
  });

  it('an unknown language gives English', async () => {
    const en = await userErrorsIn('en');
    const klingon = await userErrorsIn('tlh, x-pig-latin;q=0.5');
    expect(klingon.all).toEqual(en.all);
  });

  it('without Accept-Language, the signed-in person’s profile language', async () => {
    const user = await getDb().user.findUniqueOrThrow({ where: { email: TRADER_EMAIL }, select: { id: true } });
    await setUserLocale(user.id, 'fr');
    try {
      const none = await userErrorsIn(null);
      expect(none.mass.message).toBe('La masse nette (120 kg) ne peut pas dépasser la masse brute (100 kg).');
      // An explicit header still wins over the profile.
      expect((await userErrorsIn('es')).mass.message).toBe('La masa neta (120 kg) no puede superar la masa bruta (100 kg).');
    } finally {
      await getDb().user.update({ where: { id: user.id }, data: { locale: null } });
    }
  });

  it('a sentence not catalogued yet stays English in every language, with its generic key', async () => {
    // A container number with a wrong check digit: lib/declarations/codes.ts's ISO 6346 check is not catalogued yet.
    const input = { ...validImport(), lrn: 'LRN-1', containers: [{ containerNumber: 'CSQU3054384', seals: [] }] };
    const { json } = await server.graphql({ query: CREATE, variables: { input } }, { ...trader, 'accept-language': 'fr' });
    const error = json.data.createDeclarationDraft.userErrors.find((e: { path: string[] }) => e.path[0] === 'containers');
    expect(error).toMatchObject({ code: 'INVALID', messageKey: 'field.INVALID', params: [] });
    expect(error.message).toMatch(/^Check digit should be /);
  });

  it('a catalogued sentence that names a field says the field in the same language (fieldKey)', async () => {
    const input = { ...validImport(), lrn: 'LRN-2', transportMode: 6, invoiceAmount: '-5' };
    const at = async (lang: string, path: string) =>
      (await server.graphql({ query: CREATE, variables: { input } }, { ...trader, 'accept-language': lang })).json.data.createDeclarationDraft.userErrors.find((e: { path: string[] }) => e.path[0] === path);
    expect(await at('en', 'transportMode')).toMatchObject({ code: 'INVALID', messageKey: 'declaration.transportMode', message: expect.stringMatching(/^Mode of transport is a UN Recommendation 19 code/) });
    expect((await at('fr', 'transportMode')).message).toMatch(/^Le mode de transport est un code de la recommandation 19/);
    expect(await at('en', 'invoiceAmount')).toMatchObject({ message: 'Invoice amount cannot be negative.', messageKey: 'declaration.negative', params: [{ name: 'fieldKey', value: 'interchange.field.invoiceAmount' }] });
    expect((await at('fr', 'invoiceAmount')).message).toBe('Montant de la facture : la valeur ne peut pas être négative.');
    expect((await at('es', 'invoiceAmount')).message).toMatch(/^.+: el valor no puede ser negativo\.$/);
  });
});

describe('GraphQL errors', () => {
  it('carry code, key and params in extensions, the message in the language asked for', async () => {
    const query = '{ declarations(first: 1) { totalCount } }';
    const en = await server.graphql({ query }, { 'accept-language': 'en' });
    const fr = await server.graphql({ query }, { 'accept-language': 'fr' });
    const ar = await server.graphql({ query }, { 'accept-language': 'ar' });
    const xx = await server.graphql({ query }, { 'accept-language': 'xx' });
    for (const res of [en, fr, ar, xx]) {
      expect(res.status).toBe(401);
      expect(res.json.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', messageKey: 'signInRequired', params: {} });
    }
    expect(en.json.errors[0].message).toMatch(/^Sign in, or send an API token/);
    expect(fr.json.errors[0].message).toMatch(/^Connectez-vous, ou envoyez un jeton d’API/);
    expect(ar.json.errors[0].message).toMatch(/^سجّل الدخول/);
    expect(xx.json.errors[0].message).toBe(en.json.errors[0].message);
  });

  it('field errors inside extensions are translated too (the NUL refusal)', async () => {
    const query = 'query($q: String!) { hsCodes(search: $q) { totalCount } }';
    const res = await server.graphql({ query, variables: { q: 'caf\u0000e' } }, { 'accept-language': 'es' });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].message).toBe('El texto no puede contener el carácter NUL (U+0000).');
    expect(res.json.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      messageKey: 'nulCharacter',
      fieldErrors: [{ path: ['q'], code: 'INVALID', messageKey: 'nulCharacter', message: 'El texto no puede contener el carácter NUL (U+0000).' }],
    });
  });
});
