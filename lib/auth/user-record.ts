import type { User } from '../generated/prisma/client';

/** A user as the Prisma client returns it by default: without the password hash (see lib/db.ts `omit`). */
export type UserRecord = Omit<User, 'passwordHash'>;
