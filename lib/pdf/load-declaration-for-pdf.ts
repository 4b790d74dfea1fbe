// What the generated PDFs print about a declaration, read for an actor who may see it (lib/auth/policy.ts:
// the declaration visible, tokens with declarations:read or :write); anyone else gets NOT_FOUND.
import type { Actor } from '../auth/actor';
import { getDeclaration } from '../declarations/get-declaration';
import {
  loadCompanies,
  loadContainers,
  loadDutyLines,
  loadGoodsItems,
  loadStatusChanges,
  loadUsers,
  loadVersions,
} from '../declarations/load-declaration-parts';
import { AppError } from '../errors';
import type { Company, Declaration, DutyLine, GoodsItem, TransportEquipment } from '../generated/prisma/client';

export interface DeclarationForPdf {
  declaration: Declaration;
  items: GoodsItem[];
  containers: TransportEquipment[];
  /** Duty lines of all items (each names its goods item). */
  dutyLines: DutyLine[];
  /** The parties' companies by id. */
  companies: Map<string, Company>;
  /** The latest frozen version; null for a draft. */
  latestVersion: { version: number; sha256: string } | null;
  /** When customs accepted it (status ACCEPTED), if it did. */
  acceptedAt: Date | null;
  /** The officer who released it (latest RELEASED status change), if released. */
  releasedBy: string | null;
  /** The time of its latest change (row or status): the PDF's printed and metadata date, so a re-render is byte-identical. */
  changedAt: Date;
}

export async function loadDeclarationForPdf(options: { actor: Actor; declarationId: string }): Promise<DeclarationForPdf> {
  const { actor, declarationId } = options;
  const declaration = await getDeclaration({ actor, id: declarationId });
  if (!declaration) throw new AppError('NOT_FOUND', `No declaration ${declarationId} that you can see.`);
  const id = declaration.id;
  const partyIds = [declaration.declarantId, declaration.importerId, declaration.exporterId, declaration.representativeId].filter((c): c is string => c !== null);
  const [[items], [containers], [history], [versions], companies] = await Promise.all([
    loadGoodsItems([id]),
    loadContainers([id]),
    loadStatusChanges([id]),
    loadVersions([id]),
    loadCompanies(partyIds),
  ]);
  const dutyLines = (await loadDutyLines(items!.map((i) => i.id))).flat();
  const released = [...history!].reverse().find((h) => h.toStatus === 'RELEASED');
  const releasedBy = released?.actorId ? ((await loadUsers([released.actorId]))[0]?.name ?? null) : null;
  const latest = versions!.at(-1);
  const lastChange = history!.at(-1)?.at;
  return {
    declaration,
    items: items!,
    containers: containers!,
    dutyLines,
    companies: new Map(companies.filter((c) => c !== null).map((c) => [c.id, c])),
    latestVersion: latest ? { version: latest.version, sha256: latest.sha256 } : null,
    acceptedAt: history!.find((h) => h.toStatus === 'ACCEPTED')?.at ?? null,
    releasedBy,
    changedAt: lastChange && lastChange > declaration.updatedAt ? lastChange : declaration.updatedAt,
  };
}
