/**
 * Every path of the policy (DESIGN.md section 1) driven through the claim
 * machine with hand-picked events; payers and amounts are worked out by hand
 * from the baseline parameters (threshold $1,000, response window 2 days,
 * proof window 7 days, believed-valid rate 0.8 for genuine claims, 0.3 for
 * fabricated ones, appeal upheld rate 0.3, withholding recovery rate 0.8).
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

  it('under the threshold: the marketplace pays, then waives reimbursement for an insured compliant seller who proves it in time', () => {
    const d = new ClaimDriver(params, facts()).send({ type: 'review.cleared' });
    expect(d.state).toBe('awaitingSeller');
    expect(d.sentTo('seller')).toHaveLength(1);
    d.send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 });
    expect(d.state).toBe('awaitingProof');
    expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 400 }]);
    expect(d.pendingDelay?.delay).toBe(7);
    d.send({ type: 'seller.provedInsurance', insurance, compliant: true });
    expect(d.state).toBe('waived');
    expect(d.recoveries()).toEqual([]);
  });

  it('pursues a seller whose proof does not count (non-compliant), and recovers in full', () => {
    const d = new ClaimDriver(params, facts())
      .send({ type: 'review.cleared' })
      .send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 })
      .send({ type: 'seller.provedInsurance', insurance, compliant: false });
    expect(d.state).toBe('pursuing');
    const demand = d.sentTo('seller').at(-1) as { type: string; amountUsd: number };
    expect(demand).toMatchObject({ type: 'reimbursement.demanded', amountUsd: 400 });
    d.send({ type: 'seller.reimbursed', amountUsd: 400 });
    expect(d.state).toBe('recovered');
    expect(d.recoveries()).toEqual([{ how: 'paid', amountUsd: 400 }]);
  });

  it('counts the 7-day proof window from notification: a seller that accepted after 1.5 days has 5.5 left', () => {
    const d = new ClaimDriver(params, facts()).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance, answeredAfterDays: 1.5 });
    expect(d.state).toBe('awaitingProof');
    expect(d.pendingDelay?.delay).toBe(5.5);
  });

  it('pursues the seller when no proof comes within the 7-day window', () => {
    const d = new ClaimDriver(params, facts()).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance: null, answeredAfterDays: 0 }).elapse();
    expect(d.state).toBe('pursuing');
  });

  it('steps in for a silent seller after the 2-day window, pays, and recovers half from a partial payment', () => {
    const d = new ClaimDriver(params, facts({ claimedUsd: 800, genuineUsd: 800 })).send({ type: 'review.cleared' });
    expect(d.pendingDelay?.delay).toBe(2);
    d.elapse();
    expect(d.state).toBe('pursuing');
    expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 800 }]);
    d.send({ type: 'seller.reimbursed', amountUsd: 400 });
    expect(d.state).toBe('partlyRecovered');
    expect(d.recoveries()).toEqual([{ how: 'partial', amountUsd: 400 }]);
  });

  it('ignores a seller answer that arrives after the window closed', () => {
    const d = new ClaimDriver(params, facts()).send({ type: 'review.cleared' }).elapse();
    d.send({ type: 'seller.accepted', insurance: null, answeredAfterDays: 0 });
    expect(d.state).toBe('pursuing');
    expect(d.payments()).toHaveLength(1);
  });

  it('steps in when a seller rejects a claim the marketplace believes valid; an upheld appeal recovers nothing', () => {
    const d = new ClaimDriver(params, facts({ draws: { believedValid: 0.1, appeal: 0.1 } }))
      .send({ type: 'review.cleared' })
      .send({ type: 'seller.rejected' });
    expect(d.state).toBe('pursuing');
    expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 400 }]);
    d.send({ type: 'seller.appealed' });
    expect(d.state).toBe('inAppeal');
    expect(d.pendingDelay?.delay).toBe(14);
    d.elapse();
    expect(d.state).toBe('appealUpheld');
    expect(d.recoveries()).toEqual([]);
  });

  it('a rejected appeal is recovered by withholding from payouts', () => {
    const d = new ClaimDriver(params, facts({ draws: { believedValid: 0.1, appeal: 0.9, withholding: 0.5 } }))
      .send({ type: 'review.cleared' })
      .send({ type: 'seller.rejected' })
      .send({ type: 'seller.appealed' })
      .elapse();
    expect(d.state).toBe('recoveredByWithholding');
    expect(d.recoveries()).toEqual([{ how: 'withheld', amountUsd: 400 }]);
  });

  it('does not step in when it does not believe the rejected claim (0.85 >= 0.8): the claim is denied', () => {
    const d = new ClaimDriver(params, facts({ draws: { believedValid: 0.85 } })).send({ type: 'review.cleared' }).send({ type: 'seller.rejected' });
    expect(d.state).toBe('denied');
    expect(d.payments()).toEqual([]);
  });

  it('believes a rejected fabricated claim less often (0.5 >= 0.3): denied', () => {
    const d = new ClaimDriver(params, facts({ fraud: 'fabricated', genuineUsd: 0, draws: { believedValid: 0.5 } }))
      .send({ type: 'review.cleared' })
      .send({ type: 'seller.rejected' });
    expect(d.state).toBe('denied');
  });

  it('writes off a default when withholding fails (0.9 >= 0.8)', () => {
    const d = new ClaimDriver(params, facts({ draws: { withholding: 0.9 } })).send({ type: 'review.cleared' }).elapse().send({ type: 'seller.defaulted' });
    expect(d.state).toBe('writtenOff');
    expect(d.recoveries()).toEqual([]);
  });

  it('trims a built-up claim to its genuine amount: $650 claimed, $500 genuine, the marketplace pays $500', () => {
    const d = new ClaimDriver(params, facts({ fraud: 'buildUp', claimedUsd: 650, genuineUsd: 500 }))
      .send({ type: 'review.trimmed' })
      .send({ type: 'seller.accepted', insurance: null, answeredAfterDays: 0 });
    expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 500 }]);
  });

  describe('above the threshold', () => {
    const big = () => facts({ claimedUsd: 12000, genuineUsd: 12000 });

    it('an insured seller who accepts pays its $2,500 deductible and its insurer the other $9,500', () => {
      const d = new ClaimDriver(params, big()).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 });
      expect(d.state).toBe('withInsurer');
      expect(d.sentTo('insurer')).toEqual([expect.objectContaining({ type: 'claim.tendered', amountUsd: 9500 })]);
      d.send({ type: 'insurer.paid' });
      expect(d.state).toBe('paidByInsurer');
      expect(d.payments()).toEqual([
        { payer: 'seller', amountUsd: 2500 },
        { payer: 'insurer', amountUsd: 9500 },
      ]);
    });

    it('an uninsured seller who accepts pays all of it', () => {
      const d = new ClaimDriver(params, big()).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance: null, answeredAfterDays: 0 });
      expect(d.state).toBe('paidBySeller');
      expect(d.payments()).toEqual([{ payer: 'seller', amountUsd: 12000 }]);
    });

    it('a claim within the deductible is the seller\u2019s alone, never tendered', () => {
      const d = new ClaimDriver(params, facts({ claimedUsd: 1800, genuineUsd: 1800 })).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 });
      expect(d.state).toBe('paidBySeller');
      expect(d.payments()).toEqual([{ payer: 'seller', amountUsd: 1800 }]);
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

    it('a silent seller over the threshold: the marketplace pays all $12,000 and pursues', () => {
      const d = new ClaimDriver(params, big()).send({ type: 'review.cleared' }).elapse();
      expect(d.state).toBe('pursuing');
      expect(d.payments()).toEqual([{ payer: 'marketplace', amountUsd: 12000 }]);
    });
  });

  describe('before 2021 (no direct payment, no step-in)', () => {
    const before = baselineParams([
      'policy.directPaymentUnderThreshold=false',
      'policy.stepIn.onSilence=false',
      'policy.stepIn.onRejectedValid=false',
      'policy.stepIn.onInsurerDenial=false',
    ]);

    it('a silent seller leaves the customer unpaid', () => {
      const d = new ClaimDriver(before, facts()).send({ type: 'review.cleared' }).elapse();
      expect(d.state).toBe('unanswered');
      expect(d.payments()).toEqual([]);
    });

    it('a small accepted claim is paid by the seller, not the marketplace', () => {
      const d = new ClaimDriver(before, facts()).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance: null, answeredAfterDays: 0 });
      expect(d.payments()).toEqual([{ payer: 'seller', amountUsd: 400 }]);
    });

    it('an insurer denial stands', () => {
      const d = new ClaimDriver(before, facts({ claimedUsd: 12000, genuineUsd: 12000 })).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 }).send({ type: 'insurer.denied' });
      expect(d.state).toBe('insurerDenied');
    });
  });

  it('without the waiver, an accepted small claim goes straight to reimbursement', () => {
    const d = new ClaimDriver(baselineParams(['policy.reimbursement.waiverForInsured=false']), facts()).send({ type: 'review.cleared' }).send({ type: 'seller.accepted', insurance, answeredAfterDays: 0 });
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
