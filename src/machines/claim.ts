/**
 * The claim: its lifecycle from filing to closing under a policy. Every path
 * of the policy is a path through this chart; every final state is an outcome
 * the collectors count. Delays are in simulated days and run on the
 * simulator's calendar.
 *
 * Under the threshold the marketplace pays first: "Amazon will directly pay
 * customers for claims under $1,000" and "will resolve and pay for valid ...
 * claims against sellers under $1,000 as a concession to customers" (the
 * August 2021 announcement). The seller is notified and kept informed; its
 * answer decides who ends up paying, not whether or when the customer is paid.
 * Above the threshold the seller (or its insurer) answers first, and the
 * marketplace "may step in to pay higher claims if the seller is unresponsive
 * or rejects a claim we believe to be true" (news report of the announcement).
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
import { settlementDays } from '../rules/settlementDays.js';
import { splitAtDeductible } from '../rules/splitAtDeductible.js';
import { Draw, type ClaimEvent, type ClaimFacts, type Effect, type InsuranceFacts } from '../domain/types.js';

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
  /** How long after notification the seller answered (or the response window, if it stayed silent); the proof window runs from notification. */
  readonly answeredAfterDays: number;
  /** Whether the seller rejected a claim the marketplace paid under the threshold: it keeps its defence (an appeal) against reimbursement. */
  readonly disputed: boolean;
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
  'partlyRecoveredByWithholding',
  'writtenOff',
  'appealUpheld',
] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

const payment = (claim: ClaimFacts, payer: 'marketplace' | 'seller' | 'insurer', amountUsd: number): Effect => ({ type: 'ledger.paid', claim, payer, amountUsd });
const toSeller = (claim: ClaimFacts, event: Extract<Effect, { type: 'send' }>['event']): Effect => ({ type: 'send', to: { kind: 'seller', id: claim.seller }, afterDays: 0, event });

export function createClaimMachine(params: Parameters) {
  const { policy, filing, marketplace, sellers } = params;
  const paysFirst = (context: ClaimContext) => policy.payFirstUnderThreshold && isMarketplacePaid(context.payableUsd, policy);
  const believesValid = (context: ClaimContext) => believesClaimValid(context.facts.fraud, context.facts.draws.at(Draw.believedValid)!, marketplace.believesRejectedValid);
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
      paysBeforeSellerAnswers: ({ context }) => paysFirst(context),
      isDisputed: ({ context }) => context.disputed,
      seeksProofOfInsurance: () => policy.reimbursement.waiverForInsured,
      isCoveredByInsurer: ({ context, event }) => event.type === 'seller.accepted' && isCoveredByInsurer(context.payableUsd, event.insurance),
      stepsInOnSilence: () => policy.stepIn.onSilence,
      // Rejections by sellers and denials by insurers are judged alike: does the marketplace believe the claim?
      stepsInOnRejection: ({ context }) => policy.stepIn.onRejectedValid && believesValid(context),
      stepsInOnInsurerDenial: ({ context }) => policy.stepIn.onInsurerDenial && believesValid(context),
      stepsInOnInsurerSilence: () => policy.stepIn.onInsurerDenial,
      isReimbursementWaived: ({ event }) => event.type === 'seller.provedInsurance' && isReimbursementWaived(event, policy.reimbursement, policy.insurance),
      isFullyReimbursed: ({ context, event }) => event.type === 'seller.reimbursed' && isFullyReimbursed(event.amountUsd, context.advancedUsd),
      isAppealUpheld: ({ context }) => isAppealUpheld(context.facts.draws.at(Draw.appeal)!, sellers),
      withholdsFromPayouts: () => policy.reimbursement.withholdFromPayouts,
      isFullyWithheld: ({ context, event }) => event.type === 'seller.payoutsWithheld' && isFullyReimbursed(event.amountUsd, context.advancedUsd),
      isPartlyWithheld: ({ event }) => event.type === 'seller.payoutsWithheld' && event.amountUsd > 0,
    },
    actions: {
      requestIntake: emit(({ context }) => ({ type: 'intake.requested', claim: context.facts }) as const),
      trimToGenuine: assign({ payableUsd: ({ context }) => Math.min(context.payableUsd, context.facts.genuineUsd) }),
      reportClaimant: emit(({ context }): Effect => ({ type: 'send', to: { kind: 'customer', id: context.facts.customer }, afterDays: 0, event: { type: 'fraud.detected' } })),
      notifySeller: emit(({ context }) => toSeller(context.facts, { type: 'claim.notified', claim: context.facts })),
      requestProof: emit(({ context }) => toSeller(context.facts, { type: 'proof.requested', claim: context.facts })),
      demandReimbursement: emit(({ context }) => toSeller(context.facts, { type: 'reimbursement.demanded', claim: context.facts, amountUsd: context.advancedUsd })),
      withholdPayouts: emit(({ context }) => toSeller(context.facts, { type: 'payouts.withholdingRequested', claim: context.facts, amountUsd: context.advancedUsd })),
      tenderToInsurer: emit(
        ({ context }): Effect => ({
          type: 'send',
          to: { kind: 'insurer', id: context.insurance!.insurer },
          afterDays: 0,
          event: { type: 'claim.tendered', claim: context.facts, amountUsd: context.payableUsd - context.paidUsd },
        }),
      ),
      noteAcceptance: assign(({ event }) => (event.type === 'seller.accepted' ? { insurance: event.insurance, answeredAfterDays: event.answeredAfterDays } : {})),
      noteDispute: assign(({ event }) => (event.type === 'seller.rejected' ? { disputed: true, answeredAfterDays: event.answeredAfterDays } : {})),
      noteSilence: assign({ answeredAfterDays: () => policy.responseWindowDays }),
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
      recordWithheld: emit(
        ({ context, event }): Effect => ({
          type: 'ledger.recovered',
          claim: context.facts,
          how: 'withheld',
          amountUsd: event.type === 'seller.payoutsWithheld' ? Math.min(event.amountUsd, context.advancedUsd) : 0,
        }),
      ),
    },
    delays: {
      responseWindow: () => policy.responseWindowDays,
      proofWindow: ({ context }) => proofWindowLeft(policy.reimbursement.proofWindowDays, context.answeredAfterDays),
      insurerWindow: () => policy.stepIn.insurerWindowDays,
      appealDecision: () => policy.reimbursement.appealDecisionDays,
      sellerSettlement: ({ context }) => settlementDays(context.facts.draws.at(Draw.settlementDelay)!, sellers),
    },
  }).createMachine({
    id: 'claim',
    context: ({ input }) => ({ facts: input, payableUsd: input.claimedUsd, paidUsd: 0, advancedUsd: 0, insurance: null, answeredAfterDays: 0, disputed: false }),
    initial: 'filed',
    states: {
      filed: {
        always: [{ guard: 'isFiledTooLate', target: 'refusedLate' }, { guard: 'isClaimantBlocked', target: 'refusedBlocked' }, { target: 'screening' }],
      },
      screening: {
        entry: 'requestIntake',
        on: {
          'review.flagged': { target: 'screenedOut', actions: 'reportClaimant' },
          'review.trimmed': { target: 'cleared', actions: 'trimToGenuine' },
          'review.cleared': { target: 'cleared' },
        },
      },
      // Screening is done; what the claim is now worth decides which side of the threshold it is on.
      cleared: {
        always: [{ guard: 'paysBeforeSellerAnswers', target: 'concession', actions: ['payAsMarketplace', 'recordAdvance'] }, { target: 'awaitingSeller' }],
      },
      // Paid under the threshold; the seller is told and answers. Whatever it says, the proof of
      // insurance comes next: a seller "who abide[s] by our policies and hold[s] valid insurance"
      // is not asked to reimburse, whether it accepted, rejected or stayed silent.
      concession: {
        entry: 'notifySeller',
        on: {
          'seller.accepted': { target: 'settlingConcession', actions: 'noteAcceptance' },
          'seller.rejected': { target: 'settlingConcession', actions: 'noteDispute' },
        },
        after: { responseWindow: { target: 'settlingConcession', actions: 'noteSilence' } },
      },
      settlingConcession: {
        always: [{ guard: 'seeksProofOfInsurance', target: 'awaitingProof' }, { target: 'unwaived' }],
      },
      // Seller answers first (above the threshold, or under it in the other reading of the policy).
      awaitingSeller: {
        entry: 'notifySeller',
        on: {
          'seller.accepted': [
            { guard: and(['isMarketplacePaid', 'seeksProofOfInsurance']), target: 'awaitingProof', actions: ['noteAcceptance', 'payAsMarketplace', 'recordAdvance'] },
            { guard: 'isMarketplacePaid', target: 'pursuing', actions: ['payAsMarketplace', 'recordAdvance'] },
            { guard: 'isCoveredByInsurer', target: 'withInsurer', actions: ['noteAcceptance', 'payDeductibleAsSeller', 'recordDeductible'] },
            { target: 'sellerSettling' },
          ],
          'seller.rejected': [{ guard: 'stepsInOnRejection', target: 'pursuing', actions: ['payAsMarketplace', 'recordAdvance'] }, { target: 'denied' }],
        },
        after: {
          responseWindow: [{ guard: 'stepsInOnSilence', target: 'pursuing', actions: ['payAsMarketplace', 'recordAdvance'] }, { target: 'unanswered' }],
        },
      },
      // A seller that accepted pays the customer itself, after its own delay.
      sellerSettling: {
        after: { sellerSettlement: { target: 'paidBySeller', actions: ['payAsSeller', 'recordPaidInFull'] } },
      },
      // Paid as a concession; reimbursement is waived if the seller shows valid insurance within
      // the proof window, counted from notification. In the seller-answers-first reading, a silent
      // seller, or one whose rejection the marketplace overrides, goes straight to pursuit.
      awaitingProof: {
        entry: 'requestProof',
        on: {
          'seller.provedInsurance': [{ guard: 'isReimbursementWaived', target: 'waived' }, { target: 'unwaived' }],
        },
        after: { proofWindow: 'unwaived' },
      },
      // Reimbursement is due. A seller that rejected the claim defends its product ("sellers will
      // continue to have the opportunity to defend their product against the claim"): it appeals.
      unwaived: {
        always: [{ guard: 'isDisputed', target: 'inAppeal' }, { target: 'pursuing' }],
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
          'seller.defaulted': [{ guard: 'withholdsFromPayouts', target: 'withholding' }, { target: 'writtenOff' }],
        },
      },
      inAppeal: {
        after: {
          appealDecision: [{ guard: 'isAppealUpheld', target: 'appealUpheld' }, { guard: 'withholdsFromPayouts', target: 'withholding' }, { target: 'writtenOff' }],
        },
      },
      // What the seller's payouts hold over the withholding period bounds what comes back.
      withholding: {
        entry: 'withholdPayouts',
        on: {
          'seller.payoutsWithheld': [
            { guard: 'isFullyWithheld', target: 'recoveredByWithholding', actions: 'recordWithheld' },
            { guard: 'isPartlyWithheld', target: 'partlyRecoveredByWithholding', actions: 'recordWithheld' },
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
      partlyRecoveredByWithholding: { type: 'final' },
      writtenOff: { type: 'final' },
      appealUpheld: { type: 'final' },
    },
  });
}

export type ClaimMachine = ReturnType<typeof createClaimMachine>;
