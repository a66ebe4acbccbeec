export {
  submissionKeyHash,
  submissionOf,
  type Submission,
  type SubmissionScope,
} from './submission-model.js';
export { keepSubmission, requireSameSubmission } from './submission-service.js';
export { deleteSubmissionsOfCase } from './submission-repo.js';
