'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode, Ref } from 'react';

import { chainAnchorOf, type Outcome } from './verify-in-browser';
import styles from './verify.module.css';

type ResultWords = ReturnType<typeof useTranslations<'verify.result'>>;

// The kinds of ledger entry the page names (`verify.result.kind.*`); another kind is shown by its code.
const kindInWords = (t: ResultWords, kind: string) => (t.has(`kind.${kind}`) ? t(`kind.${kind}`) : t('otherKind', { kind }));
/** In a sentence: "the generated PDF recorded under…". */
const kindInSentence = (t: ResultWords, kind: string) => (t.has(`kindInSentence.${kind}`) ? t(`kindInSentence.${kind}`) : t('otherKindInSentence', { kind }));

function When({ iso }: { iso: string }) {
  const t = useTranslations('verify.result');
  const format = useFormatter();
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? <>{iso}</> : <time dateTime={iso}>{t('utc', { time: format.dateTime(date, { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' }) })}</time>;
}

const downloadHref = (sha256: string) => `/api/ledger/proof?hash=${sha256}&download=1`;

function DownloadLink({ sha256 }: { sha256: string }) {
  const t = useTranslations('verify.result');
  return (
    <a className="button button-secondary" href={downloadHref(sha256)} download>
      {t('download')}
    </a>
  );
}

export function VerificationResult({ outcome, onRetry, headingRef }: { outcome: Outcome; onRetry: () => void; headingRef: Ref<HTMLHeadingElement> }) {
  const t = useTranslations('verify.result');
  const code = (chunks: ReactNode) => <code className={styles.hash}>{chunks}</code>;
  switch (outcome.kind) {
    case 'verified':
      return <Verified outcome={outcome} headingRef={headingRef} />;
    case 'not-found':
      return (
        <Failure title={outcome.fileName ? t('notFoundFile') : t('notFoundHash')} headingRef={headingRef}>
          <p>{t.rich('neverRecorded', { sha256: outcome.sha256, code })}</p>
          <p>{outcome.fileName ? t('anyChange', { name: outcome.fileName }) : t('copiedCompletely')}</p>
        </Failure>
      );
    case 'pending':
      return (
        <Failure title={t('pendingTitle')} headingRef={headingRef} tone="warn">
          <p>{t('pending', { name: outcome.fileName ?? 'none', seconds: outcome.retryAfterSeconds })}</p>
          <p>
            <button type="button" onClick={onRetry}>
              {t('checkAgain')}
            </button>
          </p>
        </Failure>
      );
    case 'invalid':
      return (
        <Failure title={outcome.source === 'bundle' ? t('invalidBundle') : t('invalidProof')} headingRef={headingRef}>
          <p>{t('doNotRely', { name: outcome.fileName ?? 'none' })}</p>
          <ul>
            {outcome.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p>
            {outcome.source === 'bundle' ? t('bundleAltered') : t('serverMismatch')}
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
  const t = useTranslations('verify.result');
  const format = useFormatter();
  const { bundle, entry, keyTrusted } = outcome;
  const checkpoint = bundle.checkpoint;
  const chain = chainAnchorOf(bundle);
  const title = !keyTrusted ? t('untrustedTitle') : outcome.fileName ? t('verifiedFile') : outcome.source === 'bundle' ? t('verifiedBundle') : t('verifiedHash');
  return (
    <div role="status" aria-labelledby="verify-result-title" className={`${styles.result} ${keyTrusted ? styles.resultOk : styles.resultWarn}`}>
      <h2 id="verify-result-title" ref={headingRef} tabIndex={-1}>
        <span aria-hidden="true" className={styles.resultIcon}>
          {keyTrusted ? '✓' : '!'}
        </span>{' '}
        {title}
      </h2>
      <p>
        {t.rich('summary', {
          name: outcome.fileName ?? 'none',
          kind: kindInSentence(t, entry.kind),
          ref: entry.ref,
          code: (chunks) => <code>{chunks}</code>,
          when: () => <When iso={entry.at} />,
        })}
      </p>
      {!keyTrusted ? (
        <p className={styles.warnLine}>{t('keyUnconfirmed')}</p>
      ) : null}
      {outcome.source === 'bundle' && !outcome.fileName ? (
        <p className="hint">{t('addFile')}</p>
      ) : null}
      <dl className={styles.facts}>
        <div>
          <dt>{t('whatRecorded')}</dt>
          <dd>{kindInWords(t, entry.kind)}</dd>
        </div>
        <div>
          <dt>{t('reference')}</dt>
          <dd>
            <code>{entry.ref}</code>
          </dd>
        </div>
        <div>
          <dt>{t('recordedAt')}</dt>
          <dd>
            <When iso={entry.at} />
          </dd>
        </div>
        <div>
          <dt>{t('checkpoint')}</dt>
          <dd>
            <When iso={checkpoint.timestamp} />
          </dd>
        </div>
        <div>
          <dt>{t('leafIndex')}</dt>
          <dd>{format.number(bundle.leafIndex)}</dd>
        </div>
        <div>
          <dt>{t('treeSize')}</dt>
          <dd>{t('entries', { count: checkpoint.treeSize })}</dd>
        </div>
        <div className={styles.wide}>
          <dt>{t('fingerprint')}</dt>
          <dd>
            <code className={styles.hash}>{entry.sha256}</code>
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>{t('rootHash')}</dt>
          <dd>
            <code className={styles.hash}>{checkpoint.rootHash}</code>
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>{t('signature')}</dt>
          <dd>
            {keyTrusted ? (
              t.rich('signatureValid', {
                origin: () => <code>{checkpoint.origin}</code>,
                key: () => <code>{checkpoint.keyId}</code>,
                link: (chunks) => <a href="/.well-known/clearway-ledger.json">{chunks}</a>,
              })
            ) : (
              t.rich('signatureOwnKey', { key: () => <code>{checkpoint.keyId}</code> })
            )}
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>{t('chain')}</dt>
          <dd>
            {chain ? (
              t.rich('chainPublished', {
                tx: () => <code className={styles.hash}>{chain.txHash}</code>,
                chain: chain.chainId ?? 'none',
                block: chain.blockNumber ?? 'none',
              })
            ) : (
              t('notOnChain')
            )}
          </dd>
        </div>
      </dl>
      {outcome.source === 'server' ? (
        <p className="button-row">
          <DownloadLink sha256={entry.sha256} />
          <span className="hint">{t('keepIt')}</span>
        </p>
      ) : null}
    </div>
  );
}
