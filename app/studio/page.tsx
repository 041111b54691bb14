// The studio's home: every route with its state and cloud readiness. Staff only: the page
// checks the session itself and sends anyone else to the sign-in page.
import type { Metadata } from 'next';
import { requireStaffForPage } from '../_server/staff-page-guard';
import { getRequestLocale } from '@/components/i18n/request-locale';
import { messagesFor } from '@/components/i18n/messages';
import { StudioHeader } from '@/components/studio/StudioHeader';
import { StudioList } from '@/components/studio/StudioList';
import type { StudioListEntry } from '@/components/studio/studio-api';
import { withCloudReadiness } from '../_data/cloud-readiness';
import { studioRouteStore } from '../_server/web-services';

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
  const routes: StudioListEntry[] = await withCloudReadiness(await (await studioRouteStore()).list());
  return (
    <>
      <StudioHeader locale={locale} messages={messages} email={session.staff.email} isAdmin={session.staff.role === 'admin'} />
      <StudioList routes={routes} locale={locale} messages={messages} />
    </>
  );
}
