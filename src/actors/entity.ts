// Entity objects, built in one place so that every entity has one hidden class (map).
// Every field, always in the order of the Entity type. On Node 20 (V8 11.3) an object spread of an
// entity ({ ...e, start, end }) made almost every copy a map of its own once the spread's inline
// cache went megamorphic (300 corpus articles: 35 entity maps, each a root map created for one
// copy), so every read of an entity field downstream (recognizer, coder, quotes) was megamorphic.
// Two literals with the same keys in the same order share one map: use these, never a spread.
import type { Entity, EntityKind } from '../types.js';

export function mkEntity(text: string, name: string, id: string, kind: EntityKind, country: string | null, sector: string | null, office: string | null, sentence: number, start: number, end: number, code?: string): Entity {
  return { entity_text: text, name, id, kind, country_code: country, sector, code: code ?? `${country ?? ''}${sector ?? ''}`, office, sentence, start, end };
}

/** A copy of `e` (set changed fields on the copy: assigning an existing field keeps the map). */
export function cloneEntity(e: Entity): Entity {
  return { entity_text: e.entity_text, name: e.name, id: e.id, kind: e.kind, country_code: e.country_code, sector: e.sector, code: e.code, office: e.office, sentence: e.sentence, start: e.start, end: e.end };
}

/** A copy of `e` placed at another span of the text (a pronoun, a repeated description). */
export function placedEntity(e: Entity, text: string, sentence: number, start: number, end: number): Entity {
  return { entity_text: text, name: e.name, id: e.id, kind: e.kind, country_code: e.country_code, sector: e.sector, code: e.code, office: e.office, sentence, start, end };
}
