import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/index.js';
import { AreaReads } from './area-reads.js';
import { AreasController } from './areas.controller.js';
import { mapCommandHandlers } from './commands/index.js';
import { MapController } from './map.controller.js';
import { MapDemo } from './map-demo.js';
import { mapQueryHandlers } from './queries/index.js';

/** The map (issue 20): areas (områden), which area each place lies in, the incidents at their places. */
@Module({
  imports: [IdentityModule],
  controllers: [AreasController, MapController],
  providers: [AreaReads, ...mapCommandHandlers, ...mapQueryHandlers, MapDemo],
})
export class MapModule {}
