// The friendly 404, for unknown URLs and unpublished flights: in the visitor's language,
// with the other language beneath, since a lost visitor may not have chosen one yet.
import { MistyPillarsArt } from '../components/catalogue/MistyPillarsArt';
import { StatusPage } from './_status/StatusPage';
import styles from './not-found.module.css';

export default function NotFound() {
  return <StatusPage code={404} messagesOf="notFound" backHref="/" art={<MistyPillarsArt className={styles.art} />} />;
}
