// Types of scripts/bundles.mjs, for the tests that build the bundles again (TypeScript).
import type { BuildOptions } from 'esbuild';

export interface BundleEntry {
  in: string;
  out: string;
  vsix?: boolean;
  format?: 'iife' | 'cjs';
  external?: string[];
}
export const BROWSER_BUNDLE_LIMIT: number;
export const NODE_ENTRIES: BundleEntry[];
export const BROWSER_ENTRIES: BundleEntry[];
export function bundleOptions(entry: BundleEntry, options: { production: boolean; browser: boolean }): BuildOptions;
