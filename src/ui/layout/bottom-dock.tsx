import type { FC, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { WixDesignSystemProvider } from '@wix/design-system';

/**
 * Pins its content to the bottom of the window (rendered at the document's root, so the page's own scrolling
 * cannot carry it away), and leaves room for it under the page: on a phone, Save stays in reach while the owner
 * scrolls through the form.
 */
export const BottomDock: FC<{ dataHook?: string; children: ReactNode; reserve?: number }> = ({ dataHook, children, reserve = 120 }) => (
  <>
    <div style={{ height: reserve }} aria-hidden />
    {createPortal(
      <WixDesignSystemProvider features={{ newColorsBranding: true }}>
        <div data-hook={dataHook} style={{ position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 900, padding: 8,
          boxShadow: '0 -2px 12px rgba(22, 45, 61, 0.12)', background: '#f0f4f7' }}>
          {children}
        </div>
      </WixDesignSystemProvider>,
      document.body,
    )}
  </>
);
