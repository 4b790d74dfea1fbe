// Baseline for bench/graphql-overhead.ts: the same schema and resolvers on Apollo's own standalone
// server, with no limits plugin, no request logging and no Next.js in the process.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

import { createContext } from '../graphql/context';
import { resolvers } from '../graphql/resolvers';
import { loadTypeDefs } from '../graphql/server';
import { getLogger } from '../lib/logger';

const port = Number(process.argv[2] ?? 4100);
const server = new ApolloServer({ typeDefs: loadTypeDefs(), resolvers });
const { url } = await startStandaloneServer(server, {
  listen: { port, host: '127.0.0.1' },
  context: async () => createContext('bench', getLogger(), null),
});
console.log(`apollo standalone ready at ${url}`);
