import type { ReactNode } from 'react';
import KeyIcon from '@mui/icons-material/Key';
import { ListItemIcon, ListItemText, MenuItem, type Theme, useMediaQuery } from '@mui/material';
import { Link } from 'react-router-dom';
import {
  AppBar,
  Layout as RaLayout,
  LocalesMenuButton,
  Logout,
  UserMenu,
  useGetIdentity,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { lazyPage } from '../shared/lazy-page.js';
import { Menu } from './Menu.js';
import { userMenuLabel } from './user-menu-label.js';

// Inside react-admin's Layout, whose Suspense boundary shows while it loads (docs/adr/0022).
const ChangePasswordPage = lazyPage(() => import('../auth/ChangePasswordPage.js'), 'ChangePasswordPage');

function ChangePasswordItem() {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/password" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('laget.menu.change_password')}</ListItemText>
    </MenuItem>
  );
}

function LagetAppBar() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  // The same breakpoint at which react-admin's UserMenu shows the name instead of an icon.
  const nameShown = useMediaQuery<Theme>((theme) => theme.breakpoints.up('sm'));
  const label = userMenuLabel(identity?.fullName, nameShown, translate);
  return (
    <AppBar
      toolbar={<LocalesMenuButton />}
      userMenu={
        <UserMenu label={label}>
          <ChangePasswordItem />
          <Logout />
        </UserMenu>
      }
    />
  );
}

/** Until a one-time password is replaced, every page is the password change (CONTRACT: mustChangePassword). */
function PasswordGate({ children }: { children: ReactNode }) {
  const { identity } = useGetIdentity();
  if (identity?.mustChangePassword) return <ChangePasswordPage forced />;
  return <>{children}</>;
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout menu={Menu} appBar={LagetAppBar}>
      <PasswordGate>{children}</PasswordGate>
    </RaLayout>
  );
}
