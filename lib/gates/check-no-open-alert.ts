// No tracking alert is waiting for an officer: until one acknowledges it, the container waits.
import { cataloguedMessage } from '../i18n/catalogued-message';
import type { GateCheck } from './gate-check';

export const checkNoOpenAlert: GateCheck = async (_sql, s) => {
  if (!s.openAlerts.length) return { code: 'NO_OPEN_ALERT', passed: true, ...cataloguedMessage('gate.noOpenAlert') };
  return {
    code: 'OPEN_ALERT',
    passed: false,
    // The alerts' kinds and reasons are the tracking rules' own words (data), as the alert pages show them.
    ...cataloguedMessage('gate.openAlert', { count: s.openAlerts.length, alerts: s.openAlerts.map((a) => `${a.kind} (${a.reason})`).join('; ') }),
  };
};
