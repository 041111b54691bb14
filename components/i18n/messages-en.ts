// English interface text. This dictionary defines the message keys; the Chinese one must match it.

export const en = {
  'site.name': 'Yunshan',
  'meta.title': 'Yunshan 云山 — fly through the pillars of Zhangjiajie',
  'meta.description':
    'Glide between the sandstone pillars of Wulingyuan, over the cloud sea and along Golden Whip Stream, on your phone or laptop.',

  'lang.switchLabel': 'Language: 中文 / English. Switch to Chinese',

  'catalogue.eyebrow': 'Wulingyuan · Zhangjiajie · Hunan',
  'catalogue.heroSubtitle': 'Fly through the pillars of Zhangjiajie',
  'catalogue.heroLead':
    'Three thousand sandstone pillars rise out of the cloud sea. Choose a flight and glide between the peaks, under the stone bridge and down the stream valley.',
  'catalogue.heroCta': 'Choose a flight',
  'catalogue.routesHeading': 'Flights',
  'catalogue.routesCount': '{count} curated flights',
  'catalogue.empty': 'No flights are published yet. Please come back soon.',
  'catalogue.duration': 'Duration',
  'catalogue.timeOfDay': 'Light',
  'catalogue.landmark': 'Sight',
  'catalogue.startFlight': 'Start the flight',
  'catalogue.cloud': 'Cloud stream',
  'catalogue.cloud.ready': 'Ready',
  'catalogue.cloud.baking': 'Preparing, {percent}%',
  'catalogue.cloud.queued': 'Queued',
  'catalogue.cloud.failed': 'Not available',
  'catalogue.posterAlt': 'A view from the flight “{title}”',
  'catalogue.footer': 'The landscape is drawn live in your browser, or streamed from the cloud when your device needs a hand.',

  'timeOfDay.sunrise': 'Sunrise',
  'timeOfDay.midday': 'Midday',
  'timeOfDay.golden-hour': 'Golden hour',

  'player.regionLabel': 'Flight over {landmark}',
  'player.controls': 'Flight controls',
  'player.play': 'Play',
  'player.pause': 'Pause',
  'player.replay': 'Fly again',
  'player.start': 'Begin the flight',
  'player.timeline': 'Flight position',
  'player.timeValue': '{current} of {total}',
  'player.currentTime': 'Current time',
  'player.totalTime': 'Total time',
  'player.speedGroup': 'Playback speed',
  'player.speed': '{speed}× speed',
  'player.calm': 'Calm flight',
  'player.calmLabel': 'Calm flight: slower, gentler motion',
  'player.enterFullscreen': 'Full screen',
  'player.exitFullscreen': 'Leave full screen',
  'player.back': 'Back to all flights',
  'player.loading': 'Unrolling the landscape…',
  'player.canvasError': 'This device could not draw the landscape.',
  'player.captionRegion': 'Narration',
  'player.keyboardHint': 'Space: play or pause · ← →: 5 seconds back or forward',

  'notFound.title': 'Lost in the clouds',
  'notFound.body': 'This page does not exist, or the flight is no longer published.',
  'notFound.back': 'Back to the flights',

  'studioLogin.metaTitle': 'Studio sign-in · Yunshan',
  'studioLogin.eyebrow': 'Curator studio',
  'studioLogin.title': 'Sign in to the studio',
  'studioLogin.intro': 'For tourism bureau staff who design and publish the flights.',
  'studioLogin.email': 'Email',
  'studioLogin.password': 'Password',
  'studioLogin.submit': 'Sign in',
  'studioLogin.submitting': 'Signing in…',
  'studioLogin.invalid': 'That email and password do not match a studio account.',
  'studioLogin.throttled': 'Too many sign-in attempts. Try again in {seconds} seconds.',
  'studioLogin.failed': 'Signing in did not work just now. Please try again.',
  'studioLogin.noAccount': 'No account yet? Ask a studio admin to add you.',
  'studioLogin.back': 'Back to the flights',
} as const;

export type MessageKey = keyof typeof en;
/** A complete dictionary: every key the English one has, and no other. */
export type Messages = { readonly [K in MessageKey]: string };
