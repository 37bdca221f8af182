// The parts every /api route schema repeats: its OpenAPI tag, summary and description,
// the standard answers of a create and a delete (API.md §4), and the delete's message.
// Features import this the way they import errors.ts; validation still comes from contract/.
import type { FastifySchema } from 'fastify';
import type { TSchema } from 'typebox';
import { Message } from '../contract';
import type { Executor } from './db/executor';
import { notFound } from './errors';

/**
 * Route options for one tag: `route(summary, description, schema)` gives
 * `{ schema: { tags: [tag], summary, description, ...schema } }`.
 */
export function routesTagged(tag: string) {
  const tags = [tag];
  return <S extends FastifySchema>(summary: string, description: string, schema: S) => ({
    schema: { tags, summary, description, ...schema },
  });
}

/** A create: the new row, 400 for bad or duplicate input, 404 for what it points at. */
export const createdResponses = <T extends TSchema>(row: T) => ({
  201: row,
  400: Message,
  404: Message,
});

/** A delete of your own row: absent and someone else's are one 404. */
export const deletedResponses = { 200: Message, 404: Message };

/** The answer of a delete-your-own route: `Bookmark 3 deleted.`, or a 404 when nothing was. */
export function deletedMessage(noun: string, id: number, deleted: boolean): Message {
  if (!deleted) throw notFound(`${noun} ${id} not found.`);
  return { message: `${noun} ${id} deleted.` };
}

/**
 * The handler of a delete-your-own route: `deleteOwn(db, userId, id)` deletes the row
 * only when it is the user's, and the answer is deletedMessage's.
 */
export const deletesOwn =
  (
    noun: string,
    db: Executor,
    deleteOwn: (db: Executor, userId: number, id: number) => Promise<boolean>,
  ) =>
  async ({ user, params }: { user: { id: number }; params: { id: number } }): Promise<Message> =>
    deletedMessage(noun, params.id, await deleteOwn(db, user.id, params.id));
