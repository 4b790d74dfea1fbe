import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { RefilePage } from '../../_components/refile-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('declarationForm.refile'))('amendTitle') };
}
export const dynamic = 'force-dynamic';

/** The filing form again, opened with the current content, for an amendment (the next version). */
export default async function AmendDeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  return <RefilePage id={(await params).id} kind="amend" />;
}
