package io.parley.events;

import java.util.Locale;

/** The channels a customer can reach the business through; lower-cased in keys and metric labels. */
public enum Channel {
    WEB,
    FACEBOOK,
    WHATSAPP,
    LINE,
    WECHAT,
    WOZTELL,
    EMAIL,
    THIRD_PARTY;

    /** The lower-case label used in conversation keys and metrics, e.g. {@code third_party}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads either the enum name or the lower-case label. */
    public static Channel fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
