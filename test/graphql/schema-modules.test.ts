// The contract lives beside its resolvers: graphql/schema/<module>.graphql ↔ graphql/resolvers/<module>.ts,
// every type described where it is defined, each defined once, and the modules together build the
// schema the server serves.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { buildASTSchema, concatAST, Kind, parse, type DefinitionNode, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';

import { loadTypeDefs } from '../../graphql/server';

const schemaDir = path.resolve('graphql', 'schema');
const resolverDir = path.resolve('graphql', 'resolvers');
const modules = readdirSync(schemaDir).filter((f) => f.endsWith('.graphql')).map((f) => f.replace(/\.graphql$/, ''));
const documents: Record<string, DocumentNode> = Object.fromEntries(modules.map((m) => [m, parse(readFileSync(path.join(schemaDir, `${m}.graphql`), 'utf8'))]));

const nameOf = (d: DefinitionNode) => ('name' in d && d.name ? d.name.value : null);
const isExtension = (d: DefinitionNode) => d.kind.endsWith('Extension');

describe('the GraphQL schema modules', () => {
  it('pairs every schema file with a resolver file of the same name, and back', () => {
    const resolverModules = readdirSync(resolverDir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect(modules.sort()).toEqual(resolverModules.sort());
  });

  it('defines each type once; the root types only in index.graphql, the modules extend them', () => {
    const definedIn = new Map<string, string[]>();
    for (const [m, doc] of Object.entries(documents)) {
      for (const d of doc.definitions) {
        const name = nameOf(d);
        if (!name || isExtension(d)) continue;
        definedIn.set(name, [...(definedIn.get(name) ?? []), m]);
      }
    }
    expect([...definedIn].filter(([, files]) => files.length > 1)).toEqual([]);
    for (const root of ['Query', 'Mutation', 'Subscription']) expect(definedIn.get(root)).toEqual(['index']);
  });

  it('describes every type, input and enum in the file that defines it', () => {
    const undescribed: string[] = [];
    for (const [m, doc] of Object.entries(documents)) {
      for (const d of doc.definitions) {
        if (d.kind === Kind.SCHEMA_DEFINITION || isExtension(d) || !('description' in d)) continue;
        // Query is described by its fields, each in its module.
        if (nameOf(d) === 'Query') continue;
        if (!d.description?.value.trim()) undescribed.push(`${m}.graphql: ${nameOf(d)}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('resolves each root field in the resolver file named like the schema file that declares it', async () => {
    const misplaced: string[] = [];
    for (const [m, doc] of Object.entries(documents)) {
      const exports = (await import(path.join(resolverDir, `${m}.ts`))) as Record<string, Record<string, Record<string, unknown>>>;
      const resolvers = Object.values(exports)[0]!;
      for (const d of doc.definitions) {
        if (d.kind !== Kind.OBJECT_TYPE_EXTENSION || !['Query', 'Mutation', 'Subscription'].includes(d.name.value)) continue;
        for (const field of d.fields ?? []) if (!resolvers[d.name.value]?.[field.name.value]) misplaced.push(`${d.name.value}.${field.name.value} (${m})`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('builds the schema the server loads', () => {
    const schema = buildASTSchema(concatAST(loadTypeDefs().map((sdl) => parse(sdl))));
    expect(Object.keys(schema.getQueryType()!.getFields()).length).toBeGreaterThan(0);
    expect(Object.keys(schema.getMutationType()!.getFields()).length).toBeGreaterThan(0);
    expect(Object.keys(schema.getSubscriptionType()!.getFields()).length).toBeGreaterThan(0);
  });
});
