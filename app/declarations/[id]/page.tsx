// A declaration's page: what it says, where it stands and what the reader may do with it. The data
// comes from one lib loader (getDeclarationDetail); each section is a component in _sections/.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { isOfficer } from '../../../lib/auth/policy';
import { getDeclarationDetail } from '../../../lib/declarations/get-declaration-detail';
import { getControlResult } from '../../../lib/risk/get-control-result';
import { getRiskExplanation } from '../../../lib/risk/get-risk-explanation';
import { getActor } from '../../session';
import { DocumentsSection } from '../_components/documents-section';
import { one } from '../_components/format';
import { ShipmentsSection } from '../_components/shipments-section';
import { ActionsPanel } from './_sections/actions-panel';
import { DraftExpiryNotice } from './_sections/draft-expiry-notice';
import { ContainersSection } from './_sections/containers-section';
import { ControlResultSection, wasControlled } from './_sections/control-result-section';
import { DutiesSection } from './_sections/duties-section';
import { FactsSection } from './_sections/facts-section';
import { Heading } from './_sections/heading';
import { HistorySection } from './_sections/history-section';
import { ItemsSection } from './_sections/items-section';
import { Notices } from './_sections/notices';
import { PartiesSection } from './_sections/parties-section';
import { PermitsSection } from './_sections/permits-section';
import { QueriesSection } from './_sections/queries-section';
import { RiskSection } from './_sections/risk-section';
import { VersionsSection } from './_sections/versions-section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('declaration.facts'))('heading') };
}
export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DeclarationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const done = one((await searchParams).done);
  const actor = await getActor();
  const detail = await getDeclarationDetail({ actor, id });
  if (!detail) notFound();
  const d = detail.declaration;

  const officer = isOfficer(actor);
  const { isFilerOfThis, showFiling } = detail;
  // Issue 14: what the control found (everyone who reads the declaration; the note for customs only) and
  // why the declaration has its score (customs only: null for anyone else).
  const [controlResult, explanation] = await Promise.all([getControlResult(actor, d.id), detail.showRisk ? getRiskExplanation(actor, d) : null]);

  return (
    <>
      <Heading detail={detail} isOfficer={officer} />
      <Notices detail={detail} actor={actor} done={done} isFilerOfThis={isFilerOfThis} />
      <DraftExpiryNotice declaration={d} />
      <PermitsSection detail={detail} actor={actor} isFilerOfThis={isFilerOfThis} />
      <ActionsPanel detail={detail} isFilerOfThis={isFilerOfThis} controlResultMissing={officer && !controlResult && wasControlled(detail)} />
      <FactsSection detail={detail} />
      <RiskSection detail={detail} explanation={explanation} />
      <ControlResultSection detail={detail} result={controlResult} officer={officer} done={done} />
      <DutiesSection detail={detail} />
      {showFiling && <QueriesSection detail={detail} />}
      {showFiling && <DocumentsSection actor={actor} declaration={d} />}
      <PartiesSection detail={detail} />
      <ContainersSection detail={detail} />
      <ShipmentsSection actor={actor} declarationId={d.id} />
      <ItemsSection detail={detail} />
      <div className="two-columns">
        <HistorySection detail={detail} />
        <VersionsSection detail={detail} />
      </div>
    </>
  );
}
