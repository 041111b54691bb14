// A studio page's title in the visitor's language; no studio page belongs in a search engine.
import type { Metadata } from 'next';
import type { Messages } from '@/components/i18n/messages';
import { requestMessages, type PageSearchParams } from '@/components/i18n/request-locale';

/** generateMetadata for a studio page whose title comes from the messages alone. */
export function studioPageMetadata(
  title: (messages: Messages) => string,
  robots: Metadata['robots'] = { index: false },
): (props: { searchParams: PageSearchParams }) => Promise<Metadata> {
  return async ({ searchParams }) => {
    const { messages } = await requestMessages(searchParams);
    return { title: title(messages), robots };
  };
}
