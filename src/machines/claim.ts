/**
 * The claim: its lifecycle from filing to closing under a policy. Every path
 * of the policy (DESIGN.md section 1) is a path through this chart; every
 * final state is an outcome the collectors count. Delays are in simulated
 * days and run on the simulator's calendar.
 *
 * Guards and actions are named; each body calls one rule in `src/rules`.
 */
import { and, assign, emit, setup } from 'xstate';
import type { Parameters } from '../params/schema.js';
import { believesClaimValid } from '../rules/believesClaimValid.js';
import { isAppealUpheld } from '../rules/isAppealUpheld.js';
import { isCoveredByInsurer } from '../rules/isCoveredByInsurer.js';
import { isFiledTooLate } from '../rules/isFiledTooLate.js';
import { isFullyReimbursed } from '../rules/isFullyReimbursed.js';
import { isMarketplacePaid } from '../rules/isMarketplacePaid.js';
import { isReimbursementWaived } from '../rules/isReimbursementWaived.js';
import { proofWindowLeft } from '../rules/proofWindowLeft.js';
import { recoversByWithholding } from '../rules/recoversByWithholding.js';
import { splitAtDeductible } from '../rules/splitAtDeductible.js';
import { Draw, type ClaimEvent, type ClaimFacts, type Effect, type InsuranceFacts } from './types.js';

export interface ClaimContext {
  readonly facts: ClaimFacts;
  /** What the claim will be paid if paid: the claimed amount, or the genuine part once build-up is spotted. */
  readonly payableUsd: number;
  /** Paid to the customer so far, by anyone. */
  readonly paidUsd: number;
  /** Paid by the marketplace on this claim, which it may recover from the seller. */
  readonly advancedUsd: number;
  /** The seller's insurance, as the seller declared it on accepting. */
  readonly insurance: InsuranceFacts | null;
  /** How long after notification the seller accepted; the proof window runs from notification. */
  readonly answeredAfterDays: number;
}

/** Final states, in the order the report lists them. */
export const CLAIM_OUTCOMES = [
  'refusedLate',
  'refusedBlocked',
  'screenedOut',
  'denied',
  'unanswered',
  'insurerDenied',
  'paidBySeller',
  'paidByInsurer',
  'waived',
  'recovered',
  'partlyRecovered',
  'recoveredByWithholding',
  'writtenOff',
  'appealUpheld',
] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

const payment = (claim: ClaimFacts, payer: 'marketplace' | 'seller' | 'insurer', amountUsd: number): Effect => ({ type: 'ledger.paid', claim, payer, amountUsd });
const toSeller = (claim: ClaimFacts, event: Extract<Effect, { type: 'send' }>['event']): Effect => ({ type: 'send', to: { kind: 'seller', id: claim.seller }, afterDays: 0, event });

export function createClaimMachine(params: Parameters) {
  const { policy, filing, marketplace, sellers } = params;
  const believesValid = (context: ClaimContext) => believesClaimValid(context.facts.fraud, context.facts.draws[Draw.believedValid]!, marketplace.believesRejectedValid);
  return setup({
    types: {
      context: {} as ClaimContext,
      input: {} as ClaimFacts,
      events: {} as ClaimEvent,
      emitted: {} as Effect,
    },
    guards: {
      isFiledTooLate: ({ context }) => isFiledTooLate(context.facts, filing),
      isClaimantBlocked: ({ context }) => context.facts.claimantBlocked,
      isMarketplacePaid: ({ context }) => isMarketplacePaid(context.payableUsd, policy),
      seeksProofOfInsurance: () => policy.reimbursement.waiverForInsured,
      isCoveredByInsurer: ({ context, event }) => event.type === 'seller.accepted' && isCoveredByInsurer(context.payableUsd, event.insurance),
      stepsInOnSilence: () => policy.stepIn.onSilence,
      // Rejections by sellers and denials by insurers are judged alike: does the marketplace believe the claim?
      stepsInOnRejection: ({ context }) => policy.stepIn.onRejectedValid && believesValid(context),
      stepsInOnInsurerDenial: ({ context }) => policy.stepIn.onInsurerDenial && believesValid(context),
      stepsInOnInsurerSilence: () => policy.stepIn.onInsurerDenial,
      isReimbursementWaived: ({ event }) => event.type === 'seller.provedInsurance' && isReimbursementWaived(event, policy.reimbursement, policy.insurance),
      isFullyReimbursed: ({ context, event }) => event.type === 'seller.reimbursed' && isFullyReimbursed(event.amountUsd, context.advancedUsd),
      isAppealUpheld: ({ context }) => isAppealUpheld(context.facts.draws[Draw.appeal]!, sellers),
      recoversByWithholding: ({ context }) => recoversByWithholding(context.facts.draws[Draw.withholding]!, policy.reimbursement, sellers),
    },
    actions: {
      requestIntake: emit(({ context }) => ({ type: 'intake.requested', claim: context.facts }) as const),
      trimToGenuine: assign({ payableUsd: ({ context }) => Math.min(context.payableUsd, context.facts.genuineUsd) }),
      reportClaimant: emit(({ context }): Effect => ({ type: 'send', to: { kind: 'customer', id: context.facts.customer }, afterDays: 0, event: { type: 'fraud.detected' } })),
      notifySeller: emit(({ context }) => toSeller(context.facts, { type: 'claim.notified', claim: context.facts })),
      requestProof: emit(({ context }) => toSeller(context.facts, { type: 'proof.requested', claim: context.facts })),
      demandReimbursement: emit(({ context }) => toSeller(context.facts, { type: 'reimbursement.demanded', claim: context.facts, amountUsd: context.advancedUsd })),
      tenderToInsurer: emit(({ context }): Effect => ({
        type: 'send',
        to: { kind: 'insurer', id: context.insurance!.insurer },
        afterDays: 0,
        event: { type: 'claim.tendered', claim: context.facts, amountUsd: context.payableUsd - context.paidUsd },
      })),
      noteAcceptance: assign(({ event }) => (event.type === 'seller.accepted' ? { insurance: event.insurance, answeredAfterDays: event.answeredAfterDays } : {})),
      // The marketplace pays whatever is still owed and may later recover it.
      payAsMarketplace: emit(({ context }) => payment(context.facts, 'marketplace', context.payableUsd - context.paidUsd)),
      recordAdvance: assign(({ context }) => ({ advancedUsd: context.advancedUsd + context.payableUsd - context.paidUsd, paidUsd: context.payableUsd })),
      payAsSeller: emit(({ context }) => payment(context.facts, 'seller', context.payableUsd - context.paidUsd)),
      recordPaidInFull: assign({ paidUsd: ({ context }) => context.payableUsd }),
      payDeductibleAsSeller: emit(({ context }) => payment(context.facts, 'seller', splitAtDeductible(context.payableUsd, context.insurance!.deductibleUsd).sellerUsd)),
      recordDeductible: assign({ paidUsd: ({ context }) => splitAtDeductible(context.payableUsd, context.insurance!.deductibleUsd).sellerUsd }),
      payAsInsurer: emit(({ context }) => payment(context.facts, 'insurer', context.payableUsd - context.paidUsd)),
      recordReimbursement: emit(({ context, event }): Effect => {
        const amountUsd = event.type === 'seller.reimbursed' ? Math.min(event.amountUsd, context.advancedUsd) : 0;
        return { type: 'ledger.recovered', claim: context.facts, how: isFullyReimbursed(amountUsd, context.advancedUsd) ? 'paid' : 'partial', amountUsd };
      }),
      recordWithheld: emit(({ context }): Effect => ({ type: 'ledger.recovered', claim: context.facts, how: 'withheld', amountUsd: context.advancedUsd })),
    },
    delays: {
      responseWindow: () => policy.responseWindowDays,
      proofWindow: ({ context }) => proofWindowLeft(policy.reimbursement.proofWindowDays, context.answeredAfterDays),
      insurerWindow: () => policy.stepIn.insurerWindowDays,
      appealDecision: () => policy.reimbursement.appealDecisionDays,
    },
  }).createMachine({
    id: 'claim',
    context: ({ input }) => ({ facts: input, payableUsd: input.claimedUsd, paidUsd: 0, advancedUsd: 0, insurance: null, answeredAfterDays: 0 }),
    initial: 'filed',
    states: {
      filed: {
        always: [
          { guard: 'isFiledTooLate', target: 'refusedLate' },
          { guard: 'isClaimantBlocked', target: 'refusedBlocked' },
          { target: 'screening' },
        ],
      },
      screening: {
        entry: 'requestIntake',
        on: {
          'review.flagged': { target: 'screenedOut', actions: 'reportClaimant' },
          'review.trimmed': { target: 'awaitingSeller', actions: 'trimToGenuine' },
          'review.cleared': { target: 'awaitingSeller' },
        },
      },
      awaitingSeller: {
        entry: 'notifySeller',
        on: {
          'seller.accepted': [
            { guard: and(['isMarketplacePaid', 'seeksProofOfInsurance']), target: 'awaitingProof', actions: ['noteAcceptance', 'payAsMarketplace', 'recordAdvance'] },
            { guard: 'isMarketplacePaid', target: 'pursuing', actions: ['payAsMarketplace', 'recordAdvance'] },
            { guard: 'isCoveredByInsurer', target: 'withInsurer', actions: ['noteAcceptance', 'payDeductibleAsSeller', 'recordDeductible'] },
            { target: 'paidBySeller', actions: ['payAsSeller', 'recordPaidInFull'] },
          ],
          'seller.rejected': [{ guard: 'stepsInOnRejection', target: 'pursuing', actions: ['payAsMarketplace', 'recordAdvance'] }, { target: 'denied' }],
        },
        after: {
          responseWindow: [{ guard: 'stepsInOnSilence', target: 'pursuing', actions: ['payAsMarketplace', 'recordAdvance'] }, { target: 'unanswered' }],
        },
      },
      // Paid as a concession; reimbursement is waived if the seller shows valid insurance within
      // the proof window, counted from notification. A silent seller, or one whose rejection the
      // marketplace overrides, goes straight to pursuit: the sources say the marketplace pursues it.
      awaitingProof: {
        entry: 'requestProof',
        on: {
          'seller.provedInsurance': [{ guard: 'isReimbursementWaived', target: 'waived' }, { target: 'pursuing' }],
        },
        after: { proofWindow: 'pursuing' },
      },
      withInsurer: {
        entry: 'tenderToInsurer',
        on: {
          'insurer.paid': { target: 'paidByInsurer', actions: ['payAsInsurer', 'recordPaidInFull'] },
          'insurer.litigating': 'inLitigation',
          'insurer.denied': [{ guard: 'stepsInOnInsurerDenial', target: 'pursuing', actions: ['payAsMarketplace', 'recordAdvance'] }, { target: 'insurerDenied' }],
        },
        after: {
          insurerWindow: [{ guard: 'stepsInOnInsurerSilence', target: 'pursuing', actions: ['payAsMarketplace', 'recordAdvance'] }, { target: 'insurerDenied' }],
        },
      },
      inLitigation: {
        on: { 'insurer.paid': { target: 'paidByInsurer', actions: ['payAsInsurer', 'recordPaidInFull'] } },
      },
      pursuing: {
        entry: 'demandReimbursement',
        on: {
          'seller.reimbursed': [
            { guard: 'isFullyReimbursed', target: 'recovered', actions: 'recordReimbursement' },
            { target: 'partlyRecovered', actions: 'recordReimbursement' },
          ],
          'seller.appealed': 'inAppeal',
          'seller.defaulted': [{ guard: 'recoversByWithholding', target: 'recoveredByWithholding', actions: 'recordWithheld' }, { target: 'writtenOff' }],
        },
      },
      inAppeal: {
        after: {
          appealDecision: [
            { guard: 'isAppealUpheld', target: 'appealUpheld' },
            { guard: 'recoversByWithholding', target: 'recoveredByWithholding', actions: 'recordWithheld' },
            { target: 'writtenOff' },
          ],
        },
      },
      refusedLate: { type: 'final' },
      refusedBlocked: { type: 'final' },
      screenedOut: { type: 'final' },
      denied: { type: 'final' },
      unanswered: { type: 'final' },
      insurerDenied: { type: 'final' },
      paidBySeller: { type: 'final' },
      paidByInsurer: { type: 'final' },
      waived: { type: 'final' },
      recovered: { type: 'final' },
      partlyRecovered: { type: 'final' },
      recoveredByWithholding: { type: 'final' },
      writtenOff: { type: 'final' },
      appealUpheld: { type: 'final' },
    },
  });
}

export type ClaimMachine = ReturnType<typeof createClaimMachine>;
