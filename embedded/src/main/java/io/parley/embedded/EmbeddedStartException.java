package io.parley.embedded;

/**
 * An embedded part could not start for a reason the person running Parley can fix; the message is one
 * sentence saying what is wrong and what to do.
 */
public final class EmbeddedStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
