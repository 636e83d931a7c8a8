-- Platform: organisations, users, sessions, the append-only audit log, jobs.

CREATE TABLE organisatie (
  id            text PRIMARY KEY,
  soort         text NOT NULL CHECK (soort IN ('zorgkantoor','zorgaanbieder','nza','cak','ciz','beheer')),
  naam          text NOT NULL,
  kvk           text,
  agb           text,
  uzovi         text,
  voorbeeld     boolean NOT NULL DEFAULT false,
  aangemaakt_op timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisatie_soort_idx ON organisatie (soort, naam);

CREATE TABLE gebruiker (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email           text NOT NULL UNIQUE,
  naam            text NOT NULL,
  organisatie_id  text NOT NULL REFERENCES organisatie(id),
  rollen          text[] NOT NULL,
  wachtwoord_hash text,
  oidc_subject    text UNIQUE,
  actief          boolean NOT NULL DEFAULT true,
  taal            text NOT NULL DEFAULT 'nl' CHECK (taal IN ('nl','en')),
  aangemaakt_op   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gebruiker_org_idx ON gebruiker (organisatie_id);

CREATE TABLE sessie (
  token_hash    text PRIMARY KEY,
  gebruiker_id  uuid NOT NULL REFERENCES gebruiker(id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  verloopt_op   timestamptz NOT NULL,
  aangemaakt_op timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessie_gebruiker_idx ON sessie (gebruiker_id);

-- Append-only, hash-chained. volgnummer is gapless so a deleted row is detected.
CREATE TABLE audit_regel (
  volgnummer      bigint PRIMARY KEY,
  tijd            timestamptz NOT NULL,
  actor_id        text,
  actor_naam      text,
  organisatie_id  text,
  actie           text NOT NULL,
  onderwerp_type  text NOT NULL,
  onderwerp_id    text NOT NULL,
  invoer          jsonb NOT NULL DEFAULT '{}'::jsonb,
  resultaat       jsonb,
  regel           text,
  vorige_hash     text NOT NULL,
  hash            text NOT NULL UNIQUE
);
CREATE INDEX audit_onderwerp_idx ON audit_regel (onderwerp_type, onderwerp_id);
CREATE INDEX audit_org_idx ON audit_regel (organisatie_id, tijd);

-- The chain head: one row, locked by every append so appends are strictly ordered.
CREATE TABLE audit_kop (
  id          int PRIMARY KEY CHECK (id = 1),
  volgnummer  bigint NOT NULL,
  hash        text NOT NULL
);
INSERT INTO audit_kop VALUES (1, 0, 'genesis');

CREATE FUNCTION audit_weiger_wijziging() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_regel is append-only: % is niet toegestaan', TG_OP;
END $$;
CREATE TRIGGER audit_regel_append_only BEFORE UPDATE OR DELETE ON audit_regel
  FOR EACH ROW EXECUTE FUNCTION audit_weiger_wijziging();

CREATE TABLE taak (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  soort           text NOT NULL,
  omschrijving    text NOT NULL,
  status          text NOT NULL CHECK (status IN ('wachtend','bezig','klaar','mislukt')),
  voortgang       numeric(5,4) NOT NULL DEFAULT 0,
  stap            text,
  invoer          jsonb NOT NULL DEFAULT '{}'::jsonb,
  resultaat       jsonb,
  fout            text,
  gebruiker_id    uuid REFERENCES gebruiker(id),
  organisatie_id  text REFERENCES organisatie(id),
  aangemaakt_op   timestamptz NOT NULL DEFAULT now(),
  gestart_op      timestamptz,
  klaar_op        timestamptz
);
CREATE INDEX taak_org_idx ON taak (organisatie_id, aangemaakt_op DESC);
