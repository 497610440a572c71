import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { MapView } from '../map/MapView.js';
import type { AreaView } from '../map/map-types.js';
import { useMapSettings } from '../map/useMapData.js';
import { hasWebGL } from '../map/webgl.js';

/** The area's boundary on a small map (on the base map when one is configured). */
export function AreaOutline() {
  const record = useRecordContext<AreaView>();
  const translate = useTranslate();
  const settings = useMapSettings();
  if (!record?.geometry || !settings || !hasWebGL()) return null;
  return (
    <Box sx={{ width: '100%', maxWidth: 640, mb: 2 }}>
      <Typography variant="subtitle2" component="h2" sx={{ mb: 1 }}>
        {translate('laget.areas.outline')}
      </Typography>
      <MapView
        styleUrl={settings.styleUrl}
        areas={[record]}
        places={[]}
        label={translate('laget.areas.outline')}
        markerLabel={(p) => p.name}
        height={280}
      />
    </Box>
  );
}
