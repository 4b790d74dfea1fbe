// Filing fast (graphql/schema/filing-aids.graphql): copy, templates, code lists, party suggestions.
import { CODE_LIST_DATA } from '../../lib/code-lists/data';
import { searchCodeList } from '../../lib/code-lists/search-code-list';
import { copyDeclaration } from '../../lib/declarations/copy-declaration';
import { computeDraftExpiry } from '../../lib/declarations/draft-expiry';
import { getDeclaration } from '../../lib/declarations/get-declaration';
import { listDeclarationTemplates, type DeclarationTemplateView } from '../../lib/declarations/list-declaration-templates';
import { saveDeclarationTemplate } from '../../lib/declarations/save-declaration-template';
import { suggestParties } from '../../lib/parties/suggest-parties';
import type { Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';
import { withoutNulls } from '../without-nulls';

const templateOut = (t: DeclarationTemplateView) => ({ id: t.id, name: t.name, body: JSON.stringify(t.body), problems: t.problems, updatedAt: t.updatedAt });

export const filingAidResolvers: Resolvers = {
  Query: {
    declarationTemplates: async (_root, _args, ctx) => (await listDeclarationTemplates({ actor: await ctx.actor() })).map(templateOut),
    codeList: (_root, { name, search, first }) => {
      const found = searchCodeList({ name, search, first });
      const list = CODE_LIST_DATA[found.name];
      return { name: found.name, title: list.title, source: list.source, version: list.version, complete: list.complete, totalCount: found.total, entries: found.entries };
    },
    partySuggestions: async (_root, _args, ctx) => suggestParties({ actor: await ctx.actor() }),
  },
  Declaration: {
    draftExpiresAt: (d) => (d.status === 'DRAFT' ? computeDraftExpiry(d.updatedAt).expiresAt : null),
    draftExpired: (d) => d.status === 'DRAFT' && computeDraftExpiry(d.updatedAt).expired,
  },
  Mutation: {
    copyDeclaration: async (_root, { id, lrn }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => copyDeclaration({ actor, id, lrn, requestId: ctx.requestId }));
      return { declaration: value ? await getDeclaration({ actor, id: value.id }) : null, userErrors, replayed: false };
    },
    saveDeclarationTemplate: async (_root, { name, input, fromDeclarationId }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() =>
        saveDeclarationTemplate({ actor, name, input: input ? withoutNulls(input) : undefined, fromDeclarationId: fromDeclarationId ?? undefined, requestId: ctx.requestId }),
      );
      if (!value) return { template: null, userErrors };
      const saved = (await listDeclarationTemplates({ actor })).find((t) => t.id === value.id);
      return { template: saved ? templateOut(saved) : null, userErrors };
    },
  },
};
