package io.parley.kit.testapp;

import io.parley.kit.ParleyServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The smallest Parley service: the service kit and nothing else. Its package holds no other class, so each
 * test adds exactly the beans it needs (subscriptions, controllers) through {@code @SpringBootTest(classes)}.
 */
@SpringBootApplication
@Import(ParleyServiceConfiguration.class)
public class KitTestApplication {}
