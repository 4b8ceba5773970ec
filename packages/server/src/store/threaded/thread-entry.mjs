// Worker threads do not inherit a loader registered with module.register() on the main thread,
// so the store thread registers tsx itself before loading its TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./thread-main.ts');
