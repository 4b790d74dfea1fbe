// Who did something, as the page names them: the user's email, or the system for automatic steps.
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';

export function whoOf(detail: DeclarationDetail): (userId: string | null) => string {
  return (uid) => (uid ? (detail.emails[uid] ?? 'unknown user') : 'Customs system');
}
