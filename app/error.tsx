'use client';

// Shown in place of a page that failed unexpectedly; the header and navigation stay usable.
import { ErrorReference } from './_components/error-reference';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Try again; if it keeps failing, support can look it up with the reference below.</p>
      <ErrorReference digest={error.digest} />
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>
      </p>
    </>
  );
}
