import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { RefilePage } from '../../_components/refile-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('declarationForm.refile'))('editTitle') };
}
export const dynamic = 'force-dynamic';

export default async function EditDeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  return <RefilePage id={(await params).id} kind="edit" />;
}
