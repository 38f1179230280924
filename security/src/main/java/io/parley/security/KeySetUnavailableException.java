package io.parley.security;

import org.jspecify.annotations.Nullable;

/**
 * The signing keys could not be fetched, so no token can be checked right now. The token itself may be
 * fine: callers answer 503 rather than 401, so a console does not log its user out while presence restarts.
 */
public class KeySetUnavailableException extends InvalidTokenException {

    private static final long serialVersionUID = 1L;

    public KeySetUnavailableException(String reason, @Nullable Throwable cause) {
        super(reason, cause);
    }
}
