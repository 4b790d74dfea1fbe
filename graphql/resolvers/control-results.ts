// Control results (graphql/schema/control-results.graphql): officers record them; readers of the
// declaration see the latest, the filer without the officer's note.
import { getDeclaration } from '../../lib/declarations/get-declaration';
import { getControlResult, type ControlResultView } from '../../lib/risk/get-control-result';
import { recordControlResult } from '../../lib/risk/record-control-result';
import type { ControlResult, Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';

const text = (v: string | number | null | undefined) => (v == null ? undefined : String(v));

function toGraphql(r: ControlResultView): ControlResult {
  return {
    ...r,
    findings: r.findings.map((f) => ({
      itemSequence: f.itemSequence,
      kind: f.kind,
      declaredCommodityCode: f.declared.commodityCode,
      declaredCustomsValue: f.declared.customsValue,
      declaredOriginCountry: f.declared.originCountry,
      declaredNetMass: f.declared.netMass,
      correctedCommodityCode: f.corrected.commodityCode,
      correctedCustomsValue: f.corrected.customsValue,
      correctedOriginCountry: f.corrected.originCountry,
      correctedNetMass: f.corrected.netMass,
      correctedSupplementaryQuantity: f.corrected.supplementaryQuantity,
      declaredDuties: f.declaredDuties,
      correctedDuties: f.correctedDuties,
      additionalDuties: f.additionalDuties,
    })),
  };
}

export const controlResultResolvers: Resolvers = {
  Mutation: {
    recordControlResult: async (_root, { declarationId, input }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() =>
        recordControlResult({
          actor,
          declarationId,
          requestId: ctx.requestId,
          input: {
            outcome: input.outcome,
            note: input.note ?? undefined,
            correctionReason: input.correctionReason ?? undefined,
            findings: (input.findings ?? []).map((f) => ({
              itemSequence: f.itemSequence,
              kind: f.kind,
              correctedCommodityCode: f.correctedCommodityCode ?? undefined,
              correctedCustomsValue: text(f.correctedCustomsValue),
              correctedOriginCountry: f.correctedOriginCountry ?? undefined,
              correctedNetMass: text(f.correctedNetMass),
              correctedSupplementaryQuantity: text(f.correctedSupplementaryQuantity),
            })),
          },
        }),
      );
      if (!value) return { controlResult: null, declaration: null, userErrors };
      const result = await getControlResult(actor, declarationId);
      return { controlResult: result && toGraphql(result), declaration: await getDeclaration({ actor, id: declarationId }), userErrors };
    },
  },
  Declaration: {
    controlResult: async (d, _args, ctx) => {
      const result = await getControlResult(await ctx.actor(), d.id);
      return result && toGraphql(result);
    },
  },
};
