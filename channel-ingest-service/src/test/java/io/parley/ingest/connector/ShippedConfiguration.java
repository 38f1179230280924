package io.parley.ingest.connector;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Settings as the service's shipped {@code channel-ingest-service.yml} (and the records' defaults) give them. */
public final class ShippedConfiguration {

    private ShippedConfiguration() {}

    public static <T> T bind(String prefix, Class<T> type) {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader()
                    .load("shipped", new ClassPathResource("channel-ingest-service.yml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate(prefix, type);
    }
}
