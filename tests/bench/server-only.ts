/**
 * Lets the benchmark load the app's modules marked `import 'server-only'` (the dashboard pages' loaders) outside
 * Next.js. The `server-only` package throws when imported unless it is resolved with the `react-server` condition,
 * which is how Next resolves it for server code (to an empty module). Only that package is resolved differently:
 * React and everything else load as in any Node process.
 */
import { register } from 'node:module';

const HOOKS = `export async function resolve(specifier, context, nextResolve) {
  if (specifier !== 'server-only') return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
}`;

let isRegistered = false;

/**
 * From now on, resolves `server-only` as Next does on the server. A module graph is resolved before any of it
 * runs, so the modules that need this must be imported dynamically, after the call.
 */
export function allowServerOnlyImports(): void {
  if (isRegistered) return;
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
  isRegistered = true;
}
