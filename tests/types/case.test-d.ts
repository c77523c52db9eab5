/** Compile-time checks that the case schemas and the domain Client cannot drift apart. */
import { expectTypeOf } from 'vitest';
import type { z } from 'astro/zod';
import type { Client } from '../../src/domain/client';
import type { ClientFacts } from '../../src/domain/segments';
import type { ClientFactsSchema, ClientSchema } from '../../src/schemas/case';

expectTypeOf<z.output<typeof ClientSchema>>().toExtend<Client>();
expectTypeOf<Client>().toExtend<z.output<typeof ClientSchema>>();
expectTypeOf<z.output<typeof ClientFactsSchema> & { id: string }>().toExtend<ClientFacts>();
expectTypeOf<Omit<ClientFacts, 'id'>>().toExtend<z.output<typeof ClientFactsSchema>>();
