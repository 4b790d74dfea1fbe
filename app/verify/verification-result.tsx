'use client';

import type { ReactNode, Ref } from 'react';

import { chainAnchorOf, type Outcome } from './verify-in-browser';
import styles from './verify.module.css';

const KIND_IN_WORDS: Record<string, string> = {
  document: 'Document',
  pdf: 'Generated PDF',
  'declaration-version': 'Declaration version',
  decision: 'Customs decision',
};

const kindInWords = (kind: string) => KIND_IN_WORDS[kind] ?? `Other item (“${kind}”)`;
/** In a sentence: "the generated PDF recorded under…". */
const kindInSentence = (kind: string) => (KIND_IN_WORDS[kind] ? kindInWords(kind).replace(/^(Document|Declaration|Customs|Generated)/, (w) => w.toLowerCase()) : `item of kind “${kind}”`);

const UTC = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' });

function When({ iso }: { iso: string }) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? <>{iso}</> : <time dateTime={iso}>{UTC.format(date)} UTC</time>;
}

const downloadHref = (sha256: string) => `/api/ledger/proof?hash=${sha256}&download=1`;

function DownloadLink({ sha256 }: { sha256: string }) {
  return (
    <a className="button button-secondary" href={downloadHref(sha256)} download>
      Download proof bundle
    </a>
  );
}

export function VerificationResult({ outcome, onRetry, headingRef }: { outcome: Outcome; onRetry: () => void; headingRef: Ref<HTMLHeadingElement> }) {
  switch (outcome.kind) {
    case 'verified':
      return <Verified outcome={outcome} headingRef={headingRef} />;
    case 'not-found':
      return (
        <Failure title={outcome.fileName ? 'This file is not in the Clearway ledger' : 'This fingerprint is not in the Clearway ledger'} headingRef={headingRef}>
          <p>
            No document, PDF or decision with the SHA-256 fingerprint <code className={styles.hash}>{outcome.sha256}</code> was ever recorded.
          </p>
          <p>
            {outcome.fileName ? (
              <>
                Any change to a file — even saving it again or printing it to a new PDF — changes its fingerprint. Check that “{outcome.fileName}” is the
                file exactly as Clearway issued or received it, or ask its sender for the original.
              </>
            ) : (
              <>Check that the fingerprint was copied completely, or verify the file itself instead.</>
            )}
          </p>
        </Failure>
      );
    case 'pending':
      return (
        <Failure title="Recorded moments ago: its proof is not signed yet" headingRef={headingRef} tone="warn">
          <p>
            {outcome.fileName ? `“${outcome.fileName}”` : 'This item'} is in the ledger, but the ledger signs its state every few seconds and has not signed it since.
            Try again in {outcome.retryAfterSeconds} {outcome.retryAfterSeconds === 1 ? 'second' : 'seconds'}; this page will check again by itself.
          </p>
          <p>
            <button type="button" onClick={onRetry}>
              Check again now
            </button>
          </p>
        </Failure>
      );
    case 'invalid':
      return (
        <Failure title={outcome.source === 'bundle' ? 'This proof bundle does not verify' : 'The proof does not verify'} headingRef={headingRef}>
          <p>
            Do not rely on {outcome.fileName ? `“${outcome.fileName}”` : 'this item'} on the strength of this proof. The checks that failed:
          </p>
          <ul>
            {outcome.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p>
            {outcome.source === 'bundle'
              ? 'The bundle may have been altered, or belong to another file or another ledger. Download a fresh one from the ledger, or verify the file itself.'
              : 'The proof served by this site does not match the key it publishes. Report this to the customs administration.'}
          </p>
        </Failure>
      );
    case 'error':
      return (
        <Failure title={outcome.title} headingRef={headingRef}>
          <p>{outcome.message}</p>
        </Failure>
      );
  }
}

function Failure({ title, children, headingRef, tone = 'bad' }: { title: string; children: ReactNode; headingRef: Ref<HTMLHeadingElement>; tone?: 'bad' | 'warn' }) {
  return (
    <div role="alert" aria-labelledby="verify-result-title" className={`${styles.result} ${tone === 'warn' ? styles.resultWarn : styles.resultBad}`}>
      <h2 id="verify-result-title" ref={headingRef} tabIndex={-1}>
        <span aria-hidden="true" className={styles.resultIcon}>
          !
        </span>{' '}
        {title}
      </h2>
      {children}
    </div>
  );
}

function Verified({ outcome, headingRef }: { outcome: Extract<Outcome, { kind: 'verified' }>; headingRef: Ref<HTMLHeadingElement> }) {
  const { bundle, entry, keyTrusted } = outcome;
  const checkpoint = bundle.checkpoint;
  const chain = chainAnchorOf(bundle);
  const title = !keyTrusted
    ? 'The proof bundle is consistent, but its key could not be confirmed'
    : outcome.fileName
      ? 'Verified: this file is in the Clearway ledger'
      : outcome.source === 'bundle'
        ? 'Verified: this proof bundle is valid'
        : 'Verified: this fingerprint is in the Clearway ledger';
  return (
    <div role="status" aria-labelledby="verify-result-title" className={`${styles.result} ${keyTrusted ? styles.resultOk : styles.resultWarn}`}>
      <h2 id="verify-result-title" ref={headingRef} tabIndex={-1}>
        <span aria-hidden="true" className={styles.resultIcon}>
          {keyTrusted ? '✓' : '!'}
        </span>{' '}
        {title}
      </h2>
      <p>
        {outcome.fileName ? `“${outcome.fileName}” is, byte for byte, the ` : 'The '}
        {kindInSentence(entry.kind)} recorded under reference <code>{entry.ref}</code> on <When iso={entry.at} />, and the ledger has not been
        rewritten since: its signed state includes it.
      </p>
      {!keyTrusted ? (
        <p className={styles.warnLine}>
          The ledger’s published key could not be fetched, so the signature was checked only with the key inside the bundle. That proves the bundle is
          internally consistent, not that Clearway signed it: check again when you are online.
        </p>
      ) : null}
      {outcome.source === 'bundle' && !outcome.fileName ? (
        <p className="hint">Add the file itself (drop it together with the bundle) to check that it is the item this bundle proves.</p>
      ) : null}
      <dl className={styles.facts}>
        <div>
          <dt>What was recorded</dt>
          <dd>{kindInWords(entry.kind)}</dd>
        </div>
        <div>
          <dt>Reference</dt>
          <dd>
            <code>{entry.ref}</code>
          </dd>
        </div>
        <div>
          <dt>Recorded at</dt>
          <dd>
            <When iso={entry.at} />
          </dd>
        </div>
        <div>
          <dt>Signed checkpoint</dt>
          <dd>
            <When iso={checkpoint.timestamp} />
          </dd>
        </div>
        <div>
          <dt>Leaf index</dt>
          <dd>{bundle.leafIndex.toLocaleString('en-GB')}</dd>
        </div>
        <div>
          <dt>Tree size</dt>
          <dd>{checkpoint.treeSize.toLocaleString('en-GB')} entries</dd>
        </div>
        <div className={styles.wide}>
          <dt>Fingerprint (SHA-256)</dt>
          <dd>
            <code className={styles.hash}>{entry.sha256}</code>
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>Root hash</dt>
          <dd>
            <code className={styles.hash}>{checkpoint.rootHash}</code>
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>Signature</dt>
          <dd>
            {keyTrusted ? (
              <>
                Valid Ed25519 signature of log <code>{checkpoint.origin}</code> (key <code>{checkpoint.keyId}</code>), checked against the key published at{' '}
                <a href="/.well-known/clearway-ledger.json">/.well-known/clearway-ledger.json</a>.
              </>
            ) : (
              <>
                Valid with the bundle’s own key <code>{checkpoint.keyId}</code> only.
              </>
            )}
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>On a public chain</dt>
          <dd>
            {chain ? (
              <>
                Checkpoint root published in transaction <code className={styles.hash}>{chain.txHash}</code>
                {chain.chainId ? ` on chain ${chain.chainId}` : ''}
                {chain.blockNumber ? `, block ${chain.blockNumber}` : ''}. This page does not query the chain: check the transaction with any node or explorer.
              </>
            ) : (
              'Not published to a chain in this installation.'
            )}
          </dd>
        </div>
      </dl>
      {outcome.source === 'server' ? (
        <p className="button-row">
          <DownloadLink sha256={entry.sha256} />
          <span className="hint">Keep it with the file: it verifies offline, without this site.</span>
        </p>
      ) : null}
    </div>
  );
}
