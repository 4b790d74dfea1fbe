// Per-request DataLoaders: a list of N items asking for their parent or section costs one query each,
// not N. Created fresh for every request so that nothing is cached across callers.
import DataLoader from 'dataloader';

import {
  loadCompanies,
  loadContainers,
  loadDutyLines,
  loadGoodsItems,
  loadQueries,
  loadRiskFindings,
  loadStatusChanges,
  loadUsers,
  loadVersions,
} from '../lib/declarations/load-declaration-parts';
import type { Actor } from '../lib/auth/actor';
import type { DocumentRecord } from '../lib/documents/document-record';
import { listDocumentsOfDeclarations } from '../lib/documents/list-documents-of-declarations';
import type { Locale } from '../lib/i18n/locales';
import { getHsCodesByCodes } from '../lib/tariff/get-hs-codes-by-codes';
import type { LocalizedHsCode } from '../lib/tariff/localize-hs-codes';
import { getHsSectionsByIds } from '../lib/tariff/list-hs-sections';
import { getDeclarationsByIds } from '../lib/declarations/get-declarations-by-ids';
import { listShipmentsOfDeclarations } from '../lib/tracking/list-shipments-of-declarations';
import type { ShipmentSummary } from '../lib/tracking/load-shipments';
import { loadShipmentDetails } from '../lib/tracking/load-shipment-details';
import { loadAgencies, loadPermitRules, loadPermitsOfApplications } from '../lib/permits/load-permit-parts';

type Declaration = NonNullable<Awaited<ReturnType<typeof getDeclarationsByIds>>[number]>;

export function createLoaders() {
  let documents: DataLoader<string, DocumentRecord[]> | undefined;
  let shipments: DataLoader<string, ShipmentSummary[]> | undefined;
  let declarations: DataLoader<string, Declaration | null> | undefined;
  const hsCodes = new Map<Locale, DataLoader<string, LocalizedHsCode | null>>();
  return {
    /** HS entries by code, described in `locale` where loaded (one loader per language asked for). */
    hsCode(locale: Locale): DataLoader<string, LocalizedHsCode | null> {
      let loader = hsCodes.get(locale);
      if (!loader) hsCodes.set(locale, (loader = new DataLoader((codes: readonly string[]) => getHsCodesByCodes(codes, locale))));
      return loader;
    },
    hsSection: new DataLoader(getHsSectionsByIds),
    company: new DataLoader(loadCompanies),
    user: new DataLoader(loadUsers),
    goodsItems: new DataLoader(loadGoodsItems),
    containers: new DataLoader(loadContainers),
    statusChanges: new DataLoader(loadStatusChanges),
    versions: new DataLoader(loadVersions),
    riskFindings: new DataLoader(loadRiskFindings),
    queries: new DataLoader(loadQueries),
    dutyLines: new DataLoader(loadDutyLines),
    /**
     * Documents by declaration id, checked against the policy for `actor`. The loader is made on first
     * use with the request's actor (one per request, so one actor), as its batches need it.
     */
    documents(actor: Actor): DataLoader<string, DocumentRecord[]> {
      documents ??= new DataLoader<string, DocumentRecord[]>((ids) => listDocumentsOfDeclarations({ actor, declarationIds: ids }));
      return documents;
    },
    /** Shipments by declaration id that `actor` may see (made on first use, as `documents`). */
    shipments(actor: Actor): DataLoader<string, ShipmentSummary[]> {
      shipments ??= new DataLoader<string, ShipmentSummary[]>((ids) => listShipmentsOfDeclarations({ actor, declarationIds: ids }));
      return shipments;
    },
    /** Declarations by id that `actor` may see, null otherwise (made on first use, as `documents`). */
    declaration(actor: Actor): DataLoader<string, Declaration | null> {
      declarations ??= new DataLoader<string, Declaration | null>((ids) => getDeclarationsByIds({ actor, ids }));
      return declarations;
    },
    /** Route, seals and alerts by shipment id (of shipments already found visible). */
    shipmentDetails: new DataLoader(loadShipmentDetails),
    agency: new DataLoader(loadAgencies),
    permitRule: new DataLoader(loadPermitRules),
    permitOfApplication: new DataLoader(loadPermitsOfApplications),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
