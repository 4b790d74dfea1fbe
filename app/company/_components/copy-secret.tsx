'use client';
// A value shown once (an API token's secret, an invitation link) with a Copy button. Copying needs the
// clipboard API (a secure context); where it is missing or refused, the instruction to copy by hand stays.
import { useState } from 'react';

export function CopySecret({ id, label, value }: { id: string; label: string; value: string }) {
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
          Copy
        </button>
        <span role="status" className="copy-status">
          {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying was refused: select the text and copy it by hand.' : ''}
        </span>
      </div>
      <p className="hint">If the button does not work, select the text above and copy it (Ctrl+C, or ⌘C on a Mac).</p>
    </div>
  );
}
