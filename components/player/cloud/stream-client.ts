// The cloud stream client: joins a baked route on the render server over socket.io,
// receives its encoded frames over a WebRTC data channel (or socket.io when WebRTC does
// not connect), decodes them and draws the frame the flight clock names onto a canvas.
// It follows the clock rather than driving it: play, pause, seek and speed are read from
// the clock and mirrored to the server. The decisions are the session reducer's
// (stream-client/session-reducer.ts); this is its browser driver. No React here;
// CloudStreamView binds it.
import type { StreamCapabilities } from '@/scenes/protocol/client-messages';
import { frameIndexForTime } from '@/scenes/protocol/frame-timing';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import type { ProfileId } from '@/scenes/protocol/profile-ladder';
import { ACK_INTERVAL_MS } from '@/scenes/protocol/stream-limits';
import { profileCapsOf, sphereAvailability, type ProfileCaps } from './adaptive-profile';
import { viewerCapabilities } from './connection-hints';
import { INITIAL_CLOUD_SNAPSHOT } from './cloud-state';
import { closePicture, canDecodeVp8, canDecodeVp9, type DecodedPicture } from './frame-decoder';
import { PeerLink, webRtcAvailable } from './peer-link';
import { DisplayPace } from './playback-start';
import type { CloudSnapshot, CloudStats, StreamMarks } from './stream-client/cloud-snapshot';
import { browserSessionConfig } from './stream-client/browser-session-config';
import { HttpLink } from './stream-client/http-link';
import { LateFrameWindow } from './stream-client/late-frame-window';
import { PicturePipeline } from './stream-client/picture-pipeline';
import { StreamProtocolClient } from './stream-client/protocol-client';
import type { CloudStreamOptions } from './stream-client-options';
import type { LookAroundOptions, SpherePresenter } from './sphere-presenter';
import { LookAroundDriver, type ImmersiveEvents } from './stream-client/look-around-driver';
import { initialSessionState, selectableProfiles } from './stream-client/session-reducer';
import type { SessionState } from './stream-client/session-state';
import { readFlightClock } from './stream-client/clock-reading';
import { statsReport } from './stream-client/stats-report';
import { openStreamSocket } from './stream-client/stream-socket';
import * as timing from './stream-client/session-timing';

export type { CloudSnapshot, CloudState, CloudStats } from './stream-client/cloud-snapshot';
export type { CloudStreamOptions } from './stream-client-options';

export class CloudStreamClient {
  readonly #options: CloudStreamOptions;
  readonly #clock: FlightClock;
  readonly #canvas: HTMLCanvasElement;
  readonly #now: () => number;
  #context: CanvasRenderingContext2D | null = null;
  readonly #look: LookAroundDriver;
  /** Messages sent to the server, by event name ('control:<type>' for controls): tests count them, looking around sends none. */
  readonly #sent: Record<string, number> = {};
  #protocol: StreamProtocolClient | null = null;
  /** The render node streaming now: the page's, until a drain moves the session to another. */
  #renderUrl: string;
  /** The HTTP transport, active once the session moved there. */
  readonly #http: HttpLink;
  #unsubscribeClock: (() => void) | null = null;
  readonly #pipeline: PicturePipeline;
  readonly #lateFrames = new LateFrameWindow();
  #dataSaver: boolean;
  /** What WebCodecs decodes here, as the join reports it (the server picks VP9 or VP8 from it). */
  #decodes = { webcodecsVp8: false, webcodecsVp9: false };
  #snapshot: CloudSnapshot = INITIAL_CLOUD_SNAPSHOT;
  #selectable: { from: SessionState | null; ids: readonly ProfileId[] } = { from: null, ids: [] };
  #media = { waiting: false, primed: false, starved: false };
  #wasPlaying = false;
  #displayPace = new DisplayPace();
  #shownTimesMs: number[] = [];
  #rttMs: number | null = null;
  #pictureSize = { width: 0, height: 0 };
  #lastAdaptMs = 0;
  #lastStatsMs = 0;
  #interval: ReturnType<typeof setInterval> | undefined;
  #frameRequest = 0;
  #closed = false;

  /** performance.now() marks for time-to-first-frame measurements. */
  readonly marks: StreamMarks = { startedAtMs: 0, readyAtMs: null, firstFrameDecodedAtMs: null, firstFrameShownAtMs: null };

  constructor(options: CloudStreamOptions) {
    this.#options = options;
    this.#clock = options.clock;
    this.#canvas = options.canvas;
    this.#now = options.now ?? (() => performance.now());
    this.#dataSaver = options.dataSaver === true;
    this.#renderUrl = options.renderUrl;
    this.#look = new LookAroundDriver(options.canvas);
    this.#look.set(options.lookAround ?? null);
    this.#pipeline = new PicturePipeline(
      {
        firstPicture: () => {
          this.marks.firstFrameDecodedAtMs ??= this.#now();
          this.#protocol?.dispatch({ type: 'first-picture-decoded' });
        },
        problem: (problem) => this.#protocol?.dispatch({ type: 'media-problem', problem }),
      },
      this.#now,
    );
    this.#http = new HttpLink(this.#pipeline, options.renderUrl, this.#now, (problem) =>
      this.#protocol?.dispatch({ type: 'media-problem', problem }),
    );
  }

  get renderUrl(): string {
    return this.#renderUrl;
  }

  get snapshot(): CloudSnapshot {
    return this.#snapshot;
  }

  /** Requests the HTTP transport made (zero while on WebRTC or the socket). */
  get httpRequests(): { manifest: number; segment: number } {
    return this.#http.requests;
  }

  /** The look-around view, where there is one (the test handle and the bench read its counters). */
  get sphere(): SpherePresenter | null {
    return this.#look.presenter;
  }

  /** Messages sent to the server so far, by event name (a copy). */
  get sentMessages(): Record<string, number> {
    return { ...this.#sent };
  }

  get counters(): PicturePipeline['counters'] {
    return this.#pipeline.counters;
  }

  stats(): CloudStats {
    const nowMs = this.#now();
    return {
      transport: this.#snapshot.transport,
      profile: this.#snapshot.profile,
      width: this.#pictureSize.width,
      height: this.#pictureSize.height,
      fpsShown: this.#shownTimesMs.filter((atMs) => atMs > nowMs - 1000).length,
      bitrateKbps: this.#pipeline.meter.recentKbps(nowMs),
      bufferAheadS: this.#bufferAheadFrames(nowMs) / this.#pipeline.fps,
      rttMs: this.#rttMs,
      ...this.counters,
    };
  }

  async start(): Promise<void> {
    this.marks.startedAtMs = this.#now();
    this.#context = this.#canvas.getContext('2d', { alpha: false });
    const [webcodecsVp8, webcodecsVp9] = await Promise.all([canDecodeVp8(), canDecodeVp9()]);
    this.#decodes = { webcodecsVp8, webcodecsVp9 };
    if (this.#closed) return;
    this.#protocol = new StreamProtocolClient({
      socket: openStreamSocket(this.#renderUrl),
      // A draining node names the next one: segment paths are then that node's too.
      openSocket: (renderUrl) => {
        this.#renderUrl = renderUrl;
        this.#http.renderUrl = renderUrl;
        return openStreamSocket(renderUrl);
      },
      initialState: initialSessionState(browserSessionConfig(this.#options), this.#capabilities(), this.#options.manualProfile ?? null),
      createPeer: (peerId, iceServers, events) => new PeerLink(peerId, iceServers, events),
      media: this.#pipeline,
      readClock: () => readFlightClock(this.#clock, this.#now(), this.#pipeline.buffer.lastShownIndex),
      now: this.#now,
      onChange: () => this.#publish(),
      onSent: (command) => {
        const name = command.event === 'control' ? `control:${(command.message as { type: string }).type}` : command.event;
        this.#sent[name] = (this.#sent[name] ?? 0) + 1;
      },
      openHttp: (plan) => this.#http.open(plan, this.#targetFrame(this.#now())),
      onServerMessage: ({ name }) => {
        if (name !== 'ready') return;
        this.marks.readyAtMs ??= this.#now();
        this.#adapt(this.#now(), true);
      },
    });
    // The clock tells of each play, pause, seek and speed change; the session mirrors them to the server.
    this.#unsubscribeClock = this.#clock.subscribe((event) => {
      if (event.type === 'seek' || event.type === 'restart') {
        this.#protocol?.dispatch({ type: 'seek', timeS: event.toS });
        this.#http.seek(this.#targetFrame(this.#now()));
      } else this.#protocol?.dispatch({ type: 'clock' });
    });
    this.#protocol.start(this.#options.webrtc !== false && webRtcAvailable());
    this.#interval = setInterval(() => this.#housekeeping(), ACK_INTERVAL_MS);
    this.#frameRequest = requestAnimationFrame(this.#tick);
  }

  /** Asks again after 'unavailable', 'busy' or 'not-baked', at once. */
  retry(): void {
    if (this.#closed) return;
    this.#protocol?.dispatch({ type: 'retry' });
  }

  setDataSaver(on: boolean): void {
    this.#dataSaver = on;
    this.#protocol?.dispatch({ type: 'set-capabilities', capabilities: this.#capabilities() });
    this.#adapt(this.#now(), true);
  }

  /** Looking around, live: once the visitor looks away the stream moves to a sphere profile at its next segment boundary. */
  setLookAround(options: LookAroundOptions | null): void {
    this.#look.set(options);
    if (this.#look.update(this.#now(), () => this.#sphereAvailability())) this.#adapt(this.#now(), true);
  }

  /**
   * A headset session to draw from the sphere (immersive mode on the cloud path), or null. It
   * counts as looking around (the stream moves to the sphere), and while it shows, its frames
   * step the stream instead of the page's.
   */
  setImmersiveSession(session: XRSession | null, events: ImmersiveEvents): void {
    this.#look.setImmersive(session, events, (nowMs) => this.#step(nowMs));
    if (this.#look.update(this.#now(), () => this.#sphereAvailability())) this.#adapt(this.#now(), true);
  }

  setManualProfile(profile: ProfileId | null): void {
    this.#protocol?.dispatch({ type: 'set-manual-profile', id: profile });
    this.#adapt(this.#now(), true);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    cancelAnimationFrame(this.#frameRequest);
    clearInterval(this.#interval);
    this.#unsubscribeClock?.();
    this.#protocol?.close();
    this.#http.close();
    this.#pipeline.close();
    this.#look.dispose();
    this.#snapshot = { ...this.#snapshot, state: 'closed' };
    this.#options.onChange?.(this.#snapshot);
  }

  #capabilities(): StreamCapabilities {
    return viewerCapabilities(this.#decodes, this.#dataSaver);
  }

  /** Whether a sphere profile can stream here; null until the server has listed the route's profiles. */
  #sphereAvailability() {
    const profiles = this.#protocol?.state.profiles ?? [];
    return profiles.length > 0 ? sphereAvailability(profiles, profileCapsOf(this.#capabilities(), null)) : null;
  }

  /** The snapshot the player sees: the session's state and the picture's. Published only when something changed. */
  #publish(): void {
    if (this.#closed) return;
    const state = this.#protocol?.state;
    if (!state) return;
    const from = this.#selectable.from;
    if (from?.profiles !== state.profiles || from?.capabilities !== state.capabilities || from?.transport !== state.transport) {
      this.#selectable = { from: state, ids: selectableProfiles(state) };
    }
    const next: CloudSnapshot = {
      state: state.phase,
      transport: state.transport,
      profile: state.profile,
      profiles: state.profiles,
      selectableProfiles: this.#selectable.ids,
      bake: state.bake,
      retryAtMs: state.retryAtMs,
      problem: state.problem,
      lookAround: this.#look.status,
      ...this.#media,
    };
    const previous = this.#snapshot;
    if ((Object.keys(next) as (keyof CloudSnapshot)[]).every((key) => next[key] === previous[key])) return;
    this.#snapshot = next;
    this.#options.onChange?.(next);
  }

  // --- the clock and the canvas ----------------------------------------------------------

  #tick = () => {
    if (this.#closed) return;
    this.#frameRequest = requestAnimationFrame(this.#tick);
    // In a headset the session's frames step the stream (a page may get none of its own then).
    if (this.#look.immersive) return;
    this.#step(this.#now());
  };

  #step(nowMs: number): void {
    if (this.#closed) return;
    const protocol = this.#protocol;
    if (!protocol || (!protocol.state.session && !this.#http.active)) return;
    this.#displayPace.tick(nowMs);
    // The visitor's look is read every frame: a look away asks for the sphere at once.
    if (this.#look.update(nowMs, () => this.#sphereAvailability())) this.#adapt(nowMs, true);
    const pipeline = this.#pipeline;
    const seeking = protocol.state.pendingSeek !== null;
    const target = this.#targetFrame(nowMs);
    this.#http.pump(target);
    const playing = this.#clock.isPlaying(nowMs);
    // Frames are owed from the moment the flight plays; a pause owes none.
    if (playing && !this.#wasPlaying) pipeline.deliveryExpectedSinceMs = nowMs;
    this.#wasPlaying = playing;
    if (playing && !seeking) pipeline.skipTo(target);
    const shown = seeking ? null : pipeline.buffer.take(target, { skipsIntended: this.#clock.speed > 1 });
    if (shown) this.#draw(shown.frame, nowMs);
    else this.#look.redraw();
    pipeline.pump();
    const allReceived = pipeline.queue.lastReceivedIndex >= pipeline.frameCount - 1;
    this.#media = {
      waiting: playing && pipeline.buffer.lastShownIndex < target - 2,
      // Only a stopped clock waits for it (and for the page to paint at the flight's pace); while playing the buffer drains and refills by design.
      primed: !seeking && (playing ? pipeline.buffer.lastShownIndex >= 0 : pipeline.primed() && this.#displayPace.keepsPace(pipeline.fps)),
      starved: playing && !allReceived && nowMs - pipeline.deliveryExpectedSinceMs > timing.STARVED_AFTER_MS,
    };
    this.#publish();
  }

  #draw(picture: DecodedPicture, nowMs: number): void {
    const context = this.#context;
    if (!this.#look.show(picture, picture.index / this.#pipeline.fps) && context) {
      // Resizing clears the canvas; the new picture is drawn in the same task, so no blank frame shows.
      if (this.#canvas.width !== picture.width || this.#canvas.height !== picture.height) {
        this.#canvas.width = picture.width;
        this.#canvas.height = picture.height;
      }
      context.drawImage(picture.image, 0, 0, picture.width, picture.height);
    }
    this.#pictureSize = { width: picture.width, height: picture.height };
    closePicture(picture);
    this.#shownTimesMs.push(nowMs);
    if (this.#shownTimesMs.length > 240) this.#shownTimesMs.splice(0, this.#shownTimesMs.length - 240);
    this.marks.firstFrameShownAtMs ??= nowMs;
    if (this.#protocol?.state.phase !== 'streaming') this.#protocol?.dispatch({ type: 'picture-shown' });
    this.#options.onFrameShown?.(this.#pipeline.buffer.lastShownIndex, nowMs);
  }

  #targetFrame(nowMs: number): number {
    return frameIndexForTime(this.#clock.timeAt(nowMs), this.#pipeline.frameCount, this.#pipeline.fps);
  }

  #bufferAheadFrames(nowMs: number): number {
    const state = this.#protocol?.state;
    if ((!state?.session && !this.#http.active) || state?.pendingSeek !== null) return 0;
    return this.#pipeline.bufferAheadFrames(this.#targetFrame(nowMs));
  }

  // --- acks, adaptation, stats ---------------------------------------------------------------

  #housekeeping(): void {
    const protocol = this.#protocol;
    const state = protocol?.state;
    const nowMs = this.#now();
    // Over HTTP nothing is acked or reported: the client only chooses what to fetch.
    if (!this.#closed && this.#http.active && nowMs - this.#lastAdaptMs >= timing.ADAPT_INTERVAL_MS) this.#adapt(nowMs, false);
    if (this.#closed || !protocol || !state?.session || !state.joined || !state.socketConnected) return;
    protocol.dispatch({
      type: 'progress',
      progress: {
        lastReceivedFrame: this.#pipeline.queue.lastReceivedIndex,
        lastDecodedFrame: this.#pipeline.lastDecodedIndex,
        playheadFrame: this.#pipeline.buffer.lastShownIndex,
        bufferAheadMs: (this.#bufferAheadFrames(nowMs) * 1000) / this.#pipeline.fps,
      },
    });
    if (nowMs - this.#lastAdaptMs >= timing.ADAPT_INTERVAL_MS) this.#adapt(nowMs, false);
    if (nowMs - this.#lastStatsMs >= timing.STATS_INTERVAL_MS) this.#sendStats(nowMs);
  }

  #caps(): ProfileCaps {
    // A look-around view shows about a quarter turn of the sphere across.
    const width = (this.#canvas.clientWidth || window.innerWidth) * (this.#look.projection === 'equirect' ? 4 : 1);
    return profileCapsOf(this.#capabilities(), width > 0 ? Math.round(width * (window.devicePixelRatio || 1)) : null);
  }

  #adapt(nowMs: number, immediate: boolean): void {
    this.#lastAdaptMs = nowMs;
    const { dropped, framesShown } = this.counters;
    this.#protocol?.dispatch({
      type: 'adapt',
      immediate,
      measurements: {
        capacityKbps: (this.#http.active ? this.#http.throughput : this.#pipeline.meter).capacityKbps(nowMs),
        bufferAheadS: this.#bufferAheadFrames(nowMs) / this.#pipeline.fps,
        lateFrameRatio: this.#lateFrames.ratio(nowMs, dropped, framesShown),
        maxUsefulWidthPx: this.#caps().maxUsefulWidthPx,
        projection: this.#look.projection,
      },
    });
  }

  #sendStats(nowMs: number): void {
    this.#lastStatsMs = nowMs;
    const peer = this.#protocol?.peer;
    if (peer instanceof PeerLink && peer.connected) {
      void peer.rttMs().then((rtt) => {
        if (this.#protocol?.peer === peer) this.#rttMs = rtt;
      });
    } else if (this.#snapshot.transport !== 'webrtc') {
      this.#rttMs = null;
    }
    const report = statsReport(this.stats());
    if (report) this.#protocol?.dispatch({ type: 'report-stats', stats: report });
  }
}
