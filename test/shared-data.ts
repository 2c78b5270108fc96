// The real material in ../shared/data (orders, reviews, platform payloads, taxonomies), read where it
// lies: tests use it from there, it is not copied into the repository.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const sharedData = path.resolve(import.meta.dirname, '../../shared/data');

/** A JSON file under ../shared/data, e.g. `payloads/taxonomies/17track_status.json`. */
export const readSharedJson = (file: string): unknown =>
  JSON.parse(readFileSync(path.join(sharedData, file), 'utf8'));
