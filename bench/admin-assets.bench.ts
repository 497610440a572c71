import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { printTable } from './support/table.js';

/** One entry of vite's build manifest (dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** A route as a person opens it: the modules React.lazy loads for it (none for the login). */
interface Route {
  name: string;
  pages: string[];
}

/** Every page after login renders inside the app bar and menu, loaded with the first of them. */
const layout = 'src/layout/Layout.tsx';

const routes: Route[] = [
  { name: 'login (#/login)', pages: [] },
  { name: 'reporter report form (#/my-report)', pages: [layout, 'src/reports/MyReport.tsx'] },
  { name: 'map (#/karta)', pages: [layout, 'src/map/MapPage.tsx'] },
  {
    name: 'coordinator lägesbild workspace (#/lagesbilder/:id/show)',
    pages: [layout, 'src/lagesbilder/LagesbildPage.tsx'],
  },
];
const workspace = 'src/lagesbilder/LagesbildPage.tsx';

/** The chunk files a key pulls in before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the admin's build manifest: was the page renamed?`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

/**
 * Admin assets (issue 15): the JavaScript each route downloads on its first load (the entry, the
 * chunks it imports statically, and the route's lazy page with its imports), raw and gzip (zlib
 * level 9), from the built panel's manifest. Uses apps/admin/dist when it is there (`npm run bench` builds first), else builds it. Target:
 * the login page ≤ 250 kB gzip.
 */
export async function benchAdminAssets(): Promise<void> {
  const admin = resolve(process.cwd(), 'apps/admin');
  const manifestPath = join(admin, 'dist/.vite/manifest.json');
  if (!existsSync(manifestPath)) {
    execFileSync('npm', ['run', 'build', '--workspace', '@laget/admin'], { stdio: 'ignore' });
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('The admin build manifest has no entry');
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const bytes = readFileSync(join(admin, 'dist', file));
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      sizes.set(file, size);
    }
    return size;
  };
  const kB = (bytes: number) => (bytes / 1000).toFixed(1);
  const login = staticClosure(manifest, entry);
  const workspaceChunk = manifest[workspace]!.file;
  const rows = routes.map((route) => {
    const files = new Set(login);
    for (const page of route.pages) staticClosure(manifest, page, files);
    const total = [...files].map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));
    return [
      route.name,
      String(files.size),
      kB(total.raw),
      kB(total.gzip),
      route.pages.includes(workspace) ? '–' : files.has(workspaceChunk) ? 'yes' : 'no',
    ];
  });
  printTable(['route (first load)', 'JS files', 'JS kB raw', 'JS kB gzip', 'loads the workspace'], rows);
  const all = Object.values(manifest)
    .map((chunk) => chunk.file)
    .filter((file, index, files) => file.endsWith('.js') && files.indexOf(file) === index);
  const whole = all.map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));
  console.log(
    `\nAll ${all.length} JS files of the panel: ${kB(whole.raw)} kB raw, ${kB(whole.gzip)} kB gzip.`,
  );
}
