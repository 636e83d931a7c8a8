/**
 * iWlz 2.2 messages: build, read and validate against the official schemas (./xsd). Platform
 * level: capabilities (clientstroom) import this file only.
 */
export * from './berichten.ts';
export * from './codelijsten.ts';
export * from './validatie.ts';
export * from './kop.ts';
export * from './io31.ts';
export * from './aw33.ts';
export * from './aw35.ts';
export * from './aw39.ts';
export * from './retour.ts';
export { leesXml, schrijfXml, knoop, knopen, tekst, type XmlKnoop, type XmlWaarde } from './xml.ts';
