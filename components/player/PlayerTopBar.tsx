// The player's top bar: back to the catalogue, the landmark and route title with a line on
// which picture is showing, and the actions (where to draw, stream statistics, language,
// fullscreen). Hidden with the rest of the chrome while the flight plays undisturbed.
import Link from 'next/link';
import type { RefObject } from 'react';
import type { Locale } from '../i18n/locale';
import type { PlayerMessages } from './player-messages';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { StatsIcon } from './cloud/CloudIcons';
import { RenderPathSwitch } from './handover/RenderPathSwitch';
import type { PictureLineKey } from './picture/which-picture';
import type { RenderPreference } from './render-choice/render-choice-types';
import { BackIcon, FullscreenEnterIcon, FullscreenExitIcon } from './PlayerIcons';
import { useFullscreen } from './use-fullscreen';
import styles from './FlightPlayer.module.css';

export interface PlayerTopBarProps {
  messages: PlayerMessages;
  locale: Locale;
  landmarkName: string;
  title: string;
  pictureLine: PictureLineKey | null;
  /** The player's root: what fullscreen fills. */
  rootRef: RefObject<HTMLElement | null>;
  /** The visitor's render preference, offered as a switch; null without a cloud (nothing to switch between) or before it is known. */
  renderPreference: RenderPreference | null;
  showing: 'local' | 'cloud' | 'posters';
  onChooseRender: (preference: RenderPreference) => void;
  /** Null while the flight is not streamed: the statistics are the stream's. */
  statsShown: boolean | null;
  onToggleStats: () => void;
}

export function PlayerTopBar({
  messages,
  locale,
  landmarkName,
  title,
  pictureLine,
  rootRef,
  renderPreference,
  showing,
  onChooseRender,
  statsShown,
  onToggleStats,
}: PlayerTopBarProps) {
  const fullscreen = useFullscreen(rootRef);
  return (
    <header className={styles.topBar}>
      <Link href="/" className={styles.back} aria-label={messages['player.back']} prefetch={false}>
        <BackIcon />
      </Link>
      <div className={styles.heading}>
        <p className={styles.landmark}>{landmarkName}</p>
        <h1 className={styles.title}>{title}</h1>
        {pictureLine !== null && (
          <p className={styles.pictureLine} data-testid="which-picture" data-line={pictureLine}>
            {messages[pictureLine]}
          </p>
        )}
      </div>
      <div className={styles.topActions}>
        {renderPreference !== null && (
          <RenderPathSwitch
            messages={messages}
            preference={renderPreference}
            showing={showing}
            onChoose={onChooseRender}
            iconButtonClassName={styles.iconButton}
          />
        )}
        {statsShown !== null && (
          <button
            type="button"
            className={styles.iconButton}
            onClick={onToggleStats}
            aria-label={messages['cloud.statsToggle']}
            aria-pressed={statsShown}
            data-testid="cloud-stats-toggle"
          >
            <StatsIcon sizePx={22} />
          </button>
        )}
        <LanguageSwitch locale={locale} label={messages['lang.switchLabel']} />
        {fullscreen.supported && (
          <button
            type="button"
            className={styles.iconButton}
            onClick={fullscreen.toggle}
            aria-label={fullscreen.active ? messages['player.exitFullscreen'] : messages['player.enterFullscreen']}
            aria-pressed={fullscreen.active}
            data-testid="fullscreen-toggle"
          >
            {fullscreen.active ? <FullscreenExitIcon /> : <FullscreenEnterIcon />}
          </button>
        )}
      </div>
    </header>
  );
}
