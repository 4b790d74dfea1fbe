// The contract lives beside its resolvers: graphql/schema/<module>.graphql ↔ graphql/resolvers/<module>.ts,
// every type, field, enum value and argument described where it is written, each defined once, and the
// modules together build the schema the server serves.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { buildASTSchema, concatAST, GraphQLEnumType, Kind, parse, type DefinitionNode, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';

import { loadTypeDefs } from '../../graphql/server';
import { FIELD_ERROR_CODES } from '../../lib/errors';

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

  it('describes every type, field, input field, enum value and argument where it is written', () => {
    const undescribed: string[] = [];
    const lacks = (node: { description?: { value: string } }) => !node.description?.value.trim();
    for (const [m, doc] of Object.entries(documents)) {
      for (const d of doc.definitions) {
        if (d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION) continue;
        const type = nameOf(d);
        // An extension's description is its definition's; its fields, values and arguments are its own.
        if (!isExtension(d) && 'description' in d && lacks(d)) undescribed.push(`${m}.graphql: ${type}`);
        const members = 'fields' in d ? (d.fields ?? []) : 'values' in d ? (d.values ?? []) : [];
        for (const member of members) {
          if (lacks(member)) undescribed.push(`${m}.graphql: ${type}.${member.name.value}`);
          for (const arg of 'arguments' in member ? (member.arguments ?? []) : []) {
            if (lacks(arg)) undescribed.push(`${m}.graphql: ${type}.${member.name.value}(${arg.name.value})`);
          }
        }
        if (d.kind === Kind.DIRECTIVE_DEFINITION) {
          for (const arg of d.arguments ?? []) if (lacks(arg)) undescribed.push(`${m}.graphql: @${type}(${arg.name.value})`);
        }
      }
    }
    expect(undescribed, `These lack a description:\n${undescribed.join('\n')}`).toEqual([]);
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

  it('offers as UserErrorCode exactly the field error codes of lib/errors.ts, described the same', () => {
    const schema = buildASTSchema(concatAST(loadTypeDefs().map((sdl) => parse(sdl))));
    const type = schema.getType('UserErrorCode');
    expect(type).toBeInstanceOf(GraphQLEnumType);
    const values = Object.fromEntries((type as GraphQLEnumType).getValues().map((v) => [v.name, v.description]));
    expect(values).toEqual(FIELD_ERROR_CODES);
  });
});
