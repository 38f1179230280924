package io.parley.kit.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code parley-service-defaults.properties} as the lowest-precedence property source of every Parley
 * application: virtual threads, graceful shutdown, health and Prometheus on the management port, event ids
 * in log lines. A service's own file, the environment and the launcher override any of them.
 */
public class ParleyServiceDefaults implements EnvironmentPostProcessor {

    static final String NAME = "parley-service-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource(NAME, new ClassPathResource(NAME + ".properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
