import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { TrendsAnswer } from '@laget/contracts';
import { useTranslate } from 'react-admin';

/** Read aloud, not shown. */
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * The chart's data as a table: the alternative to the picture for a screen reader or a keyboard,
 * and the exact figures for everyone. A missing week says so instead of a blank.
 */
export function TrendTable({ trends, caption }: { trends: TrendsAnswer; caption: string }) {
  const translate = useTranslate();
  return (
    <TableContainer tabIndex={0} aria-label={caption} sx={{ maxHeight: 420 }}>
      <Table size="small" stickyHeader>
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {translate('laget.analysis.series')}
            </TableCell>
            {trends.buckets.map((bucket) => (
              <TableCell key={bucket} component="th" scope="col" align="right">
                {bucket}
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
                <TableCell key={trends.buckets[index]} align="right">
                  {value === null ? (
                    <span title={translate('laget.analysis.missing')}>
                      –<span style={visuallyHidden}>{translate('laget.analysis.missing')}</span>
                    </span>
                  ) : (
                    value.toLocaleString('sv-SE')
                  )}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
