import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { formatDateTime, orDash } from '../../_components/format';
import { whoOf } from './who-of';

/** The frozen versions and their hashes. */
export function VersionsSection({ detail }: { detail: DeclarationDetail }) {
  const { versions } = detail;
  const who = whoOf(detail);
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      {versions.length === 0 ? (
        <p className="empty">No frozen version yet: the declaration is frozen as version 1 when it is submitted.</p>
      ) : (
        <ol className="versions">
          {versions.map((v) => (
            <li key={v.id}>
              <p>
                <strong>Version {v.version}</strong> · <time dateTime={v.createdAt.toISOString()}>{formatDateTime(v.createdAt)}</time>
              </p>
              <p>
                SHA-256{' '}
                <code title={v.sha256} data-testid="version-sha">
                  {v.sha256.slice(0, 16)}…
                </code>
              </p>
              <p className="muted">
                {orDash(v.reason)} by {who(v.createdById)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
