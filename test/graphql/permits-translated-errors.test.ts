// The permits' catalogued sentences (errors.permits.*) through the real server: the same key and params in
// every language, the message in the one Accept-Language asks for (docs/languages.md, "Error messages").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.app.close();
});

const LOOKUP = '{ permitRequirements(commodityCode: "02X", originCountry: "XX") { ruleKey } }';

async function lookupErrorIn(acceptLanguage: string) {
  const { status, json } = await server.graphql({ query: LOOKUP }, { 'accept-language': acceptLanguage });
  expect(status).toBe(400); // BAD_USER_INPUT is a 4xx
  expect(json.errors).toHaveLength(1);
  return json.errors[0].extensions as { code: string; fieldErrors: { path: string[]; code: string; message: string; messageKey: string; params: unknown }[] };
}

describe('permit requirement lookup errors', () => {
  it('say the commodity code and the origin in Spanish, with their keys and params', async () => {
    const es = await lookupErrorIn('es-ES,es;q=0.9');
    expect(es.code).toBe('BAD_USER_INPUT');
    expect(es.fieldErrors).toEqual([
      expect.objectContaining({
        path: ['commodityCode'],
        code: 'INVALID',
        messageKey: 'permits.commodityCodeFormat',
        message: 'Un código de mercancía tiene de 2 a 10 dígitos (capítulo, partida, subpartida o línea nacional), p. ej., 020230.',
      }),
      expect.objectContaining({ path: ['originCountry'], code: 'INVALID', messageKey: 'permits.originNotCountry', message: 'XX no es un código de país ISO 3166-1 alfa-2.' }),
    ]);

    // English: the sentence written before it was catalogued, and the same keys and params.
    const en = await lookupErrorIn('en');
    expect(en.fieldErrors.map((f) => f.message)).toEqual(['A commodity code is 2 to 10 digits (chapter, heading, subheading or national line), e.g. 020230.', 'XX is not an ISO 3166-1 alpha-2 country code.']);
    expect(en.fieldErrors.map((f) => ({ ...f, message: undefined }))).toEqual(es.fieldErrors.map((f) => ({ ...f, message: undefined })));
  });
});

describe('a permit rule that does not exist', () => {
  it('is named in the sentence (its param is `rule`, not a `…Key` that would be looked up in the catalogue)', async () => {
    const admin = await asUser('admin@clearway.example');
    const { json } = await server.graphql({ query: 'mutation { retirePermitRule(key: "no-such-rule") { permitRule { key } userErrors { code message messageKey params { name value } } } }' }, { ...admin, 'accept-language': 'es' });
    // NOT_FOUND is a GraphQL error (not a user error): its message and extensions say the sentence.
    expect(json.errors[0].message).toBe('No existe la regla de permiso no-such-rule.');
    expect(json.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', messageKey: 'permits.ruleNotFound', params: { rule: 'no-such-rule' } });
  });
});
