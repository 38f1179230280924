package io.parley.routing;

import io.parley.kit.ParleyServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The routing-service application; its configuration lives in {@code routing-service.yml}. */
@SpringBootApplication
@Import(ParleyServiceConfiguration.class)
public class RoutingServiceApplication {

    /** The application as the launcher, the tests and {@link #main} start it. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(RoutingServiceApplication.class)
                .properties("spring.config.name=routing-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
