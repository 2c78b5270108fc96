import { z } from 'zod';
import { currencyCodeSchema, rateSchema } from '../../domain/currency.ts';

export const rateInputSchema = z
  .strictObject({
    day: z.iso.date(),
    base: currencyCodeSchema,
    quote: currencyCodeSchema,
    /** 1 base = rate quote: a positive decimal, as a string to keep every digit ("97.2031") */
    rate: rateSchema,
  })
  .refine((r) => r.base !== r.quote, { message: 'base and quote must differ', path: ['quote'] });

export const rateViewSchema = z.object({
  day: z.string(),
  base: z.string(),
  quote: z.string(),
  rate: z.string(),
});
