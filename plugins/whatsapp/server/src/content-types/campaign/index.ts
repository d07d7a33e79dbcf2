import { campaignSchema } from './schema';

export default { schema: campaignSchema };
