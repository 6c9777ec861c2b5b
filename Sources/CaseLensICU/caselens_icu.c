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
#include <string.h>

struct cl_words { UBreakIterator *bi; UText *ut; };
struct cl_sentences { UBreakIterator *bi; UText *ut; };

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
    free(s);
}

int32_t cl_sentences_set_utf8(cl_sentences *s, const char *text, int64_t len) {
    return set_utf8(s->bi, &s->ut, text, len);
}

int32_t cl_sentences_around(cl_sentences *s, int32_t offset, int32_t *start, int32_t *end) {
    if (offset < 0) return -1;
    int32_t e = ubrk_following(s->bi, offset);
    if (e == UBRK_DONE) return -1;
    /* The boundary before e is the last one at or before offset (what ubrk_preceding(offset + 1)
       gives), read from the iterator's cache rather than by a second seek. */
    int32_t b = ubrk_previous(s->bi);
    if (b == UBRK_DONE) b = 0;
    *start = b; *end = e;
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
