import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCanAccess, useDataProvider } from 'react-admin';
import type { LagesbildAnswers, LagesbildChange, LagesbildDataProvider } from './lagesbild-data.js';
import { publicationState } from './publication-state.js';
import {
  cacheAfter,
  partsToLoad,
  staleAfter,
  workspaceKey,
  type WorkspaceCache,
  type WorkspaceDocument,
  type WorkspacePart,
} from './workspace-cache.js';

const statusOf = (caught: unknown) => (caught as { status?: number } | undefined)?.status;

// Every read of an internal version is recorded in the history: no refetch on focus or reconnect,
// only on a screen load and after a change that made the part stale.
const quiet = { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

/**
 * Everything the lägesbild workspace shows and changes, through react-admin's data provider and
 * react-query: the internal version first, then, once it is compiled, the parts the person may
 * use (docs/adr/0022). A change writes its answer into the cache and refetches only the parts it
 * made stale (workspace-cache.ts); a 409 refetches the whole workspace, since someone else changed it.
 */
export function useLagesbildWorkspace(id: string, options: { showsOpen: boolean }) {
  const dataProvider = useDataProvider<LagesbildDataProvider>();
  const queryClient = useQueryClient();
  const { canAccess: mayCompile } = useCanAccess({ action: 'create', resource: 'lagesbilder' });
  const { canAccess: mayEdit } = useCanAccess({ action: 'update', resource: 'lagesbilder' });
  const { canAccess: mayRedact } = useCanAccess({ action: 'create', resource: 'redactions' });
  const { canAccess: mayReadRedactions } = useCanAccess({ action: 'list', resource: 'redactions' });
  // The reviewer has no tools but approves where four-eyes is on, so the approval panel is theirs too.
  const { canAccess: mayApprove } = useCanAccess({ action: 'approve', resource: 'lagesbilder' });
  const access = { mayCompile, mayEdit, mayRedact, mayReadRedactions, mayApprove };
  const accessKnown = [mayCompile, mayEdit, mayRedact, mayReadRedactions].every((a) => a !== undefined);

  const documentQuery = useQuery({
    queryKey: workspaceKey(id, 'document'),
    enabled: accessKnown,
    ...quiet,
    queryFn: async (): Promise<WorkspaceDocument> => {
      try {
        const document = await dataProvider.getLagesbild(id, 'internal');
        return { document, compiled: document.status !== 'draft' };
      } catch (caught) {
        // Not compiled yet: the coordinator sees the draft the compile would make.
        if (statusOf(caught) === 404 && mayCompile) {
          return { document: await dataProvider.getLagesbild(id, 'draft'), compiled: false };
        }
        throw caught;
      }
    },
  });
  const compiled = documentQuery.data?.compiled === true;
  const load = partsToLoad(access, compiled, options.showsOpen);
  // A part the API refuses or lacks reads as empty: the workspace shows what it can.
  const part = <T>(name: Exclude<WorkspacePart, 'document'>, read: () => Promise<T>) => ({
    queryKey: workspaceKey(id, name),
    enabled: load[name],
    ...quiet,
    queryFn: read,
  });
  const open = useQuery(part('open', () => dataProvider.getLagesbild(id, 'open')));
  const redactions = useQuery(part('redactions', () => dataProvider.getLagesbildRedactions(id)));
  const suggestions = useQuery(part('suggestions', () => dataProvider.getLagesbildSuggestions(id)));
  const amendments = useQuery(part('amendments', () => dataProvider.getLagesbildAmendments(id)));
  const audiences = useQuery(part('audiences', () => dataProvider.getLagesbildAudiences(id)));
  const history = useQuery(part('history', () => dataProvider.getLagesbildHistory(id)));

  const refresh = useCallback(
    (parts?: readonly WorkspacePart[]) =>
      parts
        ? Promise.all(parts.map((p) => queryClient.invalidateQueries({ queryKey: workspaceKey(id, p) })))
        : queryClient.invalidateQueries({ queryKey: workspaceKey(id) }),
    [queryClient, id],
  );

  const mutation = useMutation({
    mutationFn: (change: LagesbildChange) => {
      const current = queryClient.getQueryData<WorkspaceDocument>(workspaceKey(id, 'document'));
      return dataProvider.changeLagesbild(id, change, current?.document.version ?? 0);
    },
    onSuccess: async (answer, change) => {
      const read = <T>(p: WorkspacePart) => queryClient.getQueryData<T>(workspaceKey(id, p));
      const before: WorkspaceCache = {
        document: read('document'),
        redactions: read('redactions'),
        suggestions: read('suggestions'),
        audiences: read('audiences'),
      };
      const after = cacheAfter(change, answer as LagesbildAnswers[typeof change.kind], before);
      for (const p of ['document', 'redactions', 'suggestions', 'audiences'] as const) {
        if (after[p] !== before[p]) queryClient.setQueryData(workspaceKey(id, p), after[p]);
      }
      await refresh(staleAfter[change.kind]);
    },
    onError: async (caught) => {
      if (statusOf(caught) === 409) await refresh();
    },
  });

  return {
    access,
    loading: !documentQuery.data && !documentQuery.error,
    error: documentQuery.error as Error | null,
    document: documentQuery.data?.document,
    compiled: documentQuery.data ? compiled : undefined,
    open: open.data,
    redactions: redactions.data,
    suggestions: suggestions.data ?? [],
    amendments: amendments.data ?? [],
    audiences: audiences.data ?? [],
    publication: publicationState(history.data ?? []),
    /** Sends one change; resolves with the API's answer, rejects with its refusal. */
    change: mutation.mutateAsync,
    /** A compile answered the new internal version: it is the document now. */
    compiledNow: useCallback(
      async (document: WorkspaceDocument['document'] | undefined) => {
        if (document) queryClient.setQueryData(workspaceKey(id, 'document'), { document, compiled: true });
        else await refresh(['document']);
      },
      [queryClient, id, refresh],
    ),
    /** A publication job finished: the status and whether the public has the week changed. */
    afterPublication: useCallback(async () => {
      await refresh(['document', 'history']);
    }, [refresh]),
    refresh,
  };
}

export type LagesbildWorkspace = ReturnType<typeof useLagesbildWorkspace>;
