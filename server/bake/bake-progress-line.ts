// One line of bake progress for a terminal: a bar, frames done of total, frames per
// second and the time left. Pure, so the CLI can redraw it in place or print it plainly.
import type { BakeProgress } from './bake-route';

const BAR_CELLS = 24;

export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

export function formatBakeProgress(
  label: string,
  progress: Pick<BakeProgress, 'framesDone' | 'framesTotal' | 'framesPerSecond' | 'etaS'>,
): string {
  const fraction = progress.framesTotal === 0 ? 1 : progress.framesDone / progress.framesTotal;
  const filled = Math.round(fraction * BAR_CELLS);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const fps = progress.framesPerSecond === null ? '  – fps' : `${progress.framesPerSecond.toFixed(1).padStart(5)} fps`;
  const eta = progress.etaS === null ? 'ETA –' : `ETA ${formatDuration(progress.etaS)}`;
  return `${label} [${bar}] ${percent} ${progress.framesDone}/${progress.framesTotal} frames ${fps} ${eta}`;
}
