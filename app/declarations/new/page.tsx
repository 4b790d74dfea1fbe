import type { Metadata } from 'next';
import Link from 'next/link';

import { loadCompanies } from '../../../lib/declarations/load-declaration-parts';
import { listDeclarations } from '../../../lib/declarations/list-declarations';
import { listDeclarationTemplates } from '../../../lib/declarations/list-declaration-templates';
import { getActor } from '../../session';
import { DeclarationForm } from '../_components/declaration-form';
import { CopyDeclarationForm } from '../_components/filing-aid-forms';
import { emptyForm } from '../_components/form-model';
import { formValuesOfInput } from '../_components/load-form-values';
import { NotAFiler } from '../_components/not-a-filer';
import { isFilerRole, isTrader } from '../../../lib/auth/policy';

export const metadata: Metadata = { title: 'New declaration' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NewDeclarationPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getActor();
  const isFiler = isFilerRole(actor);
  if (!isFiler) {
    return (
      <>
        <h1>New declaration</h1>
        <NotAFiler actor={actor} />
      </>
    );
  }
  const templateId = (await searchParams).template;
  const [[company], templates, recent] = await Promise.all([
    loadCompanies([actor.companyId!]),
    listDeclarationTemplates({ actor }),
    listDeclarations({ actor, input: { first: 10, orderBy: 'CREATED_AT_DESC' } }),
  ]);
  const template = typeof templateId === 'string' ? templates.find((t) => t.id === templateId) : undefined;
  // A trader of an importing company most often declares its own imports.
  const importer = isTrader(actor) && company?.roles.includes('IMPORTER') ? company.eori : '';
  const own = recent.edges.map((e) => e.node).filter((d) => d.declarantId === actor.companyId);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/declarations">Declarations</Link>
      </p>
      <h1>New declaration</h1>
      <p className="lead">
        Filing for {company?.name ?? 'your company'}. Save a draft at any time; everything not marked optional is needed to submit.
      </p>
      {(templates.length > 0 || own.length > 0) && (
        <section className="panel" aria-labelledby="start-from-heading" data-testid="start-from">
          <h2 id="start-from-heading">Start from something you filed before</h2>
          {templates.length > 0 && (
            <>
              <h3>Your company’s templates</h3>
              <ul>
                {templates.map((t) => (
                  <li key={t.id}>
                    <Link href={`/declarations/new?template=${t.id}`}>{t.name}</Link>
                    {t.problems.length > 0 && <span className="hint"> — {t.problems.length} code{t.problems.length === 1 ? '' : 's'} to check</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {own.length > 0 && (
            <>
              <h3>Copy a previous declaration</h3>
              <CopyDeclarationForm
                choices={own.map((d) => ({ id: d.id, label: `${d.lrn} — ${d.status.toLowerCase().replace('_', ' ')}, ${d.createdAt.toISOString().slice(0, 10)}` }))}
                suggestedLrn=""
              />
            </>
          )}
        </section>
      )}
      {template && template.problems.length > 0 && (
        <div className="notice notice-warning" role="status" data-testid="template-problems">
          <h2>Check these fields of “{template.name}”</h2>
          <ul>
            {template.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path.join('.')}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <DeclarationForm
        key={template?.id ?? 'empty'}
        declarationId={null}
        initial={template ? formValuesOfInput({ ...template.body, lrn: '' }) : emptyForm({ importerEori: importer })}
      />
    </>
  );
}
