// Who did something, as the page names them: the user's email, or the system for automatic steps
// (`say` words those two in the reader's language: declarationPage.who).
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';

const ENGLISH = { unknownUser: 'unknown user', system: 'Customs system' } as const;

export function whoOf(detail: DeclarationDetail, say: (key: 'unknownUser' | 'system') => string = (key) => ENGLISH[key]): (userId: string | null) => string {
  return (uid) => (uid ? (detail.emails[uid] ?? say('unknownUser')) : say('system'));
}
