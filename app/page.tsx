// The catalogue: every published flight, newest curation first, in the visitor's language.
import type { Metadata } from 'next';
import { listPublishedRoutes } from './_data/route-repository';
import { cloudReadinessOf } from './_data/cloud-readiness';
import { sitePosterCopies } from './_data/site-poster';
import { getRequestLocale } from '../components/i18n/request-locale';
import { formatCount, messagesFor } from '../components/i18n/messages';
import { SiteHeader } from '../components/site/SiteHeader';
import { CatalogueHero } from '../components/catalogue/CatalogueHero';
import { RouteCard } from '../components/catalogue/RouteCard';
import { posterSizes } from '../components/catalogue/poster-widths';
import styles from './page.module.css';

// Routes are read from the database at request time: staff publish without a rebuild.
export const dynamic = 'force-dynamic';

interface CataloguePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: CataloguePageProps): Promise<Metadata> {
  const messages = messagesFor(await getRequestLocale((await searchParams).lang));
  return { title: messages['meta.title'], description: messages['meta.description'] };
}

export default async function CataloguePage({ searchParams }: CataloguePageProps) {
  const locale = await getRequestLocale((await searchParams).lang);
  const messages = messagesFor(locale);
  const published = await listPublishedRoutes();
  const cloud = await cloudReadinessOf(published.map(({ route, revision }) => ({ id: route.id, revision })));
  // Up to four flights sit in pairs (page.module.css); the posters' sizes follow the columns.
  const threeColumns = published.length > 4;
  return (
    <>
      <SiteHeader locale={locale} messages={messages} />
      <main className={styles.main}>
        <CatalogueHero messages={messages} />
        <section id="flights" className={styles.flights} aria-labelledby="flights-heading">
          <div className={styles.flightsHeader}>
            <h2 id="flights-heading" className={styles.flightsTitle}>
              {messages['catalogue.routesHeading']}
            </h2>
            {published.length > 0 && (
              <p className={styles.flightsCount}>{formatCount(locale, 'catalogue.routesCount', published.length)}</p>
            )}
          </div>
          {published.length === 0 ? (
            <p className={styles.empty}>{messages['catalogue.empty']}</p>
          ) : (
            <ul className={styles.grid} data-columns={threeColumns ? 'three' : 'two'}>
              {published.map(({ route }) => (
                <li key={route.id}>
                  <RouteCard
                    route={route}
                    locale={locale}
                    messages={messages}
                    cloud={cloud.get(route.id)}
                    posterCopies={sitePosterCopies(route.id)}
                    posterSizes={posterSizes(threeColumns)}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
      <footer className={styles.footer}>
        <p>{messages['catalogue.footer']}</p>
      </footer>
    </>
  );
}
