'use client';
// Filing a WCO DM XML Declaration or a UN/EDIFACT CUSDEC interchange from the page: the file is read in
// the browser and sent to importInterchange (the same lib function as POST /api/interchange/declarations),
// and each message's outcome is shown: its MRN and lane, or its errors located in the document.
import { useId, useRef, useState, type FormEvent } from 'react';

import { graphqlRequest } from './graphql-request';

type Message = { reference: string; lrn: string | null; accepted: boolean; replayed: boolean; mrn: string | null; lane: string | null; declaration: { id: string } | null; errors: { location: string; message: string }[] };
const IMPORT = `mutation Import($format: InterchangeFormat!, $document: String!) {
  importInterchange(format: $format, document: $document) { userErrors { message } messages { reference lrn accepted replayed mrn lane declaration { id } errors { location message } } } }`;
/** As POST /api/interchange/declarations allows. */
const MAX_BYTES = 32 * 1024 * 1024;

export function DocumentFiling() {
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
    if (!(file instanceof File) || file.size === 0) return setProblem('Choose a WCO DM XML (.xml) or UN/EDIFACT CUSDEC (.edi) file.');
    if (file.size > MAX_BYTES) return setProblem('The file is larger than 32 MB: split it.');
    setBusy(true);
    try {
      const document = await file.text();
      // XML starts with a declaration or an element; EDIFACT with UNA or UNB.
      const format = /^\s*</.test(document) ? 'WCO_XML' : 'CUSDEC';
      const { importInterchange: r } = await graphqlRequest<{ importInterchange: { messages: Message[]; userErrors: { message: string }[] } }>(IMPORT, { format, document });
      if (r.userErrors.length) setProblem(r.userErrors.map((e) => e.message).join(' '));
      setMessages(r.messages);
      setTimeout(() => heading.current?.focus(), 0);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>File a WCO DM XML or CUSDEC document</h2>
      <form className="stacked-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-doc`}>Document (.xml or .edi)</label>
          <input id={`${id}-doc`} name="document" type="file" accept=".xml,.edi,.edifact,.txt,application/xml,text/xml" />
          <p className="hint">A message with function code 9 is submitted; any other is saved as a draft.</p>
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            File the document
          </button>
        </div>
      </form>
      <p role="status" className="muted">
        {busy ? 'Filing…' : ''}
      </p>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      {messages && messages.length ? (
        <>
          <h3 ref={heading} tabIndex={-1}>
            {messages.filter((m) => m.accepted).length} of {messages.length} messages filed
          </h3>
          <div className="table-scroll">
            <table className="table" data-testid="document-outcomes">
              <caption>Each message of the document</caption>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">LRN</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">MRN</th>
                  <th scope="col">Lane</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.reference}>
                    <th scope="row">{m.reference}</th>
                    <td>{m.declaration && m.lrn ? <a href={`/declarations/${m.declaration.id}`}>{m.lrn}</a> : (m.lrn ?? '')}</td>
                    <td>
                      {m.accepted ? (
                        <span className="badge badge-ok">{m.replayed ? 'Filed before' : 'Filed'}</span>
                      ) : (
                        <>
                          <span className="badge badge-bad">Refused</span> {m.errors.map((e) => `${e.location}: ${e.message}`).join('; ')}
                        </>
                      )}
                    </td>
                    <td>{m.mrn ?? ''}</td>
                    <td>{m.lane ?? ''}</td>
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
