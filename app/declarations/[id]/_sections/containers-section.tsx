import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';

/** The containers and their seals. */
export function ContainersSection({ detail }: { detail: DeclarationDetail }) {
  const { containers } = detail;
  return (
    <section aria-labelledby="containers-heading">
      <h2 id="containers-heading">Containers</h2>
      {containers.length === 0 ? (
        <p className="empty">No containers declared.</p>
      ) : (
        <table className="results compact">
          <caption className="visually-hidden">Containers and their seals</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Container</th>
              <th scope="col">Seals</th>
            </tr>
          </thead>
          <tbody>
            {containers.map((c) => (
              <tr key={c.id}>
                <td>{c.sequence}</td>
                <td>
                  <code>{c.containerNumber}</code>
                </td>
                <td>{c.seals.length ? c.seals.join(', ') : <span className="muted">No seals</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
