package io.parley.launcher;

/** Parley cannot start for a reason the person running it can fix; the message says what and how, in one line. */
public final class LaunchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
