// The HS nomenclature, national tariff lines and duty estimates (graphql/schema/tariff.graphql). Public.
import { estimateDuties } from '../../lib/tariff/estimate-duties';
import { formatHsCode, getHsCode } from '../../lib/tariff/get-hs-code';
import { listHsSections } from '../../lib/tariff/list-hs-sections';
import { searchHsCodes } from '../../lib/tariff/search-hs-codes';
import { searchTariffLines } from '../../lib/tariff/search-tariff-lines';
import type { HsLevel, Resolvers } from '../generated/resolvers-types';
import { withoutNulls } from '../without-nulls';

const LEVEL_NAMES: Record<number, HsLevel> = { 2: 'CHAPTER', 4: 'HEADING', 6: 'SUBHEADING' };

export const tariffResolvers: Resolvers = {
  Query: {
    hsCode: async (_root, { code }, ctx) => getHsCode(code, await ctx.locale()),
    hsCodes: async (_root, args, ctx) =>
      searchHsCodes({
        locale: await ctx.locale(),
        search: args.search ?? undefined,
        level: args.level ?? undefined,
        first: args.first ?? undefined,
        after: args.after ?? undefined,
      }),
    hsSections: () => listHsSections(),
    tariffLines: (_root, args) => searchTariffLines({ search: args.search ?? undefined, first: args.first ?? undefined, after: args.after ?? undefined }),
    dutyEstimate: (_root, { input }) => estimateDuties(withoutNulls(input)),
  },
  HsCode: {
    formattedCode: (hs) => formatHsCode(hs.code),
    level: (hs) => LEVEL_NAMES[hs.level] ?? 'SUBHEADING',
    section: (hs, _args, { loaders }) => (hs.sectionId ? loaders.hsSection.load(hs.sectionId) : null),
    // The parent in the language the entry was asked in, not the one it happens to be described in.
    parent: async (hs, _args, ctx) => (hs.parentCode ? ctx.loaders.hsCode(await ctx.locale()).load(hs.parentCode) : null),
  },
  TariffLine: {
    measures: (line) => line.measures,
  },
};
