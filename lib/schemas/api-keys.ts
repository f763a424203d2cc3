import { z } from "zod";

export const createApiKeyBody = z.object({ note: z.string().trim().max(200).optional() });
