// The audit page names each action in the reader's language (`auditAction.<action>`): every action
// declared in AUDIT_EVENTS has its label, so a new action is not shown as a bare code in fr/es/ar.
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { AUDIT_EVENTS } from '../../lib/audit';

type Tree = { [key: string]: string | Tree };

describe('audit action labels', () => {
  it('every AUDIT_EVENTS action has a label in the English catalogue', () => {
    const labels = (JSON.parse(readFileSync('messages/en.json', 'utf8')) as Tree).auditAction as Tree;
    const missing = Object.keys(AUDIT_EVENTS).filter((action) => {
      const [group, name] = action.split('.') as [string, string];
      const entries = labels[group];
      return typeof entries !== 'object' || typeof entries[name] !== 'string';
    });
    expect(missing).toEqual([]);
  });
});
