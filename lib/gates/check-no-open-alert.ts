// No tracking alert is waiting for an officer: until one acknowledges it, the container waits.
import type { GateCheck } from './gate-check';

export const checkNoOpenAlert: GateCheck = async (_sql, s) => {
  if (!s.openAlerts.length) return { code: 'NO_OPEN_ALERT', passed: true, message: 'No open alert.' };
  return {
    code: 'OPEN_ALERT',
    passed: false,
    message: `${s.openAlerts.length} open alert${s.openAlerts.length === 1 ? '' : 's'}: ${s.openAlerts.map((a) => `${a.kind} (${a.reason})`).join('; ')}.`,
  };
};
