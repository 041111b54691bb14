// The studio's home: every route with its state and cloud readiness. Staff only: the page
// checks the session itself and sends anyone else to the sign-in page.
import type { Metadata } from 'next';
import { requireStaffForPage } from '../_server/staff-page-guard';
import { summarizeCloudReadiness } from '../../server/bake/cloud-readiness';
import { getRequestLocale } from '../../components/i18n/request-locale';
import { messagesFor } from '../../components/i18n/messages';
import { StudioHeader } from '../../components/studio/StudioHeader';
import { StudioList } from '../../components/studio/StudioList';
import type { StudioListEntry } from '../../components/studio/studio-api';
import { webServices } from '../_server/web-services';

export const dynamic = 'force-dynamic';

interface StudioPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: StudioPageProps): Promise<Metadata> {
  const messages = messagesFor(await getRequestLocale((await searchParams).lang));
  return { title: `${messages['studio.list.title']} · ${messages['studio.name']}`, robots: { index: false } };
}

export default async function StudioPage({ searchParams }: StudioPageProps) {
  const session = await requireStaffForPage('curator');
  const locale = await getRequestLocale((await searchParams).lang);
  const messages = messagesFor(locale);
  const services = await webServices();
  const store = await services.studioRoutes();
  const queue = services.bakeQueue;
  const routes: StudioListEntry[] = await Promise.all(
    (await store.list()).map(async (summary) => ({
      ...summary,
      cloud: summary.publishedRevision === null ? { state: 'none' as const } : summarizeCloudReadiness(await queue.list({ routeId: summary.id }), summary.publishedRevision),
    })),
  );
  return (
    <>
      <StudioHeader locale={locale} messages={messages} email={session.staff.email} isAdmin={session.staff.role === 'admin'} />
      <StudioList routes={routes} locale={locale} messages={messages} />
    </>
  );
}
