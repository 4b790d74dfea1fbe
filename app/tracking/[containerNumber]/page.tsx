import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { isOfficer } from '../../../lib/auth/policy';
import { getShipmentDetail } from '../../../lib/tracking/get-shipment-detail';
import { one } from '../../declarations/_components/format';
import { getActor } from '../../session';
import { ShipmentAlerts } from '../_components/shipment-alerts';
import { ShipmentFacts } from '../_components/shipment-facts';
import { ShipmentHead } from '../_components/shipment-head';
import { ShipmentMap } from '../_components/shipment-map';
import { ShipmentSeals } from '../_components/shipment-seals';
import { ShipmentTimeline } from '../_components/shipment-timeline';
import { CONTAINER_NUMBER } from '../_components/tracking-format';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

type Params = Promise<{ containerNumber: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { containerNumber } = await params;
  return { title: (await getTranslations('tracking'))('containerTitle', { container: decodeURIComponent(containerNumber).toUpperCase().slice(0, 11) }) };
}

export default async function ShipmentPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const containerNumber = decodeURIComponent((await params).containerNumber).trim().toUpperCase();
  const query = await searchParams;
  const shipmentParam = one(query.shipment);
  const after = one(query.after);
  if (!CONTAINER_NUMBER.test(containerNumber)) notFound();
  const [actor, t] = await Promise.all([getActor(), getTranslations('tracking')]);
  const renderedAt = new Date();
  const detail = await getShipmentDetail({ actor, containerNumber, shipmentId: shipmentParam, after, first: PAGE_SIZE });
  if (!detail) notFound();
  const { shipment: s, timeline, map, acknowledgedBy } = detail;

  const officer = isOfficer(actor);
  // An earlier journey keeps its id in the address; the latest one is the container's address alone.
  const shipmentId = shipmentParam ? s.id : undefined;
  const hrefFor = (next?: string) => {
    const q = new URLSearchParams();
    if (shipmentId) q.set('shipment', shipmentId);
    if (next) q.set('after', next);
    const text = q.toString();
    return `/tracking/${s.containerNumber}${text ? `?${text}` : ''}#timeline-heading`;
  };

  return (
    <>
      <ShipmentHead shipment={s} shipmentId={shipmentId} renderedAt={renderedAt} acknowledged={one(query.done) === 'acknowledged'} isOfficer={officer} />
      <ShipmentFacts shipment={s} />

      <section aria-labelledby="map-heading">
        <h2 id="map-heading">{t('mapHeading')}</h2>
        <ShipmentMap containerNumber={s.containerNumber} route={s.route} positions={map.positions} breaches={map.breaches} last={map.last} eventsShown={map.eventsShown} eventCount={s.eventCount} />
      </section>

      <div className="two-columns">
        <ShipmentAlerts shipment={s} isOfficer={officer} acknowledgedBy={acknowledgedBy} shipmentId={shipmentId} />
        <ShipmentSeals shipment={s} />
      </div>

      <ShipmentTimeline timeline={timeline} after={after} hrefFor={hrefFor} />
    </>
  );
}
