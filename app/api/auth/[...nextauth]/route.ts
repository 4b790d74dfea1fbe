// next-auth's endpoints: sign-in (credentials, OIDC), sign-out, CSRF token, session.
import NextAuth from 'next-auth';

import { getAuthOptions } from '../../../auth-options';

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  // next-auth 4 reads `params.nextauth` synchronously; Next 16 gives params as a promise.
  return NextAuth(req as never, { params: await ctx.params } as never, getAuthOptions());
}

export { handler as GET, handler as POST };
