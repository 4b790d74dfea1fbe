'use client';
// "Anchored at leaf N", or "anchoring…" while the item's ledger entry waits for the integrator
// (typically well under a second): the page is refreshed a few times until the leaf index is known.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';

const RETRIES = 10;
const RETRY_MS = 700;

export function LedgerLeaf({ sha256, leafIndex }: { sha256: string; leafIndex: number | null }) {
  const t = useTranslations('declarationPage.documents');
  const router = useRouter();
  const tries = useRef(0);
  useEffect(() => {
    if (leafIndex !== null || tries.current >= RETRIES) return;
    const timer = setTimeout(() => {
      tries.current++;
      router.refresh();
    }, RETRY_MS);
    return () => clearTimeout(timer);
  }, [leafIndex, router]);
  return (
    <Link href={`/verify?hash=${sha256}`} title={t('sha', { sha256 })} data-testid="document-leaf" aria-live="polite">
      {leafIndex === null ? t('leafAnchoring') : t('leafAnchored', { leaf: leafIndex })}
    </Link>
  );
}
