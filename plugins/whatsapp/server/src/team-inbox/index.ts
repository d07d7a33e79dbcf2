import { facadeOf } from '../utils/facade';
import { adminRoute, adminRouteAnyOf } from '../utils/admin-route';
import { createAssignmentService } from './assignment';
import { teamInboxController } from './controller';
import { createNotesService } from './notes';

/** The facade: assignment (by hand and round-robin) and internal notes. */
export const createTeamInboxFacade = facadeOf({
  assignment: createAssignmentService,
  notes: createNotesService,
});
export type TeamInboxFacade = ReturnType<typeof createTeamInboxFacade>;

/** Team inbox: conversations assigned to admin users, and notes staff leave in a thread. */
export const teamInboxFeature = {
  services: { 'team-inbox': createTeamInboxFacade },
  controllers: { 'team-inbox': teamInboxController },
  adminRoutes: [
    adminRouteAnyOf('GET', '/team-inbox/staff', 'team-inbox.staff', 'messagesRead', 'conversationsAssign'),
    adminRoute('GET', '/team-inbox/settings', 'team-inbox.settings', 'settingsRead'),
    adminRoute('PUT', '/team-inbox/settings', 'team-inbox.updateSettings', 'settingsUpdate'),
    adminRoute('PUT', '/inbox/conversations/:id/assignee', 'team-inbox.assign', 'conversationsAssign'),
    adminRoute('GET', '/inbox/conversations/:id/notes', 'team-inbox.notes', 'messagesRead'),
    adminRoute('POST', '/inbox/conversations/:id/notes', 'team-inbox.createNote', 'messagesSend'),
  ],
  contentApiRoutes: [],
};

declare module '../utils/get-service' {
  interface PluginServices {
    'team-inbox': TeamInboxFacade;
  }
}
