export { submissionOf } from './submission-model.js';
export { keepSubmission, requireSameSubmission } from './submission-service.js';
export { deleteSubmissionsOfCase } from './submission-repo.js';
