'use client';
// An EORI field that suggests the companies the filer may name: its own and, for a broker, the clients
// whose delegation is valid (Query.partySuggestions), with the name next to each EORI.
import { useEffect, useMemo, useState } from 'react';

import type { CodeListEntry } from '../../../lib/code-lists/data';
import type { FieldBinding } from '../../_components/form/bound-fields';
import { CodePicker } from '../../_components/form/code-picker';

let cache: Promise<CodeListEntry[]> | null = null;

function loadSuggestions(): Promise<CodeListEntry[]> {
  cache ??= fetch('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ partySuggestions { eori name relation } }' }) })
    .then((r) => r.json())
    .then((j: { data?: { partySuggestions: { eori: string; name: string; relation: string }[] } }) =>
      (j.data?.partySuggestions ?? []).map((p) => ({ code: p.eori, name: p.relation === 'OWN' ? `${p.name} (your company)` : `${p.name} (client)` })),
    )
    .catch(() => {
      cache = null;
      return [];
    });
  return cache;
}

export function PartyPicker(props: FieldBinding & { label: string; hint?: string; optional?: boolean }) {
  const [entries, setEntries] = useState<CodeListEntry[]>([]);
  useEffect(() => {
    let live = true;
    void loadSuggestions().then((e) => live && setEntries(e));
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
