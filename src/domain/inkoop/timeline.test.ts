import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  aftelling,
  controleerTijdlijn,
  formatteerNl,
  instantNaarLokaal,
  laatsteZondag,
  lokaalNaarInstant,
  lopendeTermijnen,
  offsetMinuten,
  termijnenUitSjabloon,
  tijdlijn2016,
  voorDeadline,
} from './timeline.ts';

const sec = (d: Date, n: number) => new Date(d.getTime() + n * 1000);

test('31 July 2015 17:00 Amsterdam (CEST) is 15:00 UTC; one second before/after', () => {
  const dl = lokaalNaarInstant('2015-07-31T17:00');
  assert.equal(dl.toISOString(), '2015-07-31T15:00:00.000Z');
  assert.equal(voorDeadline(sec(dl, -1), dl), true, '16:59:59 on time');
  assert.equal(voorDeadline(dl, dl), true, '17:00:00 on time');
  assert.equal(voorDeadline(new Date(dl.getTime() + 999), dl), true, '17:00:00.999 still the same second');
  assert.equal(voorDeadline(sec(dl, 1), dl), false, '17:00:01 late');
  assert.equal(instantNaarLokaal(dl), '2015-07-31T17:00:00+02:00');
  assert.equal(formatteerNl(dl), 'vrijdag 31 juli 2015 17:00');
});

test('winter deadlines use CET (+01:00)', () => {
  const dl = lokaalNaarInstant('2016-01-15T17:00');
  assert.equal(dl.toISOString(), '2016-01-15T16:00:00.000Z');
  assert.equal(offsetMinuten(dl), 60);
});

test('last Sundays of March and October', () => {
  assert.equal(laatsteZondag(2015, 3), '2015-03-29');
  assert.equal(laatsteZondag(2015, 10), '2015-10-25');
  assert.equal(laatsteZondag(2025, 3), '2025-03-30');
  assert.equal(laatsteZondag(2025, 10), '2025-10-26');
});

test('spring forward (last Sunday of March): 02:00–03:00 does not exist and moves forward; deadlines around it', () => {
  // 2025-03-30: at 02:00 CET clocks go to 03:00 CEST (01:00 UTC).
  assert.equal(lokaalNaarInstant('2025-03-30T01:59:59').toISOString(), '2025-03-30T00:59:59.000Z');
  assert.equal(lokaalNaarInstant('2025-03-30T03:00').toISOString(), '2025-03-30T01:00:00.000Z');
  assert.equal(lokaalNaarInstant('2025-03-30T02:30').toISOString(), '2025-03-30T01:30:00.000Z'); // = 03:30 CEST
  assert.equal(instantNaarLokaal(lokaalNaarInstant('2025-03-30T02:30')), '2025-03-30T03:30:00+02:00');
  // a deadline at 12:00 on that Sunday is 10:00 UTC; one second either side
  const dl = lokaalNaarInstant('2025-03-30T12:00');
  assert.equal(dl.toISOString(), '2025-03-30T10:00:00.000Z');
  assert.ok(voorDeadline(sec(dl, -1), dl));
  assert.ok(!voorDeadline(sec(dl, 1), dl));
  // the day before is still CET
  assert.equal(lokaalNaarInstant('2025-03-29T12:00').toISOString(), '2025-03-29T11:00:00.000Z');
  // the countdown across the change: from Saturday 12:00 CET to Sunday 12:00 CEST is 23 hours
  const a = aftelling(lokaalNaarInstant('2025-03-29T12:00'), dl);
  assert.equal(a.resterendeSeconden, 23 * 3600);
});

test('fall back (last Sunday of October): 02:00–03:00 exists twice; the first occurrence (CEST) is meant', () => {
  // 2025-10-26: at 03:00 CEST clocks go back to 02:00 CET (01:00 UTC).
  assert.equal(lokaalNaarInstant('2025-10-26T02:30').toISOString(), '2025-10-26T00:30:00.000Z');
  assert.equal(lokaalNaarInstant('2025-10-26T03:00').toISOString(), '2025-10-26T02:00:00.000Z');
  const dl = lokaalNaarInstant('2025-10-26T02:30');
  assert.ok(voorDeadline(sec(dl, -1), dl));
  assert.ok(!voorDeadline(sec(dl, 1), dl));
  // one hour later in UTC shows the same wall clock time again, but is late
  const tweede = new Date(dl.getTime() + 3600_000);
  assert.equal(instantNaarLokaal(tweede), '2025-10-26T02:30:00+01:00');
  assert.ok(!voorDeadline(tweede, dl));
  // the countdown across the change: Saturday 12:00 CEST to Sunday 12:00 CET is 25 hours
  assert.equal(
    aftelling(lokaalNaarInstant('2025-10-25T12:00'), lokaalNaarInstant('2025-10-26T12:00')).resterendeSeconden,
    25 * 3600,
  );
});

test('invalid local times are refused', () => {
  assert.throws(() => lokaalNaarInstant('2015-02-30T10:00'), /bestaat niet/);
  assert.throws(() => lokaalNaarInstant('31-07-2015 17:00'), /verwacht/);
});

test('countdown text and the passed state', () => {
  const dl = lokaalNaarInstant('2015-07-31T17:00');
  const a = aftelling(lokaalNaarInstant('2015-07-28T13:55'), dl);
  assert.deepEqual([a.dagen, a.uren, a.minuten, a.verstreken], [3, 3, 5, false]);
  assert.equal(a.tekst, 'nog 3 dagen, 3 uur en 5 minuten');
  assert.equal(aftelling(sec(dl, -1), dl).tekst, 'nog 1 seconde');
  assert.equal(aftelling(dl, dl).verstreken, false);
  const b = aftelling(sec(dl, 1), dl);
  assert.equal(b.verstreken, true);
  assert.equal(b.resterendeSeconden, 0);
  assert.equal(b.tekst, 'verstreken');
});

test('the 2016 timetable from the Inkoopkader Langdurige Zorg 2016, §2.2', () => {
  const t = termijnenUitSjabloon(tijdlijn2016(2015));
  const by = Object.fromEntries(t.map((x) => [x.fase, x]));
  assert.equal(instantNaarLokaal(by.publicatie.begintOp!), '2015-06-01T09:00:00+02:00');
  assert.equal(instantNaarLokaal(by.vragen.eindigtOp!), '2015-06-21T23:59:59+02:00');
  assert.equal(instantNaarLokaal(by.nvi.eindigtOp!), '2015-07-03T23:59:59+02:00');
  assert.equal(instantNaarLokaal(by.inschrijving.eindigtOp!), '2015-07-31T17:00:00+02:00');
  assert.equal(instantNaarLokaal(by.voorlopige_gunning.eindigtOp!), '2015-10-09T23:59:59+02:00');
  // 1 November is after the October DST change: CET
  assert.equal(instantNaarLokaal(by.definitieve_gunning.begintOp!), '2015-11-01T00:00:00+01:00');
  assert.deepEqual(controleerTijdlijn(t), []);
  assert.deepEqual(lopendeTermijnen(lokaalNaarInstant('2015-06-10T12:00'), t), [
    'publicatie',
    'vragen',
    'inschrijving',
  ]);
  assert.deepEqual(lopendeTermijnen(lokaalNaarInstant('2015-07-10T12:00'), t), ['publicatie', 'inschrijving']);
});

test('a timeline out of order is reported', () => {
  const t = termijnenUitSjabloon(tijdlijn2016(2015));
  const inschr = t.find((x) => x.fase === 'inschrijving')!;
  inschr.eindigtOp = lokaalNaarInstant('2015-06-10T17:00');
  assert.ok(controleerTijdlijn(t).some((f) => f.includes('inschrijving')));
});
