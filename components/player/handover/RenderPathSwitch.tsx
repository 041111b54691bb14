// "On this device / From the cloud": where the flight is drawn. Two pressed-state
// buttons in a labelled group, like the speed choice; on a phone one cloud toggle.
import type { ReactNode } from 'react';
import type { Messages } from '../../i18n/messages';
import { CloudIcon, DeviceIcon } from './CloudIcons';
import type { RenderPath } from './render-path';
import styles from './RenderPathSwitch.module.css';

export interface RenderPathSwitchProps {
  messages: Messages;
  renderPath: RenderPath;
  onChoose: (path: RenderPath) => void;
}

export function RenderPathSwitch({ messages, renderPath, onChoose }: RenderPathSwitchProps) {
  const options: Array<{ path: RenderPath; label: string; short: string; icon: ReactNode }> = [
    { path: 'local', label: messages['cloud.onDevice'], short: messages['cloud.onDeviceShort'], icon: <DeviceIcon /> },
    { path: 'cloud', label: messages['cloud.fromCloud'], short: messages['cloud.fromCloudShort'], icon: <CloudIcon /> },
  ];
  const other: RenderPath = renderPath === 'cloud' ? 'local' : 'cloud';
  return (
    <>
      <div className={styles.switch} role="group" aria-label={messages['cloud.renderPathGroup']}>
        {options.map((option) => (
          <button
            key={option.path}
            type="button"
            className={styles.option}
            aria-pressed={renderPath === option.path}
            aria-label={option.label}
            title={option.label}
            onClick={() => onChoose(option.path)}
            data-testid={`render-path-${option.path}`}
          >
            {option.icon}
            <span className={styles.text} aria-hidden="true">
              {option.short}
            </span>
            <span className={styles.long} aria-hidden="true">
              {option.label}
            </span>
          </button>
        ))}
      </div>
      {/* A phone's top bar has room for one round button: "from the cloud", on or off. */}
      <button
        type="button"
        className={styles.compact}
        aria-pressed={renderPath === 'cloud'}
        aria-label={messages['cloud.fromCloud']}
        title={messages['cloud.fromCloud']}
        onClick={() => onChoose(other)}
        data-testid="render-path-toggle"
      >
        <CloudIcon sizePx={22} />
      </button>
    </>
  );
}
