import { RECIPIENT_STATUSES, SKIP_REASONS } from '../../../shared/campaigns';
import { SYNC_RUN_STATES, SYNC_RUN_TRIGGERS } from '../../../shared/sync-status';
import { TIMELINE_SERIES } from '../../../shared/campaign-timeline';

const enumOf = (name: string, values: readonly string[]) => `enum ${name} {\n  ${values.join('\n  ')}\n}`;

/**
 * The REST actions as GraphQL operations. Inputs are the REST bodies' fields and
 * answers keep the REST shapes; the content types are the shadow CRUD types (`WhatsappMessage`,
 * …). `JSON`, `DateTime`, `PaginationArg` and `Pagination` are the graphql plugin's own.
 */
export const typeDefs = /* GraphQL */ `
  extend type WhatsappMessage {
    "The Twilio error in words staff understand (REST messages carry it too); null without an error."
    errorDescription: String
  }

  "POST /messages: to a candidate (documentId) or a number; free text and/or media, or a template."
  input WhatsappMessageSendInput {
    candidate: ID
    to: String
    body: String
    template: ID
    "Values for the template's {{n}} placeholders, keyed by placeholder number."
    variables: JSON
    mediaUrls: [String!]
  }

  input WhatsappTemplateQuickReplyInput {
    title: String!
    id: String
  }

  "POST /templates/:id/submit: optional media or quick replies, on the first submit only."
  input WhatsappTemplateSubmitInput {
    media: [String!]
    quickReplies: [WhatsappTemplateQuickReplyInput!]
  }

  "POST /templates/:id/preview: sample values, or a candidate and a campaign-style variableMapping."
  input WhatsappTemplatePreviewInput {
    variables: JSON
    candidate: ID
    variableMapping: JSON
  }

  type WhatsappTemplateSyncResult {
    created: Int!
    updated: Int!
    unchanged: Int!
    markedDeleted: Int!
    skipped: Int!
    "Templates Twilio listed."
    total: Int!
    pages: Int!
    syncedAt: DateTime!
  }

  type WhatsappTemplatePreview {
    text: String!
    "Placeholder numbers left empty, ascending."
    missing: [Int!]!
    "The values used, keyed by placeholder number."
    variables: JSON!
  }

  ${enumOf('WhatsappCampaignRecipientStatus', RECIPIENT_STATUSES)}

  ${enumOf('WhatsappCampaignRecipientSkipReason', SKIP_REASONS)}

  type WhatsappCampaignRecipientCandidate {
    documentId: ID!
    name: String
    phone: String
  }

  type WhatsappCampaignRecipientMessage {
    documentId: ID!
    status: String!
    twilioSid: String
    errorCode: Int
    errorMessage: String
    sentAt: DateTime
    deliveredAt: DateTime
    readAt: DateTime
    failedAt: DateTime
  }

  type WhatsappCampaignRecipient {
    candidate: WhatsappCampaignRecipientCandidate
    status: WhatsappCampaignRecipientStatus!
    skipReason: WhatsappCampaignRecipientSkipReason
    skipDetail: String
    dispatchedAt: DateTime
    repliedAt: DateTime
    message: WhatsappCampaignRecipientMessage
  }

  "GET /campaigns/:id/recipients: one page, in launch order."
  type WhatsappCampaignRecipientConnection {
    nodes: [WhatsappCampaignRecipient!]!
    pageInfo: Pagination!
  }

  "POST /campaigns/preview: a template, a campaign-style variableMapping and an audience (JSON, as REST takes them)."
  input WhatsappCampaignPreviewInput {
    template: ID!
    variableMapping: JSON
    audience: JSON!
    "How many recipients who are sent to are rendered as samples (0 to 10, 3 unless told)."
    samples: Int
  }

  type WhatsappCampaignPreviewTemplate {
    documentId: ID!
    name: String!
    approvalStatus: String!
    body: String!
  }

  type WhatsappCampaignSkippedCounts {
    ${SKIP_REASONS.map((reason) => `${reason}: Int!`).join('\n    ')}
  }

  type WhatsappCampaignPreviewSample {
    candidate: WhatsappCampaignRecipientCandidate!
    send: Boolean!
    skipReason: WhatsappCampaignRecipientSkipReason
    skipDetail: String
    text: String!
    "Placeholder numbers left empty, ascending."
    missing: [Int!]!
  }

  "POST /campaigns/preview: what a launch would do; nothing is written."
  type WhatsappCampaignPreview {
    template: WhatsappCampaignPreviewTemplate!
    "Candidates in the audience (each once)."
    total: Int!
    "Would be sent to."
    send: Int!
    skipped: Int!
    skippedBy: WhatsappCampaignSkippedCounts!
    "A few recipients who would be sent to, rendered, then one of each skip reason."
    samples: [WhatsappCampaignPreviewSample!]!
  }

  enum WhatsappCampaignTimelineBucketSize {
    minute
    hour
    day
  }

  "Messages of a campaign that reached each state (replies: recipients' first reply)."
  type WhatsappCampaignTimelineCounts {
    ${TIMELINE_SERIES.map((series) => `${series}: Int!`).join('\n    ')}
  }

  type WhatsappCampaignTimelineBucket {
    "The bucket's start (UTC)."
    at: DateTime!
    ${TIMELINE_SERIES.map((series) => `${series}: Int!`).join('\n    ')}
  }

  "GET /campaigns/:id/timeline: per minute, hour or day by the campaign's span; no buckets before anything was sent."
  type WhatsappCampaignTimeline {
    bucketSize: WhatsappCampaignTimelineBucketSize
    buckets: [WhatsappCampaignTimelineBucket!]!
    totals: WhatsappCampaignTimelineCounts!
  }

  ${enumOf('WhatsappStatusSyncRunState', SYNC_RUN_STATES)}

  ${enumOf('WhatsappStatusSyncRunTrigger', SYNC_RUN_TRIGGERS)}

  enum WhatsappStatusSyncScopeKind {
    all
    campaign
    messages
  }

  type WhatsappStatusSyncScope {
    kind: WhatsappStatusSyncScopeKind!
    campaign: ID
    messages: [ID!]
  }

  type WhatsappStatusSyncRunError {
    messageId: ID!
    twilioSid: String
    code: String!
    message: String!
    httpStatus: Int
    twilioCode: Int
  }

  type WhatsappStatusSyncRunChange {
    messageId: ID!
    from: String!
    to: String!
  }

  type WhatsappStatusSyncRun {
    id: ID!
    scope: WhatsappStatusSyncScope!
    trigger: WhatsappStatusSyncRunTrigger!
    state: WhatsappStatusSyncRunState!
    requestedAt: DateTime!
    startedAt: DateTime
    finishedAt: DateTime
    total: Int!
    checked: Int!
    changed: Int!
    stuck: Int!
    errorCount: Int!
    rateLimited: Int!
    errors: [WhatsappStatusSyncRunError!]!
    changes: [WhatsappStatusSyncRunChange!]!
    failureReason: String
  }

  "POST /sync-status: the run queued, or the run of the same scope already under way."
  type WhatsappStatusSyncRequest {
    runId: ID!
    alreadyRunning: Boolean!
    state: WhatsappStatusSyncRunState!
    scope: WhatsappStatusSyncScope!
    trigger: WhatsappStatusSyncRunTrigger!
    requestedAt: DateTime!
  }

  type WhatsappStatusSyncStuckMessage {
    id: ID!
    status: String!
    twilioSid: String
    stuckCode: String!
    stuckReason: String
    lastSyncedAt: DateTime
    createdAt: DateTime!
  }

  type WhatsappStatusSyncStuck {
    total: Int!
    "Stuck messages per stuck code."
    byCode: JSON!
    messages: [WhatsappStatusSyncStuckMessage!]!
  }

  type WhatsappStatusSyncSchedule {
    enabled: Boolean!
    intervalMinutes: Float
    minAgeMinutes: Float!
    share: Float!
    requestsPerSecond: Float!
  }

  "GET /sync-status: runs, messages awaiting a final status, messages that look stuck."
  type WhatsappStatusSyncOverview {
    current: WhatsappStatusSyncRun
    active: [WhatsappStatusSyncRun!]!
    runs: [WhatsappStatusSyncRun!]!
    awaitingFinal: Int!
    awaitingCheck: Int!
    stuck: WhatsappStatusSyncStuck!
    schedule: WhatsappStatusSyncSchedule!
    statusCallbackUrl: String
  }

  extend type Query {
    "GET /campaigns/:id/recipients (permission campaign-actions.recipients)."
    whatsappCampaignRecipients(
      id: ID!
      status: [WhatsappCampaignRecipientStatus!]
      pagination: PaginationArg
    ): WhatsappCampaignRecipientConnection!
    "GET /campaigns/:id/timeline (permission campaign-timeline.find)."
    whatsappCampaignTimeline(id: ID!): WhatsappCampaignTimeline!
    "GET /sync-status (permission status-sync.find)."
    whatsappStatusSync: WhatsappStatusSyncOverview!
    "GET /sync-status/:id (permission status-sync.findOne)."
    whatsappStatusSyncRun(id: ID!): WhatsappStatusSyncRun!
  }

  extend type Mutation {
    "POST /messages (permission message.send)."
    sendWhatsappMessage(data: WhatsappMessageSendInput!): WhatsappMessage!
    "POST /messages/:id/retry (permission message.retry)."
    retryWhatsappMessage(id: ID!): WhatsappMessage!
    "POST /conversations/:id/read (permission conversation.markRead)."
    markWhatsappConversationRead(id: ID!): WhatsappConversation!
    "POST /templates/sync (permission template-actions.sync)."
    syncWhatsappTemplates: WhatsappTemplateSyncResult!
    "POST /templates/:id/submit (permission template-actions.submit)."
    submitWhatsappTemplate(id: ID!, data: WhatsappTemplateSubmitInput): WhatsappTemplate!
    "POST /templates/:id/preview (permission template-actions.preview; with a candidate, candidate.findOne too)."
    previewWhatsappTemplate(id: ID!, data: WhatsappTemplatePreviewInput): WhatsappTemplatePreview!
    "POST /campaigns/preview (permission audiences.preview)."
    previewWhatsappCampaign(data: WhatsappCampaignPreviewInput!): WhatsappCampaignPreview!
    "POST /campaigns/:id/launch (permission campaign-actions.launch)."
    launchWhatsappCampaign(id: ID!): WhatsappCampaign!
    "POST /campaigns/:id/pause (permission campaign-actions.pause)."
    pauseWhatsappCampaign(id: ID!): WhatsappCampaign!
    "POST /campaigns/:id/resume (permission campaign-actions.resume)."
    resumeWhatsappCampaign(id: ID!): WhatsappCampaign!
    "POST /campaigns/:id/cancel (permission campaign-actions.cancel)."
    cancelWhatsappCampaign(id: ID!): WhatsappCampaign!
    "POST /campaigns/:id/retry-failed (permission campaign-actions.retryFailed)."
    retryFailedWhatsappCampaign(id: ID!): WhatsappCampaign!
    "POST /sync-status (permission status-sync.start); neither messages nor campaign: everything pending."
    requestWhatsappStatusSync(messages: [ID!], campaign: ID): WhatsappStatusSyncRequest!
  }
`;
