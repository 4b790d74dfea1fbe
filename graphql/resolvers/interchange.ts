// Standard interchange over GraphQL: the same lib/interchange functions as POST /api/interchange/*
// (server/interchange-routes.ts), documents passed as text.
import { buildCusres } from '../../lib/interchange/build-cusres';
import { buildWcoResponse } from '../../lib/interchange/build-wco-response';
import { exportDeclaration } from '../../lib/interchange/export-declaration';
import { fileSpreadsheetRows } from '../../lib/interchange/file-spreadsheet-rows';
import { getSpreadsheetFiling } from '../../lib/interchange/get-spreadsheet-filing';
import { getDeclarationResponses } from '../../lib/interchange/get-declaration-responses';
import { importInterchange } from '../../lib/interchange/import-interchange';
import { listSpreadsheetMappings } from '../../lib/interchange/list-spreadsheet-mappings';
import { previewSpreadsheet } from '../../lib/interchange/preview-spreadsheet';
import { saveSpreadsheetMapping } from '../../lib/interchange/save-spreadsheet-mapping';
import { startSpreadsheetFiling } from '../../lib/interchange/start-spreadsheet-filing';
import { isAppError } from '../../lib/errors';
import type { Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';

async function orNull<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export const interchangeResolvers: Resolvers = {
  Query: {
    declarationResponses: async (_root, { id, format }, ctx) => {
      const actor = await ctx.actor();
      return orNull(async () => {
        const facts = await getDeclarationResponses({ actor, id });
        return format === 'CUSDEC' ? buildCusres(facts) : buildWcoResponse(facts, { wrap: true });
      });
    },
    exportDeclaration: async (_root, { id, format }, ctx) => {
      const actor = await ctx.actor();
      return orNull(async () => (await exportDeclaration({ actor, id, format })).body);
    },
    spreadsheetMappings: async (_root, _args, ctx) => listSpreadsheetMappings({ actor: await ctx.actor() }),
    spreadsheetFiling: async (_root, { id }, ctx) => {
      const actor = await ctx.actor();
      return orNull(() => getSpreadsheetFiling({ actor, id }));
    },
  },
  Mutation: {
    importInterchange: async (_root, { format, document }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => importInterchange({ actor, format, document, requestId: ctx.requestId }));
      return { messages: value?.outcomes ?? [], response: value?.body ?? null, userErrors };
    },
    previewSpreadsheet: async (_root, { header, rows, columns }, ctx) => previewSpreadsheet({ actor: await ctx.actor(), header, rows, columns }),
    fileSpreadsheetRows: async (_root, { header, rows, columns, submit }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => fileSpreadsheetRows({ actor, header, rows, columns, submit, requestId: ctx.requestId }));
      return { messages: value ?? [], response: null, userErrors };
    },
    startSpreadsheetFiling: async (_root, { fileName, header, rows, columns, submit }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(async () => getSpreadsheetFiling({ actor, id: (await startSpreadsheetFiling({ actor, fileName, header, rows, columns, submit })).id }));
      return { filing: value ?? null, userErrors };
    },
    saveSpreadsheetMapping: async (_root, { name, columns }, ctx) => saveSpreadsheetMapping({ actor: await ctx.actor(), name, columns }),
  },
  SpreadsheetFiling: {
    reportUrl: (f) => `/api/interchange/spreadsheet-filings/${f.id}/report.csv`,
  },
  SpreadsheetFilingResult: {
    declaration: async (o, _args, ctx) => (o.declarationId ? ctx.loaders.declaration(await ctx.actor()).load(o.declarationId) : null),
    lane: (o) => (o.lane as 'GREEN' | 'YELLOW' | 'RED' | null) ?? null,
  },
  InterchangeMessageResult: {
    declaration: async (o, _args, ctx) => (o.declarationId ? ctx.loaders.declaration(await ctx.actor()).load(o.declarationId) : null),
    lane: (o) => (o.lane as 'GREEN' | 'YELLOW' | 'RED' | null) ?? null,
  },
};
