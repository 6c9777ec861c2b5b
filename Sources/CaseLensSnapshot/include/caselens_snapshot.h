/* CaseLensSnapshot: the compiled built-in lexicon, embedded in the binary as raw bytes.
 * `lexicon-embed` writes the snapshot at build time and a C file that includes it with #embed
 * (see Plugins/EmbedLexicons), so the bytes sit in the binary's read-only data, aligned, and
 * `caselens` reads the automaton's tables in place instead of decoding or copying them. */
#ifndef CASELENS_SNAPSHOT_H
#define CASELENS_SNAPSHOT_H
#include <stddef.h>

/* The snapshot's first byte (64-byte aligned); valid and unchanged for the life of the process. */
const unsigned char *caselens_snapshot_bytes(void);
/* The snapshot's length in bytes. */
size_t caselens_snapshot_count(void);

#endif
