// Declaration.permitRequirements: called for a declaration the actor was already allowed to read.
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { loadPermitRequirements, type PermitRequirementView } from './load-permit-requirements';

export async function getDeclarationPermitRequirements(options: { declarationId: string }): Promise<PermitRequirementView[]> {
  return loadPermitRequirements(sqlOfClient(getPool()), options.declarationId);
}
