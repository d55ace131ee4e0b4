/**
 * Probability distributions needed by the variation statistics: normal, gamma (and chi-square) and beta, with
 * quantile functions accurate to about 1e-13 relative. Pure TypeScript, no dependencies.
 *
 * The gamma and beta quantiles invert the regularised incomplete functions with safeguarded Newton steps (a
 * bracket is kept and bisection takes over when a step leaves it), so they converge for any shape.
 */

const LN_SQRT_2PI = 0.9189385332046727; // log(sqrt(2*pi))
const EPS = 2.220446049250313e-16;

function assertProbability(p: number, name: string): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${name}: probability must be in [0, 1], got ${p}`);
}

// ---------------------------------------------------------------------------------------------------------
// Normal distribution

/**
 * Standard normal quantile (inverse CDF), Wichura's algorithm AS 241 (PPND16), accurate to about 1e-16.
 * `qnorm(0.975)` = 1.959963984540054. Returns ±Infinity at 0 and 1. The coefficients are AS 241's published
 * 20-digit values written as the doubles they round to.
 */
export function qnorm(p: number): number {
  assertProbability(p, 'qnorm');
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) *
          r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((5226.495278852854 * r + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) *
        r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r +
        1.2704582524523684) *
        r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((1.0507500716444169e-9 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((2.0103343992922881e-7 * r + 2.7115555687434876e-5) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((2.0442631033899397e-15 * r + 1.421511758316446e-7) * r + 1.8463183175100548e-5) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/** Standard normal CDF, P(Z ≤ z), via the regularised incomplete gamma function (accurate in both tails). */
export function pnorm(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  if (z === 0) return 0.5;
  const tail = 0.5 * gammaQ(0.5, (z * z) / 2); // P(|Z| > |z|) / 2
  return z < 0 ? tail : 1 - tail;
}

// ---------------------------------------------------------------------------------------------------------
// Gamma function helpers

/** Stirling series remainder for x ≥ 10: lgamma(x) - [(x - 0.5) log x - x + log sqrt(2π)]. */
function stirlingSeries(x: number): number {
  const x2 = 1 / (x * x);
  return (
    (1 / 12 +
      x2 *
        (-1 / 360 +
          x2 *
            (1 / 1260 +
              x2 *
                (-1 / 1680 +
                  x2 * (1 / 1188 + x2 * (-691 / 360360 + x2 * (1 / 156 + x2 * (-3617 / 122400)))))))) /
    x
  );
}

/** log Γ(x) for x > 0 (relative accuracy about 1e-15). */
export function lgamma(x: number): number {
  if (!(x > 0)) {
    if (x === 0) return Number.POSITIVE_INFINITY;
    throw new RangeError(`lgamma: x must be positive, got ${x}`);
  }
  if (x === Number.POSITIVE_INFINITY) return x;
  if (x === 1 || x === 2) return 0;
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingSeries(x);
  // Shift up to 10 with Γ(x) = Γ(x + n) / (x (x + 1) … (x + n - 1)).
  let product = 1;
  let y = x;
  while (y < 10) {
    product *= y;
    y += 1;
  }
  return (y - 0.5) * Math.log(y) - y + LN_SQRT_2PI + stirlingSeries(y) - Math.log(product);
}

/**
 * log(x!) - log(sqrt(2π x) (x/e)^x), the error of Stirling's formula (R's stirlerr). Since
 * lgamma(x + 1) = (x + 0.5) log x - x + log√(2π) + S(x), it is the Stirling series S(x) itself for large x.
 */
function stirlerr(x: number): number {
  if (x >= 10) return stirlingSeries(x);
  return lgamma(x + 1) - (x + 0.5) * Math.log(x) + x - LN_SQRT_2PI;
}

/** Deviance term x log(x/np) + np - x, computed without cancellation (Loader's bd0, as in R). */
function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
  }
  return x * Math.log(x / np) + np - x;
}

/** x^a e^(-x) / Γ(a + 1), computed accurately for large a (Loader's saddle-point form). */
function gammaPrefactor(a: number, x: number): number {
  if (x === 0) return a === 0 ? 1 : 0;
  if (a < 10) return Math.exp(a * Math.log(x) - x - lgamma(a + 1));
  return Math.exp(-stirlerr(a) - bd0(a, x)) / Math.sqrt(2 * Math.PI * a);
}

/** Density of the gamma distribution with the given shape and unit scale. */
export function dgamma(x: number, shape: number): number {
  if (x < 0) return 0;
  if (x === 0) return shape < 1 ? Number.POSITIVE_INFINITY : shape === 1 ? 1 : 0;
  return (shape * gammaPrefactor(shape, x)) / x;
}

function gammaSeries(a: number, x: number): number {
  // P(a, x) = x^a e^-x / Γ(a+1) · Σ x^n / ((a+1)…(a+n))
  let term = 1;
  let sum = 1;
  const maxIter = 100000 + Math.ceil(10 * Math.sqrt(a));
  for (let n = 1; n < maxIter; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * EPS) break;
  }
  return gammaPrefactor(a, x) * sum;
}

function gammaContinuedFraction(a: number, x: number): number {
  // Q(a, x) = x^a e^-x / Γ(a) · 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/(x+5-a- …))), modified Lentz.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  const maxIter = 100000 + Math.ceil(10 * Math.sqrt(a));
  for (let i = 1; i < maxIter; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return a * gammaPrefactor(a, x) * h;
}

/** Regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a): the gamma(shape a) CDF at x. */
export function gammaP(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`gammaP: shape must be positive, got ${a}`);
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/** Regularised upper incomplete gamma function Q(a, x) = 1 - P(a, x). */
export function gammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`gammaQ: shape must be positive, got ${a}`);
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

/** Gamma CDF with shape `shape` and scale `scale` (default 1). */
export function pgamma(x: number, shape: number, scale = 1): number {
  return gammaP(shape, x / scale);
}

/**
 * Safeguarded Newton inversion of a monotone increasing CDF on (lo, hi). `f(x)` returns [cdf(x) - p, pdf(x)],
 * with the difference computed from the tail that keeps its precision.
 */
function invertCdf(
  f: (x: number) => [number, number],
  start: number,
  lowerBound: number,
  upperBound: number,
  logScale: boolean,
): number {
  let lo = lowerBound;
  let hi = upperBound;
  let x = start;
  if (!(x > lo && x < hi)) x = Number.isFinite(hi) ? (lo + hi) / 2 : Math.max(1, 2 * lo);
  for (let iter = 0; iter < 300; iter++) {
    const [diff, density] = f(x);
    if (diff === 0) return x;
    if (diff < 0) lo = x;
    else hi = x;
    let next = Number.NaN;
    if (density > 0 && Number.isFinite(density)) next = x - diff / density;
    if (!(next > lo && next < hi)) {
      // Bisect (geometrically when the bracket spans orders of magnitude).
      if (!Number.isFinite(hi)) next = x * 2;
      else if (logScale && lo > 0) next = Math.sqrt(lo * hi);
      else next = (lo + hi) / 2;
    }
    if (Math.abs(next - x) <= 4 * EPS * Math.abs(x) || next === lo || next === hi) return next;
    x = next;
  }
  return x;
}

/** Quantile of the gamma distribution with shape `shape` and scale `scale` (default 1). */
export function qgamma(p: number, shape: number, scale = 1): number {
  assertProbability(p, 'qgamma');
  if (!(shape > 0)) throw new RangeError(`qgamma: shape must be positive, got ${shape}`);
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  // Starting value: Wilson–Hilferty, or the small-x power series for small shapes / tail probabilities.
  const z = qnorm(p);
  const c = 1 / (9 * shape);
  let start = shape * (1 - c + z * Math.sqrt(c)) ** 3;
  const small = Math.exp((Math.log(p) + lgamma(shape + 1)) / shape);
  if (!(start > 0) || shape < 1 || start < small) start = small;
  const upper = p > 0.5;
  const target = upper ? 1 - p : p;
  const f = (x: number): [number, number] => {
    const density = dgamma(x, shape);
    return upper ? [target - gammaQ(shape, x), density] : [gammaP(shape, x) - target, density];
  };
  return scale * invertCdf(f, start, 0, Number.POSITIVE_INFINITY, true);
}

/** Chi-square quantile with `df` degrees of freedom (df may be fractional). */
export function qchisq(p: number, df: number): number {
  return qgamma(p, df / 2, 2);
}

/** Chi-square CDF with `df` degrees of freedom. */
export function pchisq(x: number, df: number): number {
  return gammaP(df / 2, x / 2);
}

// ---------------------------------------------------------------------------------------------------------
// Beta distribution

/** log B(a, b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  const maxIter = 100000 + Math.ceil(10 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m < maxIter; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** Both tails of the regularised incomplete beta function: [I_x(a, b), 1 - I_x(a, b)]. */
function betaTails(x: number, a: number, b: number): [number, number] {
  if (x <= 0) return [0, 1];
  if (x >= 1) return [1, 0];
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - lbeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (Math.exp(logFront) * betaContinuedFraction(a, b, x)) / a;
    return [lower, 1 - lower];
  }
  const upper = (Math.exp(logFront) * betaContinuedFraction(b, a, 1 - x)) / b;
  return [1 - upper, upper];
}

/** Beta CDF, the regularised incomplete beta function I_x(a, b). */
export function pbeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`pbeta: shapes must be positive, got ${a}, ${b}`);
  return betaTails(x, a, b)[0];
}

/** Beta density. */
export function dbeta(x: number, a: number, b: number): number {
  if (x < 0 || x > 1) return 0;
  if (x === 0) return a < 1 ? Number.POSITIVE_INFINITY : a === 1 ? b : 0;
  if (x === 1) return b < 1 ? Number.POSITIVE_INFINITY : b === 1 ? a : 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lbeta(a, b));
}

/** Quantile of the beta distribution with shapes a and b. */
export function qbeta(p: number, a: number, b: number): number {
  assertProbability(p, 'qbeta');
  if (!(a > 0 && b > 0)) throw new RangeError(`qbeta: shapes must be positive, got ${a}, ${b}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  // Start from the normal approximation on the logit scale, clipped into (0, 1).
  const mean = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  let start = mean + qnorm(p) * sd;
  if (!(start > 0 && start < 1)) start = p < 0.5 ? Math.min(mean, 0.5) / 2 : (1 + Math.max(mean, 0.5)) / 2;
  const upper = p > 0.5;
  const target = upper ? 1 - p : p;
  const f = (x: number): [number, number] => {
    const [lower, upperTail] = betaTails(x, a, b);
    const density = dbeta(x, a, b);
    return upper ? [target - upperTail, density] : [lower - target, density];
  };
  return invertCdf(f, start, 0, 1, false);
}
