// The stream panel over a cloud flight: transport, profile, frame rate, bitrate, buffer,
// round trip and dropped frames, plus the quality choice and data saver. Polls the
// client twice a second while open; closed, it costs nothing.
import { useEffect, useId, useState, type MouseEvent } from 'react';
import type { ProfileId } from '@/scenes/protocol/profile-ladder';
import { formatMessage } from '@/components/i18n/messages';
import type { PlayerMessages } from '@/components/player/player-messages';
import { CloseIcon } from './CloudIcons';
import type { CloudSnapshot, CloudStats } from './stream-client';
import styles from './StreamStatsPanel.module.css';

const POLL_MS = 500;

export interface StreamStatsPanelProps {
  messages: PlayerMessages;
  readStats: () => CloudStats;
  snapshot: CloudSnapshot;
  manualProfile: ProfileId | null;
  onManualProfile: (profile: ProfileId | null) => void;
  dataSaver: boolean;
  onDataSaver: (on: boolean) => void;
  onClose: () => void;
}

export function StreamStatsPanel(props: StreamStatsPanelProps) {
  const { messages, readStats, snapshot } = props;
  const [stats, setStats] = useState<CloudStats>(readStats);
  const qualityId = useId();
  const saverId = useId();

  useEffect(() => {
    const interval = window.setInterval(() => setStats(readStats()), POLL_MS);
    return () => window.clearInterval(interval);
  }, [readStats]);

  const total = stats.framesShown + stats.dropped;
  const droppedPercent = total > 0 ? (100 * stats.dropped) / total : 0;
  const rows: Array<[string, string]> = [
    [
      messages['cloud.statTransport'],
      stats.transport === 'webrtc'
        ? messages['cloud.transportWebrtc']
        : stats.transport === 'socket'
          ? messages['cloud.transportSocket']
          : stats.transport === 'http'
            ? messages['cloud.transportHttp']
            : '—',
    ],
    [messages['cloud.statProfile'], stats.profile ? `${stats.profile}${stats.width > 0 ? ` · ${stats.width}×${stats.height}` : ''}` : '—'],
    [messages['cloud.statFps'], String(stats.fpsShown)],
    [messages['cloud.statBitrate'], formatMessage(messages['cloud.unitMbps'], { value: (stats.bitrateKbps / 1000).toFixed(2) })],
    [messages['cloud.statBuffer'], formatMessage(messages['cloud.unitSeconds'], { value: stats.bufferAheadS.toFixed(1) })],
    [
      messages['cloud.statRtt'],
      stats.rttMs === null
        ? '—'
        : formatMessage(messages['cloud.unitMs'], { value: stats.rttMs < 10 ? stats.rttMs.toFixed(1) : Math.round(stats.rttMs) }),
    ],
    [messages['cloud.statDropped'], `${stats.dropped} (${droppedPercent.toFixed(1)}%)`],
  ];

  function keepInside(event: MouseEvent) {
    // The picture behind plays or pauses on a click; a click in the panel is for the panel.
    event.stopPropagation();
  }

  return (
    <section className={styles.panel} aria-label={messages['cloud.statsTitle']} onClick={keepInside} data-testid="cloud-stats">
      <header className={styles.header}>
        <h2 className={styles.title}>{messages['cloud.statsTitle']}</h2>
        <button type="button" className={styles.close} onClick={props.onClose} aria-label={messages['cloud.statsClose']}>
          <CloseIcon sizePx={18} />
        </button>
      </header>
      <dl className={styles.rows} aria-live="off">
        {rows.map(([label, value]) => (
          <div key={label} className={styles.row}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className={styles.settings}>
        <label className={styles.setting} htmlFor={qualityId}>
          <span>{messages['cloud.quality']}</span>
          <select
            id={qualityId}
            className={styles.select}
            value={props.manualProfile ?? 'auto'}
            onChange={(event) =>
              props.onManualProfile(event.currentTarget.value === 'auto' ? null : (event.currentTarget.value as ProfileId))
            }
          >
            <option value="auto">{messages['cloud.qualityAuto']}</option>
            {snapshot.selectableProfiles.map((profileId) => (
              <option key={profileId} value={profileId}>
                {profileId}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.toggle} htmlFor={saverId}>
          <input
            id={saverId}
            type="checkbox"
            checked={props.dataSaver}
            onChange={(event) => props.onDataSaver(event.currentTarget.checked)}
          />
          <span>{messages['cloud.dataSaver']}</span>
        </label>
      </div>
      <p className={styles.hint} aria-hidden="true">
        {messages['cloud.statsHint']}
      </p>
    </section>
  );
}
