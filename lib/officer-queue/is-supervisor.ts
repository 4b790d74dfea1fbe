// Who supervises the queue: platform administrators (role ADMIN). They already manage the officers'
// accounts; a separate supervisor flag would be a second place to grant the same trust.
import type { Actor } from '../auth/actor';
import { isPlatformAdmin } from '../auth/policy';

export function isSupervisor(actor: Actor): boolean {
  return isPlatformAdmin(actor) && !actor.token;
}
