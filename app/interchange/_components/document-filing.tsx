'use client';
// Filing a WCO DM XML Declaration or a UN/EDIFACT CUSDEC interchange from the page: the file is read in
// the browser and sent to importInterchange (the same lib function as POST /api/interchange/declarations),
// and each message's outcome is shown: its MRN and lane, or its errors located in the document.
import { useLocale, useTranslations } from 'next-intl';
import { useId, useRef, useState, type FormEvent } from 'react';

import { graphqlRequest, problemText } from './graphql-request';
import { laneName } from './lane-name';

type Message = { reference: string; lrn: string | null; accepted: boolean; replayed: boolean; mrn: string | null; lane: string | null; declaration: { id: string } | null; errors: { location: string; message: string }[] };
const IMPORT = `mutation Import($format: InterchangeFormat!, $document: String!) {
  importInterchange(format: $format, document: $document) { userErrors { message } messages { reference lrn accepted replayed mrn lane declaration { id } errors { location message } } } }`;
/** As POST /api/interchange/declarations allows. */
const MAX_MB = 32;
const MAX_BYTES = MAX_MB * 1024 * 1024;

export function DocumentFiling() {
  const t = useTranslations('interchange');
  const lane = useTranslations('lane');
  const locale = useLocale();
  const located = (e: { location: string; message: string }) => t('located', { location: e.location, message: e.message });
  const id = useId();
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('document');
    setProblem(null);
    setMessages(null);
    if (!(file instanceof File) || file.size === 0) return setProblem(t('document.chooseFile'));
    if (file.size > MAX_BYTES) return setProblem(t('document.tooLarge', { limit: MAX_MB }));
    setBusy(true);
    try {
      const document = await file.text();
      // XML starts with a declaration or an element; EDIFACT with UNA or UNB.
      const format = /^\s*</.test(document) ? 'WCO_XML' : 'CUSDEC';
      const { importInterchange: r } = await graphqlRequest<{ importInterchange: { messages: Message[]; userErrors: { message: string }[] } }>(IMPORT, { format, document }, locale);
      if (r.userErrors.length) setProblem(r.userErrors.map((e) => e.message).join(' '));
      setMessages(r.messages);
      setTimeout(() => heading.current?.focus(), 0);
    } catch (error) {
      setProblem(problemText(error, (key, values) => t(key, values)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('document.heading')}</h2>
      <form className="stacked-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-doc`}>{t('document.label')}</label>
          <input id={`${id}-doc`} name="document" type="file" accept=".xml,.edi,.edifact,.txt,application/xml,text/xml" />
          <p className="hint">{t('document.hint')}</p>
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('document.file')}
          </button>
        </div>
      </form>
      <p role="status" className="muted">
        {busy ? t('document.filing') : ''}
      </p>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      {messages && messages.length ? (
        <>
          <h3 ref={heading} tabIndex={-1}>
            {t('document.outcomeHeading', { filed: messages.filter((m) => m.accepted).length, count: messages.length })}
          </h3>
          <div className="table-scroll">
            <table className="table" data-testid="document-outcomes">
              <caption>{t('document.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.reference')}</th>
                  <th scope="col">{t('col.lrn')}</th>
                  <th scope="col">{t('col.outcome')}</th>
                  <th scope="col">{t('col.mrn')}</th>
                  <th scope="col">{t('col.lane')}</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.reference}>
                    <th scope="row">{m.reference}</th>
                    <td>{m.declaration && m.lrn ? <a href={`/declarations/${m.declaration.id}`}>{m.lrn}</a> : (m.lrn ?? '')}</td>
                    <td>
                      {m.accepted ? (
                        <span className="badge badge-ok">{m.replayed ? t('outcome.filedBefore') : t('outcome.filed')}</span>
                      ) : (
                        <>
                          <span className="badge badge-bad">{t('outcome.refused')}</span> <bdi>{m.errors.map(located).join(t('problemSeparator'))}</bdi>
                        </>
                      )}
                    </td>
                    <td>{m.mrn ?? ''}</td>
                    <td>{m.lane ? <span data-lane={m.lane}>{laneName(m.lane, lane)}</span> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
