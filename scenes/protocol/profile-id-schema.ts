// The profile id as the protocol's messages and the render API parse it. Apart from the ladder
// (profile-ladder.ts) so that code which only needs the ladder's numbers (the tour page's player,
// on a visitor's first load) does not bring zod with it.
import { z } from 'zod';
import { PROFILE_IDS, type ProfileId } from './profile-ladder';

export const ProfileIdSchema = z.enum(PROFILE_IDS as readonly [ProfileId, ...ProfileId[]]);
