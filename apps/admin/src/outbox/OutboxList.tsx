import { Alert, Typography } from '@mui/material';
import { Datagrid, DateField, List, TextField, TextInput, useRecordContext, useTranslate } from 'react-admin';

const filters = [<TextInput key="recipient" source="recipient" />];

function Body() {
  const record = useRecordContext();
  return (
    <Typography component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0 }}>
      {String(record?.body ?? '')}
    </Typography>
  );
}

/** "Utkorg": what Läget would have e-mailed where no SMTP server is configured (admin). */
export function OutboxList() {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="info" sx={{ mt: 1 }}>
        {translate('laget.outbox.intro')}
      </Alert>
      <List filters={filters} sort={{ field: 'writtenAt', order: 'DESC' }} exporter={false}>
        <Datagrid expand={<Body />} bulkActionButtons={false} rowClick="expand">
          <DateField source="writtenAt" showTime locales="sv-SE" sortable={false} />
          <TextField source="recipient" sortable={false} />
          <TextField source="subject" sortable={false} />
        </Datagrid>
      </List>
    </>
  );
}
