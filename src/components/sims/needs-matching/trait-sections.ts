/**
 * The lesson section teaching each trait (lesson id + exact heading text). Embed.astro resolves
 * them at build time and fails the build, naming the trait, when a heading is missing.
 */
import type { NeedTrait } from '../../../domain/needs-matching';

export const NEEDS_TRAIT_SECTIONS: Record<NeedTrait, { lesson: string; heading: string }> = {
	object: { lesson: 'm4/03-five-needs', heading: '需求的对象性' },
	diversity: { lesson: 'm4/03-five-needs', heading: '需求的多样性' },
	hierarchy: { lesson: 'm4/03-five-needs', heading: '需求的层次性' },
	variability: { lesson: 'm4/03-five-needs', heading: '需求的可变性' },
	development: { lesson: 'm4/03-five-needs', heading: '需求的发展性' },
};
