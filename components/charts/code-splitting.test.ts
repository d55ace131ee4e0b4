import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * recharts (≈ 445 kB of JavaScript, 130 kB gzip) must not be part of the code a page needs before it is
 * interactive: only the charts' drawing modules (`*-drawing.tsx`) import it, and they are loaded on demand with
 * `import()` (React.lazy) when a chart is drawn. A static import of either would put recharts back into the
 * first load of every page with a chart (measured by `npm run bench:js`).
 */
const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const files = ['app', 'components', 'lib']
  .flatMap(sourceFiles)
  .filter((file) => !file.includes('/generated/'));
/** Static imports and re-exports (not `import type`), with what they import from. */
const staticImportsOf = (source: string) =>
  [...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+'([^']+)'/gms)].map(
    (match) => match[1],
  );

/** A drawing module, or the parts they share (which only they import, below). */
const isDrawingCode = (file: string) =>
  /^components\/charts\/[a-z-]+-drawing\.tsx$/.test(file) || file === 'components/charts/drawing-parts.tsx';

describe('chart code splitting', () => {
  it('imports recharts only in the charts’ drawing modules', () => {
    const importers = files.filter((file) =>
      staticImportsOf(readFileSync(path.join(root, file), 'utf8')).some(
        (specifier) => specifier === 'recharts' || specifier?.startsWith('recharts/'),
      ),
    );
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !isDrawingCode(file))).toEqual([]);
  });

  it('imports the drawing modules’ shared parts only in drawing modules', () => {
    const importers = files.filter((file) =>
      staticImportsOf(readFileSync(path.join(root, file), 'utf8')).some((specifier) =>
        /\/drawing-parts$/.test(specifier ?? ''),
      ),
    );
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !/-drawing\.tsx$/.test(file))).toEqual([]);
  });

  it('loads the drawing modules only on demand, through chart-drawings.ts and import()', () => {
    const staticImporters = files.filter((file) =>
      staticImportsOf(readFileSync(path.join(root, file), 'utf8')).some(
        (specifier) => /-drawing$/.test(specifier ?? '') || /\/chart-drawings$/.test(specifier ?? ''),
      ),
    );
    expect(staticImporters).toEqual(['components/charts/chart-drawings.ts']);
    const drawings = readFileSync(path.join(root, 'components/charts/chart-drawings.ts'), 'utf8');
    for (const drawing of sourceFiles('components/charts').filter((file) => file.endsWith('-drawing.tsx'))) {
      expect(drawings).toContain(`from './${path.basename(drawing, '.tsx')}'`);
    }
    const lazyImporters = files.filter((file) =>
      readFileSync(path.join(root, file), 'utf8').includes("import('./chart-drawings')"),
    );
    expect(lazyImporters.length).toBeGreaterThan(0);
  });
});
