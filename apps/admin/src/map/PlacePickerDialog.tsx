import { useMemo } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItemButton,
  ListItemText,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import type { PlaceView } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { MapView } from './MapView.js';
import { metresPerPixels, nearestPlace, pickablePlaces } from './place-picking.js';
import type { PlacePoint } from './map-types.js';
import { useAreas, useMapSettings } from './useMapData.js';
import { hasWebGL } from './webgl.js';

/** How far from a place a tap on the map still picks it: a fingertip. */
const FINGER_PX = 32;

/**
 * The reporter picks the incident's place by tapping it on the map (issue 20). Full screen on a
 * phone, markers 44 px wide; a tap beside a marker picks the nearest place within a fingertip.
 * The same places are listed under the map, for the keyboard, a screen reader, or no WebGL.
 */
export function PlacePickerDialog({
  open,
  places,
  selectedPlaceId,
  onPick,
  onClose,
}: {
  open: boolean;
  places: readonly PlaceView[];
  selectedPlaceId: string | null;
  onPick: (place: PlacePoint) => void;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const settings = useMapSettings();
  const areas = useAreas();
  const pickable = useMemo(() => pickablePlaces(places), [places]);
  const webgl = useMemo(() => hasWebGL(), []);
  const byId = useMemo(() => new Map(pickable.map((p) => [p.id, p])), [pickable]);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullScreen={phone}
      fullWidth
      maxWidth="md"
      aria-labelledby="place-picker-title"
    >
      <DialogTitle id="place-picker-title">{translate('laget.map.pick_title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('laget.map.pick_help')}
        </Typography>
        {pickable.length === 0 ? (
          <Alert severity="info">{translate('laget.map.pick_none')}</Alert>
        ) : (
          <>
            {webgl && settings && (
              <MapView
                styleUrl={settings.styleUrl}
                areas={areas}
                places={pickable}
                selectedPlaceId={selectedPlaceId}
                onPlaceClick={(id) => {
                  const place = byId.get(id);
                  if (place) onPick(place);
                }}
                onMapClick={(tap) => {
                  const place = nearestPlace(pickable, tap, metresPerPixels(FINGER_PX, tap.zoom, tap.lat));
                  if (place) onPick(place);
                }}
                label={translate('laget.map.pick_title')}
                markerLabel={(p) => translate('laget.map.pick_marker', { name: p.name })}
                markerText={(p) => p.name}
                height={phone ? '60vh' : 420}
                touch
              />
            )}
            <List dense aria-label={translate('laget.map.pick_list')}>
              {pickable.map((p) => (
                <ListItemButton
                  key={p.id}
                  selected={p.id === selectedPlaceId}
                  onClick={() => onPick(p)}
                  sx={{ minHeight: 44 }}
                >
                  <ListItemText primary={p.name} />
                </ListItemButton>
              ))}
            </List>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} sx={{ minHeight: 44 }}>
          {translate('laget.map.pick_cancel')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
