package io.parley.security;

import org.jspecify.annotations.Nullable;

/** A token that does not prove who the caller is: malformed, wrongly signed, of another issuer, or expired. */
public class InvalidTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String reason) {
        super(reason);
    }

    public InvalidTokenException(String reason, @Nullable Throwable cause) {
        super(reason, cause);
    }

    /** Why the token was refused, for logs; never shown to the caller in detail. */
    public String reason() {
        return getMessage();
    }
}
