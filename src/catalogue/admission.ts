/**
 * The one rule for letting a server record into a catalogue, used alike by a pull, by
 * `capture --into` and by the site build:
 * - its id must be new, and so must its URL slug as the site makes it (a reserved id
 *   moves aside, `api` becomes `tool-api`, and may land on another server's slug);
 * - every tool leaves with a classification: missing ones are made, stale ones (an
 *   earlier engine's) redone, and a supplied one never lowers what the engine finds.
 * What happens to a duplicate is the caller's one switch: a pull refuses the catalogue, a
 * build skips the record with a warning and keeps the first.
 */
import { ensureClassified } from './classify/ensure-classified.ts';
import type { ClassifiedServer, Server } from './schema/server.ts';
import { serverSlugOf } from './slug.ts';
import { CatalogueError, describeLocation, type RecordLocation } from './store/errors.ts';

export type DuplicatePolicy = 'refuse' | 'skip';

export interface AdmissionOptions {
  onDuplicate: DuplicatePolicy;
  /** Receives the message of each skipped duplicate (with `onDuplicate: 'skip'`). */
  warn?: ((message: string) => void) | undefined;
}

interface Owner {
  id: string;
  /** Where the owner sits, for "… at line 3". */
  place: string;
  /** Set for a server reserved ahead of the records, such as the one being captured. */
  reserved?: { label: string; hint: string };
}

export class Admission {
  readonly #options: AdmissionOptions;
  readonly #ids = new Map<string, Owner>();
  readonly #slugs = new Map<string, Owner>();
  #classified = 0;

  constructor(options: AdmissionOptions) {
    this.#options = options;
  }

  /** Tools given a classification they lacked, or whose stale one was redone. */
  get classified(): number {
    return this.#classified;
  }

  /**
   * Admits a server ahead of the records (the one being captured) and returns it
   * classified: a later record on its slug is refused with `hint`, what the user can do
   * about it. A later record with its id is the caller's to replace, or refused.
   */
  reserve(server: Server, label: string, hint: string): ClassifiedServer {
    const owner: Owner = { id: server.id, place: label, reserved: { label, hint } };
    const classified = this.#classify(server, `${label}`, { source: label });
    this.#ids.set(server.id, owner);
    this.#slugs.set(serverSlugOf(server), owner);
    return classified;
  }

  /**
   * The record, classified, or `undefined` when it is a duplicate to skip. Throws a
   * CatalogueError naming the record and field when it is refused.
   */
  admit(server: Server, location: RecordLocation): ClassifiedServer | undefined {
    const named = `${describeLocation(location)} (server ${JSON.stringify(server.id)})`;
    const slug = serverSlugOf(server);
    const conflict = this.#conflict(server, slug, named);
    if (conflict) {
      if (this.#options.onDuplicate === 'refuse') throw new CatalogueError(conflict, location);
      this.#options.warn?.(
        `skipped duplicate server: ${describeLocation(location)} repeats the id or slug "${server.id}" of an earlier record`,
      );
      return undefined;
    }
    const owner = { id: server.id, place: placeOf(location) };
    this.#ids.set(server.id, owner);
    this.#slugs.set(slug, owner);
    return this.#classify(server, named, location);
  }

  #classify(server: Server, named: string, location: RecordLocation): ClassifiedServer {
    let classified: ClassifiedServer;
    try {
      classified = ensureClassified(server) as ClassifiedServer;
    } catch (error) {
      throw new CatalogueError(`${named}: classification failed (${(error as Error).message})`, location);
    }
    if (classified !== server) {
      for (const [position, tool] of classified.tools.entries()) {
        if (tool.classification !== server.tools[position]?.classification) this.#classified += 1;
      }
    }
    return classified;
  }

  #conflict(server: Server, slug: string, named: string): string | undefined {
    const idOwner = this.#ids.get(server.id);
    if (idOwner) {
      return idOwner.reserved
        ? `${named}: has the id of ${idOwner.reserved.label}; ${idOwner.reserved.hint}`
        : `${named}: field "id": repeats the id of the server at ${idOwner.place}`;
    }
    const slugOwner = this.#slugs.get(slug);
    if (!slugOwner) return undefined;
    if (slugOwner.reserved) {
      return `${named}: already uses the URL slug ${JSON.stringify(slug)} of ${slugOwner.reserved.label}; ${slugOwner.reserved.hint}`;
    }
    return `${named}: field "${server.slug ? 'slug' : 'id'}": URL slug ${JSON.stringify(slug)} is already used by server ${JSON.stringify(slugOwner.id)} at ${slugOwner.place}`;
  }
}

/** Short form of a record's place for "… repeats the one at line 3". */
function placeOf(location: RecordLocation): string {
  if (location.line !== undefined) return `line ${location.line}`;
  if (location.index !== undefined) return `servers[${location.index}]`;
  return 'an earlier record';
}
