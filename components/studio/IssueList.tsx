'use client';
// The route's problems in plain words, errors first: choosing one shows the keyframe or
// stretch on the map. Errors block publishing; warnings are advice.
import { countErrors, type RouteIssue } from '@/scenes/routes/route-issue';
import type { Locale } from '../i18n/locale';
import { formatMessage, type Messages } from '../i18n/messages';
import controls from './studio-controls.module.css';
import styles from './IssueList.module.css';

export interface IssueListProps {
  issues: readonly RouteIssue[];
  locale: Locale;
  messages: Messages;
  onSelect(issue: RouteIssue): void;
}

export function IssueList({ issues, locale, messages: m, onSelect }: IssueListProps) {
  const errorCount = countErrors(issues);
  const warningCount = issues.length - errorCount;
  const ordered = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <section className={controls.panel} aria-label={m['studio.issues.title']} data-testid="issue-list" data-errors={errorCount}>
      <h2 className={controls.panelTitle}>
        {m['studio.issues.title']}
        <span className={styles.issueCounts}>
          {errorCount === 0 && warningCount === 0
            ? m['studio.issues.none']
            : formatMessage(m['studio.issues.counts'], { errors: errorCount, warnings: warningCount })}
        </span>
      </h2>
      {ordered.length > 0 && (
        <ul className={styles.issues}>
          {ordered.map((issue, i) => (
            <li key={`${issue.code}-${i}`}>
              <button
                type="button"
                className={styles.issue}
                data-severity={issue.severity}
                onClick={() => onSelect(issue)}
                data-testid="route-issue"
                data-code={issue.code}
                data-keyframe={issue.keyframeIndex}
              >
                <span className={styles.issueMark} aria-hidden="true">
                  {issue.severity === 'error' ? '!' : 'i'}
                </span>
                <span>{issue.message[locale]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
