import { audiencesFeature } from './audiences';
import { campaignsFeature } from './campaigns';
import { candidatesFeature } from './candidates';
import { candidateImportFeature } from './candidate-import';
import { inboundFeature } from './inbound';
import { inboxFeature } from './inbox';
import { sendingFeature } from './sending';
import { settingsFeature } from './settings';
import { statusSyncFeature } from './status-sync';
import { templatesFeature } from './templates';
import { conversationsFeature } from './conversations';
import { templateEditorFeature } from './template-editor';
import { goLiveFeature } from './go-live';
import { auditFeature } from './audit';
import { teamInboxFeature } from './team-inbox';
import { savedRepliesFeature } from './saved-replies';
import { exportsFeature } from './exports';
import { campaignTimelineFeature } from './campaign-timeline';

/**
 * Every feature of the plugin, each registering its services, controllers and routes.
 * Order matters for routes only: within a feature, specific paths come before generic ones.
 */
export const FEATURES = [
  settingsFeature,
  // Before candidates: `POST /candidates/import` is a fixed path beside `/candidates/:id`.
  candidateImportFeature,
  candidatesFeature,
  inboxFeature,
  sendingFeature,
  templatesFeature,
  templateEditorFeature,
  audiencesFeature,
  campaignsFeature,
  statusSyncFeature,
  inboundFeature,
  goLiveFeature,
  conversationsFeature,
  auditFeature,
  teamInboxFeature,
  savedRepliesFeature,
  exportsFeature,
  campaignTimelineFeature,
];
