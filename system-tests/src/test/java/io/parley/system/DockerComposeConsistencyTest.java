package io.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks the Docker Compose deployment ({@code docker-compose.yml}, the modules' Dockerfiles and
 * {@code .dockerignore} files, the Prometheus and Grafana configuration under {@code ops/}) against the code: the
 * module list of the root pom and each service's Spring configuration.
 *
 * <p>No Docker engine runs where Parley is built and tested, so the deployment cannot be started by a test. It is
 * kept correct by construction instead, and this test fails as soon as code and deployment drift apart: a new
 * service module, a changed port, a gateway route or datasource naming the wrong service, a missing mounted file.
 */
class DockerComposeConsistencyTest {

    /** Surefire runs the tests of this module with {@code system-tests} as the working directory. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final String GATEWAY = "gateway";
    private static final Pattern GATEWAY_ROUTE = Pattern.compile("PARLEY_GATEWAY_([A-Z0-9]+)_(URI|MANAGEMENTURI)");
    private static final Pattern PORT_PLACEHOLDER_DEFAULT = Pattern.compile("\\$\\{[^:}]+:(\\d+)}");
    private static final Pattern HEALTHCHECK_PORT = Pattern.compile("/dev/tcp/(?:127\\.0\\.0\\.1|localhost)/(\\d+)");
    private static final List<String> ROOT_USERS = List.of("root", "0", "root:root", "0:0");

    private final Element rootPom = rootPom();
    private final List<String> serviceModules = serviceModules(rootPom);
    private final String version = childText(rootPom, "version");
    private final Map<String, Object> services =
            mapping(loadYaml(ROOT.resolve("docker-compose.yml")).get("services"));

    /** A module's ports as its Spring configuration sets them. */
    record Ports(int server, int management) {}

    /** One Dockerfile instruction, continuation lines joined. */
    record Instruction(String keyword, String arguments) {}

    /** A bind mount from the repository into a container. */
    record BindMount(String service, String source, String target) {}

    /** One target of a Prometheus scrape job. */
    record ScrapeTarget(String job, String metricsPath, String address) {}

    @Test
    void everyServiceModuleHasAComposeServiceBuildingItsExecutableJar() {
        // given
        assertThat(serviceModules).as("service modules in the root pom").isNotEmpty();

        for (var module : serviceModules) {
            // when
            var service = service(module);
            var expectedJar = "target/%s-%s-exec.jar".formatted(module, version);
            var plainJar = "target/%s-%s.jar".formatted(module, version);
            var copies = dockerfile(module).stream()
                    .filter(instruction -> List.of("COPY", "ADD").contains(instruction.keyword()))
                    .map(instruction -> words(instruction.arguments()))
                    .toList();

            // then
            assertThat(buildContext(service))
                    .as("build context of compose service %s", module)
                    .isEqualTo(ROOT.resolve(module).normalize());
            assertThat(copies)
                    .as("files %s/Dockerfile copies into the image", module)
                    .containsExactly(List.of(expectedJar, "/app/app.jar"));
            assertThat(inBuildContext(module, expectedJar))
                    .as("%s/.dockerignore keeps %s", module, expectedJar)
                    .isTrue();
            assertThat(Stream.of("pom.xml", "src/main/java", "target/classes", plainJar))
                    .as("%s/.dockerignore keeps only the executable jar", module)
                    .noneMatch(path -> inBuildContext(module, path));
        }
    }

    @Test
    void dockerfilesExposeTheServerAndManagementPortsFromTheSpringConfig() {
        assertThat(serviceModules).as("service modules in the root pom").isNotEmpty();

        for (var module : serviceModules) {
            // given
            var ports = springPorts(module);

            // when
            var exposed = dockerfile(module).stream()
                    .filter(instruction -> instruction.keyword().equals("EXPOSE"))
                    .flatMap(instruction -> words(instruction.arguments()).stream())
                    .map(port -> Integer.valueOf(port.replaceFirst("/tcp$", "")))
                    .toList();

            // then
            assertThat(exposed)
                    .as("EXPOSE of %s/Dockerfile", module)
                    .containsExactlyInAnyOrder(ports.server(), ports.management());
        }
    }

    @Test
    void dockerfilesRunTheJarAsANonRootUser() {
        assertThat(serviceModules).as("service modules in the root pom").isNotEmpty();

        for (var module : serviceModules) {
            // given
            var instructions = dockerfile(module);

            // when
            var users = instructions.stream()
                    .filter(instruction -> instruction.keyword().equals("USER"))
                    .map(Instruction::arguments)
                    .toList();
            var entrypoint = instructions.stream()
                    .filter(instruction -> instruction.keyword().equals("ENTRYPOINT"))
                    .map(instruction -> words(instruction.arguments()))
                    .toList();

            // then
            assertThat(users).as("USER of %s/Dockerfile", module).isNotEmpty();
            assertThat(users.getLast()).as("USER of %s/Dockerfile", module).isNotIn(ROOT_USERS);
            assertThat(entrypoint).as("ENTRYPOINT of %s/Dockerfile", module).hasSize(1);
            assertThat(entrypoint.getFirst())
                    .as("ENTRYPOINT of %s/Dockerfile", module)
                    .startsWith("java")
                    .endsWith("-jar", "/app/app.jar");
        }
    }

    @Test
    void prometheusScrapesEveryServiceManagementPortUnderItsComposeNameAndNothingElse() {
        // given
        var expected = serviceModules.stream()
                .map(module -> new ScrapeTarget(
                        module,
                        "/actuator/prometheus",
                        module + ":" + springPorts(module).management()))
                .toList();
        assertThat(expected).as("service modules in the root pom").isNotEmpty();
        var prometheus = serviceWithImage("prom/prometheus:");
        var config = loadYaml(bindMountSource(prometheus, "/etc/prometheus/prometheus.yml"));

        // when
        var targets = new ArrayList<ScrapeTarget>();
        for (var job : sequence(config.get("scrape_configs"))) {
            var scrapeConfig = mapping(job);
            var name = String.valueOf(scrapeConfig.get("job_name"));
            var metricsPath = String.valueOf(scrapeConfig.getOrDefault("metrics_path", "/metrics"));
            for (var staticConfig : sequence(scrapeConfig.get("static_configs"))) {
                for (var address : sequence(mapping(staticConfig).get("targets"))) {
                    targets.add(new ScrapeTarget(name, metricsPath, String.valueOf(address)));
                }
            }
        }

        // then
        assertThat(targets).as("Prometheus scrape targets").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void onlyTheGatewayPublishesAHostPortAndItIsItsServerPort() {
        // given
        assertThat(serviceModules).as("service modules in the root pom").contains(GATEWAY);

        for (var module : serviceModules) {
            // when
            var published = publishedContainerPorts(service(module));

            // then
            if (module.equals(GATEWAY)) {
                assertThat(published)
                        .as("container ports the gateway publishes")
                        .containsExactly(springPorts(GATEWAY).server());
            } else {
                assertThat(published).as("container ports %s publishes", module).isEmpty();
            }
        }
    }

    @Test
    void gatewayRoutesNameComposeServicesAndTheirConfiguredPorts() {
        // given
        var environment = environment(service(GATEWAY));
        var backends = backendModules();
        assertThat(backends).as("service modules behind the gateway").isNotEmpty();

        // when
        var routes = environment.entrySet().stream()
                .filter(variable -> GATEWAY_ROUTE.matcher(variable.getKey()).matches())
                .toList();

        // then
        assertThat(routes).as("PARLEY_GATEWAY_* routes of the gateway").isNotEmpty();
        for (var route : routes) {
            var uri = URI.create(route.getValue());
            var managementRoute = route.getKey().endsWith("_MANAGEMENTURI");
            assertThat(uri.getScheme()).as(route.getKey()).isEqualTo("http");
            assertThat(services.keySet())
                    .as("compose service named by %s", route.getKey())
                    .contains(uri.getHost());
            assertThat(backends)
                    .as("service module named by %s", route.getKey())
                    .contains(uri.getHost());
            var ports = springPorts(uri.getHost());
            assertThat(uri.getPort())
                    .as("port of %s", route.getKey())
                    .isEqualTo(managementRoute ? ports.management() : ports.server());
        }
        for (var backend : backends) {
            var prefix = "PARLEY_GATEWAY_" + routeName(backend);
            var ports = springPorts(backend);
            assertThat(environment)
                    .as("gateway routes to %s", backend)
                    .containsEntry(prefix + "_URI", "http://%s:%d".formatted(backend, ports.server()))
                    .containsEntry(prefix + "_MANAGEMENTURI", "http://%s:%d".formatted(backend, ports.management()));
        }
    }

    @Test
    void gatewayStartsOnceEveryServiceItRoutesToIsHealthy() {
        // given
        var backends = backendModules();
        assertThat(backends).as("service modules behind the gateway").isNotEmpty();

        // when
        var dependencies = dependsOn(service(GATEWAY));

        // then
        for (var backend : backends) {
            assertThat(dependencies).as("gateway depends_on").containsEntry(backend, "service_healthy");
        }
    }

    @Test
    void servicesThatNeedKafkaAndMongoGetTheComposeBrokerAndReplicaSet() {
        // given
        var kafka = serviceWithImage("apache/kafka:");
        var mongo = serviceWithImage("mongo:");
        var advertisedListeners = Arrays.stream(environment(service(kafka))
                        .getOrDefault("KAFKA_ADVERTISED_LISTENERS", "")
                        .split(","))
                .filter(listener -> listener.contains("://"))
                .map(listener -> listener.substring(listener.indexOf("://") + 3))
                .toList();
        var replicaSet = replicaSetName(service(mongo));
        var backends = backendModules();
        assertThat(backends).as("service modules that need Kafka and MongoDB").isNotEmpty();

        for (var backend : backends) {
            // when
            var service = service(backend);
            var environment = environment(service);

            // then
            assertThat(environment).as("environment of %s", backend).containsKeys("PARLEY_KAFKA_BOOTSTRAP");
            var bootstrap = List.of(environment.get("PARLEY_KAFKA_BOOTSTRAP").split(","));
            assertThat(bootstrap)
                    .as("PARLEY_KAFKA_BOOTSTRAP of %s in the advertised listeners of %s", backend, kafka)
                    .isNotEmpty()
                    .isSubsetOf(advertisedListeners);
            assertThat(bootstrap)
                    .as("PARLEY_KAFKA_BOOTSTRAP of %s names the %s service", backend, kafka)
                    .allMatch(address -> address.startsWith(kafka + ":"));

            assertThat(environment).as("environment of %s", backend).containsKeys("PARLEY_MONGO_URI");
            var mongoUri = URI.create(environment.get("PARLEY_MONGO_URI"));
            assertThat(mongoUri.getScheme())
                    .as("PARLEY_MONGO_URI of %s", backend)
                    .isEqualTo("mongodb");
            assertThat(mongoUri.getHost()).as("PARLEY_MONGO_URI of %s", backend).isEqualTo(mongo);
            assertThat(mongoUri.getPort()).as("PARLEY_MONGO_URI of %s", backend).isIn(-1, 27017);
            assertThat(mongoUri.getQuery())
                    .as("PARLEY_MONGO_URI of %s", backend)
                    .containsPattern("(^|&)replicaSet=" + Pattern.quote(replicaSet) + "(&|$)");

            assertThat(dependsOn(service))
                    .as("depends_on of %s", backend)
                    .containsEntry(kafka, "service_healthy")
                    .containsEntry(mongo, "service_healthy");
        }
    }

    @Test
    void parleyHealthchecksProbeActuatorHealthOnTheManagementPort() {
        assertThat(serviceModules).as("service modules in the root pom").isNotEmpty();

        for (var module : serviceModules) {
            // given
            var managementPort = springPorts(module).management();

            // when
            var service = service(module);
            assertThat(service.keySet())
                    .as("keys of compose service %s", module)
                    .contains("healthcheck");
            var healthcheck = mapping(service.get("healthcheck"));
            var command = String.join(
                    " ",
                    sequence(healthcheck.get("test")).stream()
                            .map(String::valueOf)
                            .toList());
            var probedPort = HEALTHCHECK_PORT.matcher(command);

            // then
            assertThat(probedPort.find())
                    .as("healthcheck of %s opens /dev/tcp: %s", module, command)
                    .isTrue();
            assertThat(Integer.parseInt(probedPort.group(1)))
                    .as("port the healthcheck of %s probes", module)
                    .isEqualTo(managementPort);
            assertThat(command).as("healthcheck of %s", module).contains("GET /actuator/health ");
        }
    }

    @Test
    void everyOpsFileMountedIntoAContainerExists() {
        // given
        var mounts = bindMounts();

        // when
        var opsMounts = mounts.stream()
                .filter(mount -> Path.of(mount.source()).normalize().startsWith("ops"))
                .toList();

        // then
        assertThat(opsMounts).as("bind mounts from ./ops").isNotEmpty();
        assertThat(opsMounts)
                .allSatisfy(mount -> assertThat(ROOT.resolve(mount.source()).normalize())
                        .as("%s mounted into %s at %s", mount.source(), mount.service(), mount.target())
                        .exists());
    }

    @Test
    void grafanaUsesTheComposePrometheusAndTheMountedDashboardsFolder() {
        // given
        var grafana = serviceWithImage("grafana/grafana:");
        var prometheus = serviceWithImage("prom/prometheus:");
        var datasourceFiles = yamlFilesIn(bindMountSource(grafana, "/etc/grafana/provisioning/datasources"));
        var providerFiles = yamlFilesIn(bindMountSource(grafana, "/etc/grafana/provisioning/dashboards"));

        // when
        var datasources = datasourceFiles.stream()
                .flatMap(file -> sequence(loadYaml(file).get("datasources")).stream())
                .map(DockerComposeConsistencyTest::mapping)
                .toList();
        var dashboardPaths = providerFiles.stream()
                .flatMap(file -> sequence(loadYaml(file).get("providers")).stream())
                .map(provider ->
                        String.valueOf(mapping(mapping(provider).get("options")).get("path")))
                .toList();

        // then
        assertThat(datasources)
                .as("Grafana datasources")
                .anySatisfy(datasource -> assertThat(datasource)
                        .containsEntry("uid", "prometheus")
                        .containsEntry("type", "prometheus")
                        .containsEntry("url", "http://" + prometheus + ":9090")
                        .containsEntry("isDefault", true));
        assertThat(dashboardPaths).as("Grafana dashboard provider paths").isNotEmpty();
        for (var path : dashboardPaths) {
            assertThat(bindMountSource(grafana, path))
                    .as("folder mounted at %s", path)
                    .isDirectory();
        }
    }

    // --- the code: root pom and Spring configuration ---

    private static Element rootPom() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder()
                    .parse(ROOT.resolve("pom.xml").toFile())
                    .getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot parse the root pom.xml", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> serviceModules(Element rootPom) {
        return childElements(rootPom, "modules").stream()
                .flatMap(modules -> childElements(modules, "module").stream())
                .map(module -> module.getTextContent().strip())
                .filter(module -> module.endsWith("-service") || module.equals(GATEWAY))
                .toList();
    }

    private static List<Element> childElements(Element parent, String name) {
        var children = new ArrayList<Element>();
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && child.getNodeName().equals(name)) {
                children.add((Element) child);
            }
        }
        return children;
    }

    private static String childText(Element parent, String name) {
        var children = childElements(parent, name);
        assertThat(children).as("<%s> of the root pom", name).hasSize(1);
        return children.getFirst().getTextContent().strip();
    }

    private List<String> backendModules() {
        return serviceModules.stream().filter(module -> !module.equals(GATEWAY)).toList();
    }

    /** The gateway's name for a service: {@code channel-ingest-service} is {@code CHANNELINGEST}. */
    private static String routeName(String module) {
        return module.replaceFirst("-service$", "").replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** Reads {@code server.port} and {@code management.server.port} from {@code <m>/src/main/resources/<m>.yml}. */
    private static Ports springPorts(String module) {
        var config = ROOT.resolve(module).resolve("src/main/resources").resolve(module + ".yml");
        assertThat(config).as("Spring configuration of %s", module).isRegularFile();
        var documents = new ArrayList<Map<String, Object>>();
        try (var reader = Files.newBufferedReader(config)) {
            for (var document : new Yaml().loadAll(reader)) {
                // Profile-specific documents do not apply to the container, which runs without profiles.
                if (document instanceof Map<?, ?> map
                        && property(mapping(map), "spring.config.activate").isEmpty()) {
                    documents.add(mapping(map));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Ports(port(documents, "server.port", config), port(documents, "management.server.port", config));
    }

    private static int port(List<Map<String, Object>> documents, String key, Path config) {
        var value = documents.stream()
                .map(document -> property(document, key))
                .flatMap(Optional::stream)
                .reduce((earlier, later) -> later);
        assertThat(value).as("%s in %s", key, config).isPresent();
        var text = String.valueOf(value.orElseThrow()).strip();
        var placeholder = PORT_PLACEHOLDER_DEFAULT.matcher(text);
        if (placeholder.matches()) {
            text = placeholder.group(1);
        }
        assertThat(text).as("%s in %s", key, config).matches("\\d+");
        return Integer.parseInt(text);
    }

    /** Looks a Spring property up by its dotted name, in nested or flat YAML. */
    private static Optional<Object> property(Map<String, Object> document, String key) {
        if (document.containsKey(key)) {
            return Optional.ofNullable(document.get(key));
        }
        for (var dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
            if (document.get(key.substring(0, dot)) instanceof Map<?, ?> nested) {
                var found = property(mapping(nested), key.substring(dot + 1));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    // --- the deployment: compose file, Dockerfiles, mounted files ---

    private Map<String, Object> service(String name) {
        assertThat(services.keySet()).as("docker-compose.yml services").contains(name);
        return mapping(services.get(name));
    }

    private String serviceWithImage(String imagePrefix) {
        var names = services.entrySet().stream()
                .filter(service ->
                        String.valueOf(mapping(service.getValue()).get("image")).startsWith(imagePrefix))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(names).as("compose services running %s*", imagePrefix).hasSize(1);
        return names.getFirst();
    }

    private static Path buildContext(Map<String, Object> service) {
        var context = switch (service.get("build")) {
            case String path -> path;
            case Map<?, ?> build -> String.valueOf(build.get("context"));
            case null -> "(no build)";
            default -> "(unsupported build: %s)".formatted(service.get("build"));
        };
        return ROOT.resolve(context).normalize();
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        var environment = new LinkedHashMap<String, String>();
        switch (service.get("environment")) {
            case null -> {}
            case Map<?, ?> map ->
                map.forEach((name, value) ->
                        environment.put(String.valueOf(name), value == null ? "" : String.valueOf(value)));
            case List<?> list ->
                list.stream().map(String::valueOf).forEach(variable -> {
                    var equals = variable.indexOf('=');
                    environment.put(
                            equals < 0 ? variable : variable.substring(0, equals),
                            equals < 0 ? "" : variable.substring(equals + 1));
                });
            default -> throw new AssertionError("unsupported environment: " + service.get("environment"));
        }
        return environment;
    }

    /** Maps each service this one depends on to the condition it waits for. */
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        var dependencies = new LinkedHashMap<String, String>();
        switch (service.get("depends_on")) {
            case null -> {}
            case List<?> list -> list.forEach(name -> dependencies.put(String.valueOf(name), "service_started"));
            case Map<?, ?> map ->
                map.forEach((name, options) -> dependencies.put(
                        String.valueOf(name),
                        String.valueOf(mapping(options).getOrDefault("condition", "service_started"))));
            default -> throw new AssertionError("unsupported depends_on: " + service.get("depends_on"));
        }
        return dependencies;
    }

    /** The container side of each published port: {@code "8080:8080"}, {@code "127.0.0.1:80:8080/tcp"}, long syntax. */
    private static List<Integer> publishedContainerPorts(Map<String, Object> service) {
        return sequence(service.get("ports")).stream()
                .map(port -> switch (port) {
                    case Map<?, ?> longSyntax -> String.valueOf(longSyntax.get("target"));
                    default -> {
                        var shortSyntax = String.valueOf(port).replaceFirst("/(tcp|udp)$", "");
                        yield shortSyntax.substring(shortSyntax.lastIndexOf(':') + 1);
                    }
                })
                .map(Integer::valueOf)
                .toList();
    }

    private static String replicaSetName(Map<String, Object> mongo) {
        var command = switch (mongo.get("command")) {
            case List<?> list -> list.stream().map(String::valueOf).toList();
            case String line -> List.of(line.strip().split("\\s+"));
            case null, default -> List.<String>of();
        };
        for (var i = 0; i < command.size(); i++) {
            if (command.get(i).startsWith("--replSet=")) {
                return command.get(i).substring("--replSet=".length());
            }
            if (command.get(i).equals("--replSet") && i + 1 < command.size()) {
                return command.get(i + 1);
            }
        }
        throw new AssertionError("mongo command names no --replSet: " + command);
    }

    private List<BindMount> bindMounts() {
        var mounts = new ArrayList<BindMount>();
        services.forEach((name, service) -> {
            for (var volume : sequence(mapping(service).get("volumes"))) {
                switch (volume) {
                    case Map<?, ?> longSyntax
                    when "bind".equals(longSyntax.get("type")) ->
                        mounts.add(new BindMount(
                                name,
                                String.valueOf(longSyntax.get("source")),
                                String.valueOf(longSyntax.get("target"))));
                    case String shortSyntax
                    when shortSyntax.startsWith(".") || shortSyntax.startsWith("/") -> {
                        var parts = shortSyntax.split(":");
                        mounts.add(new BindMount(name, parts[0], parts.length > 1 ? parts[1] : parts[0]));
                    }
                    default -> {} // named volume
                }
            }
        });
        return mounts;
    }

    /** The repository path a compose service mounts at {@code containerPath}. */
    private Path bindMountSource(String service, String containerPath) {
        var sources = bindMounts().stream()
                .filter(mount ->
                        mount.service().equals(service) && mount.target().equals(containerPath))
                .map(mount -> ROOT.resolve(mount.source()).normalize())
                .toList();
        assertThat(sources)
                .as("bind mounts of %s at %s", service, containerPath)
                .hasSize(1);
        return sources.getFirst();
    }

    private static List<Instruction> dockerfile(String module) {
        var file = ROOT.resolve(module).resolve("Dockerfile");
        assertThat(file).as("Dockerfile of %s", module).isRegularFile();
        var instructions = new ArrayList<Instruction>();
        var logicalLine = new StringBuilder();
        for (var line : readLines(file)) {
            var text = line.strip();
            if (text.startsWith("#")) {
                continue;
            }
            if (text.endsWith("\\")) {
                logicalLine.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            var instruction = logicalLine.append(text).toString().strip();
            logicalLine.setLength(0);
            if (!instruction.isEmpty()) {
                var parts = instruction.split("\\s+", 2);
                instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
            }
        }
        return instructions;
    }

    /** Arguments of an instruction in shell or JSON form, without {@code --flag}s. */
    private static List<String> words(String arguments) {
        var text = arguments.strip();
        var words = text.startsWith("[")
                ? Arrays.stream(text.substring(1, text.lastIndexOf(']')).split(","))
                        .map(word -> word.strip().replaceAll("^\"|\"$", ""))
                : Arrays.stream(text.split("\\s+"));
        return words.filter(word -> !word.isEmpty() && !word.startsWith("--")).toList();
    }

    /**
     * Whether {@code path} (relative to the module) reaches the Docker build context: the last {@code .dockerignore}
     * pattern matching the path or one of its parent folders decides, {@code !} re-includes.
     */
    private static boolean inBuildContext(String module, String path) {
        var dockerignore = ROOT.resolve(module).resolve(".dockerignore");
        assertThat(dockerignore).as(".dockerignore of %s", module).isRegularFile();
        var included = true;
        for (var line : readLines(dockerignore)) {
            var pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            var exception = pattern.startsWith("!");
            var glob = FileSystems.getDefault().getPathMatcher("glob:" + (exception ? pattern.substring(1) : pattern));
            for (var candidate = Path.of(path); candidate != null; candidate = candidate.getParent()) {
                if (glob.matches(candidate)) {
                    included = exception;
                    break;
                }
            }
        }
        return included;
    }

    private static List<Path> yamlFilesIn(Path folder) {
        assertThat(folder).as("mounted provisioning folder").isDirectory();
        try (var files = Files.list(folder)) {
            var yamlFiles = files.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
            assertThat(yamlFiles).as("YAML files in %s", folder).isNotEmpty();
            return yamlFiles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- YAML and file plumbing ---

    private static Map<String, Object> loadYaml(Path file) {
        assertThat(file).as("YAML file").isRegularFile();
        try (var reader = Files.newBufferedReader(file)) {
            Object document = new Yaml().load(reader);
            return mapping(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> mapping(Object value) {
        assertThat(value).as("YAML mapping").isInstanceOf(Map.class);
        var mapping = new LinkedHashMap<String, Object>();
        ((Map<?, ?>) value).forEach((key, entry) -> mapping.put(String.valueOf(key), entry));
        return mapping;
    }

    private static List<Object> sequence(Object value) {
        if (value == null) {
            return List.of();
        }
        assertThat(value).as("YAML sequence").isInstanceOf(List.class);
        return new ArrayList<Object>((List<?>) value);
    }
}
