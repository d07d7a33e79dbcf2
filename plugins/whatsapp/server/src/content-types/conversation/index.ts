import { conversationSchema } from './schema';

export default { schema: conversationSchema };
