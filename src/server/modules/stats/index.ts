export {
  createCaseCube,
  factsOfRow,
  type CaseCube,
  type CaseRowChange,
  type CubeBuildReport,
} from './cube-service.js';
export { createStatsService, type CrosstabAnswer, type StatsService } from './stats-service.js';
export { registerStatsRoutes } from './stats-routes.js';
