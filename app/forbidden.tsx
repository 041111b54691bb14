// The 403, shown when a signed-in curator opens an admin-only studio page (the only
// caller of forbidden()): in their language, with the other beneath, like the 404.
import { StatusPage } from './_status/StatusPage';

export default function StudioForbidden() {
  return <StatusPage code={403} messagesOf="forbidden" backHref="/studio" testId="studio-forbidden" />;
}
