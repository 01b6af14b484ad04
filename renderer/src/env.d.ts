/** Vite bundles CSS imported from modules; TypeScript only needs to know such imports exist. */
declare module '*.css';
