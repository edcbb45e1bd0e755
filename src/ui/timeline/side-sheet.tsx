import { useLayoutEffect, useRef, type FC, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { WixDesignSystemProvider } from '@wix/design-system';

interface Props {
  /** The panel's accessible name. */
  label: string;
  /** Full window width (narrow screens) or a fixed width beside the page. */
  width: string;
  onClose(): void;
  dataHook?: string;
  children: ReactNode;
}

/**
 * Where focus goes back to: the opener, or — when a refresh has put a new element in its place — the element that now
 * stands for it (same data-hook and accessible name, e.g. the same row's "View").
 */
function returnTarget(opener: HTMLElement | undefined): HTMLElement | null | undefined {
  if (!opener || opener.isConnected) return opener;
  const hook = opener.getAttribute('data-hook');
  const label = opener.getAttribute('aria-label');
  if (!hook || !label) return undefined;
  return document.querySelector<HTMLElement>(`[data-hook="${CSS.escape(hook)}"][aria-label="${CSS.escape(label)}"]`);
}

/**
 * A side panel over the page's right edge, fixed to the window (rendered at the document's root, so no scrolling
 * container or transformed ancestor can carry it away), scrolling on its own. Escape closes it; focus moves into
 * it when it opens and, if it is still there, back to where it was when it closes. The page beside it stays usable
 * (not modal).
 */
export const SideSheet: FC<Props> = ({ label, width, onClose, dataHook, children }) => {
  const root = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  // A layout effect: on close, focus is back on the opener before the panel leaves the page, never on the body.
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const first = root.current?.querySelector<HTMLElement>('button, [href], [tabindex]:not([tabindex="-1"])');
    (first ?? root.current)?.focus({ preventScroll: true });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close.current();
    };
    document.addEventListener('keydown', onKey);
    const panel = root.current;
    return () => {
      document.removeEventListener('keydown', onKey);
      // Only focus the panel held goes back; if the owner has moved on to the page beside it, focus stays there.
      const active = document.activeElement;
      if (!active || active === document.body || panel?.contains(active)) returnTarget(opener)?.focus({ preventScroll: true });
    };
  }, []);

  return createPortal(
    <WixDesignSystemProvider features={{ newColorsBranding: true }}>
      <div ref={root} role="dialog" aria-modal="false" aria-label={label} tabIndex={-1} data-hook={dataHook}
        style={{ position: 'fixed', top: 0, right: 0, bottom: 0, width, maxWidth: '100vw', zIndex: 1000, display: 'flex', outline: 'none',
          boxShadow: '0 3px 24px 0 rgba(22, 45, 61, 0.18), 0 8px 8px 0 rgba(22, 45, 61, 0.12)' }}>
        {children}
      </div>
    </WixDesignSystemProvider>,
    document.body,
  );
};
