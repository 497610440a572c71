import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

// MapLibre finds its worker next to its own module file; bundled, that file is gone. Vite emits
// the worker as an asset of our own origin, so the CSP (script-src 'self') lets it run.
maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };
