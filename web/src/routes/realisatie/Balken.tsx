/**
 * A small horizontal bar chart in SVG: per row up to three bars (agreed, realised, forecast). Widths
 * come from decimal strings compared as cents (BigInt), never from binary floats of euros; only the
 * pixel width at the very end is a number.
 */
import { useI18n } from '../../app/i18n.tsx';
import { formatBedrag } from '../../ui/index.ts';

const cent = (s: string) => BigInt(s.replace('-', '').replace('.', ''));

export function Balken({
  rijen,
  titel,
}: {
  rijen: { label: string; afspraak: string; gerealiseerd: string; prognose: string }[];
  titel: string;
}) {
  const { t, taal } = useI18n();
  const max = rijen.reduce(
    (m, r) => [r.afspraak, r.gerealiseerd, r.prognose].reduce((x, v) => (cent(v) > x ? cent(v) : x), m),
    1n,
  );
  const W = 420;
  const breedte = (v: string) => Number((cent(v) * BigInt(W)) / max);
  const H = 12;
  const rijH = 3 * H + 14;
  const soorten = [
    ['afspraak', 'realisatie.afspraak', 'balk-afspraak'],
    ['gerealiseerd', 'realisatie.gerealiseerd', 'balk-gerealiseerd'],
    ['prognose', 'realisatie.prognose', 'balk-prognose'],
  ] as const;
  return (
    <figure className="balken">
      <svg
        role="img"
        aria-label={titel}
        width="100%"
        viewBox={`0 0 ${W + 200} ${rijen.length * rijH + 24}`}
        preserveAspectRatio="xMinYMin meet"
      >
        {soorten.map(([, key, cls], i) => (
          <g key={key} transform={`translate(${200 + i * 140}, 0)`}>
            <rect className={cls} width="10" height="10" y="2" />
            <text x="14" y="11" fontSize="11">
              {t(key)}
            </text>
          </g>
        ))}
        {rijen.map((r, i) => (
          <g key={r.label} transform={`translate(0, ${24 + i * rijH})`}>
            <text x="0" y={H + 4} fontSize="11">
              {r.label.length > 30 ? r.label.slice(0, 29) + '…' : r.label}
            </text>
            {soorten.map(([k, key, cls], j) => (
              <rect key={k} className={cls} x="200" y={j * H} width={breedte(r[k])} height={H - 2}>
                <title>
                  {t(key)}: {formatBedrag(r[k], taal)}
                </title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
