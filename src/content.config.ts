import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Frontmatter of a guide in `content/docs/<slug>.mdx`; the file name is its address `/handleiding/<slug>/`. */
export const DocSchema = z.strictObject({
  /** The guide's title, in Dutch. */
  title: z.string().min(1),
  /** Who it is for, as shown on the index: `Schoolleiders`, `Medezeggenschapsraad`, `Ouders, leerlingen en medewerkers`. */
  audience: z.string().min(1),
  /** One sentence about what the reader learns. */
  description: z.string().min(1),
  /** Place on the index, lowest first. */
  order: z.number().int(),
});

/**
 * The handleiding: short guides for school leaders, the MR and families, from the same content folder as the rest
 * (`PROTOCOLWIJZER_CONTENT` when set: the benchmark's generated site has no guides, as its examples cite De Linde).
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${process.env.PROTOCOLWIJZER_CONTENT ?? './content'}/docs` }),
    schema: DocSchema,
  }),
};
