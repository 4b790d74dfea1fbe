'use client';
// Attaching a document, in two steps as the API does it: the file goes to POST /api/documents (the
// session cookie rides along, same origin), with a progress bar while it is sent; the upload id it
// answers is then attached by a server action, which anchors the document in the ledger. Problems the
// server reports (too large, not an accepted type, an empty file, a duplicate) are shown as it words them.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';

import { DOCUMENT_TYPES } from '../../../lib/documents/document-record';
import { describedBy, FieldFrame } from '../../_components/form/field-frame';
import { attachDocumentAction } from '../document-actions';
import { formatBytes } from './document-labels';

type Field = 'file' | 'type' | 'reference';
type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; loaded: number; total: number }
  | { kind: 'attaching' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string; fields: Partial<Record<Field, string>> };

interface UploadAnswer {
  status: number;
  body: { uploadId?: string; error?: { message?: string; requestId?: string }; errors?: Array<{ message?: string }> } | null;
}

/** XMLHttpRequest rather than fetch: only it reports the progress of a request body. */
function sendFile(file: File, onProgress: (loaded: number, total: number) => void): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error('network'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

function refusal({ status, body }: UploadAnswer, t: (key: string, values?: Record<string, string | number>) => string): string {
  const said = body?.error?.message ?? body?.errors?.[0]?.message;
  if (status === 401) return t('sessionEnded');
  if (said) return said;
  return body?.error?.requestId ? t('failedWithId', { status, requestId: body.error.requestId }) : t('failed', { status });
}

export function DocumentUploadForm({ declarationId, maxBytes }: { declarationId: string; maxBytes: number }) {
  const t = useTranslations('declarationPage.documents');
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'uploading' || phase.kind === 'attaching';
  const fieldError = (field: Field) => (phase.kind === 'failed' ? phase.fields[field] : undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    const type = String(data.get('type') ?? '');
    const reference = String(data.get('reference') ?? '').trim();
    const fields: Partial<Record<Field, string>> = {};
    if (!(file instanceof File) || file.size === 0) fields.file = file instanceof File && file.name ? t('fileEmpty') : t('chooseFile');
    else if (file.size > maxBytes) fields.file = t('fileTooLarge', { size: formatBytes(file.size, t), limit: formatBytes(maxBytes, t) });
    if (!type) fields.type = t('chooseType');
    if (!reference) fields.reference = t('giveReference');
    if (Object.keys(fields).length > 0 || !(file instanceof File)) return setPhase({ kind: 'failed', message: t('fieldsNeedCorrecting'), fields });

    setPhase({ kind: 'uploading', loaded: 0, total: file.size });
    let answer: UploadAnswer;
    try {
      answer = await sendFile(file, (loaded, total) => setPhase({ kind: 'uploading', loaded, total }));
    } catch {
      return setPhase({ kind: 'failed', message: t('interrupted'), fields: {} });
    }
    if (answer.status !== 201 || !answer.body?.uploadId) {
      const message = refusal(answer, t);
      return setPhase({ kind: 'failed', message, fields: answer.status === 413 || answer.status === 415 || answer.status === 400 ? { file: message } : {} });
    }

    setPhase({ kind: 'attaching' });
    const result = await attachDocumentAction({ declarationId, uploadId: answer.body.uploadId, type, reference });
    if (!result.ok) {
      const byField: Partial<Record<Field, string>> = {};
      for (const f of result.fieldErrors) {
        const name = f.path[0] === 'uploadId' ? 'file' : f.path[0];
        if (name === 'file' || name === 'type' || name === 'reference') byField[name] ??= f.message;
      }
      return setPhase({ kind: 'failed', message: result.message, fields: byField });
    }
    formRef.current?.reset();
    setPhase({ kind: 'done', message: result.leafIndex === null ? t('attachedAnchoring', { file: result.fileName }) : t('attachedAnchored', { file: result.fileName, leaf: result.leafIndex }) });
    router.refresh();
  }

  // Every field's error is an alert: this form has no error summary to take the focus.
  const described = (field: Field, hasHint = false) => describedBy(`doc-${field}`, hasHint, fieldError(field));
  const others = phase.kind === 'failed' && Object.keys(phase.fields).length === 0;

  return (
    <form ref={formRef} onSubmit={submit} className="document-upload" aria-labelledby="document-upload-heading" noValidate data-testid="document-upload">
      <h3 id="document-upload-heading">{t('attachHeading')}</h3>
      <div className="form-grid">
        <FieldFrame
          id="doc-file"
          label={t('file')}
          className="width-l"
          hint={t('fileHint', { limit: formatBytes(maxBytes, t) })}
          error={fieldError('file')}
          announce
        >
          <input id="doc-file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.xml,.json,application/pdf,image/png,image/jpeg,application/xml,text/xml,application/json" aria-describedby={described('file', true)} disabled={busy} />
        </FieldFrame>
        <FieldFrame id="doc-type" label={t('kind')} error={fieldError('type')} announce>
          <select id="doc-type" name="type" defaultValue="" aria-describedby={described('type')} disabled={busy}>
            <option value="" disabled>
              {t('choose')}
            </option>
            {DOCUMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type.${type}`)}
              </option>
            ))}
          </select>
        </FieldFrame>
        <FieldFrame id="doc-reference" label={t('reference')} hint={t('referenceHint')} error={fieldError('reference')} announce>
          <input id="doc-reference" name="reference" maxLength={70} aria-describedby={described('reference', true)} disabled={busy} />
        </FieldFrame>
      </div>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {phase.kind === 'uploading' ? t('uploading') : phase.kind === 'attaching' ? t('attaching') : t('upload')}
        </button>
        {phase.kind === 'uploading' && (
          <span className="upload-progress" role="status">
            <progress max={phase.total || 1} value={phase.loaded} aria-label={t('progress')} /> {t('progressOf', { loaded: formatBytes(phase.loaded, t), total: formatBytes(phase.total, t) })}
          </span>
        )}
        {phase.kind === 'attaching' && (
          <span role="status" className="muted">
            {t('anchoring')}
          </span>
        )}
      </div>
      {phase.kind === 'done' && (
        <p role="status" className="notice notice-success" data-testid="document-upload-done">
          {phase.message}
        </p>
      )}
      {others && (
        <div role="alert" className="error" data-testid="document-upload-error">
          <p className="error-title">{phase.message}</p>
        </div>
      )}
    </form>
  );
}
