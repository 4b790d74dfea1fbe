import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';

import { isOfficial } from '../../lib/auth/policy';
import { isAppError } from '../../lib/errors';
import { getGateTraffic } from '../../lib/gates/get-gate-traffic';
import { getGateTrafficStamp } from '../../lib/gates/get-gate-traffic-stamp';
import type { GateEventView } from '../../lib/gates/gate-event-view';
import { isLocale } from '../../lib/i18n/locales';
import { translateError } from '../../lib/i18n/translate-error';
import { When } from '../_i18n/when';
import { getActor } from '../session';
import { LiveRefresh } from '../tracking/_components/live-refresh';
import { gateTrafficStampAction } from './actions';
import { reasonLabel } from './reason-label';
import { TRAFFIC_WINDOW_HOURS, trafficWindowStart } from './traffic-window';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('terminal'))('title') };
}
export const dynamic = 'force-dynamic';

type Words = Awaited<ReturnType<typeof getTranslations>>;
type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** A wait in seconds, minutes or hours, whichever reads best, in the reader's numbers. */
function formatWait(seconds: number | null, d: Words, format: Formatter): string {
  if (seconds === null) return '—';
  if (seconds < 90) return d('seconds', { value: format.number(Math.round(seconds)) });
  if (seconds < 5400) return d('minutes', { value: format.number(Math.round(seconds / 60)) });
  return d('hours', { value: format.number(seconds / 3600, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
}

/** The decision in words and a symbol: colour is never the only sign. */
function Verdict({ decision, t }: { decision: GateEventView['decision']; t: Words }) {
  const open = decision === 'OPEN';
  return (
    <span className={`badge ${open ? 'badge-ok' : 'badge-bad'} seal-badge`} data-testid="gate-verdict" data-decision={decision}>
      <span className="seal-badge-symbol" aria-hidden="true">
        {open ? '✓' : '✕'}
      </span>
      {open ? t('open') : t('hold')}
    </span>
  );
}

/** Terminal operators (their company's gates) and customs (every gate): live gate traffic. */
export default async function TerminalPage() {
  const [actor, t, d, format, pageLocale] = await Promise.all([getActor(), getTranslations('terminal'), getTranslations('duration'), getFormatter(), getLocale()]);
  // Each check's sentence in the page's language (a decision stored before the catalogue stays English).
  const locale = isLocale(pageLocale) ? pageLocale : 'en';
  const since = trafficWindowStart();
  let traffic: Awaited<ReturnType<typeof getGateTraffic>>;
  let stamp: string;
  try {
    [traffic, stamp] = await Promise.all([getGateTraffic({ actor, since, recent: 30 }), getGateTrafficStamp(actor, since)]);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'FORBIDDEN') throw error;
    return (
      <>
        <h1>{t('title')}</h1>
        <p role="alert">{t('forbidden')}</p>
      </>
    );
  }
  const renderedAt = new Date().toISOString();

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="lead">{t(isOfficial(actor) ? 'leadEvery' : 'leadOwn', { hours: TRAFFIC_WINDOW_HOURS })}</p>
        </div>
        <LiveRefresh renderedAt={renderedAt} stamp={stamp} poll={gateTrafficStampAction} />
      </div>

      <section aria-labelledby="per-gate">
        <h2 id="per-gate">{t('perGate')}</h2>
        {traffic.gates.length === 0 ? (
          <p>{t('noGates')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="per-gate">
            <table data-testid="gate-summary">
              <caption className="visually-hidden">{t.rich('perGateCaption', { since: () => <When date={traffic.since} /> })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gate')}</th>
                  <th scope="col">{t('direction')}</th>
                  <th scope="col">{t('opened')}</th>
                  <th scope="col">{t('held')}</th>
                  <th scope="col">{t('medianWait')}</th>
                  <th scope="col">{t('whyHeld')}</th>
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
                    <td>{g.gate.direction === 'IN' ? t('directionIn') : t('directionOut')}</td>
                    <td data-testid="open-count">{g.openCount}</td>
                    <td data-testid="hold-count">{g.holdCount}</td>
                    <td>{formatWait(g.medianWaitSeconds, d, format)}</td>
                    <td>
                      {g.holdReasons.length === 0 ? (
                        <span className="muted">{t('none')}</span>
                      ) : (
                        <ul className="plain-list tight">
                          {g.holdReasons.map((r) => (
                            <li key={r.code}>
                              {t('reasonCount', { reason: reasonLabel(t, r.code), count: r.count })}
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
        <h2 id="latest">{t('latest')}</h2>
        {traffic.recent.length === 0 ? (
          <p>{t('noDecisions', { hours: TRAFFIC_WINDOW_HOURS })}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="latest">
            <table data-testid="gate-decisions">
              <caption className="visually-hidden">{t('latestCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('time')}</th>
                  <th scope="col">{t('gate')}</th>
                  <th scope="col">{t('container')}</th>
                  <th scope="col">{t('decision')}</th>
                  <th scope="col">{t('reasons')}</th>
                </tr>
              </thead>
              <tbody>
                {traffic.recent.map((e) => {
                  const failed = e.reasons.filter((r) => !r.passed);
                  return (
                    <tr key={e.id} data-container={e.containerNumber} data-decision={e.decision}>
                      <td>
                        <When date={e.decidedAt} />
                      </td>
                      <td>
                        <code>{e.gate.code}</code>
                      </td>
                      <td>
                        <code>{e.containerNumber}</code>
                      </td>
                      <td>
                        <Verdict decision={e.decision} t={t} />
                        {e.decision === 'OPEN' && e.waitSeconds !== null && e.waitSeconds > 0 && <span className="muted"> {t('after', { wait: formatWait(e.waitSeconds, d, format) })}</span>}
                      </td>
                      <td>
                        {failed.length === 0 ? (
                          t('allPassed')
                        ) : (
                          <ul className="plain-list tight" data-testid="hold-reasons">
                            {failed.map((r) => (
                              <li key={r.code}>
                                <strong>{reasonLabel(t, r.code)}</strong> <code>{r.code}</code>: {translateError(locale, r)}
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
