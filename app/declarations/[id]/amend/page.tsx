import type { Metadata } from 'next';

import { RefilePage } from '../../_components/refile-page';

export const metadata: Metadata = { title: 'Amend declaration' };
export const dynamic = 'force-dynamic';

/** The filing form again, opened with the current content, for an amendment (the next version). */
export default async function AmendDeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  return <RefilePage id={(await params).id} kind="amend" />;
}
