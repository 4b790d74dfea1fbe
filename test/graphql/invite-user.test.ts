// inviteUser through the HTTP server, in the invitee's language (issue 19): an administrator inviting with
// locale fr queues the French invitation e-mail (outbox row marked fr), the accepted account has the
// profile language fr; a language the invitee chose themselves before accepting wins; an English inviter
// without `locale` still writes in their own profile language; an unknown locale is a field error
// (nothing invited, nothing queued); an API token may not invite.
import { describe, expect, it } from 'vitest';

import { acceptInvitation } from '../../lib/auth/accept-invitation';
import { getDb, getPool } from '../../lib/db';
import { asToken } from '../support/auth';
import { secretIn } from '../support/outbox';
import { serveSignedIn } from './http-server';

const ADMIN = 'trader@rotterdam-importers.example';
const { server, H } = serveSignedIn({ admin: ADMIN });

const INVITE = `mutation Invite($input: InviteUserInput!) {
  inviteUser(input: $input) {
    invitation { id email locale expiresAt link }
    userErrors { path code message messageKey }
  }
}`;

const invite = async (input: Record<string, unknown>, headers = H.admin) => server.graphql({ query: INVITE, variables: { input } }, headers);

async function outboxTo(email: string) {
  const { rows } = await getPool().query<{ subject: string; body: string; locale: string | null }>(`SELECT subject, body, locale FROM outbox_message WHERE "to" = $1 ORDER BY id`, [email]);
  return rows;
}

describe('inviteUser in the invitee’s language', () => {
  it('with locale fr, e-mails the French invitation and the accepted account speaks French', async () => {
    const email = 'nouvelle.collegue@rotterdam-importers.example';
    const { status, json } = await invite({ email, name: 'Nouvelle Collègue', locale: 'fr' });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    const { invitation, userErrors } = json.data.inviteUser;
    expect(userErrors).toEqual([]);
    expect(invitation).toMatchObject({ email, locale: 'fr' });

    const [mail, ...more] = await outboxTo(email);
    expect(more).toEqual([]);
    expect(mail!.locale).toBe('fr');
    expect(mail!.subject).toBe('Votre invitation à Clearway');
    expect(mail!.body).toContain('vous a invité à rejoindre Clearway');
    expect(mail!.body).toContain(invitation.link);
    expect(mail!.body).not.toContain('invited you');
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).locale).toBe('fr');

    const { userId } = await acceptInvitation({ input: { token: secretIn(invitation.link, 'invite'), password: 'harbour-lantern-quartz' } });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe('fr');
  });

  it('keeps the language the invitee chose on the portal before accepting', async () => {
    const email = 'eligio.propio@rotterdam-importers.example';
    const { json } = await invite({ email, name: 'Eligio Propio', locale: 'fr' });
    const { userId } = await acceptInvitation({ input: { token: secretIn(json.data.inviteUser.invitation.link, 'invite'), password: 'meadow-copper-violin' }, chosenLocale: 'es' });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe('es');
  });

  it('without locale, writes in the inviter’s profile language', async () => {
    await getDb().user.update({ where: { email: ADMIN }, data: { locale: 'ar' } });
    try {
      const email = 'zamil@rotterdam-importers.example';
      const { json } = await invite({ email, name: 'Zamil' });
      expect(json.data.inviteUser.invitation.locale).toBe('ar');
      expect((await outboxTo(email))[0]!.locale).toBe('ar');
    } finally {
      await getDb().user.update({ where: { email: ADMIN }, data: { locale: null } });
    }
  });

  it('answers an unknown locale with a field error, inviting nobody', async () => {
    const email = 'klingon@rotterdam-importers.example';
    const { status, json } = await invite({ email, name: 'Worf', locale: 'tlh' });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.inviteUser.invitation).toBeNull();
    expect(json.data.inviteUser.userErrors).toEqual([expect.objectContaining({ path: ['locale'], code: 'INVALID', messageKey: 'zod.invalidValue' })]);
    expect(await outboxTo(email)).toEqual([]);
    expect(await getDb().invitation.count({ where: { email } })).toBe(0);
  });

  it('is for people: an API token is refused', async () => {
    const { headers } = await asToken(ADMIN, ['declarations:read']);
    const { json } = await invite({ email: 'by-token@rotterdam-importers.example', name: 'Token', locale: 'fr' }, headers);
    expect(json.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
