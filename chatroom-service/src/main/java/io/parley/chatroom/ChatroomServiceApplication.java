package io.parley.chatroom;

import io.parley.kit.ParleyServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The chatroom-service application; its configuration lives in {@code chatroom-service.yml}. */
@SpringBootApplication
@EnableScheduling
@Import(ParleyServiceConfiguration.class)
@EnableConfigurationProperties(ChatroomSettings.class)
public class ChatroomServiceApplication {

    /** The application as the launcher, the tests and {@link #main} start it. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ChatroomServiceApplication.class)
                .properties("spring.config.name=chatroom-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
