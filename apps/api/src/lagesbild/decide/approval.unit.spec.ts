import { scenario } from '../fixtures/lagesbild-scenario.js';
import {
  coordinator,
  reviewer,
  dismissAll,
  compile,
  exclude,
  edit,
  approve,
} from '../fixtures/decider-commands.js';
import { openContentHash } from '../lagesbild-views.js';

describe('Lagesbild decider', () => {
  describe('approval', () => {
    it('fixes the exact open revision by its content hash', () => {
      const { given, history } = scenario();
      const week = given(...history(compile, dismissAll, exclude('org-skolan', '')));
      week.when(approve()).then([
        {
          type: 'LagesbildApproved',
          data: { revision: 2, contentHash: openContentHash(week.state), by: coordinator },
        },
      ]);
      week.when(approve(coordinator, '0'.repeat(64))).thenRefuses('conflict', /changed since you read it/);
    });

    it('with four-eyes on, the last redactor and the last editor may not approve; someone else may', () => {
      const { given, history } = scenario({ fourEyes: true });
      const week = given(
        ...history(compile, dismissAll, edit('other', 'Övrigt.', 'user-editor'), exclude('org-skolan', '')),
      );
      week.when(approve(coordinator)).thenRefuses('rule', /Four-eyes/);
      week.when(approve('user-editor')).thenRefuses('rule', /Four-eyes/);
      expect(week.when(approve(reviewer)).events()[0]?.type).toBe('LagesbildApproved');
    });

    it('with four-eyes off, the coordinator approves alone', () => {
      const { given, history } = scenario();
      expect(
        given(...history(compile, dismissAll))
          .when(approve())
          .events()[0]?.type,
      ).toBe('LagesbildApproved');
    });

    it('lapses when the content changes after approval', () => {
      const { given, history } = scenario();
      const { state } = given(...history(compile, dismissAll, approve(), edit('other', 'Sent tillägg')));
      expect(state.status).toBe('compiled');
      expect(state.approval).toBeNull();
    });

    it('refuses to approve twice', () => {
      const { given, history } = scenario();
      given(...history(compile, dismissAll, approve()))
        .when(approve())
        .thenRefuses('conflict');
    });
  });
});
