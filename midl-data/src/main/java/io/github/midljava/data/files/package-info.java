/**
 * Finding, downloading and verifying dataset files.
 *
 * <p>Files are looked up in the data root first (it may be read-only, e.g. a shared folder) and
 * then in the cache; a missing file is downloaded into the cache only, through a temporary file
 * that is checked against its known checksum and then atomically moved into place, so no
 * half-written file is ever visible. Every file read is hashed (SHA-256, remembered per path, size
 * and modification time) and checked against the {@code SHA256SUMS} of the folder it lies in, or
 * against the canonical checksum of the distribution.
 */
package io.github.midljava.data.files;
