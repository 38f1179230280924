package io.parley.presence.availability;

import io.parley.kit.auth.StaffAuthenticationFilter;
import io.parley.security.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every authenticated presence API call counts as the staff member's activity (it keeps them from going IDLE). */
@Configuration(proxyBeanMethods = false)
class ActivityTracking implements WebMvcConfigurer {

    private final StaffPresence presence;

    ActivityTracking(StaffPresence presence) {
        this.presence = presence;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        StaffPrincipal staff = StaffAuthenticationFilter.currentStaff(request);
                        if (staff != null) {
                            presence.recordActivity(staff.staffId());
                        }
                        return true;
                    }
                })
                .addPathPatterns("/api/**");
    }
}
