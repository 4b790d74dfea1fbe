// Generates the code that is derived from checked-in sources and git-ignored:
// the Prisma client (lib/generated/prisma) and the GraphQL resolver types (graphql/generated).
// Prisma's CLI downloads its schema engine at start unless PRISMA_SCHEMA_ENGINE_BINARY names a file;
// `generate` never runs that engine, so any existing file will do (see shared toolchain notes).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const run = (args) => execFileSync(process.execPath, args, { stdio: 'inherit', env });

run(['node_modules/prisma/build/index.js', 'generate', '--no-hints']);
// Resolver types are only imported as types: an install without dev dependencies does not need them.
if (existsSync('node_modules/@graphql-codegen/cli/esm/bin.js')) {
  run(['node_modules/@graphql-codegen/cli/esm/bin.js', '--config', 'codegen.yml', '--silent']);
}
