// Per-request DataLoaders: a list of N items asking for their parent or section costs one query each,
// not N. Created fresh for every request so that nothing is cached across callers.
import DataLoader from 'dataloader';

import { getHsCodesByCodes } from '../lib/tariff/get-hs-codes-by-codes';
import { getHsSectionsByIds } from '../lib/tariff/list-hs-sections';

export function createLoaders() {
  return {
    hsCode: new DataLoader(getHsCodesByCodes),
    hsSection: new DataLoader(getHsSectionsByIds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
