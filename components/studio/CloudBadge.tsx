// A route's cloud readiness as a small badge: ready, preparing with a percentage, queued,
// failed, or not published to the cloud yet.
import type { CloudReadiness } from '@/server/bake/cloud-readiness';
import { formatMessage, type Messages } from '../i18n/messages';
import styles from './StudioList.module.css';

export function CloudBadge({ readiness, messages: m }: { readiness: CloudReadiness; messages: Messages }) {
  const text =
    readiness.state === 'baking'
      ? formatMessage(m['catalogue.cloud.baking'], { percent: readiness.percent })
      : m[`studio.cloud.${readiness.state}`];
  return (
    <span className={styles.cloudBadge} data-state={readiness.state} data-testid="cloud-badge">
      {text}
    </span>
  );
}
