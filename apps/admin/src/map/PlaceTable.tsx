import {
  Button,
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import type { PlaceSummary } from './hotspots.js';

/**
 * The map as a table: every place with its area, count and summed assessment. The accessible
 * alternative to the map, and what the page shows alone where WebGL is missing.
 */
export function PlaceTable({
  summaries,
  selectedPlaceId,
  onSelect,
}: {
  summaries: readonly PlaceSummary[];
  selectedPlaceId: string | null;
  onSelect: (placeId: string) => void;
}) {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby="map-table-title" sx={{ mt: 2 }}>
      <CardContent>
        <Typography id="map-table-title" variant="h6" component="h2" sx={{ mb: 1 }}>
          {translate('laget.map.table_title')}
        </Typography>
        <Table size="small" aria-labelledby="map-table-title">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {translate('laget.map.table_place')}
              </TableCell>
              <TableCell component="th" scope="col">
                {translate('laget.map.table_area')}
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                {translate('laget.map.table_count')}
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                {translate('laget.map.table_severity')}
              </TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {summaries.map((s) => (
              <TableRow key={s.id} selected={s.id === selectedPlaceId}>
                <TableCell component="th" scope="row">
                  {s.name}
                </TableCell>
                <TableCell>{s.areaName ?? translate('laget.map.no_area')}</TableCell>
                <TableCell align="right">{s.count}</TableCell>
                <TableCell align="right">{s.severitySum}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    aria-label={`${translate('laget.map.table_show')} ${s.name}`}
                    onClick={() => onSelect(s.id)}
                  >
                    {translate('laget.map.table_show')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
