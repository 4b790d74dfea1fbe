// Cross-site request forgery against the real server: a form post that does not carry next-auth's
// CSRF token signs nobody in, and GraphQL refuses simple (form-like) requests.
import { describe, expect, it } from 'vitest';

import { DEMO_PASSWORD, openPortalSession } from './portal-session';

const session = openPortalSession();

describe('CSRF protection', () => {
  it('ignores a sign-in form post without the CSRF token', async () => {
    const res = await fetch(`${session.clearway.url}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ email: 'trader@rotterdam-importers.example', password: DEMO_PASSWORD, callbackUrl: '/declarations' }),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('csrf=true');
    expect(res.headers.getSetCookie().some((c) => c.includes('session-token'))).toBe(false);
  });

  it('signs in with the token a real page gets (the same post, done right)', async () => {
    const csrf = await fetch(`${session.clearway.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const res = await fetch(`${session.clearway.url}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ email: 'trader@rotterdam-importers.example', password: DEMO_PASSWORD, csrfToken, callbackUrl: '/declarations', json: 'true' }),
    });
    expect(res.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='))).toBe(true);
  });

  it('refuses a GraphQL mutation posted as a plain form with the session cookie', async () => {
    const res = await fetch(`${session.clearway.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=mutation{requestCancellation(id:"x",reason:"y"){replayed}}',
    });
    expect(res.status).toBe(400);
  });
});
