import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { allPages } from './actor-names.js';

const noNames: ReadonlyMap<string, string> = new Map();

/**
 * Display names of every login by id, for those who may list logins. Without the list (not
 * allowed, or the request failed) the map stays empty and people are named by id: the history
 * itself must show either way.
 */
export function useUserNames(enabled: boolean): ReadonlyMap<string, string> {
  const dataProvider = useDataProvider();
  const [names, setNames] = useState(noNames);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    allPages(({ page, perPage }) =>
      dataProvider.getList<{ id: string; displayName: string }>('users', {
        pagination: { page, perPage },
        sort: { field: 'username', order: 'ASC' },
        filter: {},
      }),
    ).then(
      (users) => current && setNames(new Map(users.map((user) => [String(user.id), user.displayName]))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [enabled, dataProvider]);
  return names;
}
