export { auditActorOf, type Actor, type RequestContext } from './access-model.js';
export {
  authorize,
  authorizeSomewhere,
  can,
  pathToIds,
  requireActor,
  requireActorAllowingEnrolment,
  type Scope,
} from './access-policy.js';
export { contextOf, enrolmentContextOf } from './access-context.js';
