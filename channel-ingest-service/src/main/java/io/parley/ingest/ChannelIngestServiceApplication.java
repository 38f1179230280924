package io.parley.ingest;

import io.parley.kit.ParleyServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The channel-ingest-service application; its configuration lives in {@code channel-ingest-service.yml}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ParleyServiceConfiguration.class)
public class ChannelIngestServiceApplication {

    /** The application as the launcher, the tests and {@link #main} start it. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ChannelIngestServiceApplication.class)
                .properties("spring.config.name=channel-ingest-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
