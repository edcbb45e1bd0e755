import { useEffect, useRef, useState } from 'react';

/** How the panel lays itself out, by the width it has (the dashboard may be an iframe of any width). */
export type WidthClass = 'narrow' | 'medium' | 'wide';

export function widthClassOf(width: number): WidthClass {
  return width < 640 ? 'narrow' : width < 1180 ? 'medium' : 'wide';
}

/** The width of the window the panel lives in, as a class; follows resizes. */
export function useWidthClass(): WidthClass {
  const [width, setWidth] = useState(() => (typeof window === 'undefined' ? 1280 : window.innerWidth));
  const frame = useRef(0);
  useEffect(() => {
    const onResize = () => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => setWidth(window.innerWidth));
    };
    window.addEventListener('resize', onResize);
    return () => { window.removeEventListener('resize', onResize); cancelAnimationFrame(frame.current); };
  }, []);
  return widthClassOf(width);
}
