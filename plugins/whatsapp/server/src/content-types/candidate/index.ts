import { candidateSchema } from './schema';

export default { schema: candidateSchema };
