-- Best value: the provider proposes its own contract conditions ("doet zelf een voorstel voor kpi's
-- … en een contract met de bijbehorende voorwaarden", Inkoopsafari (RVS) §4.2). Part of the sealed
-- proposal; at the final award they become an article of the contract.
ALTER TABLE best_value_voorstel ADD COLUMN voorwaarden text;
