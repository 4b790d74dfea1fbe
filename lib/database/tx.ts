// A Prisma interactive transaction, as lib functions take it when they run inside a caller's transaction.
import type { Prisma } from '../generated/prisma/client';

export type Tx = Prisma.TransactionClient;
