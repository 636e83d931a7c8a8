-- Monitoring aggregate (docs/realisatie.md, "Monitoraggregaat realisatie_maand"): the realised amount per region ×
-- year × provider × sector × month, i.e. `realisatie` summed over the prestaties of a sector. The
-- monitor and the depletion view read this instead of grouping every prestatie row of a region per
-- request. It is derived data, kept exactly equal to a fresh GROUP BY of `realisatie` by the only
-- writers: the declaration import (in its own transaction, for the periods it replaced) and the demo
-- load (src/realisatie/store.ts: werkMonitorAggregaatBij, vernieuwMonitorAggregaat). `regels` is the
-- number of realisatie rows summed, so a test can compare it exactly. No foreign keys: every key comes
-- from a `realisatie` row, which has them (and checking them again would slow the import and the demo load).
CREATE TABLE realisatie_maand (
  regio_code     text NOT NULL,
  jaar           int  NOT NULL,
  organisatie_id text NOT NULL,
  sector         text NOT NULL,
  maand          int  NOT NULL CHECK (maand BETWEEN 1 AND 12),
  regels         int  NOT NULL,
  bedrag         numeric(18,2) NOT NULL,
  PRIMARY KEY (regio_code, jaar, organisatie_id, sector, maand)
);

INSERT INTO realisatie_maand (regio_code, jaar, organisatie_id, sector, maand, regels, bedrag)
SELECT r.regio_code, r.jaar, r.organisatie_id, p.sector, r.maand, count(*), sum(r.bedrag)
  FROM realisatie r JOIN prestatie p ON p.code = r.prestatie_code
 GROUP BY 1, 2, 3, 4, 5;
