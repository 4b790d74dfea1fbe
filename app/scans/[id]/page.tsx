import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { preload } from 'react-dom';

import { isOfficer } from '../../../lib/auth/policy';
import { isAppError } from '../../../lib/errors';
import { compareScans, type ScanComparison } from '../../../lib/scans/compare-scans';
import { getScan, type ScanView } from '../../../lib/scans/get-scan';
import { canReadScans } from '../../../lib/scans/scan-access';
import { applyScanWindow, isScanColourMap, SCAN_COLOUR_MAPS, type ScanWindow } from '../../../lib/scans/apply-scan-window';
import { parseScanWindow } from '../../../lib/scans/parse-scan-window';
import { SCAN_PRESET_NAMES, isScanPreset } from '../../../lib/scans/scan-presets';
import { When } from '../../_i18n/when';
import { LaneBadge, StatusBadge } from '../../declarations/_components/status';
import type { DeclarationStatus, RiskLane } from '../../declarations/_components/types';
import { one } from '../../declarations/_components/format';
import { getActor } from '../../session';
import { SCAN_LABELS, scanSubject } from '../labels';
import { ClaimScanButton, InspectionForm, RegionForm, VerdictForm } from '../scan-forms';
import { RegionDrawer } from './region-drawer';
import { levelSize, tilesAt, zoomLevels } from './tile-grid';
import { WindowControls } from './window-controls';

/** A colour map's ramp as a CSS gradient (dense material left), for the legend beside the controls. */
const RAMPS = Object.fromEntries(
  SCAN_COLOUR_MAPS.map((map) => {
    const steps = Uint8Array.from({ length: 9 }, (_, i) => Math.min(255, i * 32));
    const { channels, data } = applyScanWindow(steps, 8, null, map);
    const colours = Array.from(steps, (_, i) => (channels === 1 ? `rgb(${data[i]},${data[i]},${data[i]})` : `rgb(${data[i * 3]},${data[i * 3 + 1]},${data[i * 3 + 2]})`));
    return [map, `linear-gradient(to right, ${colours.join(', ')})`];
  }),
) as Record<(typeof SCAN_COLOUR_MAPS)[number], string>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('scans.viewer'))('metaTitle') };
}
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const VERDICT_BADGE = { AWAITING_ANALYSIS: 'badge-info', CLEAR: 'badge-ok', SUSPECT: 'badge-bad', INCONCLUSIVE: 'badge-warn' } as const;

/** The regions drawn over the image: the scanner's ATR and the analyst's (the comparison's changes are a layer of their own, streamed). */
function Overlay({ image, annotations }: { image: ScanView['images'][number]; annotations: ScanView['annotations'] }) {
  return (
    <svg className="scan-overlay" viewBox={`0 0 ${image.width} ${image.height}`} preserveAspectRatio="none" aria-hidden="true" data-testid="scan-overlay">
      {annotations
        .filter((a) => a.imageId === image.id)
        .map((a) => (
          <rect key={a.id} className={`region-${a.source.toLowerCase()}`} x={a.x} y={a.y} width={a.width} height={a.height} vectorEffect="non-scaling-stroke" data-source={a.source} data-label={a.label} />
        ))}
    </svg>
  );
}

/**
 * The comparison with the container's other scan, when there is one, or null. Started at once and not
 * awaited by the page: it reads and aligns two whole images, so the parts that show it (the changed
 * regions' layer, its legend, its section) wait for it inside Suspense boundaries while the image and its
 * first tiles are already on their way to the browser.
 */
function startComparison(actor: Awaited<ReturnType<typeof getActor>>, scan: ScanView): Promise<ScanComparison | null> {
  if (!scan.containerNumber) return Promise.resolve(null);
  return compareScans({ actor, scanId: scan.id }).catch((error: unknown) => {
    // NOT_FOUND / CONFLICT: no earlier scan to compare with.
    if (isAppError(error) && ['NOT_FOUND', 'CONFLICT'].includes(error.code)) return null;
    throw error;
  });
}

/** The changed regions this image shows: only the arrival scan's first image is compared. */
const changedRegions = (comparison: ScanComparison | null, scanId: string, image: ScanView['images'][number]): ScanComparison['regions'] =>
  comparison && comparison.arrivalScanId === scanId && image.sequence === 1 ? comparison.regions : [];

/** The comparison's changed regions over the image, a second layer over the first. */
async function ComparisonOverlay({ comparison, scanId, image }: { comparison: Promise<ScanComparison | null>; scanId: string; image: ScanView['images'][number] }) {
  const regions = changedRegions(await comparison, scanId, image);
  if (regions.length === 0) return null;
  return (
    <svg className="scan-overlay" viewBox={`0 0 ${image.width} ${image.height}`} preserveAspectRatio="none" aria-hidden="true" data-testid="scan-comparison-overlay">
      {regions.map((r, i) => (
        <rect key={`c${i}`} className="region-comparison" x={r.x} y={r.y} width={r.width} height={r.height} vectorEffect="non-scaling-stroke" />
      ))}
    </svg>
  );
}

async function ComparisonLegend({ comparison, scanId, image, label }: { comparison: Promise<ScanComparison | null>; scanId: string; image: ScanView['images'][number]; label: string }) {
  return changedRegions(await comparison, scanId, image).length > 0 ? <span className="legend legend-comparison">{label}</span> : null;
}

async function ComparisonSection({ comparison: pending, scanId }: { comparison: Promise<ScanComparison | null>; scanId: string }) {
  const [comparison, t] = await Promise.all([pending, getTranslations('scans.viewer')]);
  if (!comparison) return null;
  return (
    <section aria-labelledby="comparison-heading" data-testid="scan-comparison">
      <h2 id="comparison-heading">{t('comparisonHeading')}</h2>
      <p>
        {comparison.arrivalScanId === scanId ? t('comparisonWithDeparture') : t('comparisonWithArrival')}{' '}
        <Link href={`/scans/${comparison.arrivalScanId === scanId ? comparison.departureScanId : comparison.arrivalScanId}`}>{t('otherScan')}</Link>.{' '}
        {t('comparisonFacts', { x: comparison.shift.x, y: comparison.shift.y, correlation: comparison.correlation.toFixed(3) })}
      </p>
      {comparison.regions.length === 0 ? (
        <p>{t('comparisonNone')}</p>
      ) : (
        <>
          <p>{t('comparisonFound', { count: comparison.regions.length })}</p>
          <ul data-testid="comparison-regions">
            {comparison.regions.map((r, i) => (
              <li key={i}>{t('comparisonRegion', { x: r.x, y: r.y, width: r.width, height: r.height, difference: r.meanDifference.toFixed(2) })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Tiles laid out within this box (CSS pixels from the image's top left) load at once; the rest when scrolled near (the scroll box is at most 70vh high). */
const EAGER_BOX = { width: 1600, height: 1000 };

export default async function ScanPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id }, query, actor, t, tl] = await Promise.all([params, searchParams, getActor(), getTranslations('scans.viewer'), getTranslations('scans.queue')]);
  if (!canReadScans(actor)) {
    return (
      <>
        <h1>{t('metaTitle')}</h1>
        <p role="alert">{tl('forbidden')}</p>
      </>
    );
  }
  let scan: ScanView;
  try {
    scan = await getScan({ actor, id });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  // The departure scan of the same container, when there is one: streamed (see startComparison).
  const comparison = startComparison(actor, scan);

  const analyst = actor.role === 'IMAGE_ANALYST';
  const mine = !!scan.claim && scan.claim.analystId === actor.userId;
  const awaiting = scan.status === 'AWAITING_ANALYSIS';
  const image = scan.images.find((i) => String(i.sequence) === one(query.image)) ?? scan.images[0]!;
  const presetParam = one(query.preset) ?? 'standard';
  const preset = isScanPreset(presetParam) ? presetParam : 'standard';
  const tiled = image.tileSize !== null && image.tiles.length > 0;
  const geometry = { width: image.width, height: image.height, tileSize: image.tileSize ?? 254, overlap: image.tileOverlap ?? 1 };
  const { levels, fitLevel } = zoomLevels(geometry);
  const levelParam = Number(one(query.zoom));
  const level = levels.includes(levelParam) ? levelParam : fitLevel;
  const size = levelSize(geometry, level);
  // The free window (?wc=&ww=, sample values) and the colour map (?map=); a window that does not fit
  // the image falls back to the preset, saying why.
  const mapParam = one(query.map) ?? 'grey';
  const map = isScanColourMap(mapParam) ? mapParam : 'grey';
  let freeWindow: ScanWindow | null = null;
  let windowProblem: string | null = null;
  if (image.freeWindow && (one(query.wc) || one(query.ww))) {
    try {
      freeWindow = parseScanWindow(one(query.wc), one(query.ww), image.bits === 16 ? 16 : 8);
    } catch (error) {
      if (!isAppError(error)) throw error;
      windowProblem = t('window.invalid', { max: image.bits === 16 ? 65535 : 255 });
    }
  }
  const at = (over: { image?: number; preset?: string; zoom?: number; keepWindow?: boolean }) => {
    const q = new URLSearchParams({ image: String(over.image ?? image.sequence), preset: over.preset ?? preset, zoom: String(over.zoom ?? level) });
    if (freeWindow && over.keepWindow) {
      q.set('wc', String(freeWindow.centre));
      q.set('ww', String(freeWindow.width));
    }
    if (map !== 'grey') q.set('map', map);
    return `/scans/${scan.id}?${q.toString()}#viewer`;
  };
  const index = levels.indexOf(level);
  const base = `/api/scans/images/${image.id}/${freeWindow ? 'window' : preset}_files`;
  const tileQuery = new URLSearchParams(freeWindow ? { wc: String(freeWindow.centre), ww: String(freeWindow.width) } : {});
  if (map !== 'grey') tileQuery.set('map', map);
  const tileSuffix = tileQuery.size ? `?${tileQuery.toString()}` : '';
  const tiles = tiled ? tilesAt(geometry, level) : [];
  const tileUrl = (tile: (typeof tiles)[number]) => `${base}/${tile.level}/${tile.col}_${tile.row}.jpeg${tileSuffix}`;
  // The first tile's address goes into the document's head (<link rel="preload">, React hoists it), so
  // the browser asks for it before it has parsed the page or loaded its style sheet.
  if (tiles[0]) preload(tileUrl(tiles[0]), { as: 'image', fetchPriority: 'high' });

  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted">
            <Link href="/scans">{t('backToQueue')}</Link>
          </p>
          <h1>{t('title', { subject: scanSubject(scan) })}</h1>
          <p className="lead">
            <span className={`badge ${VERDICT_BADGE[scan.status]}`} data-testid="scan-status" data-status={scan.status}>
              {t(`status.${scan.status}`)}
            </span>{' '}
            {t('scannedAt')} <When date={scan.scannedAt} /> · <code>{scan.station.code}</code> {scan.station.name} ({scan.station.country})
          </p>
        </div>
      </div>

      <dl className="facts">
        <div>
          <dt>{t('scanner')}</dt>
          <dd>
            {scan.scannerType}
            {scan.energyKeV ? ` · ${t('energy', { kev: scan.energyKeV })}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('operator')}</dt>
          <dd>{scan.operator ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('received')}</dt>
          <dd>
            <When date={scan.receivedAt} />
          </dd>
        </div>
        <div>
          <dt>{t('claim')}</dt>
          <dd data-testid="scan-claim">
            {scan.claim ? (
              <>
                {mine ? t('claimMine') : t('claimOther', { name: scan.claim.analystName })} <span className="muted">{t('claimUntil')}</span> <When date={scan.claim.expiresAt} />
              </>
            ) : awaiting ? (
              t('claimNobody')
            ) : (
              '—'
            )}{' '}
            {analyst && awaiting && !mine && <ClaimScanButton id={scan.id} label={scan.claim ? t('takeOverLabel') : t('claimLabel')} taking={!!scan.claim} />}
          </dd>
        </div>
      </dl>

      {scan.verdict && (
        <section aria-labelledby="verdict-heading" className="notice" data-testid="scan-verdict">
          <h2 id="verdict-heading">{t('verdictHeading', { verdict: scan.verdict.verdict })}</h2>
          <p>
            {t('decidedBy', { name: scan.verdict.analystName })} <When date={scan.verdict.decidedAt} />
            {scan.verdict.note ? ` — ${scan.verdict.note}` : ''}
          </p>
          {scan.verdict.verdict === 'SUSPECT' && (
            <>
              <p data-testid="sent-to-inspection">
                {scan.declaration ? (
                  <>
                    {t('sentToInspection')} <Link href={`/declarations/${scan.declaration.id}`}>{scan.declaration.lrn}</Link>: <StatusBadge status={scan.declaration.status as DeclarationStatus} />{' '}
                    <LaneBadge lane={scan.declaration.lane as RiskLane | null} />
                  </>
                ) : (
                  t('sentToInspectionNoDeclaration')
                )}
              </p>
              {scan.verdict.inspectedAt ? (
                <p data-testid="inspection-recorded">
                  {t('inspectedAt')} <When date={scan.verdict.inspectedAt} />
                  {scan.verdict.inspectionNote ? ` — ${scan.verdict.inspectionNote}` : ''}
                </p>
              ) : isOfficer(actor) ? (
                <>
                  <h3>{t('recordInspectionHeading')}</h3>
                  <p>{t('recordInspectionLead')}</p>
                  <InspectionForm scanId={scan.id} />
                </>
              ) : (
                <p>{t('inspectionPending')}</p>
              )}
            </>
          )}
          {scan.verdict.verdict === 'INCONCLUSIVE' && <p>{t('rescanRequested')}</p>}
          <p className="muted">
            {t('anchored')} <code className="hash">{scan.verdict.ledgerLeafHash}</code>
          </p>
        </section>
      )}

      <div className="scan-workspace">
        <section aria-labelledby="viewer-heading" id="viewer" className="scan-viewer">
          <h2 id="viewer-heading">{t('imageHeading', { sequence: image.sequence, view: image.view })}</h2>
          <p className="muted">{t('imageFacts', { width: image.width, height: image.height, bits: image.bits, format: image.format })}</p>
          {scan.images.length > 1 && (
            <nav aria-label={t('images')} className="chips">
              <ul>
                {scan.images.map((i) => (
                  <li key={i.id}>
                    <Link className="chip" href={at({ image: i.sequence })} data-keeps-window="map" aria-current={i.id === image.id ? 'page' : undefined}>
                      {t('imageChip', { sequence: i.sequence, view: i.view })}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {!tiled ? (
            <div className="notice notice-warn" data-testid="tiles-pending">
              <p>{scan.processing === 'FAILED' ? t('tilesFailed') : t('tilesPending')}</p>
              {/* eslint-disable-next-line @next/next/no-img-element -- our own API's thumbnail, behind the session. */}
              {image.thumbnailUrl && <img src={image.thumbnailUrl} alt={t('thumbnailAlt', { subject: scanSubject(scan) })} width={320} />}
            </div>
          ) : (
            <>
              <div className="viewer-controls">
                <nav aria-label={t('presets')} className="chips">
                  <ul>
                    {SCAN_PRESET_NAMES.map((p) => (
                      <li key={p}>
                        <Link className="chip" href={at({ preset: p })} data-keeps-window="map" aria-current={p === preset && !freeWindow ? 'page' : undefined}>
                          {t(`preset.${p}`)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
                <nav aria-label={t('zoom')} className="chips">
                  <ul>
                    <li>{index > 0 ? <Link className="chip" href={at({ zoom: levels[index - 1], keepWindow: true })} data-keeps-window="all">{t('zoomOut')}</Link> : <span className="chip chip-disabled">{t('zoomOut')}</span>}</li>
                    <li>
                      <span className="chip" data-testid="zoom-level">
                        {t('zoomLevel', { percent: Math.round(size.scale * 100) })}
                      </span>
                    </li>
                    <li>{index < levels.length - 1 ? <Link className="chip" href={at({ zoom: levels[index + 1], keepWindow: true })} data-keeps-window="all">{t('zoomIn')}</Link> : <span className="chip chip-disabled">{t('zoomIn')}</span>}</li>
                  </ul>
                </nav>
              </div>
              {windowProblem && (
                <p role="alert" className="field-error" data-testid="window-problem">
                  {windowProblem}
                </p>
              )}
              <WindowControls
                key={`${image.id}-${preset}-${freeWindow?.centre}-${freeWindow?.width}-${map}`}
                scanId={scan.id}
                imageId={image.id}
                imageSequence={image.sequence}
                zoom={level}
                preset={preset}
                presetName={t(`preset.${preset}`)}
                bits={image.bits}
                freeWindow={image.freeWindow}
                initial={{ window: freeWindow, map }}
                maps={SCAN_COLOUR_MAPS.map((m) => ({ value: m, label: t(`window.maps.${m}`), ramp: RAMPS[m] }))}
              />
              <div className="scan-scroll" tabIndex={0} role="region" aria-label={t('panLabel')} data-testid="scan-viewport">
                <RegionDrawer imageId={image.id} imageWidth={image.width} imageHeight={image.height} scale={size.width / image.width} enabled={analyst && mine && awaiting}>
                  {tiles.map((tile, i) => (
                    // eslint-disable-next-line @next/next/no-img-element -- tiles are our own API's JPEGs, laid out by hand.
                    <img
                      key={`${tile.col}_${tile.row}`}
                      className="scan-tile"
                      src={tileUrl(tile)}
                      data-tile={`${tile.level}/${tile.col}_${tile.row}`}
                      alt=""
                      width={tile.width}
                      height={tile.height}
                      draggable={false}
                      // Lazy images wait for layout (the style sheet): only those out of the first view do.
                      loading={tile.left < EAGER_BOX.width && tile.top < EAGER_BOX.height ? 'eager' : 'lazy'}
                      fetchPriority={i === 0 ? 'high' : undefined}
                      style={{ left: tile.left, top: tile.top, width: tile.width, height: tile.height }}
                    />
                  ))}
                  <Overlay image={image} annotations={scan.annotations} />
                  <Suspense fallback={null}>
                    <ComparisonOverlay comparison={comparison} scanId={scan.id} image={image} />
                  </Suspense>
                </RegionDrawer>
              </div>
              <p className="hint">
                <span className="legend legend-scanner">{t('legendScanner')}</span> <span className="legend legend-analyst">{t('legendAnalyst')}</span>{' '}
                <Suspense fallback={null}>
                  <ComparisonLegend comparison={comparison} scanId={scan.id} image={image} label={t('legendComparison')} />
                </Suspense>{' '}
                {analyst && mine && awaiting ? t('drawHint') : ''}
              </p>
            </>
          )}
        </section>

        <section aria-labelledby="goods-heading" className="scan-goods">
          <h2 id="goods-heading">{t('goodsHeading')}</h2>
          {scan.declaration ? (
            <p>
              <Link href={`/declarations/${scan.declaration.id}`}>{scan.declaration.lrn}</Link> {scan.declaration.mrn ? <code>{scan.declaration.mrn}</code> : null}{' '}
              <StatusBadge status={scan.declaration.status as DeclarationStatus} /> <LaneBadge lane={scan.declaration.lane as RiskLane | null} />
            </p>
          ) : (
            <p>{t('noDeclaration')}</p>
          )}
          {scan.goods.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="goods-heading">
              <table data-testid="scan-goods">
                <thead>
                  <tr>
                    <th scope="col">{t('item')}</th>
                    <th scope="col">{t('description')}</th>
                    <th scope="col">{t('packages')}</th>
                    <th scope="col">{t('grossKg')}</th>
                    <th scope="col">{t('netKg')}</th>
                  </tr>
                </thead>
                <tbody>
                  {scan.goods.map((g) => (
                    <tr key={g.sequence}>
                      <td>{g.sequence}</td>
                      <td>
                        {g.description}
                        <br />
                        <code>{g.commodityCode}</code>
                      </td>
                      <td>
                        {g.packageCount} {g.packageKind}
                      </td>
                      <td>{g.grossMassKg}</td>
                      <td>{g.netMassKg}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>

      <section aria-labelledby="regions-heading">
        <h2 id="regions-heading">{t('regionsHeading')}</h2>
        {scan.annotations.length === 0 ? (
          <p>{t('noRegions')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="regions-heading">
            <table data-testid="scan-regions">
              <thead>
                <tr>
                  <th scope="col">{t('sourceColumn')}</th>
                  <th scope="col">{t('labelColumn')}</th>
                  <th scope="col">{t('imageColumn')}</th>
                  <th scope="col">{t('boxColumn')}</th>
                  <th scope="col">{t('noteColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {scan.annotations.map((a) => (
                  <tr key={a.id} data-source={a.source} data-label={a.label}>
                    <td>{t(`source.${a.source}`)}</td>
                    <td>
                      {tl(`label.${a.label}`)}
                      {a.confidence !== null ? ` (${Math.round(a.confidence * 100)} %)` : ''}
                    </td>
                    <td>{scan.images.find((i) => i.id === a.imageId)?.sequence ?? '—'}</td>
                    <td>{t('boxValue', { x: a.x, y: a.y, width: a.width, height: a.height })}</td>
                    <td>
                      {a.note ?? ''}
                      {a.createdByName ? <span className="muted"> — {a.createdByName}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <Suspense fallback={null}>
        <ComparisonSection comparison={comparison} scanId={scan.id} />
      </Suspense>

      {analyst && mine && awaiting && (
        <div className="two-columns">
          <section aria-labelledby="mark-heading">
            <h2 id="mark-heading">{t('markHeading')}</h2>
            <RegionForm
              scanId={scan.id}
              images={scan.images.map((i) => ({ id: i.id, name: t('imageChip', { sequence: i.sequence, view: i.view }) }))}
              labels={SCAN_LABELS.map((l) => ({ value: l, label: tl(`label.${l}`) }))}
            />
          </section>
          <section aria-labelledby="decide-heading">
            <h2 id="decide-heading">{t('decideHeading')}</h2>
            <VerdictForm scanId={scan.id} />
          </section>
        </div>
      )}
      {analyst && awaiting && !mine && <p className="notice">{t('claimToWork')}</p>}
    </>
  );
}
