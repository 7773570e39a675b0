/**
 * The event log's files: OCEL 2.0 JSON that validates against the published
 * schema (test/fixtures/ocel/, draft-07 as it declares), and CSV that parses
 * back to the same events and amounts.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEventLog } from '../../src/sim/eventLog.js';
import { EVENT_LOG_CSV_HEADER, writeEventLogCsv } from '../../src/export/eventLogCsv.js';
import { toOcel, writeOcelJson, type OcelLog } from '../../src/export/ocel.js';
import { loadScenario } from '../../src/params/load.js';

// ajv-formats is CommonJS: its plugin is the module's default export, however the loader wraps it.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const schema = JSON.parse(readFileSync('test/fixtures/ocel/ocel20-schema-json.json', 'utf8')) as { $schema: string };
const params = loadScenario('scenarios/baseline.yaml', { set: ['volume.claims=400', 'world.teams=2'] }).parameters;
const log = buildEventLog(params, 1, 20);
const dir = mkdtempSync(join(tmpdir(), 'claimsim-eventlog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

describe('OCEL 2.0 JSON', () => {
  const validator = () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    return ajv.compile(schema);
  };

  it('validates against the OCEL 2.0 schema', () => {
    const file = join(dir, 'events.ocel.json');
    writeOcelJson(log, file);
    const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const validate = validator();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc).toEqual(JSON.parse(JSON.stringify(toOcel(log))));
  });

  it('the schema catches what the specification forbids', () => {
    const validate = validator();
    const ocel = JSON.parse(JSON.stringify(toOcel(log))) as { events: { time: string; attributes: { value: unknown }[] }[] };
    ocel.events[0]!.time = 'day 5';
    expect(validate(ocel)).toBe(false);
    const { objects: _omitted, ...missing } = toOcel(log);
    expect(validate(missing)).toBe(false);
  });

  it('declares every type and attribute it uses, and relates events to objects that exist', () => {
    const ocel: OcelLog = toOcel(log);
    const objectTypes = new Map(ocel.objectTypes.map((t) => [t.name, new Set(t.attributes.map((a) => a.name))]));
    const eventTypes = new Map(ocel.eventTypes.map((t) => [t.name, new Set(t.attributes.map((a) => a.name))]));
    expect([...objectTypes.keys()]).toEqual(['claim', 'seller', 'customer']);
    const objects = new Map(ocel.objects.map((o) => [o.id, o.type]));
    expect(objects.size).toBe(ocel.objects.length);
    for (const o of ocel.objects) for (const a of o.attributes) expect(objectTypes.get(o.type)!.has(a.name), `${o.type}.${a.name}`).toBe(true);
    for (const e of ocel.events) {
      for (const a of e.attributes) expect(eventTypes.get(e.type)!.has(a.name), `${e.type}.${a.name}`).toBe(true);
      expect(e.relationships.map((r) => [r.qualifier, objects.get(r.objectId)])).toEqual([
        ['claim', 'claim'],
        ['seller', 'seller'],
        ['claimant', 'customer'],
      ]);
    }
    for (const t of [...ocel.objectTypes, ...ocel.eventTypes]) for (const a of t.attributes) expect(['string', 'time', 'integer', 'float', 'boolean']).toContain(a.type);
    expect(ocel.events).toHaveLength(log.events.length);
    expect(ocel.objects.filter((o) => o.type === 'claim')).toHaveLength(20);
    // Attribute values are strings that read back as the numbers they were.
    const paid = ocel.events.flatMap((e) => e.attributes.filter((a) => a.name === 'paidUsd').map((a) => Number(a.value)));
    expect(paid.reduce((s, x) => s + x, 0)).toBeCloseTo(
      log.claims.reduce((s, c) => s + c.paidUsd, 0),
      6,
    );
  });
});

describe('CSV', () => {
  it('parses back to one row per event with the same amounts', () => {
    const file = join(dir, 'events.csv');
    writeEventLogCsv(log, file);
    const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    expect(header).toEqual([...EVENT_LOG_CSV_HEADER]);
    expect(rows).toHaveLength(log.events.length);
    const col = (name: (typeof EVENT_LOG_CSV_HEADER)[number]) => header!.indexOf(name);
    rows.forEach((row, i) => {
      const e = log.events[i]!;
      expect(row).toHaveLength(header!.length);
      expect(row[col('eventId')]).toBe(e.id);
      expect(row[col('claimId')]).toBe(e.claimId);
      expect(row[col('activity')]).toBe(e.activity);
      expect(Number(row[col('day')])).toBe(e.day);
      expect(row[col('timestamp')]).toBe(e.time);
      expect(row[col('seller')]).toBe(log.sellers.find((s) => s.id === e.sellerId)!.name);
      expect(row[col('customer')]).toBe(log.customers.find((c) => c.id === e.customerId)!.name);
      const paid = row[col('paidUsd')]!;
      if (e.payments.length === 0) expect(paid).toBe('');
      else expect(Number(paid)).toBe(e.payments.reduce((s, p) => s + p.amountUsd, 0));
      expect(row[col('payer')]).toBe(e.payments.map((p) => p.payer).join('+'));
    });
    // Seller names (companies) hold commas: quoting must have kept them whole.
    expect(log.sellers.some((s) => s.name.includes(','))).toBe(true);
  });
});
