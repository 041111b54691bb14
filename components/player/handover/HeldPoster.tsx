// The route's poster in the page's own HTML, under the "preparing" veil, for a tour that holds
// the poster before play (Auto): the first picture a phone paints, and the page's largest,
// arrives with the HTML and its preload instead of after the scripts have run and the player
// has started its stage (issue 15, Lighthouse's Largest Contentful Paint). It sits where the
// poster flight will show the same picture, at the same drift, so the veil's fade hands over
// without a jump. Decorative: the poster flight's picture carries the description.
import { posterDriftTransform } from './poster-drift';
import styles from './HeldPoster.module.css';

export function HeldPoster({ src, progress }: { src: string; progress: number }) {
  return (
    <img
      className={styles.image}
      src={src}
      alt=""
      fetchPriority="high"
      style={{ transform: posterDriftTransform(progress) }}
      data-testid="held-poster"
    />
  );
}
