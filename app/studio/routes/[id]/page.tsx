// The route editor page: loads the latest draft for a signed-in curator; the editor
// itself runs in the browser.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { requireStaffForPage } from '@/app/_server/staff-page-guard';
import { hasDomainErrorCode, NOT_FOUND_CODE } from '@/server/errors';
import { RouteIdSchema } from '@/server/routes/studio-route-requests';
import type { StudioRouteDetail } from '@/server/routes/studio-route-contracts';
import { getRequestLocale } from '@/components/i18n/request-locale';
import { messagesFor } from '@/components/i18n/messages';
import { StudioEditor } from '@/components/studio/StudioEditor';
import { studioRouteStore } from '@/app/_server/web-services';
import { publicRenderUrl } from '@/components/player/cloud/render-path';

export const dynamic = 'force-dynamic';

interface EditorPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function loadDetail(id: string): Promise<StudioRouteDetail> {
  if (!RouteIdSchema.safeParse(id).success) notFound();
  try {
    return await (await studioRouteStore()).get(id);
  } catch (error) {
    if (hasDomainErrorCode(error, NOT_FOUND_CODE)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params, searchParams }: EditorPageProps): Promise<Metadata> {
  const messages = messagesFor(await getRequestLocale((await searchParams).lang));
  return { title: `${(await params).id} · ${messages['studio.name']}`, robots: { index: false } };
}

export default async function EditorPage({ params, searchParams }: EditorPageProps) {
  const session = await requireStaffForPage('curator');
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const detail = await loadDetail(id);
  const locale = await getRequestLocale(query.lang);
  // The preview's poster comes from the render server, named as the browser reaches it.
  const requestHeaders = await headers();
  const renderUrl = publicRenderUrl(
    process.env.YUNSHAN_PUBLIC_RENDER_URL,
    requestHeaders.get('host'),
    requestHeaders.get('x-forwarded-proto'),
  );
  return (
    <StudioEditor
      key={id}
      detail={detail}
      locale={locale}
      messages={messagesFor(locale)}
      staffEmail={session.staff.email}
      renderUrl={renderUrl}
    />
  );
}
