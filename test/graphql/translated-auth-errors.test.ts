// Sign-in and identity errors through the GraphQL server in the reader's language (issue 19): lib/auth's
// sentences are catalogued under `errors.auth.*`, so an unknown API token and an invitation to an email that
// already has an account come back in French with their messageKey, in English without the header.
import { describe, expect, it } from 'vitest';

import { serveSignedIn } from './http-server';

const ADMIN = 'trader@rotterdam-importers.example';
const { server, H } = serveSignedIn({ admin: ADMIN });

describe('lib/auth errors in the language asked for', () => {
  it('an unknown API token: 401 with auth.apiTokenUnknown, said in French', async () => {
    const query = '{ declarations(first: 1) { totalCount } }';
    const bearer = { authorization: 'Bearer cw_live_no-such-token-anywhere' };
    const fr = await server.graphql({ query }, { ...bearer, 'accept-language': 'fr-FR,fr;q=0.9' });
    const en = await server.graphql({ query }, bearer);
    for (const res of [fr, en]) {
      expect(res.status).toBe(401);
      expect(res.json.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', messageKey: 'auth.apiTokenUnknown', params: {} });
    }
    expect(fr.json.errors[0].message).toBe('Jeton d’API inconnu.');
    expect(en.json.errors[0].message).toBe('Unknown API token.');
  });

  it('inviting an email that already has an account: a field error with auth.emailHasAccount, said in French', async () => {
    const query = `mutation($input: InviteUserInput!) {
      inviteUser(input: $input) { invitation { id } userErrors { path code message messageKey } }
    }`;
    const variables = { input: { email: ADMIN, name: 'Déjà Inscrite' } };
    const fr = await server.graphql({ query, variables }, { ...H.admin, 'accept-language': 'fr' });
    expect(fr.status).toBe(200);
    expect(fr.json.data.inviteUser).toEqual({
      invitation: null,
      userErrors: [{ path: ['email'], code: 'DUPLICATE', messageKey: 'auth.emailHasAccount', message: 'Cette adresse e-mail a déjà un compte.' }],
    });
    const en = await server.graphql({ query, variables }, { ...H.admin, 'accept-language': 'en' });
    expect(en.json.data.inviteUser.userErrors[0].message).toBe('This email already has an account.');
  });
});
