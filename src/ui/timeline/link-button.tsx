import type { FC, ReactNode } from 'react';
import { Button } from '@wix/design-system';
import { ExternalLink } from '@wix/wix-ui-icons-common';
import type { InboxLink } from './inbox-link.js';

/** A secondary button that follows a host's link: a plain link in a new tab, or the host's own navigation. */
export const LinkButton: FC<{ link: InboxLink; dataHook: string; children: ReactNode }> = ({ link, dataHook, children }) => ('href' in link ? (
  <Button as="a" href={link.href} target="_blank" rel="noreferrer" size="small" priority="secondary" suffixIcon={<ExternalLink />} dataHook={dataHook}>{children}</Button>
) : (
  <Button size="small" priority="secondary" suffixIcon={<ExternalLink />} onClick={link.open} dataHook={dataHook}>{children}</Button>
));
