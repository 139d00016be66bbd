/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * vexfs_ipc_hook - the embeddings the filesystem hook stores with a file.
 *
 * vexfs_ipc_hook.ko watches the directories an administrator names (its
 * "dirs" parameter) and, when a regular file in one is closed after a
 * write, embeds its first max_file_bytes in chunks through vexfs_ipc and
 * stores the vectors with their provenance in the extended attribute
 * VEXFS_HOOK_XATTR of that file. A file written again has the attribute
 * removed at once and written anew when the new vectors arrive, so a
 * reader never sees vectors of older content under the new content.
 *
 * Layout (every integer little-endian): struct vexfs_hook_xattr_header,
 * then @chunks struct vexfs_hook_xattr_chunk, then @chunks vectors of
 * @dimensions float32 each (4 * @dimensions bytes, in chunk order). The
 * whole attribute is at most XATTR_SIZE_MAX (65536) bytes, which bounds
 * @chunks for large @dimensions. A reader checks @magic and @version and
 * skips what it does not know (@header_bytes says where the chunks start).
 */
#ifndef _UAPI_LINUX_VEXFS_HOOK_H
#define _UAPI_LINUX_VEXFS_HOOK_H

#include <linux/types.h>

#define VEXFS_HOOK_XATTR		"trusted.vexfs.embedding"
#define VEXFS_HOOK_XATTR_MAGIC		0x4d455856	/* "VXEM" */
#define VEXFS_HOOK_XATTR_VERSION	1
/* Chunks one file gets at most (the first ones: a longer file is cut, VEXFS_HOOK_F_FILE_CUT). */
#define VEXFS_HOOK_MAX_CHUNKS		64

/* struct vexfs_hook_xattr_header.flags */
#define VEXFS_HOOK_F_FILE_CUT		(1U << 0)	/* the file is longer than what was embedded */
#define VEXFS_HOOK_F_INPUT_TRUNCATED	(1U << 1)	/* a service embedded only a prefix of some chunk */

/**
 * struct vexfs_hook_xattr_header - what the vectors are, and of what
 * @magic:	VEXFS_HOOK_XATTR_MAGIC.
 * @version:	VEXFS_HOOK_XATTR_VERSION.
 * @header_bytes: sizeof(struct vexfs_hook_xattr_header) of the writer.
 * @dimensions:	values per vector.
 * @chunks:	vectors stored, 0..VEXFS_HOOK_MAX_CHUNKS.
 * @data_type:	enum vexfs_ipc_data_type of the vectors (FLOAT32).
 * @flags:	VEXFS_HOOK_F_*.
 * @file_bytes:	bytes of the file that were read and embedded (from 0).
 * @sha256:	SHA-256 of those bytes: what the vectors were made from.
 * @model:	the model that made them (NUL-terminated).
 * @model_version: its version (NUL-terminated).
 * @service_id:	the service that answered (NUL-terminated).
 * @processing_ns: the daemon's time for all chunks together.
 */
struct vexfs_hook_xattr_header {
	__le32 magic;
	__le16 version;
	__le16 header_bytes;
	__le32 dimensions;
	__le16 chunks;
	__u8 data_type;
	__u8 flags;
	__le64 file_bytes;
	__u8 sha256[32];
	char model[64];
	char model_version[32];
	char service_id[64];
	__le64 processing_ns;
};

/**
 * struct vexfs_hook_xattr_chunk - the bytes one vector was made from
 * @offset:	where the chunk starts in the file.
 * @length:	its bytes.
 * @reserved:	zero.
 */
struct vexfs_hook_xattr_chunk {
	__le64 offset;
	__le32 length;
	__le32 reserved;
};

#endif /* _UAPI_LINUX_VEXFS_HOOK_H */
