import { BooleanField, Datagrid, FunctionField, List, SimpleList } from 'react-admin';
import { useMediaQuery, type Theme } from '@mui/material';
import type { PeriodView } from '@laget/contracts';
import { StatusChip } from '../shared/StatusChip.js';
import { SwedishDateField, WeekField } from '../shared/WeekField.js';
import { swedishDateTime, weekLabel } from '../shared/week.js';

export function PeriodList() {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <List sort={{ field: 'id', order: 'DESC' }} perPage={25}>
      {small ? (
        <SimpleList<PeriodView & { id: string }>
          primaryText={(r) => weekLabel(r.id)}
          secondaryText={(r) => swedishDateTime(r.reportingDeadline)}
          tertiaryText={(r) => <StatusChip status={r.status} />}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <WeekField source="id" label="resources.periods.fields.id" />
          <SwedishDateField source="startsOn" label="resources.periods.fields.startsOn" />
          <SwedishDateField source="endsOn" label="resources.periods.fields.endsOn" />
          <BooleanField source="monthlyMeeting" />
          <FunctionField<PeriodView> source="status" render={(r) => <StatusChip status={r.status} />} />
          <FunctionField<PeriodView>
            source="reportingDeadline"
            render={(r) => swedishDateTime(r.reportingDeadline)}
          />
        </Datagrid>
      )}
    </List>
  );
}
