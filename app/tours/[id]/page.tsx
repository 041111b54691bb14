// One flight: the published route, played full screen. Unknown or unpublished ids get the 404 page.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getPublishedRoute } from '@/app/_data/route-repository';
import { cloudReadinessOf } from '@/app/_data/cloud-readiness';
import { allowedNodeUrl, chosenRenderUrl } from '@/app/_data/render-node';
import { sitePosterUrl } from '@/app/_data/site-poster';
import { getRequestLocale } from '@/components/i18n/request-locale';
import { messagesFor } from '@/components/i18n/messages';
import { pickMessages } from '@/components/i18n/pick-messages';
import { FlightPlayer } from '@/components/player/FlightPlayer';
import { PLAYER_MESSAGE_KEYS } from '@/components/player/player-messages';
import { parseFlightStartOptions, type QueryValue } from '@/components/player/flight-start-options';
import { parseRenderPreference, publicRenderUrl } from '@/components/player/cloud/render-path';
import { LANDMARKS } from '@/scenes/world/landmarks';

// The route is read from the database per request: a republished route shows at once.
export const dynamic = 'force-dynamic';

interface TourPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, QueryValue>>;
}

export async function generateMetadata({ params, searchParams }: TourPageProps): Promise<Metadata> {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [published, locale] = await Promise.all([getPublishedRoute(id), getRequestLocale(query.lang)]);
  const messages = messagesFor(locale);
  if (!published) return { title: `${messages['notFound.title']} · ${messages['site.name']}` };
  const { route } = published;
  return {
    title: `${route.title[locale]} · ${messages['site.name']}`,
    description: route.description[locale],
  };
}

export default async function TourPage({ params, searchParams }: TourPageProps) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  // Read before anything streams, so an unknown id answers with a real 404 status.
  const published = await getPublishedRoute(id);
  if (!published) notFound();
  const { route, revision } = published;
  const [locale, readiness, chosenNodeUrl] = await Promise.all([
    getRequestLocale(query.lang),
    cloudReadinessOf([{ id: route.id, revision }]),
    // With several render nodes: the least-loaded one that has this revision's bake.
    chosenRenderUrl(route.id, revision),
  ]);
  const { startS, autoplay, tierOverride } = parseFlightStartOptions(query, route.durationS);
  // The browser, not this server, connects to the render server: name it as the browser reaches it.
  const requestHeaders = await headers();
  const configuredUrl = publicRenderUrl(
    process.env.YUNSHAN_PUBLIC_RENDER_URL,
    requestHeaders.get('host'),
    requestHeaders.get('x-forwarded-proto'),
  );
  const renderUrl = allowedNodeUrl(chosenNodeUrl, configuredUrl) ?? configuredUrl;
  const urlPreference = parseRenderPreference(query.render);
  // Under Auto the player holds the route's poster until play, drawn in the HTML itself (react-dom
  // preloads it from the head, so the browser fetches it beside the scripts): the first picture,
  // the page's largest, needs no script. A page told how to draw (?render=, ?tier=, ?autoplay) or
  // with no cloud starts the flight instead.
  const posterHeld = !autoplay && tierOverride === null && renderUrl !== null && (urlPreference ?? 'auto') === 'auto';
  const posterUrl = posterHeld ? sitePosterUrl(route.id) : null;
  return (
    <>
      <FlightPlayer
        key={`${route.id}@${revision}`}
        route={route}
        revision={revision}
        cloudReadiness={readiness.get(route.id) ?? null}
        locale={locale}
        // Only the player's strings: whatever the player receives is written into the HTML.
        messages={pickMessages(messagesFor(locale), PLAYER_MESSAGE_KEYS)}
        landmarkName={LANDMARKS[route.landmark].name[locale]}
        startS={startS}
        autoplay={autoplay}
        tierOverride={tierOverride}
        renderUrl={renderUrl}
        urlPreference={urlPreference}
        heldPosterUrl={posterUrl}
      />
    </>
  );
}
