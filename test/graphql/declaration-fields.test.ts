// The contract carries every field of the declaration's zod schema (lib/declarations/declaration-input.ts,
// the one source of the field list), in and out. The types below fail the build when the SDL lacks a
// field; the test fails when the SDL and the schema disagree in either direction.
import { buildSchema, GraphQLInputObjectType, GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';

import type * as Sdl from '../../graphql/generated/resolvers-types';
import { loadTypeDefs } from '../../graphql/server';
import { DECLARATION_COLUMNS, PARTY_COLUMNS, type StoredHeaderField } from '../../lib/declarations/declaration-columns';
import { containerInput, declarationInput, goodsItemInput, type ContainerInput, type DeclarationInput, type GoodsItemInput } from '../../lib/declarations/declaration-input';

type _SdlInputs = [Pick<Sdl.DeclarationInput, keyof DeclarationInput>, Pick<Sdl.GoodsItemInput, keyof GoodsItemInput>, Pick<Sdl.ContainerInput, keyof ContainerInput>];
type _SdlOutputs = [Pick<Sdl.Declaration, StoredHeaderField>, Pick<Sdl.GoodsItem, keyof GoodsItemInput>, Pick<Sdl.TransportEquipment, keyof ContainerInput>];

const schema = buildSchema(loadTypeDefs().join('\n'));
const fieldsOf = (name: string) => {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLInputObjectType || type instanceof GraphQLObjectType)) throw new Error(`${name} is not an object type`);
  return Object.keys(type.getFields());
};

describe('the declaration fields of the GraphQL contract', () => {
  it('takes exactly the fields of the zod schema as input', () => {
    expect(fieldsOf('DeclarationInput').sort()).toEqual(Object.keys(declarationInput.shape).sort());
    expect(fieldsOf('GoodsItemInput').sort()).toEqual(Object.keys(goodsItemInput.shape).sort());
    expect(fieldsOf('ContainerInput').sort()).toEqual(Object.keys(containerInput.shape).sort());
  });

  it('shows every stored field on the declaration, its items and containers', () => {
    expect(fieldsOf('Declaration')).toEqual(expect.arrayContaining(Object.keys(DECLARATION_COLUMNS)));
    // Parties are shown as companies (importer { eori name … }), not as EORI strings.
    expect(fieldsOf('Declaration')).toEqual(expect.arrayContaining(Object.keys(PARTY_COLUMNS).map((f) => f.replace(/Eori$/, ''))));
    expect(fieldsOf('GoodsItem')).toEqual(expect.arrayContaining(Object.keys(goodsItemInput.shape)));
    expect(fieldsOf('TransportEquipment')).toEqual(expect.arrayContaining(Object.keys(containerInput.shape)));
  });
});
