package io.parley.ingest.account;

import io.parley.events.Channel;
import io.parley.events.channel.ChannelAccountPublished.CustomInfoField;
import io.parley.kit.web.Problem;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The admin's changes to channel accounts, checked before anything is written. A PUT replaces everything but
 * the secrets, which change only by name (write-only: a value sets one, {@code ""} or {@code null} removes
 * it, an omitted name keeps it). Names of settings and secrets must be the channel's ({@link ChannelFields});
 * an enabled account must have the ones its connector needs. An account never changes its channel: its
 * conversations and their keys belong to it.
 */
@Component
class ChannelAccountAdministration {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_NAME = 100;
    static final int MAX_SECRET = 4000;
    static final int MAX_SETTING = 500;
    static final int MAX_URL = 2000;
    static final int MAX_WELCOME = 2000;
    static final int MAX_WELCOME_TAGS = 100;
    static final int MAX_CUSTOM_INFO = 20;
    static final int MAX_LABEL = 60;
    static final int MAX_INFO_VALUE = 1000;

    private final ChannelAccounts accounts;
    private final Clock clock;

    ChannelAccountAdministration(ChannelAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What a PUT did: the account as it now is, and whether it was new. */
    record Saved(AccountView account, boolean created) {}

    List<AccountView> list() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    AccountView get(String id) {
        return AccountView.of(accounts.byId(id).orElseThrow(ChannelAccountAdministration::notFound));
    }

    Saved put(String id, AccountRequest request) {
        if (!ID.matcher(id).matches()) {
            throw invalid("id", "1 to 64 letters, digits, '-' or '_'");
        }
        Channel channel = channel(request.channel());
        ChannelFields fields = ChannelFields.of(channel)
                .orElseThrow(() -> invalid("channel", "a messaging channel; the web channel has widgets and links"));
        var existing = accounts.byId(id);
        if (existing.isPresent() && existing.get().channel() != channel) {
            throw Problem.conflict(
                    "channel-account.channel-changed",
                    "The account is a " + existing.get().channel() + " account; its channel cannot change");
        }
        String name = bounded("name", request.name(), MAX_NAME);
        if (request.enabled() == null) {
            throw invalid("enabled", "true or false");
        }
        boolean enabled = request.enabled();
        Map<String, String> settings = values("settings", request.settings(), fields.settings(), MAX_SETTING);
        Map<String, String> secrets =
                new HashMap<>(existing.map(ChannelAccount::secrets).orElse(Map.of()));
        secrets.keySet().retainAll(fields.secrets());
        applySecrets(secrets, request.secrets(), fields.secrets());
        String platformBaseUrl = url(request.platformBaseUrl());
        if (enabled) {
            requirePresent("settings", fields.requiredSettings(), settings.keySet());
            requirePresent("secrets", fields.requiredSecrets(), secrets.keySet());
            if (fields.needsPlatformBaseUrl() && platformBaseUrl == null) {
                throw invalid("platformBaseUrl", "the system's callback URL (an enabled account needs one)");
            }
        }
        ChannelAccount account = new ChannelAccount(
                id,
                channel,
                name,
                enabled,
                secrets,
                settings,
                platformBaseUrl,
                optional("welcomeMessage", request.welcomeMessage(), MAX_WELCOME),
                welcomeByTag(request.welcomeByTag()),
                customInfo(request.customInfo()),
                clock.instant());
        accounts.save(account);
        return new Saved(AccountView.of(account), existing.isEmpty());
    }

    void delete(String id) {
        if (!accounts.delete(id, clock.instant())) {
            throw notFound();
        }
    }

    private static Channel channel(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw invalid("channel", "one of FACEBOOK, WHATSAPP, LINE, WECHAT, WOZTELL, EMAIL, THIRD_PARTY");
        }
        try {
            return Channel.fromWire(text.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("channel", "one of FACEBOOK, WHATSAPP, LINE, WECHAT, WOZTELL, EMAIL, THIRD_PARTY");
        }
    }

    /** Known names only; blank values are dropped; each value bounded and, where it has one, of its form. */
    private static Map<String, String> values(
            String field, @Nullable Map<String, @Nullable String> given, Set<String> known, int max) {
        Map<String, String> values = new HashMap<>();
        if (given == null) {
            return values;
        }
        for (Map.Entry<String, @Nullable String> entry : given.entrySet()) {
            String key = entry.getKey();
            requireKnown(field, key, known);
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            if (!value.isEmpty()) {
                checkValue(field + "." + key, key, value, max);
                values.put(key, value);
            }
        }
        return values;
    }

    private static void applySecrets(
            Map<String, String> secrets, @Nullable Map<String, @Nullable String> given, Set<String> known) {
        if (given == null) {
            return;
        }
        for (Map.Entry<String, @Nullable String> entry : given.entrySet()) {
            String key = entry.getKey();
            requireKnown("secrets", key, known);
            String value = entry.getValue();
            if (value == null || value.isEmpty()) {
                secrets.remove(key);
            } else {
                checkValue("secrets." + key, key, value, MAX_SECRET);
                secrets.put(key, value);
            }
        }
    }

    private static void requireKnown(String field, String key, Set<String> known) {
        if (!known.contains(key)) {
            throw invalid(
                    field + "." + key,
                    known.isEmpty()
                            ? "nothing: this channel has no " + field
                            : "one of the channel's names " + new TreeSet<>(known));
        }
    }

    private static void checkValue(String field, String key, String value, int max) {
        if (value.length() > max) {
            throw invalid(field, "at most " + max + " characters");
        }
        ChannelFields.ruleFor(key).ifPresent(rule -> {
            if (!rule.accepts().test(value)) {
                throw invalid(field, rule.expected());
            }
        });
    }

    private static void requirePresent(String field, Set<String> required, Set<String> present) {
        for (String name : new TreeSet<>(required)) {
            if (!present.contains(name)) {
                throw invalid(field + "." + name, "set (an enabled account of this channel needs it)");
            }
        }
    }

    private static @Nullable String url(@Nullable String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw invalid("platformBaseUrl", "an http(s) URL");
        }
        if (value.length() > MAX_URL
                || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw invalid("platformBaseUrl", "an http(s) URL with a host, at most " + MAX_URL + " characters");
        }
        return value;
    }

    private static Map<String, String> welcomeByTag(@Nullable Map<String, @Nullable String> given) {
        Map<String, String> texts = new HashMap<>();
        if (given == null) {
            return texts;
        }
        if (given.size() > MAX_WELCOME_TAGS) {
            throw invalid("welcomeByTag", "at most " + MAX_WELCOME_TAGS + " tags");
        }
        for (Map.Entry<String, @Nullable String> entry : given.entrySet()) {
            if (!ID.matcher(entry.getKey()).matches()) {
                throw invalid("welcomeByTag", "keyed by tag ids (1 to 64 letters, digits, '-' or '_')");
            }
            String text = optional("welcomeByTag." + entry.getKey(), entry.getValue(), MAX_WELCOME);
            if (text != null) {
                texts.put(entry.getKey(), text);
            }
        }
        return texts;
    }

    private static List<CustomInfoField> customInfo(@Nullable List<AccountRequest.@Nullable Field> given) {
        List<CustomInfoField> fields = new ArrayList<>();
        if (given == null) {
            return fields;
        }
        if (given.size() > MAX_CUSTOM_INFO) {
            throw invalid("customInfo", "at most " + MAX_CUSTOM_INFO + " fields");
        }
        for (AccountRequest.Field field : given) {
            if (field == null) {
                throw invalid("customInfo", "fields of {label, value}");
            }
            fields.add(new CustomInfoField(
                    bounded("customInfo.label", field.label(), MAX_LABEL),
                    bounded("customInfo.value", field.value(), MAX_INFO_VALUE)));
        }
        return fields;
    }

    private static String bounded(String field, @Nullable String text, int max) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > max) {
            throw invalid(field, "1 to " + max + " characters");
        }
        return value;
    }

    private static @Nullable String optional(String field, @Nullable String text, int max) {
        String value = text == null ? "" : text.strip();
        if (value.length() > max) {
            throw invalid(field, "at most " + max + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    static Problem notFound() {
        return Problem.notFound("channel-account.not-found", "No such channel account");
    }

    private static Problem invalid(String field, String expected) {
        return new Problem(HttpStatus.BAD_REQUEST, "channel-account.invalid", field + " must be " + expected);
    }
}
