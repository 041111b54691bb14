// The studio's home: every route with its state and cloud readiness. Staff only: the page
// checks the session itself and sends anyone else to the sign-in page.
import { requireStaffForPage } from '../_server/staff-page-guard';
import { requestMessages, type PageSearchParams } from '@/components/i18n/request-locale';
import { StudioHeader } from '@/components/studio/StudioHeader';
import { StudioList } from '@/components/studio/StudioList';
import type { StudioListEntry } from '@/components/studio/studio-api';
import { withCloudReadiness } from '../_data/cloud-readiness';
import { studioRouteStore } from '../_server/web-services';
import { studioPageMetadata } from './studio-page-metadata';

export const dynamic = 'force-dynamic';

export const generateMetadata = studioPageMetadata((m) => `${m['studio.list.title']} · ${m['studio.name']}`);

export default async function StudioPage({ searchParams }: { searchParams: PageSearchParams }) {
  const session = await requireStaffForPage('curator');
  const { locale, messages } = await requestMessages(searchParams);
  const routes: StudioListEntry[] = await withCloudReadiness(await (await studioRouteStore()).list());
  return (
    <>
      <StudioHeader locale={locale} messages={messages} email={session.staff.email} isAdmin={session.staff.role === 'admin'} />
      <StudioList routes={routes} locale={locale} messages={messages} />
    </>
  );
}
