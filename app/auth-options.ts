// next-auth (v4) configuration: email + password, and an OpenID Connect provider when OIDC_* is set.
// Sessions are JWTs in an encrypted cookie; the GraphQL API and the REST endpoints read the same cookie
// (graphql/read-session.ts), and every request re-reads the user with the session version the token carries,
// so disabling someone, a password change or "sign out everywhere" ends earlier sessions at once.
// next-auth learns the public address from PUBLIC_URL: its redirects, and Secure `__Secure-` cookies on https.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';

import { usesSecureCookies } from '../graphql/read-session';
import { getAuthSecret } from '../lib/auth/get-auth-secret';
import { linkOidcUser } from '../lib/auth/link-oidc-user';
import { resolveCallbackUrl } from '../lib/auth/resolve-callback-url';
import { verifyCredentials } from '../lib/auth/verify-credentials';
import { getEnv } from '../lib/env';

/** Set by the Clearway HTTP server from the socket (clients cannot forge it): see server/create-app-server.ts. */
export const CLIENT_IP_HEADER = 'x-clearway-client-ip';

export const SESSION_HOURS = 8;

export function oidcConfigured(): boolean {
  const env = getEnv();
  return !!(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const ipHeader = req?.headers?.[CLIENT_IP_HEADER];
        const user = await verifyCredentials({ email: credentials.email, password: credentials.password, ip: typeof ipHeader === 'string' ? ipHeader : null });
        return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ];
  if (oidcConfigured()) {
    providers.push({
      id: 'oidc',
      name: env.OIDC_NAME,
      type: 'oauth',
      wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(profile: { sub: string; email?: string; name?: string; email_verified?: boolean }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null, emailVerified: profile.email_verified ?? false };
      },
    });
  }
  return {
    secret: getAuthSecret(),
    useSecureCookies: usesSecureCookies(),
    session: { strategy: 'jwt', maxAge: SESSION_HOURS * 3600 },
    // next-auth gives the JWT itself 30 days unless told: the token must end with its cookie, or a copied
    // token would outlive the session by weeks (and the expiry warning would never come).
    jwt: { maxAge: SESSION_HOURS * 3600 },
    pages: { signIn: '/signin', error: '/signin' },
    providers,
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== 'oidc') return true;
        const p = profile as { sub?: string; email?: string; email_verified?: boolean } | undefined;
        const linked = p?.sub ? await linkOidcUser({ subject: p.sub, email: p.email ?? null, emailVerified: !!p.email_verified }) : null;
        return linked ? true : '/signin?error=NoAccount';
      },
      // Only pages of this portal, resolved against PUBLIC_URL (lib/auth/resolve-callback-url.ts says why).
      redirect({ url }) {
        return new URL(resolveCallbackUrl(url, env.PUBLIC_URL), env.PUBLIC_URL).href;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === 'oidc') {
          const p = profile as { sub: string; email?: string; email_verified?: boolean };
          const linked = await linkOidcUser({ subject: p.sub, email: p.email ?? null, emailVerified: !!p.email_verified });
          token.sub = linked?.userId;
          token.sv = linked?.sessionVersion;
        } else if (user) {
          token.sub = user.id;
          // The session version at sign-in: a later bump ends this session (lib/auth/actor.ts).
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
    },
  };
}
