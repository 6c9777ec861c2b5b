/* CaseLensICU: the only code that sees ICU. This header is ICU-free on purpose (opaque handles,
 * byte offsets), so Swift modules that import Foundation never load a second set of ICU headers.
 * All offsets are UTF-8 byte offsets into the caller's buffer. */
#ifndef CASELENS_ICU_H
#define CASELENS_ICU_H
#include <stdint.h>

/* A word-break iterator (ICU UBRK_WORD) over a UTF-8 buffer. */
typedef struct cl_words cl_words;
/* Opens a word iterator; NULL on failure with *err set to the ICU error code. */
cl_words *cl_words_open(int32_t *err);
void cl_words_close(cl_words *w);
/* Points the iterator at `text[0..<len]` (not copied: keep it alive). 0 on success. */
int32_t cl_words_set_utf8(cl_words *w, const char *text, int64_t len);
/* Next word-like segment (ICU rule status >= 100: letters, numbers, kana, ideographs).
 * Returns the rule status and sets [*start, *end), or -1 when there are no more words. */
int32_t cl_words_next(cl_words *w, int32_t *start, int32_t *end);
/* Every segment boundary, words and non-words alike: for tests that compare tokenisers.
 * Returns the next boundary after the current one and its rule status, or -1 at the end. */
int32_t cl_words_next_boundary(cl_words *w, int32_t *status);

/* ICU's sentence-break iterator (English, with abbreviation suppressions): the reference that
 * CaseLens's own reading of the same rules is tested against. */
typedef struct cl_sentences cl_sentences;
cl_sentences *cl_sentences_open(int32_t *err);
void cl_sentences_close(cl_sentences *s);
/* Points the iterator at `text[0..<len]` (not copied: keep it alive while the iterator is used).
 * 0 on success. */
int32_t cl_sentences_set_utf8(cl_sentences *s, const char *text, int64_t len);
/* The next boundary (a byte offset), or -1 at the end. */
int32_t cl_sentences_next(cl_sentences *s);

/* The Unicode Sentence_Break property of code point `c`, numbered as ICU's USentenceBreak. */
int32_t cl_sentence_break_class(int32_t c);
/* ICU's list of abbreviations after which `locale`'s sentence iterator suppresses a break
 * ("Mr.", "U.S."), written to `buf` as UTF-8, each followed by a newline. Returns the length the
 * whole list needs (only what fits in `cap` is written), or -1 on error. */
int32_t cl_sentence_exceptions(const char *locale, char *buf, int32_t cap);

/* Unicode case folding (NFKC_Casefold) of `src[0..<len]` into `dst` (capacity `cap`), with
 * curly apostrophes and single quotes mapped to '. Returns the folded length in bytes, or
 * -1 if it does not fit or the input is not valid UTF-8. */
int32_t cl_fold_utf8(const char *src, int32_t len, char *dst, int32_t cap);

/* 1 if the first character of `src[0..<len]` is an upper-case or title-case letter. */
int32_t cl_starts_upper(const char *src, int32_t len);

/* The ICU version string, e.g. "72.1". */
const char *cl_icu_version(void);
#endif
