import { useTranslations } from 'next-intl';

import { When } from '../../../_i18n/when';
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { whoOf } from './who-of';

/** Customs' questions and the filer's answers (not for drafts). */
export function QueriesSection({ detail }: { detail: DeclarationDetail }) {
  const { queries } = detail;
  const t = useTranslations('declarationPage.queries');
  const who = whoOf(detail, useTranslations('declarationPage.who'));
  if (detail.declaration.status === 'DRAFT') return null;
  return (
    <section aria-labelledby="queries-heading" data-testid="queries">
      <h2 id="queries-heading">{t('heading')}</h2>
      {queries.length === 0 ? (
        <p className="empty">{t('none')}</p>
      ) : (
        <ol className="queries">
          {queries.map((q) => (
            <li key={q.id}>
              <div className="query-question">
                <p className="query-meta">
                  {t.rich('question', { who: who(q.askedById), strong: (chunks) => <strong>{chunks}</strong> })} · <When date={q.askedAt} />
                </p>
                <p>{q.question}</p>
              </div>
              {q.answeredAt ? (
                <div className="query-answer">
                  <p className="query-meta">
                    {t.rich('answer', { who: who(q.answeredById), strong: (chunks) => <strong>{chunks}</strong> })} · <When date={q.answeredAt} />
                  </p>
                  <p>{q.answer}</p>
                </div>
              ) : (
                <p className="muted query-waiting">{t('notAnswered')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
