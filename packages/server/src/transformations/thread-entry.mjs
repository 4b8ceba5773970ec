// Worker threads do not inherit a loader registered on the main thread: register tsx, then load
// the TypeScript thread (from src only; the bundle runs dist/transformation-thread.mjs directly).
import { register } from 'tsx/esm/api';

register();
await import('./thread-main.ts');
