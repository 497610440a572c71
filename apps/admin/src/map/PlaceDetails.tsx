import {
  Box,
  Card,
  CardContent,
  IconButton,
  Link as MuiLink,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { BarChart } from '@mui/x-charts/BarChart';
import { useCanAccess, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { weeklyCounts, type PlaceSummary } from './hotspots.js';
import { placeIncidentItems } from './place-incidents.js';

/**
 * A chosen place: its incidents in the period (from the map query, so no second request) and
 * their count per week. The incidents are listed without free text, as the map query carries
 * none; each links to its report, where the text is, for those who may read reports (the EST
 * group and the reviewer see the map but not the reports: no link to a page they would be refused).
 */
export function PlaceDetails({
  place,
  from,
  to,
  onClose,
}: {
  place: PlaceSummary | null;
  from: string;
  to: string;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const { canAccess: mayReadReports } = useCanAccess({ action: 'show', resource: 'reports' });
  if (!place)
    return (
      <Card variant="outlined" sx={{ height: '100%' }}>
        <CardContent>
          <Typography color="text.secondary">{translate('laget.map.place_none')}</Typography>
        </CardContent>
      </Card>
    );
  const trend = weeklyCounts(place.incidents, from, to);
  const incidents = placeIncidentItems(place.incidents);
  return (
    <Card component="section" aria-labelledby="map-place-title" variant="outlined">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between' }}>
          <Box>
            <Typography id="map-place-title" variant="h6" component="h2">
              {place.name}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {place.areaName ?? translate('laget.map.no_area')}
            </Typography>
          </Box>
          <IconButton aria-label={translate('laget.map.place_close')} onClick={onClose} size="small">
            <CloseIcon />
          </IconButton>
        </Box>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
          {translate('laget.map.place_trend')}
        </Typography>
        <BarChart
          height={160}
          xAxis={[{ scaleType: 'band', data: trend.weeks.map((w) => w.slice(5)) }]}
          yAxis={[{ tickMinStep: 1 }]}
          series={[{ data: trend.counts, label: translate('laget.map.table_count') }]}
          hideLegend
          margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
        />
        <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
          {translate('laget.map.place_incidents')}
        </Typography>
        {incidents.length === 0 ? (
          <Typography variant="body2">{translate('laget.map.place_no_incidents')}</Typography>
        ) : (
          <List dense aria-label={translate('laget.map.place_incidents')}>
            {incidents.map((item) => (
              <ListItem key={item.incidentId} disableGutters>
                <ListItemText
                  primary={
                    mayReadReports ? (
                      <MuiLink component={Link} to={item.reportPath}>
                        {item.title}
                      </MuiLink>
                    ) : (
                      item.title
                    )
                  }
                  secondary={[
                    item.organisationName,
                    item.severity === null
                      ? null
                      : translate('laget.map.severity', { severity: item.severity }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}
