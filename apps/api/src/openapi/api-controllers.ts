import type { Type } from '@nestjs/common';
import { ActionsController } from '../atgarder/actions.controller.js';
import { ProblemsController } from '../atgarder/problems.controller.js';
import { OutboxController } from '../atgarder/outbox.controller.js';
import { PlansController, PublicPlansController } from '../atgarder/plan/plans.controller.js';
import { AnalysisController } from '../analysis/analysis.controller.js';
import { AuditController } from '../audit/audit.controller.js';
import { GallringController } from '../gallring/gallring.controller.js';
import { HealthController } from '../health/health.controller.js';
import { AuthController } from '../identity/auth.controller.js';
import { OrganisationsController } from '../identity/organisations.controller.js';
import { UsersController } from '../identity/users.controller.js';
import { AudiencesController } from '../lagesbild/audiences.controller.js';
import { LagesbilderController } from '../lagesbild/lagesbilder.controller.js';
import { PublishingController } from '../lagesbild/publishing.controller.js';
import { RedactionsController } from '../lagesbild/redactions.controller.js';
import { AreasController } from '../map/areas.controller.js';
import { MapController } from '../map/map.controller.js';
import { JobsController } from '../publication/jobs.controller.js';
import { LagesbildPdfController } from '../publication/lagesbild-pdf.controller.js';
import { PublicSiteController } from '../publication/public-site.controller.js';
import { RemindersController } from '../publication/reminders.controller.js';
import {
  CrimeCategoriesController,
  IncidentCategoriesController,
  PeriodsController,
  PlacesController,
} from '../reporting/periods.controller.js';
import { ReportsController } from '../reporting/reports.controller.js';

/**
 * Every controller the application maps, in the document's order. The route-coverage test
 * (openapi-document.e2e.spec.ts) fails when a controller the app maps is missing here.
 */
export const API_CONTROLLERS: readonly Type[] = [
  AuthController,
  OrganisationsController,
  UsersController,
  PeriodsController,
  RemindersController,
  CrimeCategoriesController,
  IncidentCategoriesController,
  ReportsController,
  PlacesController,
  AreasController,
  MapController,
  LagesbilderController,
  AudiencesController,
  RedactionsController,
  PublishingController,
  ProblemsController,
  ActionsController,
  PlansController,
  LagesbildPdfController,
  AnalysisController,
  JobsController,
  OutboxController,
  AuditController,
  GallringController,
  PublicSiteController,
  PublicPlansController,
  HealthController,
];
