/**
 * The seller: trades until it has defaulted on too many reimbursement demands,
 * then is suspended. It answers each claim it is notified of (accept, reject or
 * stay silent), shows proof of insurance when asked if it has any, and answers
 * reimbursement demands (pay, pay part, appeal, default). What the marketplace
 * withholds from its payouts is bounded by what they hold: the seller keeps
 * count of what was already withheld.
 *
 * Answers travel back to the claim as messages after the seller's own delay.
 */
import { and, assign, enqueueActions, setup } from 'xstate';
import type { Parameters } from '../params/schema.js';
import { demandAnswer } from '../rules/demandAnswer.js';
import { isSuspensionDue } from '../rules/isSuspensionDue.js';
import { proofAnswer } from '../rules/proofAnswer.js';
import { sellerAnswer } from '../rules/sellerAnswer.js';
import { withheldFromPayouts } from '../rules/withheldFromPayouts.js';
import { Draw, toClaim, type ClaimEvent, type Effect, type SellerEvent, type SellerProfile } from '../domain/types.js';

export interface SellerContext {
  readonly profile: SellerProfile;
  readonly defaults: number;
  /** Withheld from its payouts so far, for any claim. */
  readonly withheldUsd: number;
}

export function createSellerMachine(params: Parameters) {
  const { sellers, policy } = params;
  const withholdingOf = (context: SellerContext, e: Extract<SellerEvent, { type: 'payouts.withholdingRequested' }>) =>
    withheldFromPayouts(e.amountUsd, context.profile.monthlySalesUsd, context.withheldUsd, e.claim.draws.at(Draw.withholding)!, sellers, policy.reimbursement);
  const answerOf = (e: Extract<SellerEvent, { type: 'reimbursement.demanded' }>) =>
    demandAnswer(e.claim.draws.at(Draw.demand)!, e.claim.draws.at(Draw.demandDelay)!, e.amountUsd, policy.reimbursement.appealWindowDays, sellers);
  return setup({
    types: {
      context: {} as SellerContext,
      input: {} as SellerProfile,
      events: {} as SellerEvent,
      emitted: {} as Effect,
    },
    guards: {
      willDefault: ({ event }) => event.type === 'reimbursement.demanded' && answerOf(event).answer === 'defaults',
      isSuspensionDue: ({ context }) => isSuspensionDue(context.defaults, sellers),
    },
    actions: {
      answerClaim: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'claim.notified') return;
        const reply = sellerAnswer(event.claim.draws.at(Draw.response)!, event.claim.draws.at(Draw.responseDelay)!, sellers);
        if (reply.answer === 'silent') return;
        const message: ClaimEvent =
          reply.answer === 'accept'
            ? { type: 'seller.accepted', insurance: context.profile.insurance, answeredAfterDays: reply.afterDays }
            : { type: 'seller.rejected', answeredAfterDays: reply.afterDays };
        enqueue.emit(toClaim(event.claim, reply.afterDays, message));
      }),
      showProof: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'proof.requested') return;
        const { insurance, compliant } = context.profile;
        const proof = proofAnswer(insurance !== null, event.claim.draws.at(Draw.proof)!, event.claim.draws.at(Draw.proofDelay)!, sellers);
        if (proof && insurance) enqueue.emit(toClaim(event.claim, proof.afterDays, { type: 'seller.provedInsurance', insurance, compliant }));
      }),
      answerDemand: enqueueActions(({ event, enqueue }) => {
        if (event.type !== 'reimbursement.demanded') return;
        const reply = answerOf(event);
        const message: ClaimEvent =
          reply.answer === 'pays' || reply.answer === 'partial'
            ? { type: 'seller.reimbursed', amountUsd: reply.amountUsd }
            : reply.answer === 'appeals'
              ? { type: 'seller.appealed' }
              : { type: 'seller.defaulted' };
        enqueue.emit(toClaim(event.claim, reply.afterDays, message));
      }),
      defaultOnDemand: enqueueActions(({ event, enqueue }) => {
        if (event.type === 'reimbursement.demanded') enqueue.emit(toClaim(event.claim, 0, { type: 'seller.defaulted' }));
      }),
      countDefault: assign({ defaults: ({ context }) => context.defaults + 1 }),
      yieldPayouts: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'payouts.withholdingRequested') return;
        const { amountUsd, afterDays } = withholdingOf(context, event);
        enqueue.assign({ withheldUsd: context.withheldUsd + amountUsd });
        enqueue.emit(toClaim(event.claim, afterDays, { type: 'seller.payoutsWithheld', amountUsd }));
      }),
    },
  }).createMachine({
    id: 'seller',
    context: ({ input }) => ({ profile: input, defaults: 0, withheldUsd: 0 }),
    initial: 'trading',
    // Payouts are withheld whether the seller still trades or is suspended (its money is held either way).
    on: { 'payouts.withholdingRequested': { actions: 'yieldPayouts' } },
    states: {
      trading: {
        on: {
          'claim.notified': { actions: 'answerClaim' },
          'proof.requested': { actions: 'showProof' },
          'reimbursement.demanded': [
            { guard: and(['willDefault', 'isSuspensionDue']), target: 'suspended', actions: ['answerDemand', 'countDefault'] },
            { guard: 'willDefault', actions: ['answerDemand', 'countDefault'] },
            { actions: 'answerDemand' },
          ],
        },
      },
      // A suspended seller answers no claim and shows no proof; its demands go unpaid.
      suspended: {
        on: { 'reimbursement.demanded': { actions: 'defaultOnDemand' } },
      },
    },
  });
}

export type SellerMachine = ReturnType<typeof createSellerMachine>;
