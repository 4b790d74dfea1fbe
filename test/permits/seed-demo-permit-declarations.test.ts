// The demo declarations of the single window come out in the state each is meant to show, through the
// same functions people use; a second run makes nothing (the seed runs at every start).
import { describe, expect, it } from 'vitest';

import { getDb } from '../../lib/db';
import { getDeclarationPermitRequirements } from '../../lib/permits/get-declaration-permit-requirements';
import { DEMO_PERMIT_LRN_PREFIX, seedDemoPermitDeclarations } from '../../lib/permits/seed-demo-permit-declarations';

async function stateOf(lrn: string) {
  const d = await getDb().declaration.findFirstOrThrow({ where: { lrn: `${DEMO_PERMIT_LRN_PREFIX}${lrn}` } });
  const requirements = await getDeclarationPermitRequirements({ declarationId: d.id });
  return { status: d.status, requirements: requirements.map((r) => `${r.ruleKey}:${r.status}:${r.application?.status ?? '-'}`).sort() };
}

describe('seedDemoPermitDeclarations', () => {
  it('makes a declaration in each permit state, once', async () => {
    expect(await seedDemoPermitDeclarations()).toBe(8);
    expect(await seedDemoPermitDeclarations()).toBe(0);

    expect((await stateOf('01')).requirements).toEqual(['vet-02-import:MISSING:-']);
    expect((await stateOf('02')).requirements).toEqual(['vet-02-import:PENDING:SUBMITTED']);
    expect((await stateOf('03')).requirements).toEqual(['vet-02-import:PENDING:INFO_REQUESTED']);
    expect(await stateOf('04')).toEqual({ status: 'RELEASED', requirements: ['vet-02-import:SATISFIED:APPROVED'] });
    expect((await stateOf('05')).requirements).toEqual(['vet-02-import:REJECTED:REJECTED']);
    expect((await stateOf('06')).requirements).toEqual(['plant-08-import:DISCLAIMED:-']);
    expect(await stateOf('07')).toEqual({ status: 'RELEASED', requirements: ['agri-garlic-quota:SATISFIED:-', 'plant-07-import:SATISFIED:-'] });
    expect((await stateOf('08')).requirements).toEqual(['agri-garlic-quota:SATISFIED:-', 'plant-07-import:SATISFIED:-']);

    const licence = await getDb().permit.findFirstOrThrow({ where: { documentCode: '911', quantityUnit: 'KGM', drawn: { gt: 0 } } });
    expect({ total: licence.totalQuantity?.toNumber(), drawn: licence.drawn.toNumber(), reserved: licence.reserved.toNumber(), available: licence.available?.toNumber() }).toEqual({ total: 10000, drawn: 2500, reserved: 1500, available: 6000 });
  });
});
