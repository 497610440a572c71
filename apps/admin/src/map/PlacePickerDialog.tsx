import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
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
 * phone, markers 44 px wide; a tap marks a place (a tap beside a marker the nearest within a
 * fingertip) and shows its name, and "Använd …" takes it. The same places are listed under the
 * map (one tap there picks), for the keyboard, a screen reader, or no WebGL.
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
  // A tap on the map only marks a place; "Använd …" takes it. Town-centre places lie a finger's
  // width apart at the zoom the map opens on, so a mis-tap is shown, not saved.
  const [pendingId, setPendingId] = useState<string | null>(null);
  const pending = pendingId ? (byId.get(pendingId) ?? null) : null;

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
                selectedPlaceId={pendingId ?? selectedPlaceId}
                onPlaceClick={setPendingId}
                onMapClick={(tap) => {
                  const place = nearestPlace(pickable, tap, metresPerPixels(FINGER_PX, tap.zoom, tap.lat));
                  if (place) setPendingId(place.id);
                }}
                label={translate('laget.map.pick_map')}
                markerLabel={(p) => p.name}
                markerText={(p) => (p.id === (pendingId ?? selectedPlaceId) ? p.name : '')}
                height={phone ? '60vh' : 420}
                touch
              />
            )}
            {pending && (
              <Box
                role="status"
                sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mt: 1 }}
              >
                <Typography sx={{ flex: 1 }}>
                  {translate('laget.map.pick_pending', { name: pending.name })}
                </Typography>
                <Button variant="contained" onClick={() => onPick(pending)} sx={{ minHeight: 44 }}>
                  {translate('laget.map.pick_use', { name: pending.name })}
                </Button>
              </Box>
            )}
            <List dense aria-label={translate('laget.map.pick_list')}>
              {pickable.map((p) => (
                <ListItem key={p.id} disablePadding>
                  <ListItemButton
                    selected={p.id === selectedPlaceId}
                    onClick={() => onPick(p)}
                    sx={{ minHeight: 44 }}
                  >
                    <ListItemText primary={p.name} />
                  </ListItemButton>
                </ListItem>
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
