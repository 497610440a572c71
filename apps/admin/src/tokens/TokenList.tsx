import { useState } from 'react';
import {
  BooleanField,
  Create,
  Datagrid,
  DeleteButton,
  FunctionField,
  List,
  NumberInput,
  SimpleForm,
  TextField,
  TextInput,
  maxValue,
  minValue,
  required,
  useRedirect,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import type { ApiTokenDto } from '@laget/contracts';
import { swedishDateTime } from '../shared/week.js';

/** Bearer tokens for integrations: the own ones, or every one for an administrator, who can revoke any. */
export function TokenList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <FunctionField<ApiTokenDto> source="createdAt" render={(t) => swedishDateTime(t.createdAt)} />
        <FunctionField<ApiTokenDto> source="expiresAt" render={(t) => swedishDateTime(t.expiresAt)} />
        <FunctionField<ApiTokenDto>
          source="lastUsedAt"
          render={(t) => swedishDateTime(t.lastUsedAt) || '–'}
        />
        <BooleanField source="revoked" />
        <FunctionField<ApiTokenDto>
          render={(t) =>
            t.revoked ? null : <DeleteButton mutationMode="pessimistic" label="laget.tokens.revoke" />
          }
        />
      </Datagrid>
    </List>
  );
}

/** Issues a token; its secret is shown once, then only its hash exists on the server. */
export function TokenCreate() {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [secret, setSecret] = useState<string | undefined>();
  return (
    <>
      <Create mutationOptions={{ onSuccess: (data: RaRecord) => setSecret(String(data.token ?? '')) }}>
        <SimpleForm>
          <TextInput source="name" validate={required()} fullWidth helperText="laget.tokens.name_help" />
          <NumberInput
            source="expiresInDays"
            defaultValue={365}
            validate={[required(), minValue(1), maxValue(1095)]}
            helperText="laget.tokens.days_help"
          />
        </SimpleForm>
      </Create>
      <Dialog open={Boolean(secret)} aria-labelledby="token-title">
        <DialogTitle id="token-title">{translate('laget.tokens.secret_title')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('laget.tokens.secret_text')}
          </Alert>
          <Box
            component="output"
            data-testid="api-token"
            sx={{
              display: 'block',
              fontFamily: 'monospace',
              p: 2,
              bgcolor: 'grey.100',
              wordBreak: 'break-all',
            }}
          >
            {secret}
          </Box>
          <Typography variant="body2" sx={{ mt: 1 }}>
            Authorization: Bearer …
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button
            variant="contained"
            onClick={() => {
              setSecret(undefined);
              redirect('list', 'tokens');
            }}
          >
            {translate('laget.users.done')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
