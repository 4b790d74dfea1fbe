// Who may report seal events. An e-seal gateway is no party to the declarations whose containers it
// seals, so the declaration's visibility does not apply: any company's API token (or signed device)
// holding the events:write scope may report, and so may a signed-in customs officer. Everyone else
// (traders and brokers signed in, administrators) is refused.
import type { Actor } from '../auth/actor';
import { assertScope } from '../auth/policy';
import { AppError } from '../errors';

export function assertSealEventWriter(actor: Actor): void {
  assertScope(actor, 'events:write');
  if (actor.token === null && actor.role !== 'OFFICER') {
    throw new AppError('FORBIDDEN', 'Seal events are reported by e-seal gateways with an API token holding the scope "events:write", or by customs officers.', {
      requiredScope: 'events:write',
    });
  }
}
