// Types of the rows the declaration pages show, taken from the lib/ functions that return them
// (app/ never imports the Prisma client or its generated types directly).
import type { getDeclaration } from '../../../lib/declarations/get-declaration';
import type {
  loadCompanies,
  loadContainers,
  loadDutyLines,
  loadGoodsItems,
  loadUsers,
} from '../../../lib/declarations/load-declaration-parts';

/** A declaration as the pages read it (the Prisma record; lib's DeclarationWithLines is submission's one-statement read). */
export type DeclarationRecord = NonNullable<Awaited<ReturnType<typeof getDeclaration>>>;
export type DeclarationStatus = DeclarationRecord['status'];
export type RiskLane = NonNullable<DeclarationRecord['lane']>;
export type GoodsItemRow = Awaited<ReturnType<typeof loadGoodsItems>>[number][number];
export type ContainerRow = Awaited<ReturnType<typeof loadContainers>>[number][number];
export type CompanyRow = NonNullable<Awaited<ReturnType<typeof loadCompanies>>[number]>;
export type UserRow = NonNullable<Awaited<ReturnType<typeof loadUsers>>[number]>;
export type DutyLineRow = Awaited<ReturnType<typeof loadDutyLines>>[number][number];
