import { scenario } from '../fixtures/lagesbild-scenario.js';
import { coordinator, compile } from '../fixtures/decider-commands.js';

describe('Lagesbild decider', () => {
  describe('audiences', () => {
    const audience = {
      name: 'skola-soc',
      title: 'Skola och socialtjänst',
      organisationIds: ['skolan'],
      roles: [],
      sectionIds: ['incidents', 'org-skolan'],
      incidentIds: ['inc-2'],
    };

    it('defines a named audience with its sections and incidents', () => {
      const { given, history } = scenario();
      given(...history(compile))
        .when({ type: 'DefineAudience', data: { audience, actorId: coordinator } })
        .then([{ type: 'AudienceDefined', data: { audience, by: coordinator } }]);
    });

    it('refuses an audience with unknown sections or nobody in it', () => {
      const { given, history } = scenario();
      const week = given(...history(compile));
      week
        .when({
          type: 'DefineAudience',
          data: { audience: { ...audience, sectionIds: ['nope'] }, actorId: coordinator },
        })
        .thenRefuses('invalid', /do not exist/);
      week
        .when({
          type: 'DefineAudience',
          data: { audience: { ...audience, organisationIds: [] }, actorId: coordinator },
        })
        .thenRefuses('invalid', /organisation or role/);
    });
  });
});
