import { formatCount, formatNumber } from '@/components/format';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';

export interface PeerValue {
  /** A pseudonym (or "This consultant"): peers are never named here. */
  label: string;
  value: number;
  isSelf: boolean;
}

interface PeerStripProps {
  title: string;
  values: PeerValue[];
  unitLabel: string;
}

const WIDTH = 640;
const HEIGHT = 90;
const PAD = 24;

function round(value: number): string {
  return formatNumber(Math.round(value * 10) / 10);
}

/**
 * Cases per session of every consultant in the specialty as a strip: peers as grey circles, this consultant as a
 * large blue diamond with a label, the specialty median as a line. The table under it says the same.
 */
export function PeerStrip({ title, values, unitLabel }: PeerStripProps) {
  const sorted = [...values].sort((a, b) => a.value - b.value);
  const max = Math.max(1, ...sorted.map((peer) => peer.value)) * 1.1;
  const xOf = (value: number) => PAD + (value / max) * (WIDTH - 2 * PAD);
  const middle = sorted.length / 2;
  const median =
    sorted.length === 0
      ? null
      : sorted.length % 2 === 1
        ? (sorted[Math.floor(middle)] as PeerValue).value
        : ((sorted[middle - 1] as PeerValue).value + (sorted[middle] as PeerValue).value) / 2;
  const self = sorted.find((peer) => peer.isSelf);
  const description = `${title}: ${formatCount(sorted.length, 'consultant')}; this consultant ${
    self ? round(self.value) : 'no held sessions'
  }${median === null ? '' : `, specialty median ${round(median)}`} ${unitLabel}.`;
  return (
    <figure className="mb-6">
      <figcaption className="mb-2 text-[1.1875rem] font-bold">{title}</figcaption>
      <svg
        role="img"
        aria-label={description}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-3xl"
      >
        <line x1={PAD} x2={WIDTH - PAD} y1={50} y2={50} stroke="#768692" />
        {[0, 0.25, 0.5, 0.75, 1].map((share) => (
          <text key={share} x={xOf(max * share)} y={80} textAnchor="middle" fontSize={13} fill="#425563">
            {round(max * share)}
          </text>
        ))}
        {median !== null && (
          <g>
            <line x1={xOf(median)} x2={xOf(median)} y1={28} y2={66} stroke="#212b32" strokeDasharray="4 3" />
            <text x={xOf(median)} y={22} textAnchor="middle" fontSize={13} fill="#212b32">
              median {round(median)}
            </text>
          </g>
        )}
        {sorted
          .filter((peer) => !peer.isSelf)
          .map((peer) => (
            <circle
              key={peer.label}
              cx={xOf(peer.value)}
              cy={50}
              r={6}
              fill="#6b7378"
              fillOpacity={0.6}
              stroke="#212b32"
            />
          ))}
        {self && (
          <g>
            <rect
              x={xOf(self.value) - 8}
              y={42}
              width={16}
              height={16}
              transform={`rotate(45 ${xOf(self.value)} 50)`}
              fill="#0072b2"
              stroke="#212b32"
            />
          </g>
        )}
      </svg>
      <details>
        <summary className="cursor-pointer text-nhs-blue underline">Show the values as a table</summary>
        <Table caption={title} isCaptionHidden>
          <TableHead>
            <TableRow>
              <ColumnHeader>Consultant</ColumnHeader>
              <ColumnHeader align="end">{unitLabel}</ColumnHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {sorted.map((peer) => (
              <TableRow key={peer.label} className={peer.isSelf ? 'font-bold' : undefined}>
                <TableCell>{peer.label}</TableCell>
                <TableCell align="end">{round(peer.value)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </figure>
  );
}
