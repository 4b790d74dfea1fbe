import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { getDeclaration } from '../../../../lib/declarations/get-declaration';
import { loadCompanies, loadContainers, loadGoodsItems } from '../../../../lib/declarations/load-declaration-parts';
import { getHsCodesByCodes } from '../../../../lib/tariff/get-hs-codes-by-codes';
import { searchTariffLines } from '../../../../lib/tariff/search-tariff-lines';
import { getActor } from '../../../acting-user';
import { DeclarationForm } from '../../_components/declaration-form';
import { formatCommodityCode } from '../../_components/format';
import { formStateOf } from '../../_components/initial-values';
import { NotAFiler } from '../../_components/not-a-filer';
import { STATUS_LABEL } from '../../_components/status';

export const metadata: Metadata = { title: 'Edit draft' };
export const dynamic = 'force-dynamic';

export default async function EditDeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  const d = await getDeclaration({ actor, id });
  if (!d) notFound();

  const head = (
    <>
      <p className="breadcrumb">
        <Link href="/declarations">Declarations</Link> · <Link href={`/declarations/${d.id}`}>{d.lrn}</Link>
      </p>
      <h1>Edit draft {d.lrn}</h1>
    </>
  );
  if (!((actor.role === 'TRADER' || actor.role === 'BROKER') && actor.companyId)) {
    return (
      <>
        {head}
        <NotAFiler actor={actor} />
      </>
    );
  }
  if (actor.companyId !== d.declarantId) {
    return (
      <>
        {head}
        <p className="notice">Only the declarant company can edit this declaration.</p>
      </>
    );
  }
  if (d.status !== 'DRAFT') {
    return (
      <>
        {head}
        <p className="notice" data-testid="not-a-draft">
          This declaration is {STATUS_LABEL[d.status].toLowerCase()}: only drafts can be edited. <Link href={`/declarations/${d.id}`}>Back to the declaration</Link>.
        </p>
      </>
    );
  }

  const [[items], [containers], companies] = await Promise.all([
    loadGoodsItems([d.id]),
    loadContainers([d.id]),
    loadCompanies([d.importerId, d.exporterId, d.representativeId].filter((c): c is string => !!c)),
  ]);
  const eori = new Map(companies.filter((c) => c !== null).map((c) => [c.id, c.eori]));
  // What the commodity codes designate, shown under the HS picker: the national line, else the subheading.
  const subheadings = [...new Set(items!.map((i) => i.commodityCode.slice(0, 6)))];
  const lineCodes = [...new Set(items!.map((i) => i.commodityCode.slice(0, 8)).filter((c) => c.length === 8))];
  const [hsRows, lineRows] = await Promise.all([
    getHsCodesByCodes(subheadings),
    Promise.all(lineCodes.map(async (code) => (await searchTariffLines({ search: code, first: 1 })).edges.find((e) => e.node.code === code)?.node)),
  ]);
  const labels = new Map<string, string>();
  for (const h of hsRows) if (h) labels.set(h.code, `${formatCommodityCode(h.code)} — ${h.description}`);
  for (const l of lineRows) if (l) labels.set(l.code, `${formatCommodityCode(l.code)} — ${l.description}`);
  const initial = formStateOf(
    d,
    items!,
    containers!,
    (cid) => (cid ? (eori.get(cid) ?? '') : ''),
    (code) => labels.get(code.slice(0, 8)) ?? labels.get(code.slice(0, 6)) ?? '',
  );
  return (
    <>
      {head}
      <DeclarationForm declarationId={d.id} initial={initial} />
    </>
  );
}
