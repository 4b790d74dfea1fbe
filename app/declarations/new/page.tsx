import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('declarationForm.new'))('title') };
}
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NewDeclarationPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getActor();
  const [t, shell, status] = await Promise.all([getTranslations('declarationForm.new'), getTranslations('shell'), getTranslations('status')]);
  const isFiler = isFilerRole(actor);
  if (!isFiler) {
    return (
      <>
        <h1>{t('title')}</h1>
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
  const template = typeof templateId === 'string' ? templates.find((x) => x.id === templateId) : undefined;
  // A trader of an importing company most often declares its own imports.
  const importer = isTrader(actor) && company?.roles.includes('IMPORTER') ? company.eori : '';
  const own = recent.edges.map((e) => e.node).filter((d) => d.declarantId === actor.companyId);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/declarations">{shell('nav.declarations')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="lead">{company ? t('leadFor', { company: company.name }) : t('leadOwn')}</p>
      {(templates.length > 0 || own.length > 0) && (
        <section className="panel" aria-labelledby="start-from-heading" data-testid="start-from">
          <h2 id="start-from-heading">{t('startFrom')}</h2>
          {templates.length > 0 && (
            <>
              <h3>{t('templates')}</h3>
              <ul>
                {templates.map((tp) => (
                  <li key={tp.id}>
                    <Link href={`/declarations/new?template=${tp.id}`}>{tp.name}</Link>
                    {tp.problems.length > 0 && <span className="hint"> — {t('codesToCheck', { count: tp.problems.length })}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {own.length > 0 && (
            <>
              <h3>{t('copyPrevious')}</h3>
              <CopyDeclarationForm
                choices={own.map((d) => ({ id: d.id, label: `${d.lrn} — ${status(d.status).toLowerCase()}, ${d.createdAt.toISOString().slice(0, 10)}` }))}
                suggestedLrn=""
              />
            </>
          )}
        </section>
      )}
      {template && template.problems.length > 0 && (
        <div className="notice notice-warning" role="status" data-testid="template-problems">
          <h2>{t('checkTemplate', { name: template.name })}</h2>
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
