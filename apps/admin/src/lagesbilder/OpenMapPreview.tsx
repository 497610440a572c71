import { useEffect } from 'react';
import { Box, Typography } from '@mui/material';
import type { OpenMapPreview as Preview } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { useGet } from '../shared/useGet.js';

/**
 * The open map the approval will publish (ADR 0030), for the reviewer to see before approving:
 * counted by the server as publishing now would count it, from the open version and the areas in
 * force. Shown as an image of the server's SVG (never inserted as markup) with its words as alt
 * text; nothing where no map would be published. `version` re-asks after every change.
 * `onSeen` gets the map's hash once it is shown (undefined until then), for the approval to send:
 * the server refuses it if areas were redrawn since (409), so what is approved is what was seen.
 */
export function OpenMapPreview({
  period,
  version,
  onSeen,
}: {
  period: string;
  version: number;
  onSeen?: (hash: string | null | undefined) => void;
}) {
  const translate = useTranslate();
  const loaded = useGet<Preview>(`/api/lagesbilder/${encodeURIComponent(period)}/open-map-preview`, version);
  const failed = loaded.status === 'error';
  const preview = loaded.status === 'done' ? loaded.value : null;
  const seen = preview ? preview.hash : undefined;
  useEffect(() => onSeen?.(seen), [onSeen, seen]);

  if (failed) {
    return (
      <Typography variant="body2" color="error">
        {translate('laget.lagesbild.map_preview_failed')}
      </Typography>
    );
  }
  if (!preview?.svg) return null;
  return (
    <Box component="figure" sx={{ m: 0 }} aria-labelledby="map-preview-caption">
      <Typography id="map-preview-caption" component="figcaption" variant="subtitle2">
        {translate('laget.lagesbild.map_preview', { min: preview.minCount ?? '' })}
      </Typography>
      <Box
        component="img"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(preview.svg)}`}
        alt={preview.alt ?? ''}
        width={preview.width ?? undefined}
        height={preview.height ?? undefined}
        sx={{ maxWidth: '100%', height: 'auto', border: 1, borderColor: 'divider' }}
      />
    </Box>
  );
}
