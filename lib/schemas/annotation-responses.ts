import { z } from "zod";

/**
 * What the public annotation routes answer (2xx JSON bodies), for the OpenAPI document's
 * `response` field. Loose objects: fields may be added; the listed ones are promised.
 * tests/integration/annotation-api.test.ts parses real answers with them.
 */
export const createQueueResponse = z.looseObject({ id: z.string(), name: z.string(), judgmentsPerPair: z.number().int() });
export const addPairsResponse = z.looseObject({ pairIds: z.array(z.string()).describe("In the order sent") });
export const importJudgmentsResponse = z.looseObject({ judgmentIds: z.array(z.string()).describe("In the order sent") });

const rate = z.number().nullable().describe("0..1; null when undefined");
export const queueStatsResponse = z.looseObject({
  queue: z.looseObject({ id: z.string(), name: z.string(), judgmentsPerPair: z.number().int() }),
  pairs: z.number().int(),
  judgments: z.number().int(),
  decided: z.number().int().describe("Pairs with a final label (adjudicated, else majority)"),
  disagreements: z.number().int().describe("Pairs whose judgments differ and that no lead adjudicated"),
  alpha: z.number().nullable().describe("Krippendorff's alpha (nominal) over the queue"),
  kappa: z.array(z.looseObject({ annotatorA: z.string(), annotatorB: z.string(), sharedPairs: z.number().int(), observedAgreement: z.number(), kappa: z.number().nullable() })),
  annotators: z.array(z.looseObject({
    annotator: z.string().describe("Email"),
    judgments: z.number().int(),
    agreementWithMajority: rate,
    majorityPairs: z.number().int(),
    goldPairs: z.number().int(),
    goldAccuracy: rate,
    medianMs: z.number().nullable(),
  })),
});
