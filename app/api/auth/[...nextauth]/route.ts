// next-auth's endpoints: sign-in (credentials, OIDC), sign-out, CSRF token, session.
import NextAuth from 'next-auth';

import { getEnv } from '../../../../lib/env';
import { getAuthOptions } from '../../../auth-options';

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  // next-auth 4 takes its public address from NEXTAUTH_URL only (else it assumes http://localhost:3000,
  // and sign-out sends people there): PUBLIC_URL is the one setting, so derive it.
  process.env.NEXTAUTH_URL = new URL('/api/auth', getEnv().PUBLIC_URL).href;
  // next-auth 4 reads `params.nextauth` synchronously; Next 16 gives params as a promise.
  return NextAuth(req as never, { params: await ctx.params } as never, getAuthOptions());
}

export { handler as GET, handler as POST };
