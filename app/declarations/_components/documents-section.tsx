// The "Documents" section of a declaration's page: its supporting documents, each with the ledger leaf
// that anchors it (linked to the public /verify page) and a download link; the upload form for the
// declaration's filer; and the generated PDFs (declaration, and release note once released).

import type { Actor } from '../../../lib/auth/actor';
import { filesDeclaration } from '../../../lib/documents/document-access';
import { listDocuments } from '../../../lib/documents/list-documents';
import { getEnv } from '../../../lib/env';
import { DOCUMENT_TYPE_LABEL, formatBytes } from './document-labels';
import { DocumentUploadForm } from './document-upload-form';
import { formatDateTime } from './format';
import { LedgerLeaf } from './ledger-leaf';
import type { DeclarationRecord } from './types';

/** Closed declarations take no more documents (lib/documents/attach-document.ts). */
const CLOSED: readonly string[] = ['REJECTED', 'CANCELLED'];

export async function DocumentsSection({ actor, declaration: d }: { actor: Actor; declaration: DeclarationRecord }) {
  const documents = await listDocuments({ actor, declarationId: d.id });
  const canAttach = filesDeclaration(actor, d) && !CLOSED.includes(d.status);
  return (
    <section aria-labelledby="documents-heading" data-testid="documents">
      <h2 id="documents-heading">Documents</h2>
      {d.status !== 'DRAFT' && (
        <p className="button-row" data-testid="generated-pdfs">
          <a className="button button-secondary" href={`/api/declarations/${d.id}/declaration.pdf`}>
            Declaration PDF
          </a>
          {d.status === 'RELEASED' && (
            <a className="button button-secondary" href={`/api/declarations/${d.id}/release-note.pdf`}>
              Release note PDF
            </a>
          )}
          <span className="hint">Each PDF carries a QR code to check it on the public verification page.</span>
        </p>
      )}
      {documents.length === 0 ? (
        <p className="empty" data-testid="documents-empty">
          No documents attached yet.{canAttach ? ' Attach the commercial invoice and the transport document below.' : ''}
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Documents" tabIndex={0}>
          <table className="results compact" data-testid="documents-table">
            <caption className="visually-hidden">Documents attached to the declaration</caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">File</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">Attached</th>
                <th scope="col">Ledger</th>
                <th scope="col">
                  <span className="visually-hidden">Download</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((doc) => (
                <tr key={doc.id} data-testid="document-row" data-sha256={doc.sha256}>
                  <td>
                    {DOCUMENT_TYPE_LABEL[doc.type]}
                    <br />
                    <code>{doc.reference}</code>
                  </td>
                  <td className="break">{doc.fileName}</td>
                  <td className="num nowrap">{formatBytes(doc.size)}</td>
                  <td>
                    {doc.uploadedByName}
                    <br />
                    <time className="muted" dateTime={doc.createdAt.toISOString()}>
                      {formatDateTime(doc.createdAt)}
                    </time>
                  </td>
                  <td>
                    <LedgerLeaf sha256={doc.sha256} leafIndex={doc.ledgerLeafIndex} />
                  </td>
                  <td>
                    <a href={`/api/documents/${doc.id}`} download={doc.fileName} aria-label={`Download ${doc.fileName}`}>
                      Download
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canAttach && <DocumentUploadForm declarationId={d.id} maxBytes={getEnv().DOCUMENT_MAX_BYTES} />}
    </section>
  );
}
