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
            case "load" -> io.parley.bench.load.LoadBench.main(args);
            case "capacity" -> io.parley.bench.load.CapacityBench.main(args);
            case "webhooks" -> io.parley.bench.load.WebhookBench.main(args);
            default -> {
                System.err.println("parley bench: unknown benchmark '" + name
                        + "'; known: routing, journey, email, load, capacity, webhooks");
                System.exit(1);
            }
        }
    }
}
