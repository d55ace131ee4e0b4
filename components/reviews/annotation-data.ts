import 'server-only';
import { cache } from 'react';
import type { Caller } from '@/lib/server/api/caller';
import { getDatabase } from '@/lib/server/db';
import { type AnnotationView, listAnnotations } from '@/lib/server/reviews/annotations';
import type { ChallengeView } from '@/lib/server/reviews/challenge-view';
import { listConsultantChallenges } from '@/lib/server/reviews/challenges';

/*
 * The consultant page's notes and challenges, read once per request (React cache) for the sections that show them.
 * The backend's rules decide what the caller reads: shared notes and their own, about a consultant they see named;
 * every challenge about a consultant they see named, whoever raised it. Roles without the permission read none.
 */

/** The notes about the consultant the caller may read, over the period (undated ones too). */
export const loadConsultantAnnotations = cache(
  async (caller: Caller, consultantId: number, from: string, to: string): Promise<AnnotationView[]> => {
    if (!caller.permissions.has('annotations:write')) return [];
    return listAnnotations(await getDatabase(), caller, { consultantId, from, to });
  },
);

/**
 * Every challenge about the consultant, latest first, with what became of it: those the caller raised and those
 * others raised (a consultant reads those their lead raised about them). None about a consultant not seen named.
 */
export const loadConsultantChallenges = cache(
  async (caller: Caller, consultantId: number): Promise<ChallengeView[]> => {
    if (!caller.permissions.has('challenges:raise')) return [];
    return listConsultantChallenges(await getDatabase(), caller, consultantId);
  },
);
