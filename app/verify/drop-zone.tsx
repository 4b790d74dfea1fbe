'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type DragEvent } from 'react';

import styles from './verify.module.css';

/**
 * A drop area around an ordinary file input (which keyboards and screen readers use as usual). Files
 * dropped beside the area are ignored rather than opened by the browser, which would leave the page.
 */
export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const t = useTranslations('verify.drop');
  const [active, setActive] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    const ignore = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);

  function enter(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    depth.current += 1;
    setActive(true);
  }
  function leave() {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setActive(false);
  }
  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    depth.current = 0;
    setActive(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0 && !disabled) onFiles(files);
  }

  return (
    <div
      className={styles.dropZone}
      data-active={active ? 'true' : undefined}
      data-testid="drop-zone"
      onDragEnter={enter}
      onDragOver={(event) => event.preventDefault()}
      onDragLeave={leave}
      onDrop={drop}
    >
      <p className={styles.dropTitle} aria-hidden="true">
        {t('title')}
      </p>
      <p className={styles.dropOr} aria-hidden="true">
        {t('or')}
      </p>
      <input
        id="verify-file"
        className={styles.fileInput}
        type="file"
        multiple
        disabled={disabled}
        aria-describedby="verify-file-hint"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          // Cleared, so that choosing the same file again checks it again.
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <label htmlFor="verify-file" className={`button ${styles.chooseButton}`}>
        {t('choose')}
      </label>
      <p id="verify-file-hint" className={`hint ${styles.dropHint}`}>
        {t('hint')}
      </p>
    </div>
  );
}
