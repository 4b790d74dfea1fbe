// A small, safe XML writer for the messages Clearway produces: every text and attribute escaped, no
// entities, no DOCTYPE. Elements with no content are left out (null / undefined / empty children).
export type XmlChild = string | null | undefined | false;

export function escapeXml(value: string, inAttribute = false): string {
  return value.replace(inAttribute ? /[<>&"']/g : /[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** `<name attrs>children</name>`; a leaf when `content` is a string or number; null when empty. */
export function el(name: string, content: XmlChild[] | string | number | null | undefined, attrs: Record<string, string | null | undefined> = {}): string | null {
  if (content === null || content === undefined || content === '') return null;
  const attributes = Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v!, true)}"`)
    .join('');
  if (typeof content === 'string' || typeof content === 'number') return `<${name}${attributes}>${escapeXml(String(content))}</${name}>`;
  const inner = content.filter((c): c is string => typeof c === 'string' && c !== '').join('');
  return inner === '' ? null : `<${name}${attributes}>${inner}</${name}>`;
}
