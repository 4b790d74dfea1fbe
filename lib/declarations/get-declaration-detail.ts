// Everything a declaration's page shows, read in three rounds (the declaration; its parts; the people
// named in them): the declaration, what the reader may do with it, its parties, lines, duties,
// history, versions, queries and (for officers only) the risk findings.
import type { Actor } from '../auth/actor';
import { canFileDeclaration, canReadFilingDetails, canSeeRiskDetails } from '../auth/policy';
import type { Company, DutyLine, GoodsItem } from '../generated/prisma/client';
import { allowedActions } from './allowed-actions';
import { getDeclaration } from './get-declaration';
import { redactStatusHistory } from './redact-status-history';
import { loadCompanies, loadContainers, loadDutyLines, loadGoodsItems, loadQueries, loadRiskFindings, loadStatusChanges, loadUsers, loadVersions } from './load-declaration-parts';

export async function getDeclarationDetail(options: { actor: Actor; id: string }) {
  const { actor, id } = options;
  const declaration = await getDeclaration({ actor, id });
  if (!declaration) return null;
  const d = declaration;
  // Who sees what is lib/auth/policy.ts's: risk details for customs, the filing's exchange for its parties.
  const showRisk = canSeeRiskDetails(actor);
  const showFiling = canReadFilingDetails(actor, d);

  const [[items], [containers], [fullHistory], [versions], companies, [findings], [queries]] = await Promise.all([
    loadGoodsItems([d.id]),
    loadContainers([d.id]),
    loadStatusChanges([d.id]),
    loadVersions([d.id]),
    loadCompanies([d.declarantId, d.importerId ?? '', d.exporterId ?? '', d.representativeId ?? ''].filter(Boolean)),
    // Risk findings are customs' own working material (everyone sees the lane).
    showRisk ? loadRiskFindings([d.id]) : Promise.resolve([null]),
    showFiling ? loadQueries([d.id]) : Promise.resolve([[]]),
  ]);
  const history = redactStatusHistory(actor, d, fullHistory!);
  const dutyLines = await loadDutyLines(items!.map((i) => i.id));
  const companyById = new Map(companies.filter((c) => c !== null).map((c) => [c.id, c]));
  const company = (cid: string | null): Company | null => (cid ? (companyById.get(cid) ?? null) : null);
  const userIds = [
    ...new Set(
      [d.createdById, ...history.map((h) => h.actorId), ...versions!.map((v) => v.createdById), ...queries!.flatMap((q) => [q.askedById, q.answeredById])].filter(
        (u): u is string => !!u,
      ),
    ),
  ];
  const users = await loadUsers(userIds);
  const latest = <T>(list: T[], test: (x: T) => boolean): T | null => [...list].reverse().find(test) ?? null;

  return {
    declaration,
    /** What this reader may do now: the one source for the page's buttons and forms. */
    actions: allowedActions(actor, d),
    /** Whether the reader sees the risk score and findings (customs only). */
    showRisk,
    /** Whether the reader sees the filing's exchange: queries, documents, reasons (its filer and customs, not a counterparty). */
    showFiling,
    /** Whether the reader files this declaration (its declarant or a delegated broker). */
    isFilerOfThis: canFileDeclaration(actor, d),
    parties: { declarant: company(d.declarantId), importer: company(d.importerId), exporter: company(d.exporterId), representative: company(d.representativeId) },
    items: items!,
    /** The items that have duty lines, each with its lines. */
    duties: items!.map((item, i): { item: GoodsItem; lines: DutyLine[] } => ({ item, lines: dutyLines[i]! })).filter((x) => x.lines.length > 0),
    containers: containers!,
    history,
    versions: versions!,
    queries: queries!,
    /** Null for anyone but an officer. */
    findings: findings ?? null,
    /** Email of each user named in the history, versions and queries. */
    emails: Object.fromEntries(users.filter((u) => u !== null).map((u) => [u.id, u.email])) as Record<string, string>,
    /** The reason of the latest rejection or query. */
    lastReason: latest(history, (h) => !!h.reason && (h.toStatus === 'REJECTED' || h.toStatus === 'QUERY')),
    openQuery: d.status === 'QUERY' ? latest(queries!, (q) => !q.answeredAt) : null,
    cancelRequest: d.status === 'CANCEL_REQUESTED' ? latest(history, (h) => h.toStatus === 'CANCEL_REQUESTED') : null,
  };
}

export type DeclarationDetail = NonNullable<Awaited<ReturnType<typeof getDeclarationDetail>>>;
