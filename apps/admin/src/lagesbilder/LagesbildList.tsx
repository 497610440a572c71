import { Datagrid, FunctionField, List, SimpleList } from 'react-admin';
import { useMediaQuery, type Theme } from '@mui/material';
import type { PeriodView } from '@laget/contracts';
import { StatusChip } from '../shared/StatusChip.js';
import { WeekField } from '../shared/WeekField.js';
import { weekLabel } from '../shared/week.js';

/** A lägesbild's id is its week (CONTRACT.md), so the list of lägesbilder is the list of weeks. */
export function LagesbildList() {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const link = (record: { id: unknown }) => `/lagesbilder/${encodeURIComponent(String(record.id))}/show`;
  return (
    <List resource="periods" sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false}>
      {small ? (
        <SimpleList<PeriodView & { id: string }>
          primaryText={(r) => weekLabel(r.id)}
          secondaryText={(r) => <StatusChip status={r.status} />}
          linkType={(record) => link(record)}
        />
      ) : (
        <Datagrid rowClick={(_id, _resource, record) => link(record)} bulkActionButtons={false}>
          <WeekField source="id" label="resources.lagesbilder.fields.id" />
          <FunctionField<PeriodView>
            label="resources.lagesbilder.fields.status"
            render={(r) => <StatusChip status={r.status} />}
          />
        </Datagrid>
      )}
    </List>
  );
}
