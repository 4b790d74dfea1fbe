// The "Documents" section of a declaration's page: its supporting documents, each with the ledger leaf
// that anchors it (linked to the public /verify page) and a download link; the upload form for the
// declaration's filer; and the generated PDFs (declaration, and release note once released).
import { getTranslations } from 'next-intl/server';

import type { Actor } from '../../../lib/auth/actor';
import { filesDeclaration } from '../../../lib/documents/document-access';
import { listDocuments } from '../../../lib/documents/list-documents';
import { getEnv } from '../../../lib/env';
import { When } from '../../_i18n/when';
import { formatBytes } from './document-labels';
import { DocumentUploadForm } from './document-upload-form';
import { LedgerLeaf } from './ledger-leaf';
import type { DeclarationRecord } from './types';

/** Closed declarations take no more documents (lib/documents/attach-document.ts). */
const CLOSED: readonly string[] = ['REJECTED', 'CANCELLED'];

export async function DocumentsSection({ actor, declaration: d }: { actor: Actor; declaration: DeclarationRecord }) {
  const [documents, t] = await Promise.all([listDocuments({ actor, declarationId: d.id }), getTranslations('declarationPage.documents')]);
  const canAttach = filesDeclaration(actor, d) && !CLOSED.includes(d.status);
  return (
    <section aria-labelledby="documents-heading" data-testid="documents">
      <h2 id="documents-heading">{t('heading')}</h2>
      {d.status !== 'DRAFT' && (
        <p className="button-row" data-testid="generated-pdfs">
          <a className="button button-secondary" href={`/api/declarations/${d.id}/declaration.pdf`}>
            {t('declarationPdf')}
          </a>
          {d.status === 'RELEASED' && (
            <a className="button button-secondary" href={`/api/declarations/${d.id}/release-note.pdf`}>
              {t('releaseNotePdf')}
            </a>
          )}
          <span className="hint">{t('qrHint')}</span>
        </p>
      )}
      {documents.length === 0 ? (
        <p className="empty" data-testid="documents-empty">
          {canAttach ? t('noneAttach') : t('none')}
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('heading')} tabIndex={0}>
          <table className="results compact" data-testid="documents-table">
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('document')}</th>
                <th scope="col">{t('file')}</th>
                <th scope="col" className="num">
                  {t('size')}
                </th>
                <th scope="col">{t('attached')}</th>
                <th scope="col">{t('ledger')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('download')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((doc) => (
                <tr key={doc.id} data-testid="document-row" data-sha256={doc.sha256}>
                  <td>
                    {t(`type.${doc.type}`)}
                    <br />
                    <code>{doc.reference}</code>
                  </td>
                  <td className="break">{doc.fileName}</td>
                  <td className="num nowrap">{formatBytes(doc.size, t)}</td>
                  <td>
                    {doc.uploadedByName}
                    <br />
                    <span className="muted">
                      <When date={doc.createdAt} />
                    </span>
                  </td>
                  <td>
                    <LedgerLeaf sha256={doc.sha256} leafIndex={doc.ledgerLeafIndex} />
                  </td>
                  <td>
                    <a href={`/api/documents/${doc.id}`} download={doc.fileName} aria-label={t('downloadFile', { file: doc.fileName })}>
                      {t('download')}
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
