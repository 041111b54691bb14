// The root layout: document language, metadata and the shared stylesheet.
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getRequestLocale } from '../components/i18n/request-locale';
import { htmlLangOf } from '../components/i18n/locale';
import { messagesFor } from '../components/i18n/messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const messages = messagesFor(await getRequestLocale());
  return {
    title: messages['meta.title'],
    description: messages['meta.description'],
    applicationName: 'Yunshan 云山',
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: '#08110e',
  colorScheme: 'dark',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getRequestLocale();
  return (
    <html lang={htmlLangOf(locale)}>
      <body>{children}</body>
    </html>
  );
}
