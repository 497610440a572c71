import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  mapIncidentsAnswerSchema,
  mapPlacesAnswerSchema,
  mapQuerySchema,
  mapSettingsSchema,
} from '@laget/contracts';
import { AppConfig } from '../config/app-config.js';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { parseInput } from '../platform/http/validation.js';
import { mapSettingsOf } from './map.settings.js';
import { MapIncidentsQuery, MapPlacesQuery } from './queries/index.js';

/** The panel's map (issue 20): incidents at their places, hot-spots, and how to draw the base map. */
@ApiCapability('map')
@Controller('api/map')
export class MapController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly config: AppConfig,
  ) {}

  @Get('incidents')
  @ApiOperation({
    summary:
      'GeoJSON: one Point per incident of a submitted report at a place with coordinates, ISO weeks from–to (coordinator, reviewer, est_member)',
    query: mapQuerySchema,
    response: mapIncidentsAnswerSchema,
  })
  incidents(@CurrentCaller() caller: SignedInCaller, @Query() query: unknown) {
    return this.queryBus.execute(new MapIncidentsQuery(caller, parseInput(mapQuerySchema, query, 'query')));
  }

  @Get('places')
  @ApiOperation({
    summary:
      'GeoJSON: every place with coordinates, its incidents in the weeks counted and their severities summed: the hot-spot layer (coordinator, reviewer, est_member)',
    query: mapQuerySchema,
    response: mapPlacesAnswerSchema,
  })
  places(@CurrentCaller() caller: SignedInCaller, @Query() query: unknown) {
    return this.queryBus.execute(new MapPlacesQuery(caller, parseInput(mapQuerySchema, query, 'query')));
  }

  @Get('settings')
  @ApiOperation({
    summary:
      'How to draw the map: the base style URL (null: plain background, no third-party request) and the open map’s minimum count',
    response: mapSettingsSchema,
  })
  settings(@CurrentCaller() _caller: SignedInCaller) {
    return mapSettingsOf(this.config);
  }
}
