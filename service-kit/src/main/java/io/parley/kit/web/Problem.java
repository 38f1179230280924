package io.parley.kit.web;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, with the stable machine-readable {@code code} that clients match on
 * (e.g. {@code enquiry.already-accepted}) and a human-readable title. Thrown by controllers, rendered as
 * {@code application/problem+json} by {@link ProblemAdvice}.
 */
public class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;

    public Problem(HttpStatus status, String code, String title) {
        super(title);
        this.status = status;
        this.code = code;
    }

    public static Problem notFound(String code, String title) {
        return new Problem(HttpStatus.NOT_FOUND, code, title);
    }

    public static Problem conflict(String code, String title) {
        return new Problem(HttpStatus.CONFLICT, code, title);
    }

    public static Problem badRequest(String code, String title) {
        return new Problem(HttpStatus.BAD_REQUEST, code, title);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
