// Runs before every route: refuses paths whose percent-encoding does not decode (400,
// where the routes would fail with a 500), and gives each response a Content-Security-
// Policy with a fresh nonce, which Next copies onto the scripts it writes into pages.
import { NextResponse, type NextRequest } from 'next/server';
import { errorJson } from './app/api/_http/responses';
import { publicRenderUrl } from './components/player/cloud/render-path';
import { ValidationError } from './server/errors';
import { contentSecurityPolicy, renderNodeUrlList } from './server/web/content-security-policy';
import { isUndecodablePath } from './server/web/undecodable-path';

export function proxy(request: NextRequest): Response {
  if (isUndecodablePath(request.nextUrl.pathname)) {
    return errorJson(new ValidationError('This address is not valid: its percent-encoding does not decode.', []));
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const policy = contentSecurityPolicy({
    nonce,
    renderServerUrl: publicRenderUrl(
      process.env.YUNSHAN_PUBLIC_RENDER_URL,
      request.headers.get('host'),
      request.headers.get('x-forwarded-proto'),
    ),
    segmentUrl: process.env.YUNSHAN_PUBLIC_SEGMENT_URL,
    renderNodeUrls: renderNodeUrlList(process.env.YUNSHAN_RENDER_NODE_URLS),
    development: process.env.NODE_ENV === 'development',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Built assets carry no inline script and need no policy of their own.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
