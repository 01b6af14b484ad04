/** The app version, baked in at bundle time; falls back for tsx/vitest runs from source. */
declare const __FOCAL_VERSION__: string | undefined;
export const FOCAL_VERSION: string = typeof __FOCAL_VERSION__ === 'string' ? __FOCAL_VERSION__ : '0.1.0';
