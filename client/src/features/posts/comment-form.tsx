// "Add a comment": Enter or Post submits, empty is ignored, focus stays in the field;
// a comment the server refuses comes back into the field.
import { useId, useRef, useState } from 'react';
import type { Post } from '../../../../contract';
import { LIMITS } from '../../../../contract/limits';
import { LimitCounter } from '../../components/form-field';
import { charactersOver } from '../../components/text-limit';
import { newTemporaryCommentId, useAddComment } from './use-post-actions';

export function CommentForm({ post }: { post: Post }) {
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const addComment = useAddComment();
  const inputId = useId();
  const limitId = useId();
  // API.md §4: an over-long comment is refused with a message, never cut.
  const tooLong = charactersOver(text.trim(), LIMITS.commentText) > 0;

  return (
    <form
      className="flex flex-wrap items-center gap-x-2 border-t border-neutral-200 px-4 py-2"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = text.trim();
        if (trimmed !== '' && !tooLong) {
          addComment.mutate(
            { post, text: trimmed, temporaryId: newTemporaryCommentId() },
            // A comment that did not get through comes back into the field, unless
            // something new was typed meanwhile: nothing written is lost.
            { onError: () => setText((current) => (current === '' ? trimmed : current)) },
          );
          setText('');
        }
        inputRef.current?.focus();
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        Add a comment on the post by {post.user.username}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={`Add a comment… (up to ${LIMITS.commentText} characters)`}
        aria-describedby={text === '' ? undefined : limitId}
        aria-invalid={tooLong || undefined}
        autoComplete="off"
        className="min-w-0 flex-1 rounded-md bg-transparent py-2 text-sm placeholder:text-neutral-500 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
      />
      <button
        type="submit"
        disabled={text.trim() === '' || tooLong}
        className="rounded-md px-2 py-1 text-sm font-semibold text-accent hover:text-accent-strong disabled:text-neutral-500 focus-ring"
      >
        Post
      </button>
      {text === '' ? null : (
        <div className="basis-full">
          <LimitCounter id={limitId} text={text.trim()} max={LIMITS.commentText} />
        </div>
      )}
    </form>
  );
}
