// Lint rules, including the direction of imports (docs/operations.md, Architecture):
//   app → graphql → lib → Prisma client;  app → lib;  server/ and scripts/ compose everything.
// lib/ knows nothing of HTTP frameworks, Next.js or GraphQL; only lib/ touches the Prisma client.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

const prismaClient = {
  group: ['**/generated/prisma', '**/generated/prisma/*', '@prisma/client', '@prisma/client/*', '@prisma/adapter-pg', '**/lib/db', '**/lib/db.ts'],
  message: 'Only lib/ may construct or query the Prisma client: call a lib/ function instead.',
};
const upward = (folder) => ({ group: [`**/${folder}`, `**/${folder}/*`, `**/${folder}/**`], message: `lib/ must not import ${folder}/.` });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', 'lib/generated/**', 'graphql/generated/**', '.data/**', 'next-env.d.ts']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `declare global { namespace GraphileWorker { interface Tasks … } }` types job payloads (lib/jobs).
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'graphql', message: 'lib/ knows nothing of GraphQL.' },
            { name: '@apollo/server', message: 'lib/ knows nothing of GraphQL.' },
            { name: 'next', message: 'lib/ knows nothing of Next.js.' },
            { name: 'next-auth', message: 'lib/ knows nothing of next-auth: the transport decodes sessions (graphql/read-session.ts).' },
          ],
          patterns: [
            { group: ['next/*'], message: 'lib/ knows nothing of Next.js.' },
            { group: ['next-auth/*'], message: 'lib/ knows nothing of next-auth: the transport decodes sessions (graphql/read-session.ts).' },
            upward('app'),
            upward('graphql'),
            upward('server'),
            upward('scripts'),
          ],
        },
      ],
    },
  },
  {
    files: ['graphql/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'next', message: 'graphql/ is served outside Next.js.' }],
          patterns: [prismaClient, { group: ['next/*'], message: 'graphql/ is served outside Next.js.' }, { group: ['**/app', '**/app/*'], message: 'graphql/ must not import app/.' }],
        },
      ],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [prismaClient, { group: ['**/server/*', '**/scripts/*'], message: 'app/ must not import the process entry points.' }] }],
    },
  },
  {
    files: ['server/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [prismaClient] }],
    },
  },
  {
    // Tests may read the database directly to check what lib/ wrote.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
]);
