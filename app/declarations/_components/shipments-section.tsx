// The "Shipments" section of a declaration's page: each tracked container's seal status, its open
// alerts and a link to its tracking page; for officers, the alerts' reasons (tamper and seal alerts feed
// the declaration's risk). Renders nothing when no container of the declaration is tracked.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { AppError } from '../../../lib/errors';
import { getShipment } from '../../../lib/tracking/get-shipment';
import { listShipments } from '../../../lib/tracking/list-shipments';
import type { Actor } from '../../session';
import { OpenAlerts, SealStatusBadge } from '../../tracking/_components/seal-status';
import { ALERT_LABEL, placeName, trackingHref, type AlertView } from '../../tracking/_components/tracking-format';
import { When } from '../../_i18n/when';
import { isOfficer } from '../../../lib/auth/policy';

async function load(actor: Actor, declarationId: string) {
  try {
    const page = await listShipments({ actor, filter: { declarationId }, first: 100 });
    const shipments = page.edges.map((e) => e.node);
    // Officers see the alerts themselves (a declaration has few containers: one read each).
    const alerts = new Map<string, AlertView[]>();
    if (isOfficer(actor)) {
      const views = await Promise.all(shipments.map((s) => getShipment({ actor, id: s.id })));
      for (const v of views) alerts.set(v.id, v.alerts);
    }
    return { shipments, alerts };
  } catch (error) {
    // Tracking is an extra on this page: a refusal leaves the section out rather than the page.
    if (error instanceof AppError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) return null;
    throw error;
  }
}

export async function ShipmentsSection({ actor, declarationId }: { actor: Actor; declarationId: string }) {
  const loaded = await load(actor, declarationId);
  if (!loaded || loaded.shipments.length === 0) return null;
  const { shipments, alerts } = loaded;
  const t = await getTranslations('declarationPage.shipments');
  return (
    <section aria-labelledby="shipments-heading" data-testid="shipments">
      <h2 id="shipments-heading">{t('heading')}</h2>
      <p className="hint">{t('lead')}</p>
      <ul className="shipment-cards">
        {shipments.map((s) => {
          const own = alerts.get(s.id) ?? [];
          return (
            <li key={s.id} className="card shipment-card" data-container={s.containerNumber}>
              <p className="shipment-card-head">
                <Link href={trackingHref(s)}>
                  <code>{s.containerNumber}</code>
                </Link>
                <SealStatusBadge status={s.status} />
                <OpenAlerts count={s.openAlertCount} />
              </p>
              <p className="muted small">
                {placeName(s.originLocode)} → {placeName(s.destinationLocode)} · {s.lastEventAt ? t.rich('lastEvent', { when: () => <When date={s.lastEventAt} /> }) : t('noEvent')}
                {s.closedAt ? ` · ${t('closed')}` : ''}
              </p>
              {own.length > 0 && (
                <ul className="shipment-alerts" data-testid="shipment-alerts">
                  {own.map((a) => (
                    <li key={a.id} className={a.acknowledgedAt ? undefined : 'alert-open'}>
                      <strong>{ALERT_LABEL[a.kind]}</strong> <span className="muted small">
                        <When date={a.raisedAt} />
                      </span>
                      {a.acknowledgedAt && <span className="badge badge-ok">{t('acknowledged')}</span>}
                      <br />
                      {a.reason}
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <Link href={trackingHref(s)}>{t('track', { container: s.containerNumber })}</Link>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
