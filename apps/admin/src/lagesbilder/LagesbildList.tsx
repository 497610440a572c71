import { Button, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import type { PeriodView } from '@laget/contracts';
import { Link } from 'react-router-dom';
import {
  Datagrid,
  FunctionField,
  List,
  SimpleList,
  TextInput,
  useListContext,
  useTranslate,
} from 'react-admin';
import { StatusChip } from '../shared/StatusChip.js';
import { WeekField } from '../shared/WeekField.js';
import { parseAnalysisPeriod, periodLabel } from '../shared/week.js';
import { exactPeriod, parseWeekQuery } from '../weeks/week-search.js';
import { weekSearchMeta } from '../weeks/weeks-data.js';

type Week = PeriodView & { id: string; reported?: number; expected?: number };

const link = (record: { id: unknown }) => `/lagesbilder/${encodeURIComponent(String(record.id))}/show`;

const filters = [
  <TextInput
    key="q"
    source="q"
    label="laget.lagesbild.weeks.search"
    helperText="laget.lagesbild.weeks.search_help"
    alwaysOn
    resettable
  />,
];

/** Nothing matched: say how to write a week, and open a week named exactly even if it is not listed. */
function NoWeek() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const text = typeof filterValues.q === 'string' ? filterValues.q : '';
  // A period analysis (a month, a tertial `2025-T1`, a year) or a week named exactly;
  // `2024-11` is the month: a week is written `2024-W11`.
  const period = parseAnalysisPeriod(text) ? text.trim() : exactPeriod(parseWeekQuery(text));
  return (
    <Stack spacing={1} sx={{ p: 2, alignItems: 'flex-start' }}>
      <Typography>{translate('laget.lagesbild.weeks.no_match')}</Typography>
      {period && (
        <Button component={Link} to={link({ id: period })} variant="outlined">
          {translate('laget.lagesbild.weeks.open_week', { week: periodLabel(period) })}
        </Button>
      )}
    </Stack>
  );
}

/**
 * A lägesbild's id is its week (CONTRACT.md), so the list of lägesbilder is the list of weeks:
 * searchable ("v48 2024", "2024-W48", "48"), weeks where something happened first, newest first
 * (weeks-data.ts does both, since the API's period list does neither).
 */
export function LagesbildList() {
  const translate = useTranslate();
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const reported = (r: Week) =>
    r.expected
      ? translate('laget.lagesbild.weeks.reported', { reported: r.reported ?? 0, total: r.expected })
      : '';
  return (
    <List
      resource="periods"
      // The list reads the periods, but it is the lägesbilder's list: its title says so.
      title={translate('resources.lagesbilder.name', { smart_count: 2 })}
      queryOptions={{ meta: weekSearchMeta }}
      sort={{ field: 'activity', order: 'DESC' }}
      perPage={25}
      exporter={false}
      filters={filters}
      empty={false}
    >
      {small ? (
        <SimpleList<Week>
          primaryText={(r) => periodLabel(r.id)}
          secondaryText={(r) => (
            <>
              <StatusChip status={r.status} /> {reported(r)}
            </>
          )}
          linkType={(record) => link(record)}
          empty={<NoWeek />}
        />
      ) : (
        <Datagrid
          rowClick={(_id, _resource, record) => link(record)}
          bulkActionButtons={false}
          empty={<NoWeek />}
        >
          <WeekField source="id" label="resources.lagesbilder.fields.id" />
          <FunctionField<Week>
            label="resources.lagesbilder.fields.status"
            render={(r) => <StatusChip status={r.status} />}
            sortable={false}
          />
          <FunctionField<Week>
            label="laget.lagesbild.weeks.reported_column"
            render={reported}
            sortable={false}
          />
        </Datagrid>
      )}
    </List>
  );
}
