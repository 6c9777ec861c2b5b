#include "caselens_icu.h"
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>
#include <unicode/utf8.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

struct cl_words { UBreakIterator *bi; UText *ut; };
/* The sentence iterator reads a UTF-16 copy of the text: ICU's UTF-8 UText converts the text
   to UTF-16 a chunk at a time on every access, about a third of the iterator's time. `runs`
   maps the copy's offsets to the UTF-8 bytes: (utf16, byte) pairs at the start and end of each
   run of non-ASCII characters (even index: a run starts; odd: it ended), so that between them,
   in ASCII, one unit is one byte. Runs are cut every `RUN_LIMIT` characters, which bounds the
   decoding needed for an offset inside one. */
struct cl_sentences {
    UBreakIterator *bi; UText *ut;
    const uint8_t *src; int32_t len;
    UChar *u16; int32_t cap16;
    int32_t *runs; int32_t nruns, capruns;
};
enum { RUN_LIMIT = 64 };

cl_words *cl_words_open(int32_t *err) {
    UErrorCode e = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "en", NULL, 0, &e);
    if (U_FAILURE(e)) { *err = (int32_t)e; return NULL; }
    cl_words *w = calloc(1, sizeof *w);
    if (!w) { ubrk_close(bi); *err = -1; return NULL; }
    w->bi = bi;
    *err = 0;
    return w;
}

void cl_words_close(cl_words *w) {
    if (!w) return;
    ubrk_close(w->bi);
    if (w->ut) utext_close(w->ut);
    free(w);
}

static int32_t set_utf8(UBreakIterator *bi, UText **ut, const char *text, int64_t len) {
    UErrorCode e = U_ZERO_ERROR;
    *ut = utext_openUTF8(*ut, text, len, &e);
    if (U_FAILURE(e)) return (int32_t)e;
    ubrk_setUText(bi, *ut, &e);
    return U_FAILURE(e) ? (int32_t)e : 0;
}

int32_t cl_words_set_utf8(cl_words *w, const char *text, int64_t len) {
    return set_utf8(w->bi, &w->ut, text, len);
}

int32_t cl_words_next(cl_words *w, int32_t *start, int32_t *end) {
    int32_t prev = ubrk_current(w->bi);
    for (;;) {
        int32_t next = ubrk_next(w->bi);
        if (next == UBRK_DONE) return -1;
        int32_t status = ubrk_getRuleStatus(w->bi);
        if (status >= UBRK_WORD_NUMBER) { *start = prev; *end = next; return status; }
        prev = next;
    }
}

int32_t cl_words_next_boundary(cl_words *w, int32_t *status) {
    int32_t next = ubrk_next(w->bi);
    if (next == UBRK_DONE) return -1;
    *status = ubrk_getRuleStatus(w->bi);
    return next;
}

cl_sentences *cl_sentences_open(int32_t *err) {
    UErrorCode e = U_ZERO_ERROR;
    /* ss=standard suppresses breaks after abbreviations such as "Mr." and "e.g.". */
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &e);
    if (U_FAILURE(e)) { *err = (int32_t)e; return NULL; }
    cl_sentences *s = calloc(1, sizeof *s);
    if (!s) { ubrk_close(bi); *err = -1; return NULL; }
    s->bi = bi;
    *err = 0;
    return s;
}

void cl_sentences_close(cl_sentences *s) {
    if (!s) return;
    ubrk_close(s->bi);
    if (s->ut) utext_close(s->ut);
    free(s->u16); free(s->runs);
    free(s);
}

static int push_run(cl_sentences *s, int32_t u, int32_t b) {
    if (s->nruns + 2 > s->capruns) {
        int32_t cap = s->capruns ? 2 * s->capruns : 256;
        int32_t *r = realloc(s->runs, (size_t)cap * sizeof *r);
        if (!r) return -1;
        s->runs = r; s->capruns = cap;
    }
    s->runs[s->nruns++] = u; s->runs[s->nruns++] = b;
    return 0;
}

/* One character of the UTF-8 text at byte *i (advanced past it); an ill-formed sequence reads
   as U+FFFD, as in ICU's UTF-8 UText. */
static UChar32 next_char(const cl_sentences *s, int32_t *i) {
    UChar32 c;
    int32_t k = *i;
    U8_NEXT(s->src, k, s->len, c);
    *i = k;
    return c < 0 ? 0xFFFD : c;
}

int32_t cl_sentences_set_utf8(cl_sentences *s, const char *text, int64_t len) {
    if (len < 0 || len >= INT32_MAX) return -1;
    s->src = (const uint8_t *)text; s->len = (int32_t)len; s->nruns = 0;
    /* A UTF-16 text has at most as many units as its UTF-8 form has bytes. */
    if (len + 1 > s->cap16) {
        UChar *u = realloc(s->u16, (size_t)(len + 1) * sizeof *u);
        if (!u) return -1;
        s->u16 = u; s->cap16 = (int32_t)len + 1;
    }
    int32_t i = 0, u = 0, inRun = 0;
    while (i < s->len) {
        uint8_t c = s->src[i];
        if (c < 0x80) {
            if (inRun) { if (push_run(s, u, i)) return -1; inRun = 0; }
            /* Eight bytes at a time while all of them are ASCII. */
            while (i + 8 <= s->len) {
                uint64_t x;
                memcpy(&x, s->src + i, 8);
                if (x & 0x8080808080808080ULL) break;
                for (int k = 0; k < 8; k++) s->u16[u + k] = s->src[i + k];
                i += 8; u += 8;
            }
            while (i < s->len && s->src[i] < 0x80) s->u16[u++] = s->src[i++];
            continue;
        }
        if (inRun == RUN_LIMIT) { if (push_run(s, u, i)) return -1; inRun = 0; }
        if (!inRun && push_run(s, u, i)) return -1;
        inRun++;
        UChar32 x = next_char(s, &i);
        U16_APPEND_UNSAFE(s->u16, u, x);
    }
    if (inRun && push_run(s, u, i)) return -1;
    UErrorCode e = U_ZERO_ERROR;
    s->ut = utext_openUChars(s->ut, s->u16, u, &e);
    if (U_FAILURE(e)) return (int32_t)e;
    ubrk_setUText(s->bi, s->ut, &e);
    return U_FAILURE(e) ? (int32_t)e : 0;
}

/* The last run mark at or before `x`, reading the marks' UTF-16 (which = 0) or byte (which = 1)
   offsets; -1 when there is none. */
static int32_t last_mark(const cl_sentences *s, int32_t x, int which) {
    int32_t lo = 0, hi = s->nruns / 2;
    while (lo < hi) {
        int32_t mid = (lo + hi) / 2;
        if (s->runs[2 * mid + which] <= x) lo = mid + 1; else hi = mid;
    }
    return lo - 1;
}

/* The byte offset of UTF-16 offset `u` (a character boundary). */
static int32_t byte_of(const cl_sentences *s, int32_t u) {
    int32_t k = last_mark(s, u, 0);
    if (k < 0) return u;
    int32_t cu = s->runs[2 * k], cb = s->runs[2 * k + 1];
    if (k % 2 == 1 || u == cu) return cb + (u - cu);
    while (cu < u) cu += U16_LENGTH(next_char(s, &cb));
    return cb;
}

/* The UTF-16 offset of byte `b`, or of the start of the character it is inside. */
static int32_t utf16_of(const cl_sentences *s, int32_t b) {
    int32_t k = last_mark(s, b, 1);
    if (k < 0) return b;
    int32_t cu = s->runs[2 * k], cb = s->runs[2 * k + 1];
    if (k % 2 == 1 || b == cb) return cu + (b - cb);
    for (;;) {
        UChar32 c = next_char(s, &cb);
        if (cb > b) return cu;
        cu += U16_LENGTH(c);
    }
}

int32_t cl_sentences_following(cl_sentences *s, int32_t offset) {
    if (offset < 0 || !s->src || offset >= s->len) return -1;
    int32_t e = ubrk_following(s->bi, utf16_of(s, offset));
    return e == UBRK_DONE ? -1 : byte_of(s, e);
}

int32_t cl_sentences_next(cl_sentences *s) {
    if (!s->src) return -1;
    int32_t e = ubrk_next(s->bi);
    return e == UBRK_DONE ? -1 : byte_of(s, e);
}

int32_t cl_sentences_around(cl_sentences *s, int32_t offset, int32_t *start, int32_t *end) {
    if (offset < 0 || !s->src || offset > s->len) return -1;
    int32_t e = ubrk_following(s->bi, utf16_of(s, offset));
    if (e == UBRK_DONE) return -1;
    /* The boundary before e is the last one at or before offset (what ubrk_preceding(offset + 1)
       gives), read from the iterator's cache rather than by a second seek. */
    int32_t b = ubrk_previous(s->bi);
    if (b == UBRK_DONE) b = 0;
    *start = byte_of(s, b); *end = byte_of(s, e);
    return 0;
}

static const UNormalizer2 *nfkc_cf(void) {
    static const UNormalizer2 *n = NULL;
    if (!n) { UErrorCode e = U_ZERO_ERROR; n = unorm2_getNFKCCasefoldInstance(&e); if (U_FAILURE(e)) n = NULL; }
    return n;
}

int32_t cl_fold_utf8(const char *src, int32_t len, char *dst, int32_t cap) {
    UChar in[256], out[512];
    int32_t n16 = 0;
    UErrorCode e = U_ZERO_ERROR;
    if (len > 200) return -1;
    u_strFromUTF8(in, 256, &n16, src, len, &e);
    if (U_FAILURE(e)) return -1;
    for (int32_t i = 0; i < n16; i++) if (in[i] == 0x2019 || in[i] == 0x2018 || in[i] == 0x02BC) in[i] = '\'';
    const UNormalizer2 *n = nfkc_cf();
    if (!n) return -1;
    int32_t m16 = unorm2_normalize(n, in, n16, out, 512, &e);
    if (U_FAILURE(e)) return -1;
    int32_t n8 = 0;
    u_strToUTF8(dst, cap, &n8, out, m16, &e);
    if (U_FAILURE(e) || n8 > cap) return -1;
    return n8;
}

int32_t cl_starts_upper(const char *src, int32_t len) {
    int32_t i = 0;
    UChar32 c;
    if (len <= 0) return 0;
    U8_NEXT((const uint8_t *)src, i, len, c);
    if (c < 0) return 0;
    return u_isupper(c) || u_istitle(c);
}

const char *cl_icu_version(void) {
    static char buf[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, buf);
    return buf;
}
