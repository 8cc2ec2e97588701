import { z } from 'zod';
import type { LocationKind } from '../locations';
import { mutation, query, returns } from './define';
import { archiveNumberSchema, type DossierDetail } from './dossier';

export interface LocationView {
  id: number;
  parentId: number | null;
  kind: LocationKind;
  code: string;
  name: string;
  position: number;
  note: string | null;
  /** Codes from the room down: A-03-2-15. */
  fullCode: string;
  /** Names from the room down: 一号库房 / 3号柜 / 第2层 / 15盒. */
  path: string;
  depth: number;
  /** Dossiers the reader may see standing here (not counting the places inside). */
  dossiers: number;
}

const codeSchema = z.string().trim().min(1).max(16).regex(/^[\p{L}\p{N}]+$/u, { message: 'letters and digits only' });

export const locationContract = {
  /** Every place, in shelving order: a room's cabinets left to right, a cabinet's shelves top to bottom. */
  'location:list': query({
    access: 'dossier.read',
    input: z.strictObject({}),
    output: returns<LocationView[]>(),
  }),
  /** A place inside another (a room at the top); appended at the end unless a position is given. */
  'location:create': mutation({
    access: 'location.manage',
    input: z.strictObject({
      parentId: z.number().int().min(1).nullable(),
      code: codeSchema,
      name: z.string().trim().min(1).max(40),
      position: z.number().int().min(1).max(10_000).optional(),
      note: z.string().trim().max(200).nullable().optional(),
    }),
    output: returns<LocationView>(),
  }),
  'location:update': mutation({
    access: 'location.manage',
    input: z.strictObject({
      id: z.number().int().min(1),
      code: codeSchema.optional(),
      name: z.string().trim().min(1).max(40).optional(),
      position: z.number().int().min(1).max(10_000).optional(),
      note: z.string().trim().max(200).nullable().optional(),
    }),
    output: returns<LocationView>(),
  }),
  /** Only an empty place: no dossier stands in it and nothing is inside it. */
  'location:remove': mutation({
    access: 'location.manage',
    input: z.strictObject({ id: z.number().int().min(1) }),
    output: returns<{ removed: boolean }>(),
  }),
  /** Shelves a dossier (or takes it off the shelf with null). */
  'dossier:set-location': mutation({
    access: 'dossier.edit',
    input: z.strictObject({ archiveNumber: archiveNumberSchema, locationId: z.number().int().min(1).nullable() }),
    output: returns<DossierDetail>(),
  }),
};

