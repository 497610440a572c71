import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  CircularProgress,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { addWeeks, isWeek, weekOf } from '../analysis/iso-week.js';
import { CategoryOrganisationFields } from '../shared/CategoryOrganisationFields.js';
import { summarisePlaces, type PlaceSummary, type Weighting } from './hotspots.js';
import { MapView } from './MapView.js';
import { PlaceDetails } from './PlaceDetails.js';
import { pickablePlaces } from './place-picking.js';
import { PlaceTable } from './PlaceTable.js';
import { useAreas, useMapIncidents, useMapSettings, usePlaceRegister, type MapFilter } from './useMapData.js';
import { hasWebGL } from './webgl.js';

/** Weeks the page opens on: the last quarter up to the running week. */
const OPENING_WEEKS = 13;

/**
 * Karta (issue 20): where the period's incidents happened. Areas as outlines, places as markers
 * with their counts, a hot-spot layer by count or severity, filters as on Analys; a chosen place
 * shows its incidents and weeks beside the map, and a table under it holds the same figures.
 */
export function MapPage() {
  const translate = useTranslate();
  const thisWeek = weekOf(new Date());
  const [weeks, setWeeks] = useState({ from: addWeeks(thisWeek, -(OPENING_WEEKS - 1)), to: thisWeek });
  const [filter, setFilter] = useState<MapFilter>({ from: weeks.from, to: weeks.to });
  const [hotspots, setHotspots] = useState<Weighting | 'off'>('count');
  const [selected, setSelected] = useState<string | null>(null);
  const weeksValid = isWeek(weeks.from) && isWeek(weeks.to) && weeks.from <= weeks.to;
  useEffect(() => {
    if (weeksValid) setFilter((f) => ({ ...f, from: weeks.from, to: weeks.to }));
  }, [weeks, weeksValid]);

  const settings = useMapSettings();
  const areas = useAreas();
  const register = usePlaceRegister();
  const incidents = useMapIncidents(filter);
  const webgl = useMemo(() => hasWebGL(), []);

  const places = useMemo(() => pickablePlaces(register), [register]);
  const summaries = useMemo(
    () => summarisePlaces(incidents.status === 'done' ? incidents.value.features : [], places),
    [incidents, places],
  );
  const chosen: PlaceSummary | null = summaries.find((s) => s.id === selected) ?? null;
  const total = summaries.reduce((n, s) => n + s.count, 0);

  const set = (key: 'category' | 'organisationId', value: string | undefined) =>
    setFilter((f) => ({ ...f, [key]: value }));
  const markerLabel = (place: { name: string; count?: number }) =>
    place.count === 1
      ? translate('laget.map.marker_one', { name: place.name })
      : translate('laget.map.marker', { name: place.name, count: place.count ?? 0 });

  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={translate('laget.map.title')} />
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {translate('laget.map.title')}
      </Typography>
      <Stack
        component="form"
        aria-label={translate('laget.map.filters')}
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'flex-start' }}
        onSubmit={(e) => e.preventDefault()}
      >
        <TextField
          id="map-from"
          label={translate('laget.map.from')}
          value={weeks.from}
          onChange={(e) => setWeeks((w) => ({ ...w, from: e.target.value }))}
          error={!isWeek(weeks.from)}
          helperText={translate('laget.map.week_help')}
          size="small"
        />
        <TextField
          id="map-to"
          label={translate('laget.map.to')}
          value={weeks.to}
          onChange={(e) => setWeeks((w) => ({ ...w, to: e.target.value }))}
          error={!isWeek(weeks.to) || (isWeek(weeks.from) && weeks.from > weeks.to)}
          helperText={translate('laget.map.week_help')}
          size="small"
        />
        <CategoryOrganisationFields scope="map" filter={filter} onChange={set} />
        <Box role="group" aria-labelledby="map-hotspots-label">
          <Typography id="map-hotspots-label" variant="caption" component="div">
            {translate('laget.map.hotspots')}
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={hotspots}
            onChange={(_e, value: Weighting | 'off' | null) => value && setHotspots(value)}
          >
            <ToggleButton value="off">{translate('laget.map.hotspots_off')}</ToggleButton>
            <ToggleButton value="count">{translate('laget.map.hotspots_count')}</ToggleButton>
            <ToggleButton value="severity">{translate('laget.map.hotspots_severity')}</ToggleButton>
          </ToggleButtonGroup>
        </Box>
      </Stack>
      {incidents.status === 'error' && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {translate('laget.map.error', { message: incidents.message })}
        </Alert>
      )}
      <Typography variant="body2" sx={{ mb: 1 }} aria-live="polite">
        {incidents.status === 'loading'
          ? translate('laget.map.loading')
          : translate('laget.map.summary', {
              incidents: total,
              places: summaries.filter((s) => s.count > 0).length,
            })}{' '}
        {translate('laget.map.outside_places')}
      </Typography>
      {places.length === 0 && incidents.status === 'done' && total === 0 && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('laget.map.no_places')}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '2fr 1fr' } }}>
        {!webgl ? (
          <Alert severity="warning">{translate('laget.map.no_webgl')}</Alert>
        ) : settings === null ? (
          <CircularProgress aria-label={translate('laget.map.loading')} />
        ) : (
          <MapView
            styleUrl={settings.styleUrl}
            areas={areas}
            places={summaries}
            heat={hotspots === 'off' ? null : { summaries, weighting: hotspots }}
            selectedPlaceId={selected}
            onPlaceClick={setSelected}
            label={translate('laget.map.map_label')}
            markerLabel={markerLabel}
            height={{ xs: 360, md: 560 }}
          />
        )}
        <PlaceDetails place={chosen} from={filter.from} to={filter.to} onClose={() => setSelected(null)} />
      </Box>
      <PlaceTable summaries={summaries} selectedPlaceId={selected} onSelect={setSelected} />
    </Box>
  );
}
