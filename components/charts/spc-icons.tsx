import { ASSURANCE_LABELS, VARIATION_LABELS } from '@/lib/shared/spc-labels';
import type { AssuranceIcon, VariationIcon } from '@/lib/shared/stats';
import { SPC_COLOURS } from './palette';

function variationColour(icon: VariationIcon): string {
  if (icon === 'common_cause') return SPC_COLOURS.commonCause;
  if (icon.startsWith('improvement')) return SPC_COLOURS.improvement;
  if (icon.startsWith('concern')) return SPC_COLOURS.concern;
  return SPC_COLOURS.neutral;
}

/** Making Data Count variation icon: a circle in the variation's colour with H/L and a trace. */
export function VariationIconSvg({ icon, size = 40 }: { icon: VariationIcon; size?: number }) {
  const colour = variationColour(icon);
  const letter = icon.endsWith('_high') ? 'H' : icon.endsWith('_low') ? 'L' : '';
  const text = VARIATION_LABELS[icon];
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" role="img" aria-label={text}>
      <title>{text}</title>
      <circle cx="20" cy="20" r="18" fill="#fff" stroke={colour} strokeWidth="3" />
      <polyline
        points={
          icon === 'common_cause'
            ? '8,22 13,18 18,23 23,17 28,22 32,19'
            : letter === 'H'
              ? '8,26 13,24 18,25 23,18 28,14 32,12'
              : '8,14 13,16 18,15 23,22 28,26 32,28'
        }
        fill="none"
        stroke={colour}
        strokeWidth="2.5"
      />
      {letter && (
        <text x="20" y="14" textAnchor="middle" fontSize="10" fontWeight="bold" fill={colour}>
          {letter}
        </text>
      )}
    </svg>
  );
}

/** Making Data Count assurance icon: P (pass, blue), F (fail, orange) or ? (hit and miss, grey). */
export function AssuranceIconSvg({ icon, size = 40 }: { icon: AssuranceIcon; size?: number }) {
  const colour =
    icon === 'pass'
      ? SPC_COLOURS.improvement
      : icon === 'fail'
        ? SPC_COLOURS.concern
        : SPC_COLOURS.commonCause;
  const letter = icon === 'pass' ? 'P' : icon === 'fail' ? 'F' : '?';
  const text = ASSURANCE_LABELS[icon];
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" role="img" aria-label={text}>
      <title>{text}</title>
      <circle cx="20" cy="20" r="18" fill="#fff" stroke={colour} strokeWidth="3" />
      <text x="20" y="26" textAnchor="middle" fontSize="18" fontWeight="bold" fill={colour}>
        {letter}
      </text>
    </svg>
  );
}

/** Both icons with their meaning in words (visible text, so nobody has to decode the icons). */
export function SpcIcons({
  variation,
  assurance,
  size = 36,
}: {
  variation: VariationIcon | null;
  assurance: AssuranceIcon | null;
  size?: number;
}) {
  if (!variation && !assurance) return <p className="text-base text-nhs-dark-grey">Too few points for SPC</p>;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {variation && (
        <span className="inline-flex items-center gap-1">
          <VariationIconSvg icon={variation} size={size} />
          <span>{VARIATION_LABELS[variation]}</span>
        </span>
      )}
      {assurance && (
        <span className="inline-flex items-center gap-1">
          <AssuranceIconSvg icon={assurance} size={size} />
          <span>{ASSURANCE_LABELS[assurance]}</span>
        </span>
      )}
    </div>
  );
}
