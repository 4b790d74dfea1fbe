// The seals registered on the container: mechanical (ISO 17712) and electronic (ISO 18185).
import { formatDateTime } from '../../declarations/_components/format';
import { SOURCE_LABEL, type ShipmentView } from './tracking-format';

export function ShipmentSeals({ shipment: s }: { shipment: ShipmentView }) {
  return (
    <section aria-labelledby="seals-heading" data-testid="seals">
      <h2 id="seals-heading">Seals</h2>
      {s.seals.length === 0 ? (
        <p className="empty">No seal registered.</p>
      ) : (
        <table className="results compact">
          <caption className="visually-hidden">Seals of container {s.containerNumber}</caption>
          <thead>
            <tr>
              <th scope="col">Seal</th>
              <th scope="col">Type</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {s.seals.map((seal) => (
              <tr key={seal.identifier}>
                <td>
                  {seal.type === 'ELECTRONIC' ? (
                    <>
                      <code>{seal.serial ?? seal.identifier}</code>
                      {seal.manufacturer && <span className="muted"> by {seal.manufacturer}</span>}
                    </>
                  ) : (
                    <code>{seal.identifier}</code>
                  )}
                </td>
                <td>{seal.type === 'ELECTRONIC' ? 'Electronic (ISO 18185)' : `Mechanical (ISO 17712${seal.sealClass ? `, class ${seal.sealClass}` : ''})`}</td>
                <td>
                  {seal.source ? SOURCE_LABEL[seal.source] : '—'}
                  {seal.appliedAt && <span className="muted small"> · {formatDateTime(seal.appliedAt)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
