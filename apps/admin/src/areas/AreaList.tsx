import { useState } from 'react';
import { Button } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Datagrid, List, NumberField, TextField, TopToolbar, useCanAccess, useTranslate } from 'react-admin';
import { AreaImportDialog } from './AreaImportDialog.js';

function AreaActions() {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { canAccess: mayImport } = useCanAccess({ action: 'create', resource: 'areas' });
  if (!mayImport) return <TopToolbar />;
  return (
    <TopToolbar>
      <Button startIcon={<UploadFileIcon />} onClick={() => setOpen(true)}>
        {translate('laget.areas.import')}
      </Button>
      <AreaImportDialog open={open} onClose={() => setOpen(false)} />
    </TopToolbar>
  );
}

/** The areas (områden) in name order; a coordinator opens one to rename, see or delete it. */
export function AreaList() {
  const { canAccess: mayEdit } = useCanAccess({ action: 'edit', resource: 'areas' });
  return (
    <List
      sort={{ field: 'name', order: 'ASC' }}
      perPage={1000}
      pagination={false}
      exporter={false}
      actions={<AreaActions />}
    >
      <Datagrid rowClick={mayEdit ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <NumberField source="placeCount" sortable={false} />
      </Datagrid>
    </List>
  );
}
