// The seals registered on the container: mechanical (ISO 17712) and electronic (ISO 18185).
import { useTranslations } from 'next-intl';

import { When } from '../../_i18n/when';
import type { ShipmentView } from './tracking-format';

export function ShipmentSeals({ shipment: s }: { shipment: ShipmentView }) {
  const t = useTranslations('tracking');
  return (
    <section aria-labelledby="seals-heading" data-testid="seals">
      <h2 id="seals-heading">{t('sealsHeading')}</h2>
      {s.seals.length === 0 ? (
        <p className="empty">{t('noSeal')}</p>
      ) : (
        <div className="table-scroll fit" tabIndex={0} role="region" aria-labelledby="seals-heading">
          <table className="results compact">
            <caption className="visually-hidden">{t('sealsCaption', { container: s.containerNumber })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colSeal')}</th>
                <th scope="col">{t('colType')}</th>
                <th scope="col">{t('colSource')}</th>
              </tr>
            </thead>
            <tbody>
              {s.seals.map((seal) => (
                <tr key={seal.identifier}>
                  <td>
                    {seal.type === 'ELECTRONIC' ? (
                      <>
                        <code>{seal.serial ?? seal.identifier}</code>
                        {seal.manufacturer && <span className="muted"> {t('byManufacturer', { manufacturer: seal.manufacturer })}</span>}
                      </>
                    ) : (
                      <code>{seal.identifier}</code>
                    )}
                  </td>
                  <td>{seal.type === 'ELECTRONIC' ? t('sealElectronic') : t('sealMechanical', { sealClass: seal.sealClass ?? 'none' })}</td>
                  <td>
                    {seal.source ? t(`source.${seal.source}`) : '—'}
                    {seal.appliedAt && <span className="muted small">
                        {' '}
                        · <When date={seal.appliedAt} />
                      </span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
