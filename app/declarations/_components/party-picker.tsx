'use client';
// An EORI field that suggests the companies the filer may name: its own and, for a broker, the clients
// whose delegation is valid (Query.partySuggestions), with the name next to each EORI.
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';

import type { CodeListEntry } from '../../../lib/code-lists/data';
import type { FieldBinding } from '../../_components/form/bound-fields';
import { CodePicker } from '../../_components/form/code-picker';

type Suggested = { eori: string; name: string; relation: string };
let loaded: Promise<Suggested[]> | null = null;

function loadSuggestions(): Promise<Suggested[]> {
  loaded ??= fetch('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ partySuggestions { eori name relation } }' }) })
    .then((r) => r.json())
    .then((j: { data?: { partySuggestions: Suggested[] } }) => j.data?.partySuggestions ?? [])
    .catch(() => {
      loaded = null;
      return [];
    });
  return loaded;
}

export function PartyPicker(props: FieldBinding & { label: string; hint?: string; optional?: boolean }) {
  const t = useTranslations('declarationForm.partyPicker');
  const [suggested, setSuggested] = useState<Suggested[]>([]);
  const entries = useMemo<CodeListEntry[]>(() => suggested.map((p) => ({ code: p.eori, name: p.relation === 'OWN' ? t('own', { name: p.name }) : t('client', { name: p.name }) })), [suggested, t]);
  useEffect(() => {
    let live = true;
    void loadSuggestions().then((e) => live && setSuggested(e));
    return () => {
      live = false;
    };
  }, []);
  const search = useMemo(
    () => (q: string) => {
      const s = q.trim().toLowerCase();
      return entries.filter((e) => !s || e.code.toLowerCase().startsWith(s) || e.name.toLowerCase().includes(s));
    },
    [entries],
  );
  return <CodePicker {...props} entries={entries} search={search} maxLength={17} width="m" />;
}
