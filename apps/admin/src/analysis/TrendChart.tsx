import { useState } from 'react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Card,
  CardContent,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import type { TrendsAnswer } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { TrendTable } from './TrendTable.js';

/** At most this many series drawn; the table holds them all. */
const MOST_SERIES = 8;

/**
 * One trend as a line or bar chart with its data table beside it (in a disclosure a keyboard
 * opens with Enter). A missing week is a gap in the line, never a drop to zero.
 */
export function TrendChart({ id, title, trends }: { id: string; title: string; trends: TrendsAnswer }) {
  const translate = useTranslate();
  const [kind, setKind] = useState<'line' | 'bar'>('line');
  const drawn = trends.series.slice(0, MOST_SERIES);
  const xAxis = [
    { scaleType: kind === 'line' ? ('point' as const) : ('band' as const), data: trends.buckets },
  ];
  const series = drawn.map((s) => ({
    id: s.key,
    label: s.label,
    data: s.values,
    connectNulls: false,
    curve: 'linear' as const,
  }));
  return (
    <Card component="section" aria-labelledby={`${id}-title`} sx={{ mb: 2 }}>
      <CardContent>
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            flexWrap: 'wrap',
            gap: 1,
          }}
        >
          <Typography id={`${id}-title`} variant="h6" component="h2">
            {title}
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={kind}
            onChange={(_e, value: 'line' | 'bar' | null) => value && setKind(value)}
            aria-label={translate('laget.analysis.chart_kind')}
            className="no-print"
          >
            <ToggleButton value="line">{translate('laget.analysis.line')}</ToggleButton>
            <ToggleButton value="bar">{translate('laget.analysis.bar')}</ToggleButton>
          </ToggleButtonGroup>
        </Box>
        {trends.series.length === 0 ? (
          <Typography sx={{ my: 2 }}>{translate('laget.analysis.empty')}</Typography>
        ) : (
          <figure style={{ margin: 0 }} aria-describedby={`${id}-summary`}>
            {kind === 'line' ? (
              <LineChart height={320} xAxis={xAxis} series={series} skipAnimation />
            ) : (
              <BarChart height={320} xAxis={xAxis} series={series} skipAnimation />
            )}
            <figcaption id={`${id}-summary`}>
              <Typography variant="body2" color="text.secondary">
                {translate('laget.analysis.caption', {
                  series: drawn.map((s) => s.label).join(', '),
                  from: trends.buckets[0] ?? '',
                  to: trends.buckets.at(-1) ?? '',
                })}
              </Typography>
            </figcaption>
          </figure>
        )}
        <Accordion disableGutters elevation={0} sx={{ mt: 1 }}>
          <AccordionSummary
            expandIcon={<ExpandMoreIcon />}
            aria-controls={`${id}-table`}
            id={`${id}-table-button`}
          >
            {translate('laget.analysis.show_table')}
          </AccordionSummary>
          <AccordionDetails id={`${id}-table`}>
            <TrendTable trends={trends} caption={title} />
          </AccordionDetails>
        </Accordion>
      </CardContent>
    </Card>
  );
}
