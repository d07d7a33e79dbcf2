/**
 * The one gateway to the tables Strapi manages: their names, the link rows of relations,
 * documentIds and attribute defaults for rows written with SQL, and the boot check that
 * holds all of it against Strapi's metadata and the live schema.
 */
export { TABLE, LINK, LINK_TABLE, columnOf, type LinkSpec } from './names';
export { insertLinkRowsSql, threadLinkCtes, type LinkSource } from './links';
export { checkStrapiTables, mappingProblems, type ModelMeta } from './check';
export { newDocumentId, createSpareDocumentIds, jsonParam, defaultColumns, type DefaultColumns } from './document-row';
export { assignConversationSql, upsertConversationsSql, type ConversationUpsert } from './conversations';
export { IMPORTED_CANDIDATE_COLUMNS, MAX_CANDIDATE_TAGS, planCandidatesWith, importCandidatesWith } from './candidates';
