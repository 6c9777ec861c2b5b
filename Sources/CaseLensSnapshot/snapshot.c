/* Accessors for the snapshot that the build-generated EmbeddedSnapshot.c defines. */
#include "caselens_snapshot.h"

extern const unsigned char caselens_embedded_snapshot[];
extern const size_t caselens_embedded_snapshot_count;

const unsigned char *caselens_snapshot_bytes(void) { return caselens_embedded_snapshot; }
size_t caselens_snapshot_count(void) { return caselens_embedded_snapshot_count; }
