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
import { getHsCodesByCodes } from '../lib/tariff/get-hs-codes-by-codes';
import { getHsSectionsByIds } from '../lib/tariff/list-hs-sections';

export function createLoaders() {
  return {
    hsCode: new DataLoader(getHsCodesByCodes),
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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
