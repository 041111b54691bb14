// One flight in the catalogue: poster, title, sight, duration, light and a short description.
import Link from 'next/link';
import type { Route } from '@/scenes/routes/route-schema';
import { LANDMARKS } from '@/scenes/world/landmarks';
import { formatClockTime } from '@/scenes/timeline/clock-time-format';
import type { Locale } from '../i18n/locale';
import type { CloudReadiness } from '@/server/bake/cloud-readiness';
import { formatMessage, type Messages } from '../i18n/messages';
import { ArrowIcon } from './ArrowIcon';
import { LookAroundBadge } from './LookAroundBadge';
import { lookAroundReady } from './look-around-readiness';
import { posterSrcSet } from './poster-widths';
import styles from './RouteCard.module.css';

// Posters are rendered at this size (by the bake and scripts/render-posters.ts); the card crops any other 16:9-ish size to fit.
import { POSTER_HEIGHT_PX, POSTER_WIDTH_PX } from '@/server/bake/bake-poster';

export interface RouteCardProps {
  route: Route;
  locale: Locale;
  messages: Messages;
  /** Whether the render server has baked this revision; absent or 'none' shows nothing. */
  cloud?: CloudReadiness;
  /** Narrower copies of the poster that exist, for phones; none sends the full-size poster to every screen. */
  posterCopies?: ReadonlyArray<{ url: string; widthPx: number }>;
  /** How wide the grid draws the poster (the img's sizes), so a phone picks a narrow copy. */
  posterSizes?: string;
}

function cloudLabel(cloud: CloudReadiness, messages: Messages): string | null {
  switch (cloud.state) {
    case 'ready':
      return messages['catalogue.cloud.ready'];
    case 'baking':
      return formatMessage(messages['catalogue.cloud.baking'], { percent: cloud.percent });
    case 'queued':
      return messages['catalogue.cloud.queued'];
    case 'failed':
      return messages['catalogue.cloud.failed'];
    case 'none':
      return null;
  }
}

export function RouteCard({ route, locale, messages, cloud, posterCopies = [], posterSizes }: RouteCardProps) {
  const title = route.title[locale];
  const landmarkName = LANDMARKS[route.landmark].name[locale];
  const duration = formatClockTime(route.durationS);
  const titleId = `route-${route.id}-title`;
  const descriptionId = `route-${route.id}-description`;
  const cloudText = cloud ? cloudLabel(cloud, messages) : null;
  // The card's description names the 360° mark too: a screen reader hears it with the title.
  const lookAroundId = lookAroundReady(cloud) ? `route-${route.id}-look-around` : null;
  const posterUrl = `/posters/${route.id}.jpg`;
  return (
    <Link
      href={`/tours/${route.id}`}
      prefetch={false}
      className={styles.card}
      data-testid="route-card"
      data-route-id={route.id}
      aria-labelledby={titleId}
      aria-describedby={lookAroundId ? `${descriptionId} ${lookAroundId}` : descriptionId}
      data-look-around={lookAroundId !== null}
    >
      <div className={styles.poster} data-time-of-day={route.timeOfDay}>
        {/* A plain <img>: posters are pre-rendered JPEGs, and a missing one falls back to the painted backdrop. */}
        <img
          src={posterUrl}
          srcSet={posterCopies.length > 0 ? posterSrcSet(posterUrl, POSTER_WIDTH_PX, posterCopies) : undefined}
          sizes={posterCopies.length > 0 ? posterSizes : undefined}
          width={POSTER_WIDTH_PX}
          height={POSTER_HEIGHT_PX}
          alt={formatMessage(messages['catalogue.posterAlt'], { title })}
          // Lazy, the first row's too: under the hero on a phone, they would otherwise be fetched with the
          // page's scripts over the same slow link; on a laptop a lazy poster near the fold still loads
          // right after the first layout (issue 15, Lighthouse mobile).
          loading="lazy"
          decoding="async"
          className={styles.posterImage}
        />
        {lookAroundId && <LookAroundBadge messages={messages} wording="catalogue" id={lookAroundId} className={styles.lookAround} />}
        <span className={styles.duration}>
          <span className="visually-hidden">{messages['catalogue.duration']} </span>
          {duration}
        </span>
      </div>
      <div className={styles.body}>
        <p className={styles.landmark}>
          <span className="visually-hidden">{messages['catalogue.landmark']}: </span>
          {landmarkName}
        </p>
        <h3 className={styles.title} id={titleId}>
          {title}
        </h3>
        <p className={styles.description} id={descriptionId}>
          {route.description[locale]}
        </p>
        <dl className={styles.meta}>
          <div>
            <dt>{messages['catalogue.duration']}</dt>
            <dd>{duration}</dd>
          </div>
          <div>
            <dt>{messages['catalogue.timeOfDay']}</dt>
            <dd>{messages[`timeOfDay.${route.timeOfDay}`]}</dd>
          </div>
          {cloud && cloudText && (
            <div data-testid="cloud-readiness" data-state={cloud.state}>
              <dt>{messages['catalogue.cloud']}</dt>
              <dd className={cloud.state === 'ready' ? styles.cloudReady : undefined}>{cloudText}</dd>
            </div>
          )}
        </dl>
        <span className={styles.cta} aria-hidden="true">
          {messages['catalogue.startFlight']}
          <ArrowIcon direction="right" />
        </span>
      </div>
    </Link>
  );
}
