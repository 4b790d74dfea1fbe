'use client';

/**
 * What a person quotes to support after an unexpected error. Next.js gives the browser only a digest
 * of a server error (never its message); instrumentation.ts logs that digest beside the request id and
 * the stack. Errors raised in the browser itself have no digest: nothing was logged on the server.
 */
export function ErrorReference({ digest }: { digest?: string }) {
  if (!digest) return <p>The page failed in your browser. Reload it; if it happens again, tell support what you were doing.</p>;
  return (
    <p>
      Quote this reference to support: <code data-testid="error-reference">{digest}</code>
    </p>
  );
}
