import EditNoteIcon from '@mui/icons-material/EditNote';
import { Menu as RaMenu, useCanAccess, useTranslate } from 'react-admin';

/**
 * The menu lists only what the person may use: resource entries check `canAccess` themselves;
 * the reporter's shortcut is shown to those who may write a report.
 */
export function Menu() {
  const translate = useTranslate();
  const { canAccess: mayReport } = useCanAccess({ action: 'create', resource: 'reports' });
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText={translate('laget.menu.dashboard')} />
      {mayReport && (
        <RaMenu.Item
          to="/my-report"
          primaryText={translate('laget.menu.my_report')}
          leftIcon={<EditNoteIcon />}
        />
      )}
      <RaMenu.ResourceItems />
    </RaMenu>
  );
}
