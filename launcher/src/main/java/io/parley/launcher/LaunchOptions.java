package io.parley.launcher;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to start the suite.
 *
 * @param dataDir where the embedded broker and store keep their data ({@code ./data})
 * @param demo whether to seed the demo data of API.md
 * @param kafkaBootstrap an external Kafka instead of the embedded broker ({@code PARLEY_KAFKA_BOOTSTRAP})
 * @param mongoUri an external MongoDB instead of the embedded store ({@code PARLEY_MONGO_URI})
 * @param ports where everything listens
 * @param extraProperties more Spring properties for every service (tests shorten timeouts with these)
 */
public record LaunchOptions(
        Path dataDir,
        boolean demo,
        @Nullable String kafkaBootstrap,
        @Nullable String mongoUri,
        PortPlan ports,
        Map<String, Object> extraProperties) {

    public LaunchOptions {
        extraProperties = Map.copyOf(extraProperties);
    }

    /** Reads the command line ({@code --demo}) and the environment. */
    public static LaunchOptions from(String[] args, Map<String, String> env) {
        boolean demo = false;
        for (String arg : args) {
            switch (arg) {
                case "--demo" -> demo = true;
                default -> throw new LaunchException("Unknown option '" + arg + "': the launcher knows only --demo.");
            }
        }
        int offset;
        try {
            offset =
                    Integer.parseInt(env.getOrDefault("PARLEY_PORT_OFFSET", "0").trim());
        } catch (NumberFormatException e) {
            throw new LaunchException("PARLEY_PORT_OFFSET must be a whole number, e.g. 100.");
        }
        if (offset < 0 || offset > 30000) {
            throw new LaunchException("PARLEY_PORT_OFFSET must be between 0 and 30000.");
        }
        return new LaunchOptions(
                Path.of(env.getOrDefault("PARLEY_DATA_DIR", "data")),
                demo,
                blankToNull(env.get("PARLEY_KAFKA_BOOTSTRAP")),
                blankToNull(env.get("PARLEY_MONGO_URI")),
                PortPlan.standard(offset),
                Map.of());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
