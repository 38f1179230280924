package io.parley.ingest.account;

import io.parley.events.Channel;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What each channel's accounts keep, in one table: the secret and setting names its connector reads, which
 * of them an enabled account must have, and whether it needs a {@code platformBaseUrl} (a third party's
 * callback URL). The names are those the connectors already read ({@code appSecret}, {@code
 * channelAccessToken}, …); the web channel has no accounts (it has widgets and links).
 *
 * @param secrets every secret name the channel knows
 * @param requiredSecrets the secrets an enabled account must have
 * @param settings every non-secret setting name the channel knows
 * @param requiredSettings the settings an enabled account must have
 * @param needsPlatformBaseUrl whether an enabled account must name its platform URL
 */
public record ChannelFields(
        Set<String> secrets,
        Set<String> requiredSecrets,
        Set<String> settings,
        Set<String> requiredSettings,
        boolean needsPlatformBaseUrl) {

    /** A third-party account sends its welcome message only with this setting {@code "true"}. */
    public static final String WELCOME_ENABLED = "welcomeEnabled";

    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern BOOLEAN = Pattern.compile("true|false");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}");
    private static final Pattern WECHAT_APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9+/]{43}");

    private static final Map<Channel, ChannelFields> TABLE = table();

    /** The rules that a value of a setting or secret must follow beyond its length, with what they say. */
    private static final Map<String, Rule> VALUE_RULES = Map.of(
            "imapPort",
            new Rule(ChannelFields::port, "a port number, 1 to 65535"),
            "smtpPort",
            new Rule(ChannelFields::port, "a port number, 1 to 65535"),
            "imapTls",
            new Rule(BOOLEAN.asMatchPredicate(), "true or false"),
            "smtpTls",
            new Rule(BOOLEAN.asMatchPredicate(), "true or false"),
            WELCOME_ENABLED,
            new Rule(BOOLEAN.asMatchPredicate(), "true or false"),
            "address",
            new Rule(EMAIL.asMatchPredicate(), "an email address"),
            "appId",
            new Rule(WECHAT_APP_ID.asMatchPredicate(), "letters, digits, '-' or '_'"),
            "encodingAesKey",
            new Rule(AES_KEY.asMatchPredicate(), "43 letters, digits, '+' or '/'"));

    /** A check of one value and what a valid value is, for the error's title. */
    record Rule(Predicate<String> accepts, String expected) {}

    public ChannelFields {
        secrets = Set.copyOf(secrets);
        requiredSecrets = Set.copyOf(requiredSecrets);
        settings = Set.copyOf(settings);
        requiredSettings = Set.copyOf(requiredSettings);
    }

    /** The channel's fields; empty for a channel without accounts (WEB). */
    public static Optional<ChannelFields> of(Channel channel) {
        return Optional.ofNullable(TABLE.get(channel));
    }

    static Optional<Rule> ruleFor(String name) {
        return Optional.ofNullable(VALUE_RULES.get(name));
    }

    private static Map<Channel, ChannelFields> table() {
        Map<Channel, ChannelFields> table = new EnumMap<>(Channel.class);
        table.put(Channel.FACEBOOK, secretsOnly("appSecret", "verifyToken", "pageAccessToken"));
        table.put(Channel.WHATSAPP, secretsOnly("appSecret", "verifyToken", "accessToken"));
        table.put(Channel.LINE, secretsOnly("channelSecret", "channelAccessToken"));
        table.put(
                Channel.WECHAT,
                new ChannelFields(
                        Set.of("token", "appSecret", "encodingAesKey"),
                        Set.of("token", "appSecret"),
                        Set.of("appId"),
                        Set.of("appId"),
                        false));
        table.put(
                Channel.WOZTELL,
                new ChannelFields(
                        Set.of("channelSecret", "accessToken", "channelId"),
                        Set.of("channelSecret", "accessToken"),
                        Set.of(),
                        Set.of(),
                        false));
        table.put(
                Channel.THIRD_PARTY,
                new ChannelFields(Set.of("secret"), Set.of("secret"), Set.of(WELCOME_ENABLED), Set.of(), true));
        Set<String> mailRequired = Set.of("address", "imapHost", "imapPort", "smtpHost", "smtpPort");
        Set<String> mail = new LinkedHashSet<>(mailRequired);
        mail.addAll(Set.of("imapTls", "smtpTls", "username"));
        table.put(Channel.EMAIL, new ChannelFields(Set.of("password"), Set.of("password"), mail, mailRequired, false));
        return table;
    }

    private static ChannelFields secretsOnly(String... names) {
        return new ChannelFields(Set.of(names), Set.of(names), Set.of(), Set.of(), false);
    }

    private static boolean port(String value) {
        if (!PORT.matcher(value).matches()) {
            return false;
        }
        int port = Integer.parseInt(value);
        return port >= 1 && port <= 65535;
    }
}
