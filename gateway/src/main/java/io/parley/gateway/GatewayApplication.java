package io.parley.gateway;

import io.parley.gateway.routes.GatewayProperties;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The gateway application; its configuration lives in {@code gateway.yml}. */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    /** The application as the launcher, the tests and {@link #main} start it. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=gateway");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
