import type { NextConfig } from 'next';

// The Content-Security-Policy is per request (a nonce, the render server's host): proxy.ts.
const EVERYWHERE = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Fullscreen and motion sensors for the player (look-around on the device itself); nothing else.
  {
    key: 'Permissions-Policy',
    value:
      'fullscreen=(self), accelerometer=(self), gyroscope=(self), magnetometer=(self), camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), midi=(), display-capture=(), browsing-topics=()',
  },
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // forbidden(): a curator on an admin-only studio page gets a 403 page, not an error.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: '/:path*', headers: EVERYWHERE },
      // The setup link carries its one-time token in the URL: no Referer may repeat it.
      { source: '/studio/setup', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
    ];
  },
};

export default nextConfig;
