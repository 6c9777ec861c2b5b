#include "caselens_icu.h"
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>
#include <unicode/utf8.h>
#include <unicode/ures.h>
#include <unicode/udata.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

struct cl_words { UBreakIterator *bi; UText *ut; };
/* ICU's own sentence iterator: the reference CaseLens's transcription of its rules is tested
   against (`SentenceRules`), not used to check records. */
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

int32_t cl_sentences_next(cl_sentences *s) {
    int32_t e = ubrk_next(s->bi);
    return e == UBRK_DONE ? -1 : e;
}

int32_t cl_sentence_break_class(int32_t c) {
    return u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK);
}

int32_t cl_sentence_exceptions(const char *locale, char *buf, int32_t cap) {
    UErrorCode e = U_ZERO_ERROR;
    UResourceBundle *bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", locale, &e);
    UResourceBundle *exceptions = ures_getByKey(bundle, "exceptions", NULL, &e);
    UResourceBundle *list = ures_getByKey(exceptions, "SentenceBreak", NULL, &e);
    int32_t n = 0;
    while (U_SUCCESS(e) && ures_hasNext(list)) {
        int32_t len16 = 0, len8 = 0;
        const UChar *str = ures_getNextString(list, &len16, NULL, &e);
        if (U_FAILURE(e)) break;
        u_strToUTF8(n < cap ? buf + n : NULL, n < cap ? cap - n : 0, &len8, str, len16, &e);
        if (e == U_BUFFER_OVERFLOW_ERROR || e == U_STRING_NOT_TERMINATED_WARNING) e = U_ZERO_ERROR;
        if (U_FAILURE(e)) break;
        n += len8;
        if (n < cap) buf[n] = '\n';
        n += 1;
    }
    ures_close(list); ures_close(exceptions); ures_close(bundle);
    return U_FAILURE(e) ? -1 : n;
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
