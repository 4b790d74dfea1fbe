import { useTranslations } from 'next-intl';

import { When } from '../../../_i18n/when';
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { formatCommodityCode } from '../../_components/format';
import type { DutyLineRow, GoodsItemRow } from '../../_components/types';


/** Tax types named in the catalogue (declarationForm.estimate.tax.*, the estimate's words); others show their code. */
const TAXES = new Set(['DUTY', 'EXCISE', 'VAT']);

/** A rate's base: a value (ad valorem, 2 decimals) or a quantity (specific, as stored). */
function formatBase(line: DutyLineRow): string {
  return line.rate.includes('%') ? line.base.toFixed(2) : line.base.toFixed(3);
}

function DutyTable({ item, lines }: { item: GoodsItemRow; lines: DutyLineRow[] }) {
  const t = useTranslations('declarationPage.duties');
  const tax = useTranslations('declarationForm.estimate');
  const total = lines.slice(1).reduce((acc, l) => acc.add(l.amount), lines[0]!.amount);
  return (
    <div className="duty-item" data-testid={`duties-item-${item.sequence}`}>
      <h3>
        {t.rich('itemHeading', { sequence: item.sequence, description: item.description, code: () => <code>{formatCommodityCode(item.commodityCode)}</code> })}
      </h3>
      <div className="table-scroll" role="region" aria-label={t('itemLines', { sequence: item.sequence })} tabIndex={0}>
        <table className="results compact duty-lines">
          <caption className="visually-hidden">{t('itemLines', { sequence: item.sequence })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tax')}</th>
              <th scope="col" className="num">
                {t('base')}
              </th>
              <th scope="col">{t('rate')}</th>
              <th scope="col" className="num">
                {t('amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id}>
                <td>{TAXES.has(l.taxType) ? tax(`tax.${l.taxType}`) : l.taxType}</td>
                <td className="num">{formatBase(l)}</td>
                <td>{l.rate}</td>
                <td className="num">{l.amount.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('itemTotal', { sequence: item.sequence })}
              </th>
              <td className="num">{total.toFixed(2)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

/** Duties and taxes per item, their total and the payment (not for drafts). */
export function DutiesSection({ detail }: { detail: DeclarationDetail }) {
  const t = useTranslations('declarationPage.duties');
  const d = detail.declaration;
  if (d.status === 'DRAFT') return null;
  return (
      <section aria-labelledby="duties-heading" data-testid="duties">
        <h2 id="duties-heading">{t('heading')}</h2>
        {d.dutyTotal === null ? (
          <p className="empty">{t('notAssessed', { when: d.lane === 'GREEN' ? 'acceptance' : 'control' })}</p>
        ) : (
          <>
            {detail.duties.map(({ item, lines }) => (
              <DutyTable key={item.id} item={item} lines={lines} />
            ))}
            <p className="duty-total">
              {t.rich('total', {
                amount: () => <strong data-testid="duty-total">{d.dutyTotal!.toFixed(2)}</strong>,
                muted: (chunks) => <span className="muted">{chunks}</span>,
              })}
            </p>
            {d.paidAt ? (
              <p data-testid="payment">
                {t.rich(d.paymentReference ? 'paidWithReference' : 'paid', {
                  when: () => <When date={d.paidAt} />,
                  reference: () => <code>{d.paymentReference}</code>,
                })}
              </p>
            ) : d.status === 'DUTY_ASSESSED' && !d.dutyTotal.isZero() ? (
              <p className="muted" data-testid="payment">
                {t('notPaid')}
              </p>
            ) : null}
          </>
        )}
      </section>
  );
}
