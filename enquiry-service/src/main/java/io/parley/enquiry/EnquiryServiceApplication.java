package io.parley.enquiry;

import io.parley.kit.ParleyServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The enquiry-service application; its configuration lives in {@code enquiry-service.yml}. */
@SpringBootApplication
@EnableScheduling
@Import(ParleyServiceConfiguration.class)
public class EnquiryServiceApplication {

    /** The application as the launcher, the tests and {@link #main} start it. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(EnquiryServiceApplication.class)
                .properties("spring.config.name=enquiry-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
