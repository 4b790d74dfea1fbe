'use client';
// A value shown once (an API token's secret, an invitation link) with a Copy button. Copying needs the
// clipboard API (a secure context); where it is missing or refused, the instruction to copy by hand stays.
import { useTranslations } from 'next-intl';
import { useState } from 'react';

export function CopySecret({ id, label, value }: { id: string; label: string; value: string }) {
  const t = useTranslations('company.copy');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <div className="copy-secret">
      <p className="copy-secret-label" id={`${id}-label`}>
        {label}
      </p>
      <p className="secret-once" id={id} data-testid="secret-once" aria-labelledby={`${id}-label`}>
        <code>{value}</code>
      </p>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={copy} aria-describedby={`${id}-label`}>
          {t('button')}
        </button>
        <span role="status" className="copy-status">
          {copied === 'yes' ? t('copied') : copied === 'failed' ? t('refused') : ''}
        </span>
      </div>
      <p className="hint">{t('hint')}</p>
    </div>
  );
}
