import { useEffect, useState } from 'react';
import { Alert, Box, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { CategoryOrganisationFields } from '../shared/CategoryOrganisationFields.js';
import { HeatTable } from './HeatTable.js';
import { addWeeks, isWeek, weekOf } from './iso-week.js';
import { TrendChart } from './TrendChart.js';
import { useTrends, type TrendsFilter, type TrendsState } from './useTrends.js';

/** Weeks the page opens on: the half year up to the running week. */
const OPENING_WEEKS = 26;
/** The heat table's weeks: the last quarter. */
const HEAT_WEEKS = 12;

/**
 * Analys (issue 18): how the weeks add up. The trend of the chosen measure and grouping, the
 * police statistics over the same time, and where things happen (places × weeks). Filters are
 * plain form fields; every chart has its table.
 */
export function AnalysisPage() {
  const translate = useTranslate();
  const thisWeek = weekOf(new Date());
  const [filter, setFilter] = useState<TrendsFilter>({
    from: addWeeks(thisWeek, -(OPENING_WEEKS - 1)),
    to: thisWeek,
    groupBy: 'category',
    measure: 'incidents',
    bucket: 'week',
  });
  const [weeks, setWeeks] = useState({ from: filter.from, to: filter.to });
  const weeksValid = isWeek(weeks.from) && isWeek(weeks.to) && weeks.from <= weeks.to;

  useEffect(() => {
    if (weeksValid) setFilter((f) => ({ ...f, from: weeks.from, to: weeks.to }));
  }, [weeks, weeksValid]);

  const main = useTrends(filter);
  const police = useTrends({
    from: filter.from,
    to: filter.to,
    bucket: filter.bucket,
    groupBy: 'category',
    measure: 'police',
  });
  const heat = useTrends({
    from: addWeeks(filter.to, -(HEAT_WEEKS - 1)),
    to: filter.to,
    bucket: 'week',
    groupBy: 'place',
    measure: 'incidents',
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
  });

  const set = <K extends keyof TrendsFilter>(key: K, value: TrendsFilter[K]) =>
    setFilter((f) => ({ ...f, [key]: value || undefined }));
  const choice = (key: 'groupBy' | 'measure' | 'bucket', options: readonly string[]) => (
    <TextField
      id={`analysis-${key}`}
      select
      label={translate(`laget.analysis.${key}`)}
      value={filter[key]}
      onChange={(e) => set(key, e.target.value as never)}
      size="small"
      sx={{ minWidth: 160 }}
    >
      {options.map((option) => (
        <MenuItem key={option} value={option}>
          {translate(`laget.analysis.${key}_${option}`)}
        </MenuItem>
      ))}
    </TextField>
  );

  const titleText = translate('laget.analysis.main_title', {
    measure: translate(`laget.analysis.measure_${filter.measure}`).toLowerCase(),
    groupBy: translate(`laget.analysis.groupBy_${filter.groupBy}`).toLowerCase(),
    bucket: translate(`laget.analysis.bucket_${filter.bucket}`).toLowerCase(),
  });
  const mainTitle = titleText.charAt(0).toUpperCase() + titleText.slice(1);

  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={translate('laget.analysis.title')} />
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {translate('laget.analysis.title')}
      </Typography>
      <Stack
        component="form"
        aria-label={translate('laget.analysis.filters')}
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ flexWrap: 'wrap', mb: 2 }}
        className="no-print"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextField
          id="analysis-from"
          label={translate('laget.analysis.from')}
          value={weeks.from}
          onChange={(e) => setWeeks((w) => ({ ...w, from: e.target.value }))}
          error={!isWeek(weeks.from)}
          helperText={translate('laget.analysis.week_help')}
          size="small"
        />
        <TextField
          id="analysis-to"
          label={translate('laget.analysis.to')}
          value={weeks.to}
          onChange={(e) => setWeeks((w) => ({ ...w, to: e.target.value }))}
          error={!isWeek(weeks.to) || (isWeek(weeks.from) && weeks.from > weeks.to)}
          helperText={translate('laget.analysis.week_help')}
          size="small"
        />
        {choice('bucket', ['week', 'month', 'tertial', 'year'])}
        {choice('groupBy', ['category', 'organisation', 'place', 'area'])}
        {choice('measure', ['incidents', 'severity'])}
        <CategoryOrganisationFields scope="analysis" filter={filter} onChange={set} />
      </Stack>
      <Shown state={main}>
        {(trends) => <TrendChart id="trend-main" title={mainTitle} trends={trends} />}
      </Shown>
      <Shown state={police}>
        {(trends) => (
          <TrendChart id="trend-police" title={translate('laget.analysis.police_title')} trends={trends} />
        )}
      </Shown>
      <Shown state={heat}>{(trends) => <HeatTable trends={trends} />}</Shown>
    </Box>
  );
}

function Shown({
  state,
  children,
}: {
  state: TrendsState;
  children: (trends: Extract<TrendsState, { status: 'done' }>['value']) => React.ReactNode;
}) {
  if (state.status === 'loading') return <CircularProgress aria-label="…" size={24} sx={{ m: 2 }} />;
  if (state.status === 'error') return <Alert severity="error">{state.message}</Alert>;
  return <>{children(state.value)}</>;
}
