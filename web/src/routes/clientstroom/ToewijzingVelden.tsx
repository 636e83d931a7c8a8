/**
 * The fields a toewijzing needs beyond provider and leveringsvorm, shared by the manual toewijzing
 * (ClientDossier) and the grant of a provider's request (Verzoeken): the mpt function and class
 * (checked by the server against the code lists) and the toetsingskader answers for care at home.
 */
import { useI18n } from '../../app/i18n.tsx';
import { Checkbox, Select, TextInput } from '../../ui/index.ts';
import './messages.ts';

/** The mpt functions the product offers (LDT_Functie subset; src/clientstroom/functies.ts). */
const FUNCTIES = ['21', '31', '41', '61', '62'];

/** The request body part for an mpt toewijzing per function. */
export const mptVelden = (functie: string, klasse: string) => ({
  functieCode: functie,
  functieKlasse: klasse.trim().toUpperCase() || null,
});

export function MptVelden(p: {
  functie: string;
  setFunctie: (v: string) => void;
  klasse: string;
  setKlasse: (v: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Select
        label={t('clientstroom.toewijzen.functie')}
        value={p.functie}
        onChange={(e) => p.setFunctie(e.target.value)}
        options={FUNCTIES.map((f) => ({ value: f, label: `${f} ${t(`clientstroom.functie.${f}`)}` }))}
      />
      <TextInput
        label={t('clientstroom.toewijzen.klasse')}
        value={p.klasse}
        onChange={(e) => p.setKlasse(e.target.value)}
      />
    </>
  );
}

/** Verantwoord and doelmatig: the toetsingskader answers for vpt and mpt at home. */
export function ToetsingVelden(p: {
  verantwoord: boolean;
  setVerantwoord: (v: boolean) => void;
  doelmatig: boolean;
  setDoelmatig: (v: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Checkbox
        label={t('clientstroom.toewijzen.verantwoord')}
        checked={p.verantwoord}
        onChange={(e) => p.setVerantwoord(e.target.checked)}
      />
      <Checkbox
        label={t('clientstroom.toewijzen.doelmatig')}
        checked={p.doelmatig}
        onChange={(e) => p.setDoelmatig(e.target.checked)}
      />
    </>
  );
}
