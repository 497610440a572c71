import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import EditNoteIcon from '@mui/icons-material/EditNote';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import InsightsIcon from '@mui/icons-material/Insights';
import MapIcon from '@mui/icons-material/Map';
import { Menu as RaMenu, useCanAccess, useResourceDefinitions, useTranslate } from 'react-admin';

/**
 * The menu lists only what the person may use: resource entries check `canAccess` themselves;
 * the reporter's shortcut is shown to those who may write a report. Everyone may read the place
 * register (to pick a place), but as a page it is the coordinator's tool: shown to those who keep it.
 */
export function Menu() {
  const translate = useTranslate();
  const { canAccess: mayReport } = useCanAccess({ action: 'create', resource: 'reports' });
  const { canAccess: mayKeepPlaces } = useCanAccess({ action: 'create', resource: 'places' });
  const { canAccess: mayKeepAreas } = useCanAccess({ action: 'create', resource: 'areas' });
  const { canAccess: mayReadRetention } = useCanAccess({ action: 'list', resource: 'retention' });
  const { canAccess: mayPlan } = useCanAccess({ action: 'approve', resource: 'atgardsplaner' });
  const { canAccess: mayAnalyse } = useCanAccess({
    action: 'show',
    resource: 'lagesbilder',
    record: { view: 'internal', status: 'approved' },
  });
  const resources = useResourceDefinitions();
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
      {mayAnalyse && (
        <RaMenu.Item
          to="/analys"
          primaryText={translate('laget.menu.analysis')}
          leftIcon={<InsightsIcon />}
        />
      )}
      {mayAnalyse && (
        <RaMenu.Item to="/karta" primaryText={translate('laget.menu.map')} leftIcon={<MapIcon />} />
      )}
      {Object.keys(resources)
        .filter(
          (name) =>
            resources[name]!.hasList &&
            (name !== 'places' || mayKeepPlaces) &&
            (name !== 'areas' || mayKeepAreas),
        )
        .map((name) => (
          <RaMenu.ResourceItem key={name} name={name} />
        ))}
      {mayPlan && (
        <RaMenu.Item
          to="/atgardsplan"
          primaryText={translate('laget.atgarder.menu_plan')}
          leftIcon={<FactCheckIcon />}
        />
      )}
      {mayReadRetention && (
        <RaMenu.Item
          to="/gallring"
          primaryText={translate('laget.menu.gallring')}
          leftIcon={<DeleteSweepIcon />}
        />
      )}
    </RaMenu>
  );
}
