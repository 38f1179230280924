package io.parley.presence;

import io.parley.kit.ParleyServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The presence-service application; its configuration lives in {@code presence-service.yml}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ParleyServiceConfiguration.class)
public class PresenceServiceApplication {

    /** The application as the launcher, the tests and {@link #main} start it. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PresenceServiceApplication.class)
                .properties("spring.config.name=presence-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
