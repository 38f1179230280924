package io.parley.ingest.media;

import java.io.Serial;

/** A file over {@link MediaSettings#maxSize()}: it is not kept. */
public class MediaTooLargeException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    MediaTooLargeException(long size, long limit) {
        super("A file of " + size + " bytes is over the limit of " + limit + " bytes");
    }
}
