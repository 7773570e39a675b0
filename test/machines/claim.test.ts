/**
 * Every path of the policy driven through the claim machine with hand-picked
 * events; payers and amounts are worked out by hand from the baseline
 * parameters (threshold $1,000, response window 2 days, proof window 7 days,
 * believed-valid rate 0.8 for genuine claims, 0.3 for fabricated ones, appeal
 * upheld rate 0.3, appeal decision 14 days).
 */
import { describe, expect, it } from 'vitest';
import { baselineParams, ClaimDriver, facts } from '../support/claims.js';

const params = baselineParams();
const insurance = { insurer: 2, channel: 'broker' as const, deductibleUsd: 2500 };

describe('claim lifecycle', () => {
  it('refuses a claim filed more than 90 days after the incident', () => {
    const d = new ClaimDriver(params, facts({ incidentDay: 10, filedDay: 101 }));
    expect(d.state).toBe('refusedLate');
    expect(d.payments()).toEqual([]);
  });

  it('refuses a claim from a claimant blocked for fraud', () => {
    expect(new ClaimDriver(params, facts({ claimantBlocked: true })).state).toBe('refusedBlocked');
  });

  it('screens out a flagged fabricated claim, pays nothing and reports the claimant', () => {
    const d = new ClaimDriver(params, facts({ fraud: 'fabricated', genuineUsd: 0 }));
    expect(d.state).toBe('screening');
    expect(d.effects.map((e) => e.type)).toEqual(['intake.requested']);
    d.send({ type: 'review.flagged' });
    expect(d.state).toBe('screenedOut');
    expect(d.payments()).toEqual([]);
    expect(d.sentTo('customer')).toEqual([{ type: 'fraud.detected' }]);
  });

  it('screens out a genuine claim wrongly flagged (a false positive) the same way', () => {
    const d = new ClaimDriver(params, facts()).send({ type: 'review.flagged' });
    expect(d.state).toBe('screenedOut');
    expect(d.payments()).toEqual([]);
  });

  describe('under the threshold the marketplace pays first', () => {
    it('pays the customer as soon as screening clears, before the seller says anything, then notifies the seller', () => {
      const d = new ClaimDriver(params, facts()).send({ type: 'review.cleared' });
      expect(d.state).toBe('concession');
      expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 400 }]);
      expect(d.sentTo('seller')).toEqual([expect.objectContaining({ type: 'claim.notified' })]);
      expect(d.pendingDelay?.delay).toBe(2);
    });

    it('waives reimbursement for an insured, compliant seller who accepted and proves it in time', () => {
      const d = new ClaimDriver(params, facts()).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance, answeredAfterDays: 0.5 });
      expect(d.state).toBe('awaitingProof');
      expect(d.sentTo('seller').at(-1)).toMatchObject({ type: 'proof.requested' });
      expect(d.pendingDelay?.delay).toBe(6.5);
      d.send({ type: 'seller.provedInsurance', insurance, compliant: true });
      expect(d.state).toBe('waived');
      expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 400 }]);
      expect(d.recoveries()).toEqual([]);
    });

    it('waives it for a silent seller that proves insurance too: silence does not forfeit the waiver', () => {
      const d = new ClaimDriver(params, facts()).send({ type: 'review.cleared' }).elapse();
      expect(d.state).toBe('awaitingProof');
      // The window runs from notification: 7 days less the 2 the seller stayed silent.
      expect(d.pendingDelay?.delay).toBe(5);
      d.send({ type: 'seller.provedInsurance', insurance, compliant: true });
      expect(d.state).toBe('waived');
    });

    it('waives it for a seller that rejected the claim but is insured and compliant: who pays changes, not whether', () => {
      const d = new ClaimDriver(params, facts())
        .send({ type: 'review.cleared' })
        .send({ type: 'seller.rejected', answeredAfterDays: 1 })
        .send({ type: 'seller.provedInsurance', insurance, compliant: true });
      expect(d.state).toBe('waived');
      expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 400 }]);
    });

    it('pursues an accepting seller whose proof does not count (non-compliant), and recovers in full', () => {
      const d = new ClaimDriver(params, facts())
        .send({ type: 'review.cleared' })
        .send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 })
        .send({ type: 'seller.provedInsurance', insurance, compliant: false });
      expect(d.state).toBe('pursuing');
      expect(d.sentTo('seller').at(-1)).toMatchObject({ type: 'reimbursement.demanded', amountUsd: 400 });
      d.send({ type: 'seller.reimbursed', amountUsd: 400 });
      expect(d.state).toBe('recovered');
      expect(d.recoveries()).toEqual([{ how: 'paid', amountUsd: 400 }]);
    });

    it('pursues an uninsured silent seller after the proof window, and recovers half from a partial payment', () => {
      const d = new ClaimDriver(params, facts({ claimedUsd: 800, genuineUsd: 800 })).send({ type: 'review.cleared' }).elapse().elapse();
      expect(d.state).toBe('pursuing');
      expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 800 }]);
      d.send({ type: 'seller.reimbursed', amountUsd: 400 });
      expect(d.state).toBe('partlyRecovered');
      expect(d.recoveries()).toEqual([{ how: 'partial', amountUsd: 400 }]);
    });

    it('ignores a seller answer that arrives after the response window closed', () => {
      const d = new ClaimDriver(params, facts()).send({ type: 'review.cleared' }).elapse();
      d.send({ type: 'seller.accepted', insurance: null, answeredAfterDays: 3 });
      expect(d.state).toBe('awaitingProof');
      expect(d.payments()).toHaveLength(1);
    });

    it('a seller that rejected and cannot show insurance defends its product: it appeals instead of being asked to pay', () => {
      const d = new ClaimDriver(params, facts({ draws: { appeal: 0.1 } })).send({ type: 'review.cleared' }).send({ type: 'seller.rejected', answeredAfterDays: 1 }).elapse();
      expect(d.state).toBe('inAppeal');
      expect(d.sentTo('seller').some((e) => e.type === 'reimbursement.demanded')).toBe(false);
      expect(d.pendingDelay?.delay).toBe(14);
      d.elapse();
      // 0.1 < 0.3: the appeal is upheld and the marketplace bears the concession.
      expect(d.state).toBe('appealUpheld');
      expect(d.recoveries()).toEqual([]);
    });

    it('a lost appeal is withheld from the seller\u2019s payouts', () => {
      const d = new ClaimDriver(params, facts({ draws: { appeal: 0.9 } })).send({ type: 'review.cleared' }).send({ type: 'seller.rejected', answeredAfterDays: 1 }).elapse().elapse();
      expect(d.state).toBe('withholding');
      expect(d.sentTo('seller').at(-1)).toMatchObject({ type: 'payouts.withholdingRequested', amountUsd: 400 });
      d.send({ type: 'seller.payoutsWithheld', amountUsd: 400 });
      expect(d.state).toBe('recoveredByWithholding');
      expect(d.recoveries()).toEqual([{ how: 'withheld', amountUsd: 400 }]);
    });

    it('withholding that finds less in the payouts than the demand recovers part; none at all writes it off', () => {
      const toWithholding = () => new ClaimDriver(params, facts()).send({ type: 'review.cleared' }).elapse().elapse().send({ type: 'seller.defaulted' });
      const part = toWithholding().send({ type: 'seller.payoutsWithheld', amountUsd: 150 });
      expect(part.state).toBe('partlyRecoveredByWithholding');
      expect(part.recoveries()).toEqual([{ how: 'withheld', amountUsd: 150 }]);
      const none = toWithholding().send({ type: 'seller.payoutsWithheld', amountUsd: 0 });
      expect(none.state).toBe('writtenOff');
      expect(none.recoveries()).toEqual([]);
    });

    it('a fabricated claim that slipped through screening is paid like any other: the seller\u2019s rejection does not stop it', () => {
      const d = new ClaimDriver(params, facts({ fraud: 'fabricated', genuineUsd: 0, draws: { believedValid: 0.99 } })).send({ type: 'review.cleared' });
      expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 400 }]);
      d.send({ type: 'seller.rejected', answeredAfterDays: 0.2 });
      expect(d.state).toBe('awaitingProof');
    });

    it('trims a built-up claim to its genuine amount: $650 claimed, $500 genuine, the marketplace pays $500', () => {
      const d = new ClaimDriver(params, facts({ fraud: 'buildUp', claimedUsd: 650, genuineUsd: 500 })).send({ type: 'review.trimmed' });
      expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 500 }]);
    });

    it('a claim trimmed below the threshold is paid first, though it was claimed above it', () => {
      const d = new ClaimDriver(params, facts({ fraud: 'buildUp', claimedUsd: 1200, genuineUsd: 900 })).send({ type: 'review.trimmed' });
      expect(d.state).toBe('concession');
      expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 900 }]);
    });

    it('without the waiver, every seller is pursued after its answer', () => {
      const d = new ClaimDriver(baselineParams(['policy.reimbursement.waiverForInsured=false']), facts())
        .send({ type: 'review.cleared' })
        .send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 });
      expect(d.state).toBe('pursuing');
    });

    it('only Accelerator insurance counts under that rule: a broker policy does not earn the waiver', () => {
      const d = new ClaimDriver(baselineParams(['policy.insurance.onlyAcceleratorCounts=true']), facts())
        .send({ type: 'review.cleared' })
        .send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 })
        .send({ type: 'seller.provedInsurance', insurance, compliant: true });
      expect(d.state).toBe('pursuing');
    });
  });

  describe('the other reading: the seller answers first under the threshold too', () => {
    const answersFirst = baselineParams(['policy.payFirstUnderThreshold=false']);

    it('waits for the seller; an accepted claim is paid by the marketplace, then the waiver is judged', () => {
      const d = new ClaimDriver(answersFirst, facts()).send({ type: 'review.cleared' });
      expect(d.state).toBe('awaitingSeller');
      expect(d.payments()).toEqual([]);
      d.send({ type: 'seller.accepted', insurance, answeredAfterDays: 1.5 });
      expect(d.state).toBe('awaitingProof');
      expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 400 }]);
      expect(d.pendingDelay?.delay).toBe(5.5);
    });

    it('steps in for a silent seller after the 2-day window and pursues it without asking for proof', () => {
      const d = new ClaimDriver(answersFirst, facts()).send({ type: 'review.cleared' }).elapse();
      expect(d.state).toBe('pursuing');
      expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 400 }]);
    });

    it('steps in for a rejected claim it believes (0.1 < 0.8); denies one it does not (0.85 >= 0.8)', () => {
      const believed = new ClaimDriver(answersFirst, facts({ draws: { believedValid: 0.1 } })).send({ type: 'review.cleared' }).send({ type: 'seller.rejected', answeredAfterDays: 0.5 });
      expect(believed.state).toBe('pursuing');
      const doubted = new ClaimDriver(answersFirst, facts({ draws: { believedValid: 0.85 } })).send({ type: 'review.cleared' }).send({ type: 'seller.rejected', answeredAfterDays: 0.5 });
      expect(doubted.state).toBe('denied');
      expect(doubted.payments()).toEqual([]);
    });

    it('believes a rejected fabricated claim less often (0.5 >= 0.3): denied', () => {
      const d = new ClaimDriver(answersFirst, facts({ fraud: 'fabricated', genuineUsd: 0, draws: { believedValid: 0.5 } }))
        .send({ type: 'review.cleared' })
        .send({ type: 'seller.rejected', answeredAfterDays: 0.5 });
      expect(d.state).toBe('denied');
    });
  });

  describe('above the threshold the seller answers first', () => {
    const big = () => facts({ claimedUsd: 12000, genuineUsd: 12000 });

    it('an insured seller who accepts pays its $2,500 deductible and its insurer the other $9,500', () => {
      const d = new ClaimDriver(params, big()).send({ type: 'review.cleared' });
      expect(d.state).toBe('awaitingSeller');
      d.send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 });
      expect(d.state).toBe('withInsurer');
      expect(d.sentTo('insurer')).toEqual([expect.objectContaining({ type: 'claim.tendered', amountUsd: 9500 })]);
      d.send({ type: 'insurer.paid' });
      expect(d.state).toBe('paidByInsurer');
      expect(d.payments()).toEqual([
        { payer: 'seller', amountUsd: 2500 },
        { payer: 'insurer', amountUsd: 9500 },
      ]);
    });

    it('an uninsured seller who accepts pays all of it, after its settlement delay (mean 10 days at u = e^-1)', () => {
      const d = new ClaimDriver(params, facts({ claimedUsd: 12000, genuineUsd: 12000, draws: { settlementDelay: Math.exp(-1) } }))
        .send({ type: 'review.cleared' })
        .send({ type: 'seller.accepted', insurance: null, answeredAfterDays: 0 });
      expect(d.state).toBe('sellerSettling');
      expect(d.payments()).toEqual([]);
      expect(d.pendingDelay?.delay).toBeCloseTo(10, 12);
      d.elapse();
      expect(d.state).toBe('paidBySeller');
      expect(d.payments()).toEqual([{ payer: 'seller', amountUsd: 12000 }]);
    });

    it('a claim within the deductible is the seller\u2019s alone, never tendered', () => {
      const d = new ClaimDriver(params, facts({ claimedUsd: 1800, genuineUsd: 1800 })).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 }).elapse();
      expect(d.state).toBe('paidBySeller');
      expect(d.payments()).toEqual([{ payer: 'seller', amountUsd: 1800 }]);
      expect(d.sentTo('insurer')).toEqual([]);
    });

    it('the marketplace steps in when the insurer denies a claim it believes valid, paying the $9,500 left, and pursues the seller', () => {
      const d = new ClaimDriver(params, big()).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 }).send({ type: 'insurer.denied' });
      expect(d.state).toBe('pursuing');
      expect(d.payments()).toEqual([
        { payer: 'seller', amountUsd: 2500 },
        { payer: 'marketplace', amountUsd: 9500 },
      ]);
      expect(d.sentTo('seller').at(-1)).toMatchObject({ type: 'reimbursement.demanded', amountUsd: 9500 });
    });

    it('the marketplace steps in when the insurer does not answer within 60 days', () => {
      const d = new ClaimDriver(params, big()).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 });
      expect(d.pendingDelay?.delay).toBe(60);
      d.elapse();
      expect(d.state).toBe('pursuing');
      expect(d.payments().at(-1)).toEqual({ payer: 'marketplace', amountUsd: 9500 });
    });

    it('a litigated claim waits for the court, without the insurer window, and is paid by the insurer', () => {
      const d = new ClaimDriver(params, big()).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 }).send({ type: 'insurer.litigating' });
      expect(d.state).toBe('inLitigation');
      expect(d.pendingDelay).toBeNull();
      d.send({ type: 'insurer.paid' });
      expect(d.state).toBe('paidByInsurer');
    });

    it('a silent seller: the marketplace pays all $12,000 after the 2-day window and pursues', () => {
      const d = new ClaimDriver(params, big()).send({ type: 'review.cleared' });
      expect(d.payments()).toEqual([]);
      d.elapse();
      expect(d.state).toBe('pursuing');
      expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 12000 }]);
    });

    it('a rejection the marketplace believes (0.1 < 0.8): it steps in; one it doubts (0.85): denied', () => {
      const believed = new ClaimDriver(params, facts({ claimedUsd: 12000, genuineUsd: 12000, draws: { believedValid: 0.1 } }))
        .send({ type: 'review.cleared' })
        .send({ type: 'seller.rejected', answeredAfterDays: 1 });
      expect(believed.state).toBe('pursuing');
      expect(believed.payments()).toEqual([{ payer: 'marketplace', amountUsd: 12000 }]);
      const doubted = new ClaimDriver(params, facts({ claimedUsd: 12000, genuineUsd: 12000, draws: { believedValid: 0.85 } }))
        .send({ type: 'review.cleared' })
        .send({ type: 'seller.rejected', answeredAfterDays: 1 });
      expect(doubted.state).toBe('denied');
    });

    it('the threshold is strict: a claim of exactly $1,000 waits for the seller', () => {
      const d = new ClaimDriver(params, facts({ claimedUsd: 1000, genuineUsd: 1000 })).send({ type: 'review.cleared' });
      expect(d.state).toBe('awaitingSeller');
    });
  });

  describe('before 2021 (no direct payment, no step-in)', () => {
    const before = baselineParams(['policy.directPaymentUnderThreshold=false', 'policy.stepIn.onSilence=false', 'policy.stepIn.onRejectedValid=false', 'policy.stepIn.onInsurerDenial=false']);

    it('a silent seller leaves the customer unpaid', () => {
      const d = new ClaimDriver(before, facts()).send({ type: 'review.cleared' }).elapse();
      expect(d.state).toBe('unanswered');
      expect(d.payments()).toEqual([]);
    });

    it('a small accepted claim is paid by the seller, not the marketplace, after the seller\u2019s delay', () => {
      const d = new ClaimDriver(before, facts()).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance: null, answeredAfterDays: 0 });
      expect(d.payments()).toEqual([]);
      d.elapse();
      expect(d.payments()).toEqual([{ payer: 'seller', amountUsd: 400 }]);
    });

    it('an insurer denial stands', () => {
      const d = new ClaimDriver(before, facts({ claimedUsd: 12000, genuineUsd: 12000 }))
        .send({ type: 'review.cleared' })
        .send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 })
        .send({ type: 'insurer.denied' });
      expect(d.state).toBe('insurerDenied');
    });
  });
});
