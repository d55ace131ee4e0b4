/**
 * Distribution functions against high-precision values (mpmath, 40 digits), and their identities.
 */

import { describe, expect, it } from 'vitest';
import { gammaP, gammaQ, lgamma, pbeta, pchisq, pnorm, qbeta, qchisq, qgamma, qnorm } from './distributions';
import { FUNNEL_Z_95, FUNNEL_Z_998 } from './funnel';
import { expectClose } from './reference-fixtures';

type Fn = 'qnorm' | 'pnorm' | 'lgamma' | 'qgamma' | 'gammaP' | 'qbeta' | 'pbeta';

/** [function, arguments, value to 40 digits rounded to a double] — computed with mpmath (bisection on the CDF). */
const HIGH_PRECISION: [Fn, number[], number][] = [
  ['qnorm', [1e-300], -37.0470962993612],
  ['qnorm', [1e-20], -9.262340089798407],
  ['qnorm', [1e-10], -6.361340902404057],
  ['qnorm', [1e-5], -4.264890793922825],
  ['qnorm', [0.001], -3.0902323061678136],
  ['qnorm', [0.025], -1.9599639845400543],
  ['qnorm', [0.2], -0.8416212335729142],
  ['qnorm', [0.5], 0.0],
  ['qnorm', [0.8], 0.8416212335729144],
  ['qnorm', [0.975], 1.9599639845400538],
  ['qnorm', [0.999], 3.090232306167813],
  ['qnorm', [0.99999], 4.264890793923841],
  ['pnorm', [-37.5], 4.605353009581955e-308],
  ['pnorm', [-10], 7.619853024160525e-24],
  ['pnorm', [-3], 0.0013498980316300946],
  ['pnorm', [-1.5], 0.06680720126885807],
  ['pnorm', [-0.2], 0.42074029056089696],
  ['pnorm', [0.7], 0.758036347776927],
  ['pnorm', [2.5], 0.9937903346742238],
  ['pnorm', [8], 0.9999999999999993],
  ['lgamma', [1e-8], 18.42068073818021],
  ['lgamma', [0.1], 2.252712651734206],
  ['lgamma', [0.5], 0.5723649429247001],
  ['lgamma', [1.5], -0.12078223763524522],
  ['lgamma', [2.5], 0.2846828704729192],
  ['lgamma', [7.3], 7.147892523022248],
  ['lgamma', [10], 12.801827480081469],
  ['lgamma', [33.3], 82.60372358165495],
  ['lgamma', [10000.0], 82099.71749644238],
  ['lgamma', [100000000.0], 1742068066.1038346],
  ['qgamma', [0.025, 0.1], 5.791710245521448e-17],
  ['qgamma', [0.001, 0.5], 7.85398574631245e-7],
  ['qgamma', [0.975, 1], 3.6888794541139354],
  ['qgamma', [0.5, 3], 2.6740603137235603],
  ['qgamma', [0.025, 15], 8.395386132783312],
  ['qgamma', [0.975, 16], 24.74021887148584],
  ['qgamma', [0.001, 160.1], 123.82902880003064],
  ['qgamma', [0.999, 161.1], 203.18753564259652],
  ['qgamma', [0.025, 1000], 938.9730184076952],
  ['qgamma', [0.999, 1001], 1101.6269438790305],
  ['qgamma', [0.025, 100000.0], 99381.15266374472],
  ['qgamma', [0.975, 100000.0], 100620.74164077373],
  ['qgamma', [1e-10, 2], 1.4142202290829742e-5],
  ['qgamma', [0.3, 50], 46.06447216944835],
  ['gammaP', [0.1, 0.5], 0.9414024458901336],
  ['gammaP', [15, 15], 0.5343462910559904],
  ['gammaP', [160.1, 160], 0.5073578864290491],
  ['gammaP', [100000.0, 100300], 0.8286363112512076],
  ['gammaP', [50, 3], 1.2485354871541929e-42],
  ['gammaP', [50, 80], 0.9998692160234086],
  ['qbeta', [0.025, 2, 3], 0.06758598648854296],
  ['qbeta', [0.975, 0.5, 0.5], 0.998458666866564],
  ['qbeta', [0.001, 50, 200], 0.12921713606261653],
  ['qbeta', [0.5, 10, 30], 0.24580106752001282],
  ['qbeta', [1e-8, 0.3, 4], 4.104123370694893e-28],
  ['qbeta', [0.999, 3, 7], 0.761151699875383],
  ['qbeta', [0.025, 13, 88], 0.07107304618542953],
  ['qbeta', [0.975, 14, 87], 0.21204067708744978],
  ['pbeta', [0.3, 2, 3], 0.3483],
  ['pbeta', [0.01, 0.5, 0.5], 0.06376856085851985],
  ['pbeta', [0.2, 50, 200], 0.512623768151319],
  ['pbeta', [0.9, 3, 0.2], 0.19414127962989722],
];

const FUNCTIONS: Record<Fn, (...args: number[]) => number> = {
  qnorm: (p) => qnorm(p as number),
  pnorm: (z) => pnorm(z as number),
  lgamma: (x) => lgamma(x as number),
  qgamma: (p, a) => qgamma(p as number, a as number),
  gammaP: (a, x) => gammaP(a as number, x as number),
  qbeta: (p, a, b) => qbeta(p as number, a as number, b as number),
  pbeta: (x, a, b) => pbeta(x as number, a as number, b as number),
};

describe('distribution functions against 40-digit values', () => {
  for (const [fn, args, expected] of HIGH_PRECISION) {
    it(`${fn}(${args.join(', ')})`, () => {
      expectClose(FUNCTIONS[fn](...args), expected, `${fn}(${args.join(', ')})`, 1e-12);
    });
  }
});

describe('distribution identities', () => {
  it('qnorm gives the peer funnel constants to 7 significant figures', () => {
    expect(Number(qnorm(0.975).toFixed(6))).toBe(FUNNEL_Z_95);
    expect(Number(qnorm(0.999).toFixed(6))).toBe(FUNNEL_Z_998);
    expect(qnorm(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(qnorm(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => qnorm(1.5)).toThrow(RangeError);
  });

  it('pnorm inverts qnorm across the range', () => {
    for (const p of [1e-15, 1e-8, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-8])
      expectClose(pnorm(qnorm(p)), p, `p=${p}`, 1e-12);
  });

  it('qgamma inverts the incomplete gamma function for small and large shapes', () => {
    for (const shape of [0.05, 0.5, 1, 2.5, 13, 160.1, 5000, 2e5]) {
      for (const p of [1e-12, 0.001, 0.025, 0.5, 0.975, 0.999]) {
        const x = qgamma(p, shape);
        if (p <= 0.5) expectClose(gammaP(shape, x), p, `P(${shape}, q(${p}))`, 1e-11);
        else expectClose(gammaQ(shape, x), 1 - p, `Q(${shape}, q(${p}))`, 1e-10);
      }
    }
  });

  it('chi-square is the gamma with shape df/2 and scale 2; an exponential has a closed form', () => {
    expectClose(qchisq(0.95, 1), 3.841458820694124, 'qchisq(0.95, 1)', 1e-12);
    expectClose(qchisq(0.3, 7.4), 2 * qgamma(0.3, 3.7), 'qchisq = 2 qgamma', 1e-14);
    expectClose(pchisq(qchisq(0.123, 9), 9), 0.123, 'pchisq(qchisq)', 1e-12);
    expectClose(qgamma(0.7, 1), -Math.log(0.3), 'exponential', 1e-13);
    expect(qgamma(0, 3)).toBe(0);
    expect(qgamma(1, 3)).toBe(Number.POSITIVE_INFINITY);
  });

  it('beta quantiles: uniform, power and symmetry identities', () => {
    expectClose(qbeta(0.37, 1, 1), 0.37, 'uniform', 1e-14);
    expectClose(qbeta(0.37, 4, 1), 0.37 ** (1 / 4), 'Beta(a, 1)', 1e-13);
    expectClose(qbeta(0.2, 7, 3), 1 - qbeta(0.8, 3, 7), 'symmetry', 1e-12);
    expectClose(pbeta(qbeta(0.001, 120, 900), 120, 900), 0.001, 'round trip', 1e-11);
  });

  it('exact binomial (Clopper–Pearson) limits via qbeta', () => {
    // 7 of 20: the 95% interval (values from SciPy's beta.ppf).
    expectClose(qbeta(0.025, 7, 14), 0.15390920478454118, 'lower', 1e-12);
    expectClose(qbeta(0.975, 8, 13), 0.5921885345328282, 'upper', 1e-12);
  });
});
