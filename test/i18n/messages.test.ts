// The message files stay complete and consistent: every locale has exactly English's keys, every message
// parses as ICU MessageFormat and uses the same arguments as the English one (a translation that drops
// {count} or renames {provider} would show a raw brace or the wrong sentence), and every English key is
// used somewhere in app/, lib/ or graphql/ (a key nobody reads is a string nobody translates correctly for long; lib/
// says server text: error sentences, e-mails, PDFs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';

import { LOCALES } from '../../lib/i18n/locales';

type Tree = { [key: string]: string | Tree };

const load = (locale: string): Tree => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Tree;

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The argument names and rich-text tags a message uses. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) argumentsOf(option.value, into);
  }
  return into;
}

const english = leaves(load('en'));

describe('message files', () => {
  for (const locale of LOCALES) {
    it(`${locale}: the same keys as English, each a valid ICU message with English's arguments`, () => {
      const messages = leaves(load(locale));
      expect([...messages.keys()].filter((k) => !english.has(k)), 'keys English does not have').toEqual([]);
      expect([...english.keys()].filter((k) => !messages.has(k)), `keys missing in ${locale}`).toEqual([]);
      const problems: string[] = [];
      for (const [key, text] of messages) {
        try {
          const mine = [...argumentsOf(parse(text))].sort();
          const theirs = [...argumentsOf(parse(english.get(key)!))].sort();
          if (mine.join() !== theirs.join()) problems.push(`${key}: uses ${mine.join(', ') || 'nothing'}, English uses ${theirs.join(', ') || 'nothing'}`);
          if (locale !== 'en' && text.trim() === '') problems.push(`${key}: empty`);
        } catch (error) {
          problems.push(`${key}: not ICU MessageFormat (${(error as Error).message})`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('every English key is used by the portal (app/) or the server (lib/, graphql/)', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        // lib/generated (the Prisma client, megabytes) holds no message key; reading it made this test slow.
        if (statSync(path).isDirectory()) {
          if (name !== 'generated') walk(path);
        }
        else if (/\.tsx?$/.test(name)) sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk('app');
    walk('lib');
    walk('graphql');
    const code = sources.join('\n');
    // A key is used when, for some split into namespace and rest, the namespace is named
    // (useTranslations('declaration.facts')) and the rest is quoted (t('heading')), or a template
    // literal builds keys under the rest's parent (t(`role.${actor.role}`)).
    const unused = [...english.keys()].filter((key) => {
      const parts = key.split('.');
      return !parts.slice(1).some((_, i) => {
        const namespace = parts.slice(0, i + 1).join('.');
        const rest = parts.slice(i + 1);
        const named = code.includes(`'${namespace}'`);
        const quoted = code.includes(`'${rest.join('.')}'`);
        const built = rest.length > 1 && code.includes(`\`${rest.slice(0, -1).join('.')}.\${`);
        return named && (quoted || built);
      });
    });
    expect(unused).toEqual([]);
  });
});
