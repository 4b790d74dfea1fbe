// Documents over GraphQL: a declaration's documents (batched per request), attaching and removing.
// The bytes go through REST (server/documents-route.ts): POST /api/documents, GET /api/documents/{id}.
import { attachDocument } from '../../lib/documents/attach-document';
import type { DocumentRecord } from '../../lib/documents/document-record';
import { removeDocument } from '../../lib/documents/remove-document';
import type { FieldError } from '../../lib/errors';
import type { DocumentPayload, Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';

type Payload = Omit<DocumentPayload, 'document' | 'userErrors'> & { document: DocumentRecord | null; userErrors: FieldError[] };

async function documentPayload(run: () => Promise<DocumentRecord>): Promise<Payload> {
  const { value, userErrors } = await withUserErrors(run);
  return { document: value, userErrors };
}

const verifyPath = (sha256: string) => `/verify?hash=${sha256}`;
const proofPath = (sha256: string) => `/api/ledger/proof?hash=${sha256}&download=1`;

export const documentResolvers: Resolvers = {
  Mutation: {
    attachDocument: (_root, { declarationId, input }, ctx) =>
      documentPayload(async () =>
        attachDocument({
          actor: await ctx.actor(),
          declarationId,
          uploadId: input.uploadId ?? undefined,
          sha256: input.sha256 ?? undefined,
          type: input.type,
          reference: input.reference,
          fileName: input.fileName ?? undefined,
        }),
      ),
    removeDocument: (_root, { id }, ctx) => documentPayload(async () => removeDocument({ actor: await ctx.actor(), documentId: id })),
  },
  Declaration: {
    documents: async (d, { includeRemoved }, ctx) => {
      const documents = await ctx.loaders.documents(await ctx.actor()).load(d.id);
      return includeRemoved ? documents : documents.filter((doc) => doc.removedAt === null);
    },
  },
  Document: {
    downloadUrl: (doc) => `/api/documents/${doc.id}`,
    ledger: (doc) => ({ leafIndex: doc.ledgerLeafIndex, leafHash: doc.ledgerLeafHash, verifyUrl: verifyPath(doc.sha256), proofUrl: proofPath(doc.sha256) }),
  },
};
