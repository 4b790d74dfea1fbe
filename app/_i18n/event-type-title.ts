// An event type's title as people read it (inbox, preferences, webhooks): the one label set the e-mails use
// (`email.event.<type>`, dots as underscores), else the English title the type registered in
// lib/notifications/event-types.ts (a type another capability added before its catalogue entry).
import { EVENT_TYPES } from '../../lib/notifications/event-types';

type Translator = { (key: string): string; has(key: string): boolean };

export function eventTypeTitle(email: Translator, type: string): string {
  const key = `event.${type.replace(/\./g, '_')}`;
  if (email.has(key)) return email(key);
  return Object.hasOwn(EVENT_TYPES, type) ? EVENT_TYPES[type as keyof typeof EVENT_TYPES].title : type;
}
