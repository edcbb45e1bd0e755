/** Types of scripts/bundle.mjs (plain JavaScript, so `npm run serve` needs no TypeScript runner to start). */
export declare const ROOT: string;
export declare const DEFAULT_OUT: string;
export declare const BROWSER_ENTRIES: Record<'dashboard' | 'contact' | 'simulator', string>;
export type BundleTarget = 'server' | 'start' | 'browser';
export declare const TARGETS: Record<BundleTarget, Record<string, unknown>>;
export declare function isFresh(target: BundleTarget, out?: string): boolean;
export declare function ensureBundled(target: BundleTarget, options?: { out?: string; force?: boolean }): Promise<string[]>;
