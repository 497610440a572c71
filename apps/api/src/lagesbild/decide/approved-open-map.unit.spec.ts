import { scenario } from '../fixtures/lagesbild-scenario.js';
import { coordinator, compile, dismissAll, edit, requestPublication } from '../fixtures/decider-commands.js';
import type { LagesbildCommand, LagesbildState } from '../lagesbild.decider.js';
import { openContentHash } from '../lagesbild-views.js';

/* The approval fixes the open map it saw, and only a job that cannot publish it lapses it (docs/adr/0030). */

const MAP = 'a'.repeat(64);

const approveWithMap =
  (hash: string | null, countedFrom?: string) =>
  (state: LagesbildState): LagesbildCommand[] => [
    {
      type: 'ApproveLagesbild',
      data: { actorId: coordinator, openMap: { contentHash: countedFrom ?? openContentHash(state), hash } },
    },
  ];

const failure = (lapseApproval?: true): LagesbildCommand => ({
  type: 'RecordPublicationFailure',
  data: { publicationNumber: 1, error: 'x', ...(lapseApproval ? { lapseApproval } : {}) },
});

describe('Lagesbild decider: the approved open map', () => {
  it('records the map the approval saw and hands it to the publication job', () => {
    const { given, history } = scenario();
    const approved = given(...history(compile, dismissAll, approveWithMap(MAP)));
    expect(approved.state.approval).toMatchObject({ openMapHash: MAP });
    approved.when(requestPublication()).then([
      {
        type: 'PublicationRequested',
        data: expect.objectContaining({ publicationNumber: 1, openMapHash: MAP }) as never,
      },
    ]);
    // "No map" is a map too: publishing one where none was approved must be refused as well.
    const none = given(...history(compile, dismissAll, approveWithMap(null), requestPublication()));
    expect(none.state.publications[0]!.openMapHash).toBeNull();
  });

  it('refuses a map counted from another open version than the one approved', () => {
    const { given, history } = scenario();
    const ready = given(...history(compile, dismissAll));
    ready
      .when(approveWithMap(MAP, 'b'.repeat(64))(ready.state)[0]!)
      .thenRefuses('conflict', /changed while its map was counted/);
  });

  it('refuses a map other than the one the approver saw in the preview, and approves the one seen', () => {
    const { given, history } = scenario();
    const ready = given(...history(compile, dismissAll));
    const seeing = (seen: string | null) => {
      const [command] = approveWithMap(MAP)(ready.state) as [
        Extract<LagesbildCommand, { type: 'ApproveLagesbild' }>,
      ];
      return { ...command, data: { ...command.data, seenOpenMapHash: seen } };
    };
    ready.when(seeing('b'.repeat(64))).thenRefuses('conflict', /changed since you saw it/);
    // Seeing no map where there is one now (areas drawn since) is another map too.
    ready.when(seeing(null)).thenRefuses('conflict', /changed since you saw it/);
    ready
      .when(seeing(MAP))
      .then([{ type: 'LagesbildApproved', data: expect.objectContaining({ openMapHash: MAP }) as never }]);
  });

  it('approves as before where no map was counted (a test bus): the job then counts as before', () => {
    const { given, history } = scenario();
    const approved = given(
      ...history(compile, dismissAll, { type: 'ApproveLagesbild', data: { actorId: coordinator } }),
    );
    approved.when(requestPublication()).then([
      {
        type: 'PublicationRequested',
        data: expect.not.objectContaining({ openMapHash: expect.anything() }) as never,
      },
    ]);
  });

  it('lapses the approval only when the job says it can never be published, so a new one can be given', () => {
    const { given, history } = scenario();
    const requested = [compile, dismissAll, approveWithMap(MAP), requestPublication()];
    const kept = given(...history(...requested, failure()));
    expect([kept.state.status, kept.state.approval?.openMapHash]).toEqual(['approved', MAP]);
    expect(kept.state.publications[0]!.failure).toBe('x');
    const lapsed = given(...history(...requested));
    lapsed
      .when(failure(true))
      .then([
        { type: 'PublicationFailed', data: { publicationNumber: 1, error: 'x', approvalLapsed: true } },
      ]);
    const after = given(...history(...requested, failure(true)));
    expect([after.state.status, after.state.approval]).toEqual(['compiled', null]);
    after.when(requestPublication()).thenRefuses('rule', /approve it first/);
    const again = approveWithMap('c'.repeat(64))(after.state)[0]!;
    after.when(again).then([
      {
        type: 'LagesbildApproved',
        data: expect.objectContaining({ openMapHash: 'c'.repeat(64) }) as never,
      },
    ]);
    // Content edits still lapse an approval as they always did.
    expect(
      given(...history(compile, dismissAll, approveWithMap(MAP), edit('other', 'y'))).state.approval,
    ).toBeNull();
  });
});
