import type { Metadata } from 'next';

import { isOfficial } from '../../lib/auth/policy';
import { isAppError } from '../../lib/errors';
import { getGateTraffic } from '../../lib/gates/get-gate-traffic';
import { getGateTrafficStamp } from '../../lib/gates/get-gate-traffic-stamp';
import type { GateEventView } from '../../lib/gates/gate-event-view';
import { formatDateTime } from '../declarations/_components/format';
import { getActor } from '../session';
import { LiveRefresh } from '../tracking/_components/live-refresh';
import { gateTrafficStampAction } from './actions';
import { reasonLabel } from './reason-label';
import { TRAFFIC_WINDOW_HOURS, trafficWindowStart } from './traffic-window';

export const metadata: Metadata = { title: 'Gate traffic' };
export const dynamic = 'force-dynamic';

function formatWait(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** The decision in words and a symbol: colour is never the only sign. */
function Verdict({ decision }: { decision: GateEventView['decision'] }) {
  const open = decision === 'OPEN';
  return (
    <span className={`badge ${open ? 'badge-ok' : 'badge-bad'} seal-badge`} data-testid="gate-verdict" data-decision={decision}>
      <span className="seal-badge-symbol" aria-hidden="true">
        {open ? '✓' : '✕'}
      </span>
      {open ? 'Open' : 'Hold'}
    </span>
  );
}

/** Terminal operators (their company's gates) and customs (every gate): live gate traffic. */
export default async function TerminalPage() {
  const actor = await getActor();
  const since = trafficWindowStart();
  let traffic: Awaited<ReturnType<typeof getGateTraffic>>;
  let stamp: string;
  try {
    [traffic, stamp] = await Promise.all([getGateTraffic({ actor, since, recent: 30 }), getGateTrafficStamp(actor, since)]);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'FORBIDDEN') throw error;
    return (
      <>
        <h1>Gate traffic</h1>
        <p role="alert">Gate traffic is for terminal operators and customs. Your account has neither role.</p>
      </>
    );
  }
  const renderedAt = new Date().toISOString();

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Gate traffic</h1>
          <p className="lead">
            {isOfficial(actor) ? 'Every terminal gate' : 'Your terminal’s gates'}: what the readers asked in the last {TRAFFIC_WINDOW_HOURS} hours, why containers were held, and how long
            they waited from the first read at the gate to the gate opening.
          </p>
        </div>
        <LiveRefresh renderedAt={renderedAt} stamp={stamp} poll={gateTrafficStampAction} />
      </div>

      <section aria-labelledby="per-gate">
        <h2 id="per-gate">Per gate</h2>
        {traffic.gates.length === 0 ? (
          <p>No gate is registered for you yet. Platform administrators register gates.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="per-gate">
            <table data-testid="gate-summary">
              <caption className="visually-hidden">Decisions per gate since {formatDateTime(traffic.since)}</caption>
              <thead>
                <tr>
                  <th scope="col">Gate</th>
                  <th scope="col">Direction</th>
                  <th scope="col">Opened</th>
                  <th scope="col">Held</th>
                  <th scope="col">Median wait</th>
                  <th scope="col">Why held</th>
                </tr>
              </thead>
              <tbody>
                {traffic.gates.map((g) => (
                  <tr key={g.gate.id} data-gate={g.gate.code}>
                    <th scope="row">
                      {g.gate.name}
                      <br />
                      <code>{g.gate.code}</code> · {g.gate.locode}
                    </th>
                    <td>{g.gate.direction === 'IN' ? 'In (arriving)' : 'Out (departing)'}</td>
                    <td data-testid="open-count">{g.openCount}</td>
                    <td data-testid="hold-count">{g.holdCount}</td>
                    <td>{formatWait(g.medianWaitSeconds)}</td>
                    <td>
                      {g.holdReasons.length === 0 ? (
                        <span className="muted">None</span>
                      ) : (
                        <ul className="plain-list tight">
                          {g.holdReasons.map((r) => (
                            <li key={r.code}>
                              {reasonLabel(r.code)}: {r.count}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="latest">
        <h2 id="latest">Latest decisions</h2>
        {traffic.recent.length === 0 ? (
          <p>No decision in the last {TRAFFIC_WINDOW_HOURS} hours.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="latest">
            <table data-testid="gate-decisions">
              <caption className="visually-hidden">Latest gate decisions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Gate</th>
                  <th scope="col">Container</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Reasons</th>
                </tr>
              </thead>
              <tbody>
                {traffic.recent.map((e) => {
                  const failed = e.reasons.filter((r) => !r.passed);
                  return (
                    <tr key={e.id} data-container={e.containerNumber} data-decision={e.decision}>
                      <td>
                        <time dateTime={e.decidedAt.toISOString()}>{formatDateTime(e.decidedAt)}</time>
                      </td>
                      <td>
                        <code>{e.gate.code}</code>
                      </td>
                      <td>
                        <code>{e.containerNumber}</code>
                      </td>
                      <td>
                        <Verdict decision={e.decision} />
                        {e.decision === 'OPEN' && e.waitSeconds !== null && e.waitSeconds > 0 && <span className="muted"> after {formatWait(e.waitSeconds)}</span>}
                      </td>
                      <td>
                        {failed.length === 0 ? (
                          'Every check passed.'
                        ) : (
                          <ul className="plain-list tight" data-testid="hold-reasons">
                            {failed.map((r) => (
                              <li key={r.code}>
                                <strong>{reasonLabel(r.code)}</strong> <code>{r.code}</code>: {r.message}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
