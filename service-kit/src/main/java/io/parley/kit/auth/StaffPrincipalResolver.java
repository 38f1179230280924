package io.parley.kit.auth;

import io.parley.kit.web.Problem;
import io.parley.security.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a controller method the authenticated {@link StaffPrincipal}. On a path the filter left public there
 * is none, and asking for it is answered {@code 401 auth.required}.
 */
final class StaffPrincipalResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(StaffPrincipal.class);
    }

    @Override
    public StaffPrincipal resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        StaffPrincipal principal = request == null ? null : StaffAuthenticationFilter.currentStaff(request);
        if (principal == null) {
            throw new Problem(HttpStatus.UNAUTHORIZED, "auth.required", "Log in first");
        }
        return principal;
    }
}
