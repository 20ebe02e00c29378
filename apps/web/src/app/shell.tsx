import {
  Alert,
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  Loader,
  NavLink,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useNetwork } from '@mantine/hooks';
import {
  IconChecklist,
  IconChartBar,
  IconFilePlus,
  IconInbox,
  IconLayoutKanban,
  IconListDetails,
  IconSettings,
  IconShieldCheck,
  IconUserShield,
  IconWifiOff,
} from '@tabler/icons-react';
import { Suspense, type ReactNode } from 'react';
import { NavLink as RouterNavLink, Outlet, useNavigate } from 'react-router';
import type { Me } from '../api/types';
import { hasAnyRole, useSession } from '../auth/session';
import { t, type MessageKey } from '../i18n/t';
import { UnreadBadge } from '../pages/inbox/unread-badge';

interface NavItem {
  to: string;
  label: MessageKey;
  icon: ReactNode;
  visible(me: Me): boolean;
  badge?: ReactNode;
}

const ICON = { size: 18, stroke: 1.75, 'aria-hidden': true } as const;

const NAV: NavItem[] = [
  {
    to: '/work',
    label: 'nav.work',
    icon: <IconChecklist {...ICON} />,
    visible: (me) => hasAnyRole(me, 'OFFICER', 'SUPERVISOR'),
  },
  { to: '/inbox', label: 'nav.inbox', icon: <IconInbox {...ICON} />, visible: () => true, badge: <UnreadBadge /> },
  { to: '/requests', label: 'nav.requests', icon: <IconListDetails {...ICON} />, visible: () => true },
  {
    to: '/requests/new',
    label: 'nav.newRequest',
    icon: <IconFilePlus {...ICON} />,
    visible: (me) => hasAnyRole(me, 'OFFICER', 'SUPERVISOR'),
  },
  { to: '/board', label: 'nav.board', icon: <IconLayoutKanban {...ICON} />, visible: () => true },
  {
    to: '/audit',
    label: 'nav.audit',
    icon: <IconShieldCheck {...ICON} />,
    visible: (me) => hasAnyRole(me, 'AUDITOR', 'SUPERVISOR'),
  },
  { to: '/statistics', label: 'nav.statistics', icon: <IconChartBar {...ICON} />, visible: () => true },
  {
    to: '/admin',
    label: 'nav.admin',
    icon: <IconSettings {...ICON} />,
    visible: (me) => me.platformAdmin || hasAnyRole(me, 'ADMIN'),
  },
  { to: '/account', label: 'nav.account', icon: <IconUserShield {...ICON} />, visible: () => true },
];

/** The frame of every signed-in page: who is signed in, the navigation, the page. */
export function Shell() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { me } = useSession();
  const network = useNetwork();

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <a href="#main" className="skip-link">
          {t('app.skipToContent')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.openMenu')} />
            <Title order={2} size="h3" c="indigo.9">
              {t('app.name')}
            </Title>
          </Group>
          {me ? <WhoAmI me={me} /> : <Loader size="sm" role="status" aria-label={t('app.loading')} />}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {me &&
          NAV.filter((item) => item.visible(me)).map((item) => (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              end
              variant="filled"
              label={t(item.label)}
              leftSection={item.icon}
              rightSection={item.badge}
              onClick={close}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {!network.online && (
          <Alert color="red" icon={<IconWifiOff {...ICON} />} mb="md" role="alert">
            {t('errors.offlineBanner')}
          </Alert>
        )}
        <Suspense fallback={<Loader role="status" aria-label={t('app.loading')} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function WhoAmI({ me }: { me: Me }) {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const roles = [...me.roles, ...(me.platformAdmin ? [t('shell.platformAdmin')] : [])];
  return (
    <Group gap="md" wrap="nowrap" aria-label={t('shell.whoAmI')} role="group" data-testid="who-am-i">
      <Stack gap={0} align="flex-end">
        <Text size="sm" fw={600}>
          <VisuallyHidden>{t('shell.whoAmI')} </VisuallyHidden>
          {me.displayName}
        </Text>
        <Text size="xs" c="gray.8">
          <VisuallyHidden>{t('shell.agency')}: </VisuallyHidden>
          {me.agency.name} · <VisuallyHidden>{t('shell.country')}: </VisuallyHidden>
          {me.agency.country}
        </Text>
      </Stack>
      <Group gap={4} wrap="nowrap" aria-label={t('shell.roles')} role="list">
        {roles.map((role) => (
          <Badge key={role} variant="light" color="indigo" role="listitem" size="sm">
            {role}
          </Badge>
        ))}
      </Group>
      <Button
        variant="default"
        size="xs"
        onClick={() => void signOut().then(() => navigate('/sign-in?signedOut=1', { replace: true }))}
      >
        {t('shell.signOut')}
      </Button>
    </Group>
  );
}
