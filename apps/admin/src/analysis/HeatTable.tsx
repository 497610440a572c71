import {
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { TrendsAnswer } from '@laget/contracts';
import { useTranslate } from 'react-admin';

/**
 * Places × weeks: the count in every cell as text, its shade only a second cue (never the only
 * one, and dark enough text on the lightest and darkest shade alike).
 */
export function HeatTable({ trends }: { trends: TrendsAnswer }) {
  const translate = useTranslate();
  const most = Math.max(1, ...trends.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  return (
    <Card component="section" aria-labelledby="heat-title" sx={{ mb: 2 }}>
      <CardContent>
        <Typography id="heat-title" variant="h6" component="h2">
          {translate('laget.analysis.heat_title')}
        </Typography>
        {trends.series.length === 0 ? (
          <Typography sx={{ my: 2 }}>{translate('laget.analysis.empty')}</Typography>
        ) : (
          <TableContainer tabIndex={0} aria-label={translate('laget.analysis.heat_title')}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    {translate('laget.analysis.place')}
                  </TableCell>
                  {trends.buckets.map((bucket) => (
                    <TableCell key={bucket} component="th" scope="col" align="center">
                      {bucket.slice(5)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {trends.series.map((series) => (
                  <TableRow key={series.key}>
                    <TableCell component="th" scope="row">
                      {series.label}
                    </TableCell>
                    {series.values.map((value, index) => (
                      <TableCell
                        key={trends.buckets[index]}
                        align="center"
                        sx={{
                          // Orange at most 60 % strong: black text stays readable (WCAG AA) on every shade.
                          backgroundColor: value ? `rgba(230, 120, 20, ${(0.6 * value) / most})` : undefined,
                          color: 'text.primary',
                        }}
                      >
                        {value === null ? '–' : value}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
    </Card>
  );
}
