import candidate from './candidate';
import conversation from './conversation';
import message from './message';
import template from './template';
import campaign from './campaign';
import statusEvent from './status-event';
import syncRun from './sync-run';
import savedReply from './saved-reply';

export default {
  candidate,
  conversation,
  message,
  template,
  campaign,
  'status-event': statusEvent,
  'sync-run': syncRun,
  'saved-reply': savedReply,
};
