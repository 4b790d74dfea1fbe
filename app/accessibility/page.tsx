import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accessibility'))('title') };
}

/** The accessibility statement: what is tested, what is known not to work yet, and how to report a problem. */
export default async function AccessibilityPage() {
  const t = await getTranslations('accessibility');
  return (
    <article className="prose">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <h2>{t('testedTitle')}</h2>
      <ul>
        {(['tested1', 'tested2', 'tested4', 'tested5', 'tested6'] as const).map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <h2>{t('gapsTitle')}</h2>
      <ul>
        {(['gap1', 'gap2', 'gap3', 'gap4'] as const).map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <h2>{t('reportTitle')}</h2>
      <p>{t('report')}</p>
      <p>{t('enforcement')}</p>
    </article>
  );
}
