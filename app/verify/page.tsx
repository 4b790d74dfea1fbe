import type { Metadata } from 'next';

import { Verifier } from './verifier';
import styles from './verify.module.css';

export const metadata: Metadata = {
  title: 'Verify a document',
  description: 'Check that a document, PDF or customs decision is exactly what Clearway recorded in its tamper-evident ledger.',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Public: no sign-in. The QR code on a Clearway PDF links to /verify?hash=<SHA-256>.
export default async function VerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const { hash } = await searchParams;
  const initialHash = (Array.isArray(hash) ? hash[0] : hash) ?? '';
  return (
    <>
      <h1>Verify a document</h1>
      <p className="lead">
        Check that a document, a Clearway PDF or a customs decision is exactly what was recorded in Clearway’s tamper-evident ledger, and when.
      </p>
      <p className={`notice ${styles.privacy}`}>
        <strong>Your file stays on this device.</strong> Your browser computes its SHA-256 fingerprint and checks the proof itself; the file is never
        uploaded. Only the fingerprint is sent, to fetch the proof.
      </p>
      <Verifier initialHash={initialHash} />
      <section aria-labelledby="verify-how" className={styles.how}>
        <h2 id="verify-how">How the check works</h2>
        <p>
          Every document, generated PDF, declaration version and customs decision is recorded in an append-only ledger as a fingerprint, a reference and a
          time — nothing about the goods or the parties. The ledger regularly signs its state (a checkpoint). A proof shows that the fingerprint is part
          of a signed checkpoint; this page checks the proof and the signature in your browser, with the key the ledger publishes at{' '}
          <a href="/.well-known/clearway-ledger.json">/.well-known/clearway-ledger.json</a>.
        </p>
      </section>
    </>
  );
}
