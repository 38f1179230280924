package io.parley.ingest.simulator;

import io.parley.kit.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Outside demo mode the simulator does not exist: every {@code /simulator} path answers {@code 404
 * simulator.disabled} before any of its handlers runs, so neither the page nor the platform stand-in nor the
 * webhook signing can be reached.
 */
@Configuration
class SimulatorGate implements WebMvcConfigurer, HandlerInterceptor {

    private final SimulatorSettings settings;

    SimulatorGate(SimulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/simulator", "/simulator/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!settings.enabled()) {
            throw Problem.notFound("simulator.disabled", "The channel simulator runs only in demo mode");
        }
        return true;
    }
}
