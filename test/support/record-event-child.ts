// Another Clearway process for the subscription test: records one business event for the declaration
// given as argument, in its own transaction, and exits.
import { sqlTransaction } from '../../lib/database/sql';
import { disconnectDb } from '../../lib/db';
import { recordBusinessEvent } from '../../lib/notifications/record-business-event';

const declarationId = process.argv[2]!;
await sqlTransaction((sql) => recordBusinessEvent(sql, { type: 'declaration.amended', declarationId, payload: { declarationId, from: 'another process' } }));
await disconnectDb();
process.exit(0);
