// How long the stream session waits for things, in one place for the reducer and its drivers.

/** The page gives up on the render server (and offers the device) after this long without a connection. */
export const CONNECT_TIMEOUT_MS = 8000;
export const JOIN_REPLY_TIMEOUT_MS = 8000;
export const FIRST_FRAME_TIMEOUT_MS = 15_000;
/** While not baked, ask again this often, so the progress moves and the stream starts once ready. */
export const NOT_BAKED_POLL_MS = 5000;
export const BUSY_RETRY_MIN_MS = 2000;
export const BUSY_RETRY_MAX_MS = 30_000;
/** A seek with no new epoch after this long is asked again (the reply or the request was lost). */
export const SEEK_REPLY_TIMEOUT_MS = 3000;
/** Acks go out at least this often even when nothing changed, so the server can tell the viewer is alive. */
export const IDLE_ACK_MS = 1000;
/** After the server closes the socket on purpose, reconnect after this long; more than a few times a minute, stop. */
export const SERVER_HANG_UP_RETRY_MS = 1000;
export const SERVER_HANG_UP_WINDOW_MS = 60_000;
export const MAX_SERVER_HANG_UPS = 3;
/** Two broken peers in a row: stay on the socket for this session. */
export const MAX_PEER_FAILURES = 2;
/** The stream client weighs its profile this often, and reports its figures to the server this often. */
export const ADAPT_INTERVAL_MS = 1000;
export const STATS_INTERVAL_MS = 2000;
/**
 * While playing, the server sends continuously to stay ~2 s ahead: this long without a
 * frame (counted from the last frame, or from the last play, seek or join) means it stopped.
 */
export const STARVED_AFTER_MS = 600;
