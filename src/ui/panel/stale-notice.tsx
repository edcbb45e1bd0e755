import type { FC } from 'react';
import { SectionHelper } from '@wix/design-system';
import { failureText } from '../api/failure-text.js';
import { timeAgo } from '../format/time.js';
import { useNow } from '../hooks/use-now.js';

interface Props {
  /** When the data on screen arrived. */
  loadedAt?: number;
  /** Why the last refresh failed. */
  error: unknown;
  /** Whether the panel keeps retrying by itself (auto refresh on). */
  retrying: boolean;
  onRetry(): void;
}

/** Shown while refreshes fail and older data stays on screen: how old it is, that it is retrying, and why. */
export const StaleNotice: FC<Props> = ({ loadedAt, error, retrying, onRetry }) => {
  const now = useNow();
  const age = loadedAt ? timeAgo(new Date(loadedAt).toISOString(), now) : 'a while ago';
  return (
    <SectionHelper skin="warning" size="small" fullWidth dataHook="stale-notice"
      title={`Last updated ${age === 'just now' ? 'less than a minute ago' : age}${retrying ? ' — retrying' : ''}`}
      actionText="Try now" onAction={onRetry}>
      {failureText(error)}
    </SectionHelper>
  );
};
