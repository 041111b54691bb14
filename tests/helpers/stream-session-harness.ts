// A test driver for the stream session reducer: feeds events at a chosen time and clock
// reading and keeps every command, so unit and property tests read as event scripts.
import type { LabelledChunk } from '@/scenes/protocol/chunk-codec';
import type { ReadyMessage } from '@/scenes/protocol/server-messages';
import { initialSessionState, reduceSession } from '@/components/player/cloud/stream-client/session-reducer';
import type {
  ClockReading,
  SessionCommand,
  SessionConfig,
  SessionEventBody,
  SessionState,
} from '@/components/player/cloud/stream-client/session-state';

export const CONFIG: SessionConfig = {
  routeId: 'tianmen-ascent',
  revision: 3,
  startProfile: null,
  connectTimeoutMs: 8000,
  joinReplyTimeoutMs: 8000,
  firstFrameTimeoutMs: 15_000,
  webrtcConnectTimeoutMs: 4000,
  answerOffers: true,
  maxPeerFailures: 2,
  autoRetry: true,
  reconnectAfterHangUp: true,
};

export const CAPABILITIES = { webcodecsVp8: true, saveData: false, connectionType: 'wifi' as const };

export const READY: ReadyMessage = {
  sessionId: 'session-0123456789abcdef',
  resumeToken: 'token-0123456789abcdef0123456789abcdef',
  resumed: false,
  routeId: 'tianmen-ascent',
  revision: 3,
  fps: 30,
  frameCount: 601,
  durationS: 20,
  profiles: [
    { id: '360p', codec: 'vp8', width: 640, height: 360, bitrateKbps: 800 },
    { id: '360p-jpeg', codec: 'jpeg', width: 640, height: 360, bitrateKbps: 0 },
    { id: '720p', codec: 'vp8', width: 1280, height: 720, bitrateKbps: 2500 },
  ],
  profile: '360p',
  transport: 'webrtc',
  iceServers: [],
  startFrame: 0,
  epoch: 0,
  paused: true,
  rate: 1,
};

/** A test session: feeds events at a given time and clock, keeps every command. */
export class Harness {
  state: SessionState;
  nowMs = 0;
  clock: ClockReading = { timeS: 0, playing: false, rate: 1, shownFrame: -1 };
  commands: SessionCommand[] = [];

  constructor(config: Partial<SessionConfig> = {}) {
    this.state = initialSessionState({ ...CONFIG, ...config }, CAPABILITIES);
  }

  send(...events: SessionEventBody[]): SessionCommand[] {
    const out: SessionCommand[] = [];
    for (const body of events) {
      const step = reduceSession(this.state, { ...body, nowMs: this.nowMs, clock: this.clock } as never);
      this.state = step.state;
      out.push(...step.commands);
    }
    this.commands.push(...out);
    return out;
  }

  server(event: Extract<SessionEventBody, { type: 'server-message' }>['event'], payload: unknown): SessionCommand[] {
    return this.send({ type: 'server-message', event, payload });
  }

  /** Moves time on and fires whatever timers are due. */
  advance(ms: number): SessionCommand[] {
    this.nowMs += ms;
    return this.send({ type: 'timer' });
  }

  joined(ready: Partial<ReadyMessage> = {}): this {
    this.send({ type: 'start', webrtcAvailable: true }, { type: 'socket-connected' });
    this.server('ready', { ...READY, ...ready });
    return this;
  }
}

export function emitted<E extends string>(
  commands: readonly SessionCommand[],
  event: E,
): Array<Extract<SessionCommand, { type: 'emit' }>['message']> {
  return commands
    .filter((command): command is Extract<SessionCommand, { type: 'emit' }> => command.type === 'emit' && command.event === event)
    .map((command) => command.message);
}

export function frame(epoch: number, index: number, key = index % 30 === 0): LabelledChunk {
  return { profileIndex: 0, epoch, index, timestampUs: Math.round((index * 1e6) / 30), key, last: false, data: new Uint8Array([1, 2, 3]) };
}
