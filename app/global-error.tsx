'use client';

// Shown when the root layout itself failed: it replaces the whole document, so it brings its own
// <html> and <body> and no stylesheet of the layout.
import { ErrorReference } from './_components/error-reference';

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main">
          <h1>Clearway is not available</h1>
          <p>An unexpected error stopped the portal from loading.</p>
          <ErrorReference digest={error.digest} />
          <p>
            <button type="button" onClick={() => reset()}>
              Try again
            </button>
          </p>
        </main>
      </body>
    </html>
  );
}
