/**
 * Every core operation. The policy test walks this list: an operation missing from it, or
 * without a policy, fails the suite.
 */
export { setUpPublication } from './set-up-publication.js';
export { createSection } from './create-section.js';
export { createTag } from './create-tag.js';
export { createAuthor } from './create-author.js';
export { createImage } from './create-image.js';
export { createArticle } from './create-article.js';
export { updateArticle } from './update-article.js';
export { publishArticle } from './publish-article.js';
export { unpublishArticle } from './unpublish-article.js';
export { createStaffUser } from './create-staff-user.js';
export { resetStaffPassword } from './reset-staff-password.js';
export { logIn } from './log-in.js';
export { logOut } from './log-out.js';
export { endStaffSessions } from './end-staff-sessions.js';
export { submitForReview, returnToDraft } from './change-review-status.js';
export { createTranslation } from './create-translation.js';
export { scheduleArticle } from './schedule-article.js';
export { publishDueArticle } from './publish-due-article.js';
export { createApiToken, revokeApiToken } from './api-tokens.js';
export { deleteArticle } from './delete-article.js';
export { restoreRevision } from './restore-revision.js';
export { updateImage } from './update-image.js';
export { importNinjs } from './import-ninjs.js';
export { createContentApiKey, revokeContentApiKey } from './content-api-keys.js';
export { createWebhook, deleteWebhook, redeliverWebhook } from './webhooks.js';
export { updatePolicyPage } from './update-policy-page.js';
export { submitErrorReport, updateErrorReport } from './error-reports.js';
export { addArticleNote, amendArticleNote } from './article-notes.js';
export { setRecommendationChoices } from './recommendation-choices.js';
export {
  createVideo,
  recordVideoProcessing,
  finishVideoProcessing,
  setVideoPoster,
  setVideoCaptions,
  removeVideoCaptions,
} from './videos.js';
