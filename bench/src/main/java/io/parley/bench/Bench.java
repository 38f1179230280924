package io.parley.bench;

/** {@code ./parley bench <name>}: runs one benchmark and prints its figures. */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        String name = args.length == 0 ? "routing" : args[0];
        switch (name) {
            case "routing" -> RoutingBench.main(args);
            case "journey" -> JourneyBench.main(args);
            case "email" -> EmailBench.main(args);
            default -> {
                System.err.println("parley bench: unknown benchmark '" + name + "'; known: routing, journey");
                System.exit(1);
            }
        }
    }
}
