import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';

/**
 * Prisma's own schema engine, compiled to WebAssembly (@prisma/schema-engine-wasm, pinned in package.json).
 * The Prisma CLI would download a native engine binary, which these machines cannot; the WASM engine runs
 * offline and talks to the database through the same driver adapters as the app (pg or PGlite).
 *
 * We instantiate the .wasm ourselves instead of importing it, so Node 20 needs no --experimental-wasm-modules.
 */
type SchemaEngine = engineBindings.SchemaEngine;

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    // turbopackIgnore: resolve at run time from node_modules, not at bundle time (Next rewrites the path).
    const packageDir = path.dirname(
      require.resolve(/* turbopackIgnore: true */ '@prisma/schema-engine-wasm/schema_engine_bg'),
    );
    const bytes = await readFile(path.join(packageDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': withUnrefTimers(engineBindings as unknown as WebAssembly.ModuleImports),
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/**
 * The engine arms 10-second timers that it never clears; unref them so that a CLI run that has finished
 * migrating exits at once instead of waiting for them.
 */
function withUnrefTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const wrapped: WebAssembly.ModuleImports = { ...imports };
  for (const [name, value] of Object.entries(imports)) {
    if (name.startsWith('__wbg_setTimeout_') && typeof value === 'function') {
      wrapped[name] = (...args: unknown[]) => {
        const timer = (value as (...a: unknown[]) => NodeJS.Timeout)(...args);
        timer.unref?.();
        return timer;
      };
    }
  }
  return wrapped;
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Starts a schema engine bound to a database through a driver adapter factory. Call `free()` when done. */
export async function startSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaText?: string,
): Promise<SchemaEngine> {
  await loadWasm();
  const logs: string[] = [];
  return engineBindings.SchemaEngine.new(
    { datamodels: schemaText ? [['schema.prisma', schemaText]] : undefined },
    (log: string) => logs.push(log),
    bindMigrationAwareSqlAdapterFactory(withWholeScripts(adapterFactory)),
  );
}

type MigrationAdapter = Awaited<ReturnType<SqlMigrationAwareDriverAdapterFactory['connect']>>;

/**
 * The pg adapter runs a migration's script statement by statement, split at every `;`, which cuts a function's
 * body (a trigger in PL/pgSQL) in pieces. PostgreSQL takes the whole script in one simple query, as
 * `prisma migrate deploy` sends it (and as the PGlite adapter does): give the engine adapters that do so.
 */
function withWholeScripts(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  const whole = (adapter: MigrationAdapter): MigrationAdapter => {
    // The adapter's pg.Pool: a query without parameters goes by the simple protocol, which allows many statements.
    const pool = (adapter as { client?: { query?: unknown } }).client;
    if (adapter.adapterName !== '@prisma/adapter-pg' || typeof pool?.query !== 'function') return adapter;
    const query = pool.query.bind(pool) as (text: string) => Promise<unknown>;
    return Object.assign(Object.create(adapter) as MigrationAdapter, {
      executeScript: async (script: string) => {
        await query(script);
      },
    });
  };
  return Object.assign(Object.create(factory) as SqlMigrationAwareDriverAdapterFactory, {
    connect: async () => whole(await factory.connect()),
    connectToShadowDb: async () => whole(await factory.connectToShadowDb()),
  });
}
