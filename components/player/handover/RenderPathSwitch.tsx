'use client';
// "Auto / On this device / From the cloud": where the flight is drawn. Three pressed-state
// buttons in a labelled group on wide screens; on a phone one round button that opens the
// same three choices as a small menu. Auto says which way it went.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PlayerMessages } from '@/components/player/player-messages';
import { AutoIcon, CloudIcon, DeviceIcon } from '../cloud/CloudIcons';
import type { RenderPreference } from '../render-choice/render-choice-types';
import styles from './RenderPathSwitch.module.css';

export interface RenderPathSwitchProps {
  messages: PlayerMessages;
  preference: RenderPreference;
  /** What the stage shows now (under Auto it may be either). */
  showing: 'local' | 'cloud' | 'posters';
  onChoose: (preference: RenderPreference) => void;
  /** The player's round top-bar button look, for the phone's one button. */
  iconButtonClassName: string;
}

interface Option {
  preference: RenderPreference;
  label: string;
  short: string;
  icon: (sizePx?: number) => ReactNode;
}

export function RenderPathSwitch({ messages, preference, showing, onChoose, iconButtonClassName }: RenderPathSwitchProps) {
  const autoNow =
    showing === 'cloud'
      ? messages['render.autoNowCloud']
      : showing === 'local'
        ? messages['render.autoNowDevice']
        : messages['render.auto'];
  const options: Option[] = [
    {
      preference: 'auto',
      label: preference === 'auto' ? autoNow : messages['render.auto'],
      short: messages['render.autoShort'],
      icon: (sizePx) => <AutoIcon sizePx={sizePx} />,
    },
    {
      preference: 'local',
      label: messages['cloud.onDevice'],
      short: messages['cloud.onDeviceShort'],
      icon: (sizePx) => <DeviceIcon sizePx={sizePx} />,
    },
    {
      preference: 'cloud',
      label: messages['cloud.fromCloud'],
      short: messages['cloud.fromCloudShort'],
      icon: (sizePx) => <CloudIcon sizePx={sizePx} />,
    },
  ];
  const current = options.find((option) => option.preference === preference) ?? options[0];
  return (
    <>
      <div className={styles.switch} role="group" aria-label={messages['cloud.renderPathGroup']}>
        {options.map((option) => (
          <button
            key={option.preference}
            type="button"
            className={styles.option}
            aria-pressed={preference === option.preference}
            aria-label={option.label}
            title={option.label}
            onClick={() => onChoose(option.preference)}
            data-testid={`render-path-${option.preference}`}
          >
            {option.icon()}
            <span className={styles.text} aria-hidden="true">
              {option.short}
            </span>
            <span className={styles.long} aria-hidden="true">
              {option.preference === 'auto' ? option.short : option.label}
            </span>
            {/* Under Auto, a dot says which way it went. */}
            {option.preference === 'auto' && preference === 'auto' && showing !== 'posters' && (
              <span className={styles.via} data-via={showing} aria-hidden="true" />
            )}
          </button>
        ))}
      </div>
      <CompactMenu messages={messages} options={options} current={current} onChoose={onChoose} buttonClassName={iconButtonClassName} />
    </>
  );
}

interface CompactMenuProps {
  messages: PlayerMessages;
  options: Option[];
  current: Option;
  onChoose: (preference: RenderPreference) => void;
  buttonClassName: string;
}

/** A phone's top bar has room for one round button: it opens the three choices. */
function CompactMenu({ messages, options, current, onChoose, buttonClassName }: CompactMenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        // A menu moves with the arrow keys (and keeps them from the player's seek keys).
        const items = [...(rootRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]') ?? [])];
        const at = items.indexOf(document.activeElement as HTMLButtonElement);
        const next = items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
        event.preventDefault();
        event.stopPropagation();
        next?.focus();
        return;
      }
      if (event.key !== 'Escape') return;
      // Escape closes the menu only; it must not also leave full screen or reach the player.
      event.stopPropagation();
      setOpen(false);
      rootRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown, true);
    // Focus the chosen item so keyboard and screen-reader users land inside the menu.
    rootRef.current?.querySelector<HTMLButtonElement>('[role="menuitemradio"][aria-checked="true"]')?.focus();
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [open]);

  return (
    <div ref={rootRef} className={styles.compactRoot} onClick={(event) => event.stopPropagation()}>
      <button
        type="button"
        className={`${buttonClassName} ${styles.compact}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`${messages['cloud.renderPathGroup']}: ${current.label}`}
        title={current.label}
        onClick={() => setOpen((shown) => !shown)}
        data-testid="render-path-menu"
      >
        {current.icon(22)}
      </button>
      {open && (
        <div className={styles.menu} role="menu" aria-label={messages['cloud.renderPathGroup']}>
          {options.map((option) => (
            <button
              key={option.preference}
              type="button"
              role="menuitemradio"
              aria-checked={option === current}
              className={styles.menuItem}
              onClick={() => {
                setOpen(false);
                onChoose(option.preference);
              }}
              data-testid={`render-path-menu-${option.preference}`}
            >
              {option.icon(20)}
              <span>{option.label}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
