// The stream's fixed numbers, agreed by the browser, the Node viewer and the render server.

export const STREAM_PROTOCOL_VERSION = 1;
/** socket.io path on the render server (the HTTP API keeps every other path). */
export const STREAM_SOCKET_PATH = '/stream/socket.io';
/** Largest inbound socket.io message; also the largest binary chunk message the server sends. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** An SDP for one data channel is about 1–3 KiB; anything near this is hostile. */
export const MAX_SDP_CHARS = 16 * 1024;
export const MAX_CANDIDATE_CHARS = 1024;
/** The server sends every frame this many ms of media ahead of the playhead (bounded by MAX). */
export const TARGET_AHEAD_MS = 2000;
export const MIN_AHEAD_MS = 1000;
export const MAX_AHEAD_MS = 3000;
/** The client waits this long for the data channel before asking for the socket transport. */
export const WEBRTC_CONNECT_TIMEOUT_MS = 4000;
/** How often a client should ack while frames arrive (it may ack more rarely when idle). */
export const ACK_INTERVAL_MS = 200;
export const MIN_PLAYBACK_RATE = 0.5;
export const MAX_PLAYBACK_RATE = 2;
