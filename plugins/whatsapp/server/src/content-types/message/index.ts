import { messageSchema } from './schema';

export default { schema: messageSchema };
