// An interchange around messages: UNA, UNB … UNZ, with the counts and references filled in.
import { DEFAULT_SEPARATORS, writeSegments, type SyntaxLevel } from './edifact-syntax';

type Seg = (string | (string | null | undefined)[] | null | undefined)[];

export function writeEdifactInterchange(messages: Seg[][], options: { sender: string; recipient: string; controlReference: string; syntax?: SyntaxLevel; at?: Date }): string {
  const at = options.at ?? new Date();
  const iso = at.toISOString();
  const date = iso.slice(2, 10).replace(/-/g, '');
  const time = iso.slice(11, 16).replace(':', '');
  const syntax = options.syntax ?? 'UNOC';
  const sep = DEFAULT_SEPARATORS;
  const una = `UNA${sep.component}${sep.element}${sep.decimal}${sep.release} ${sep.segment}`;
  const segments: Seg[] = [['UNB', [syntax, '3'], options.sender, options.recipient, [date, time], options.controlReference], ...messages.flat(), ['UNZ', String(messages.length), options.controlReference]];
  return `${una}\n${writeSegments(segments)}\n`;
}
