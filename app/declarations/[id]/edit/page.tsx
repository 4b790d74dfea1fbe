import type { Metadata } from 'next';

import { RefilePage } from '../../_components/refile-page';

export const metadata: Metadata = { title: 'Edit draft' };
export const dynamic = 'force-dynamic';

export default async function EditDeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  return <RefilePage id={(await params).id} kind="edit" />;
}
