// Prisma CLI configuration (Prisma 7 reads the connection URL from here, not from schema.prisma).
// Clearway applies migrations with its own offline runner (lib/database/migrate.ts); this file serves
// `prisma generate`, and `prisma migrate status` on machines that can run Prisma's schema engine.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/clearway' },
});
