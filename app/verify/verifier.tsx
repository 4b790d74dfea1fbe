'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';

import type { ProofBundle } from '../../lib/ledger/verify-proof';
import { DropZone } from './drop-zone';
import { VerificationResult } from './verification-result';
import { hashFile, normaliseHash, readProofBundle, verifyBundleOffline, verifyHashOnline, VerifyError, type Outcome } from './verify-in-browser';
import styles from './verify.module.css';

/** What was asked, so that "Check again" (and the automatic retry of a pending proof) can repeat it. */
type Request = { kind: 'hash'; sha256: string; fileName?: string } | { kind: 'bundle'; bundle: ProofBundle; file?: { sha256: string; name: string } };

// A pending proof is fetched again after the server's Retry-After, a few times, then left to the button.
const AUTOMATIC_RETRIES = 5;
export function Verifier({ initialHash }: { initialHash: string }) {
  const t = useTranslations('verify');
  const format = useFormatter();
  const FETCHING = t('checker.fetching');
  const BAD_LINK = t('checker.badLink');
  const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  const fileSize = (bytes: number): string => {
    if (bytes < 1024) return t('checker.bytes', { n: bytes });
    if (bytes < 1024 * 1024) return t('checker.kb', { n: format.number(bytes / 1024, oneDecimal) });
    return t('checker.mb', { n: format.number(bytes / 1024 / 1024, oneDecimal) });
  };
  const [hashText, setHashText] = useState(normaliseHash(initialHash) ?? initialHash);
  const [hashError, setHashError] = useState<string | null>(initialHash && !normaliseHash(initialHash) ? BAD_LINK : null);
  // Arriving with a valid ?hash=, the page is at work from its first render.
  const [progress, setProgress] = useState<string | null>(normaliseHash(initialHash) ? FETCHING : null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [bundleError, setBundleError] = useState<string | null>(null);
  const current = useRef<AbortController | null>(null);
  const lastRequest = useRef<Request | null>(null);
  const retries = useRef(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const focusResult = useRef(false);

  /** Starts one verification, cancelling any earlier one (no state change here: effects call it too). */
  const begin = useCallback((request: Request | null, focus: boolean) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    lastRequest.current = request;
    focusResult.current = focus;
    return controller;
  }, []);

  /** Waits for the work and shows its outcome, unless a newer verification replaced it meanwhile. */
  const settle = useCallback(
    async (controller: AbortController, work: (signal: AbortSignal) => Promise<Outcome>) => {
      let result: Outcome;
      try {
        result = await work(controller.signal);
      } catch (error) {
        result =
          error instanceof VerifyError
            ? { kind: 'error', title: t(`errorTitle.${error.reason}`), message: t(`errorMessage.${error.reason}`, error.values) }
            : { kind: 'error', title: t('checker.incomplete'), message: error instanceof Error ? error.message : String(error) };
      }
      if (current.current !== controller || controller.signal.aborted) return;
      setProgress(null);
      setOutcome(result);
    },
    [t],
  );

  const run = useCallback(
    (request: Request | null, firstStep: string, work: (signal: AbortSignal) => Promise<Outcome>, focus = true) => {
      const controller = begin(request, focus);
      setOutcome(null);
      setProgress(firstStep);
      return settle(controller, work);
    },
    [begin, settle],
  );

  const verifyHash = useCallback(
    (sha256: string, options: { fileName?: string; focus?: boolean } = {}) =>
      run({ kind: 'hash', sha256, fileName: options.fileName }, FETCHING, (signal) => verifyHashOnline(sha256, options.fileName, signal), options.focus),
    [run, FETCHING],
  );

  const repeat = useCallback(
    (focus: boolean) => {
      const request = lastRequest.current;
      if (request?.kind === 'hash') void verifyHash(request.sha256, { fileName: request.fileName, focus });
    },
    [verifyHash],
  );

  // A QR code on a Clearway PDF links to /verify?hash=…: verify at once.
  useEffect(() => {
    if (!initialHash) return;
    const sha256 = normaliseHash(initialHash);
    if (!sha256) return;
    const controller = begin({ kind: 'hash', sha256 }, false);
    void settle(controller, (signal) => verifyHashOnline(sha256, undefined, signal));
    return () => controller.abort();
  }, [initialHash, begin, settle]);

  // Pending proofs: ask again after Retry-After.
  useEffect(() => {
    if (outcome?.kind !== 'pending' || retries.current >= AUTOMATIC_RETRIES) return;
    const timer = setTimeout(() => {
      retries.current += 1;
      repeat(false);
    }, outcome.retryAfterSeconds * 1000);
    return () => clearTimeout(timer);
  }, [outcome, repeat]);

  // The result is what the person waits for: bring it into view (on a phone it is far below the inputs),
  // and move the focus to it when they asked for it (not when they arrived from a QR code).
  useEffect(() => {
    const heading = resultHeading.current;
    if (!outcome || !heading) return;
    if (focusResult.current) heading.focus({ preventScroll: true });
    if (heading.getBoundingClientRect().top > window.innerHeight * 0.6) heading.scrollIntoView({ block: 'start' });
  }, [outcome]);

  function checkFiles(files: File[]) {
    retries.current = 0;
    setHashError(null);
    setBundleError(null);
    void run(null, files.length > 1 ? t('checker.readingFiles') : t('checker.readingFile', { name: files[0]!.name }), async (signal) => {
      const step = (message: string) => {
        if (!signal.aborted) setProgress(message);
      };
      const bundles: ProofBundle[] = [];
      const others: File[] = [];
      for (const file of files) {
        const bundle = await readProofBundle(file);
        if (bundle) bundles.push(bundle);
        else others.push(file);
      }
      if (bundles.length > 1 || others.length > 1) {
        return { kind: 'error', title: t('checker.tooManyTitle'), message: t('checker.tooMany') };
      }
      let file: { sha256: string; name: string } | undefined;
      if (others[0]) {
        step(t('checker.hashing', { name: others[0].name, size: fileSize(others[0].size) }));
        file = { sha256: await hashFile(others[0]), name: others[0].name };
        if (signal.aborted) throw signal.reason;
      }
      if (bundles[0]) {
        if (!signal.aborted) lastRequest.current = { kind: 'bundle', bundle: bundles[0], file };
        step(t('checker.checkingBundle'));
        return verifyBundleOffline(bundles[0], file, signal);
      }
      if (!signal.aborted) {
        lastRequest.current = { kind: 'hash', sha256: file!.sha256, fileName: file!.name };
        setHashText(file!.sha256);
      }
      step(FETCHING);
      return verifyHashOnline(file!.sha256, file!.name, signal);
    });
  }

  function submitHash(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    retries.current = 0;
    const sha256 = normaliseHash(hashText);
    if (!sha256) {
      // An earlier result would seem to answer for what was just typed.
      current.current?.abort();
      setProgress(null);
      setOutcome(null);
      setHashError(t('checker.enterHash'));
      return;
    }
    setHashError(null);
    setHashText(sha256);
    void verifyHash(sha256);
  }

  async function submitBundle(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const bundleFile = form.get('bundle');
    const itemFile = form.get('item');
    if (!(bundleFile instanceof File) || bundleFile.size === 0) {
      setBundleError(t('checker.chooseBundle'));
      return;
    }
    if (!(await readProofBundle(bundleFile))) {
      setBundleError(t('checker.notBundle', { name: bundleFile.name }));
      return;
    }
    setBundleError(null);
    checkFiles(itemFile instanceof File && itemFile.size > 0 ? [bundleFile, itemFile] : [bundleFile]);
  }

  const busy = progress !== null;

  return (
    <>
      <div className={styles.methods}>
        <section aria-labelledby="verify-by-file">
          <h2 id="verify-by-file">{t('checker.checkFile')}</h2>
          <DropZone onFiles={checkFiles} disabled={busy} />
        </section>
        <section aria-labelledby="verify-by-hash">
          <h2 id="verify-by-hash">{t('checker.orHash')}</h2>
          <form onSubmit={submitHash} noValidate className={styles.hashForm}>
            <div className={`field${hashError ? ' field-invalid' : ''}`}>
              <label htmlFor="verify-hash">{t('checker.hashLabel')}</label>
              <p id="verify-hash-hint" className="hint">
                {t('checker.hashHint')}
              </p>
              {hashError ? (
                <p id="verify-hash-error" className="field-error">
                  {hashError}
                </p>
              ) : null}
              <input
                id="verify-hash"
                name="hash"
                className={styles.hashInput}
                value={hashText}
                onChange={(event) => setHashText(event.target.value)}
                autoComplete="off"
                autoCapitalize="off"
                autoCorrect="off"
                spellCheck={false}
                aria-invalid={hashError ? true : undefined}
                aria-describedby={hashError ? 'verify-hash-hint verify-hash-error' : 'verify-hash-hint'}
              />
            </div>
            <button type="submit" disabled={busy}>
              {t('checker.verifyHash')}
            </button>
          </form>
        </section>
      </div>

      <div aria-live="polite" className={styles.progressArea}>
        {progress ? (
          <p className={styles.progress}>
            <span className={styles.spinner} aria-hidden="true" />
            {progress}
          </p>
        ) : null}
      </div>

      {outcome ? <VerificationResult outcome={outcome} onRetry={() => repeat(true)} headingRef={resultHeading} /> : null}

      <details className={styles.bundleOption}>
        <summary>{t('checker.bundleSummary')}</summary>
        <p>{t.rich('checker.bundleText', { code: (chunks) => <code>{chunks}</code> })}</p>
        <form onSubmit={submitBundle} noValidate className={styles.bundleForm}>
          {bundleError ? (
            <p role="alert" className="field-error">
              {bundleError}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="verify-bundle">{t('checker.bundleLabel')}</label>
            <input id="verify-bundle" name="bundle" type="file" accept=".json,application/json" />
          </div>
          <div className="field">
            <label htmlFor="verify-bundle-item">{t.rich('checker.bundleItem', { optional: (chunks) => <span className="optional">{chunks}</span> })}</label>
            <input id="verify-bundle-item" name="item" type="file" />
          </div>
          <button type="submit" disabled={busy}>
            {t('checker.verifyBundle')}
          </button>
        </form>
      </details>
    </>
  );
}
