/**
 * The price part of the regionale paragraaf (src/domain/inkoop/opslag.ts; Inkoopkader Langdurige Zorg
 * 2016, §2.2.4 "Bepaling van de prijs"): the basistarief per leveringsvorm as a percentage of the NZa
 * maximum (per-prestatie rows are kept as stored), the table from the weighted score to an opslag of
 * 0–3%, and the moments at which the opslag is granted.
 */
import { useRef, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { Button, Checkbox, DetailList, Fieldset, formatGetal, TextInput } from '../../ui/index.ts';
import type { RegionaleParagraaf as Paragraaf } from './types.ts';
import './messages.ts';

const LEVERINGSVORMEN = ['verblijf', 'vpt', 'mpt', 'dtv'] as const;
const MOMENTEN = ['initieel', 'herschikking', 'nacalculatie'] as const;

export function PrijsafsprakenWeergave({ p }: { p: Paragraaf }) {
  const { t, taal } = useI18n();
  if (!p.basistarief && !p.opslagTabel && !p.opslagMomenten) return null;
  return (
    <>
      <h3>{t('inkoop.rp.prijs')}</h3>
      <DetailList
        items={[
          ...Object.entries(p.basistarief?.perLeveringsvorm ?? {}).map(
            ([lv, v]) => [t('inkoop.rp.basis.lv', { lv }), `${formatGetal(v, taal)}%`] as [string, string],
          ),
          ...Object.entries(p.basistarief?.perPrestatie ?? {}).map(
            ([code, v]) => [t('inkoop.rp.basis.prestatie', { code }), `${formatGetal(v, taal)}%`] as [string, string],
          ),
          ...(p.opslagTabel ?? []).map(
            (r) =>
              [t('inkoop.rp.tabel.rij', { vanaf: formatGetal(r.vanaf, taal) }), `${formatGetal(r.opslag, taal)}%`] as [
                string,
                string,
              ],
          ),
          ...(p.opslagMomenten
            ? [
                [t('inkoop.rp.momenten'), p.opslagMomenten.map((m) => t(`inkoop.rp.moment.${m}`)).join(', ')] as [
                  string,
                  string,
                ],
              ]
            : []),
        ]}
      />
    </>
  );
}

interface Rij {
  sleutel: number;
  vanaf: string;
  opslag: string;
}

/** State and fields of the price part in the editor; `waarde()` is the part of the PATCH body. */
export function usePrijsafspraken(p: Paragraaf) {
  const { t } = useI18n();
  const volgende = useRef(0);
  const [basis, setBasis] = useState<Record<string, string>>(() => ({ ...(p.basistarief?.perLeveringsvorm ?? {}) }));
  const [rijen, setRijen] = useState<Rij[]>(() =>
    (p.opslagTabel ?? []).map((r) => ({ sleutel: volgende.current++, vanaf: r.vanaf, opslag: r.opslag })),
  );
  const [momenten, setMomenten] = useState<string[]>(p.opslagMomenten ?? []);
  const waarde = () => {
    const lv = Object.fromEntries(
      Object.entries(basis)
        .filter(([, v]) => v.trim())
        .map(([k, v]) => [k, v.trim()]),
    );
    const perPrestatie = p.basistarief?.perPrestatie;
    return {
      ...(Object.keys(lv).length || perPrestatie
        ? {
            basistarief: {
              ...(Object.keys(lv).length ? { perLeveringsvorm: lv } : {}),
              ...(perPrestatie ? { perPrestatie } : {}),
            },
          }
        : {}),
      ...(rijen.length ? { opslagTabel: rijen.map((r) => ({ vanaf: r.vanaf.trim(), opslag: r.opslag.trim() })) } : {}),
      ...(momenten.length ? { opslagMomenten: MOMENTEN.filter((m) => momenten.includes(m)) } : {}),
    };
  };
  // a render function, not a component: the inputs keep their identity (and focus) across renders
  const velden = (fout: (waar: string) => string | undefined) => {
    return (
      <>
        <h3>{t('inkoop.rp.prijs')}</h3>
        <p className="muted">{t('inkoop.rp.prijs.uitleg')}</p>
        {LEVERINGSVORMEN.map((lv) => (
          <TextInput
            key={lv}
            id={`rp-basis-${lv}`}
            inputMode="decimal"
            label={t('inkoop.rp.basis.lv', { lv })}
            value={basis[lv] ?? ''}
            error={fout(`basistarief.perLeveringsvorm.${lv}`)}
            onChange={(e) => setBasis((b) => ({ ...b, [lv]: e.target.value }))}
          />
        ))}
        {fout('opslagTabel') && (
          <p className="field-error-text" role="alert">
            {fout('opslagTabel')}
          </p>
        )}
        {rijen.map((r, n) => (
          <Fieldset key={r.sleutel} legend={t('inkoop.rp.tabel.legend', { n: n + 1 })}>
            <TextInput
              id={`rp-tabel-${r.sleutel}-vanaf`}
              inputMode="decimal"
              label={t('inkoop.rp.tabel.vanaf', { n: n + 1 })}
              value={r.vanaf}
              error={fout(`opslagTabel[${n}].vanaf`)}
              onChange={(e) => setRijen((rs) => rs.map((x, i) => (i === n ? { ...x, vanaf: e.target.value } : x)))}
            />
            <TextInput
              id={`rp-tabel-${r.sleutel}-opslag`}
              inputMode="decimal"
              label={t('inkoop.rp.tabel.opslag', { n: n + 1 })}
              value={r.opslag}
              error={fout(`opslagTabel[${n}].opslag`)}
              onChange={(e) => setRijen((rs) => rs.map((x, i) => (i === n ? { ...x, opslag: e.target.value } : x)))}
            />
            <Button variant="danger" onClick={() => setRijen((rs) => rs.filter((_, i) => i !== n))}>
              {t('inkoop.rp.tabel.verwijderen', { n: n + 1 })}
            </Button>
          </Fieldset>
        ))}
        <div className="button-row">
          <Button onClick={() => setRijen((rs) => [...rs, { sleutel: volgende.current++, vanaf: '', opslag: '' }])}>
            {t('inkoop.rp.tabel.toevoegen')}
          </Button>
        </div>
        <Fieldset legend={t('inkoop.rp.momenten')}>
          {MOMENTEN.map((m) => (
            <Checkbox
              key={m}
              label={t(`inkoop.rp.moment.${m}`)}
              checked={momenten.includes(m)}
              onChange={(e) => setMomenten((ms) => (e.target.checked ? [...ms, m] : ms.filter((x) => x !== m)))}
            />
          ))}
        </Fieldset>
      </>
    );
  };
  return { waarde, velden };
}
