// The studio's audit log for admins: who created, saved, published, restored, archived or
// duplicated which route revision, and when.
import Link from 'next/link';
import { requireStaffForPage } from '@/app/_server/staff-page-guard';
import { requestMessages, type PageSearchParams } from '@/components/i18n/request-locale';
import { formatMessage } from '@/components/i18n/messages';
import { StudioHeader } from '@/components/studio/StudioHeader';
import { studioRouteStore } from '@/app/_server/web-services';
import styles from '@/components/studio/StudioList.module.css';
import { studioPageMetadata } from '@/app/studio/studio-page-metadata';

export const dynamic = 'force-dynamic';

export const generateMetadata = studioPageMetadata((m) => `${m['studio.audit.title']} · ${m['studio.name']}`);

export default async function AuditPage({ searchParams }: { searchParams: PageSearchParams }) {
  const session = await requireStaffForPage('admin');
  const { locale, messages: m } = await requestMessages(searchParams);
  const entries = await (await studioRouteStore()).auditLog({ limit: 200 });
  const dateFormat = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <>
      <StudioHeader locale={locale} messages={m} email={session.staff.email} isAdmin />
      <main className={styles.main}>
        <h1 className={styles.title}>{m['studio.audit.title']}</h1>
        <p className={styles.lead}>{m['studio.audit.lead']}</p>
        <table className={styles.auditTable} data-testid="audit-log">
          <thead>
            <tr>
              <th>{m['studio.audit.when']}</th>
              <th>{m['studio.audit.who']}</th>
              <th>{m['studio.audit.what']}</th>
              <th>{m['studio.audit.route']}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{dateFormat.format(new Date(entry.at))}</td>
                <td>{entry.staffEmail}</td>
                <td>{m[`studio.audit.action.${entry.action}`]}</td>
                <td>
                  <Link href={`/studio/routes/${entry.routeId}`} prefetch={false}>
                    {entry.routeId}
                  </Link>
                  {entry.revision !== null && ` · ${formatMessage(m['studio.history.revision'], { revision: entry.revision })}`}
                  {entry.sourceRevision !== null &&
                    ` ← ${entry.sourceRouteId === entry.routeId ? '' : `${entry.sourceRouteId} `}${formatMessage(m['studio.history.revision'], { revision: entry.sourceRevision })}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </>
  );
}
