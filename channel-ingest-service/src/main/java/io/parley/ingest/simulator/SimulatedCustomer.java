package io.parley.ingest.simulator;

import io.parley.events.Channel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The customer a person plays: a name, and the id that channel gives its users. Without an id given, the id
 * is derived from the channel and the name in the channel's own shape (a Messenger PSID of digits, a WhatsApp
 * number, a LINE {@code U} + 32 hex digits, a WeChat openid, an email address at {@value #EMAIL_DOMAIN} such as
 * {@code ann.lee-1a2b3c4d@customer.parley.localhost}), so writing again under the same name continues the same
 * conversation.
 */
record SimulatedCustomer(String id, String name) {

    static final int MAX_NAME = 100;
    static final int MAX_ID = 64;
    /** The domain of the simulated customers' addresses on the demo mail server (never a real one). */
    static final String EMAIL_DOMAIN = "customer.parley.localhost";

    private static final int MAX_LOCAL_NAME = 20;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:@+-]{1,64}");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DOTS = Pattern.compile("^\\.+|\\.+$");
    private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    /** Whether {@code id} may be a customer id here (it goes into webhooks and URLs). */
    static boolean validId(String id) {
        return ID.matcher(id).matches();
    }

    static String derivedId(Channel channel, String name) {
        byte[] hash = sha256(channel.name() + ":" + name.strip().toLowerCase(Locale.ROOT));
        String hex = HexFormat.of().formatHex(hash);
        return switch (channel) {
            case FACEBOOK -> "7" + digits(hash, 15);
            case WHATSAPP -> "999" + digits(hash, 9);
            case LINE -> "U" + hex.substring(0, 32);
            case WECHAT -> "oSIM" + hex.substring(0, 24);
            case WOZTELL -> "sim-woztell-" + hex.substring(0, 16);
            case EMAIL -> localName(name) + "-" + hex.substring(0, 8) + "@" + EMAIL_DOMAIN;
            default -> "sim-" + hex.substring(0, 16);
        };
    }

    /** Whether {@code id} is a simulated customer's email address (the simulator sends from no other). */
    static boolean validAddress(String id) {
        String local = id.endsWith("@" + EMAIL_DOMAIN) ? id.substring(0, id.length() - EMAIL_DOMAIN.length() - 1) : "";
        return validId(id) && LOCAL_PART.matcher(local).matches();
    }

    /** The name as an address's local part: lower-case ASCII words joined by dots, else {@code customer}. */
    private static String localName(String name) {
        String words = NOT_LETTERS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(".");
        String local = EDGE_DOTS.matcher(words).replaceAll("");
        if (local.length() > MAX_LOCAL_NAME) {
            local = EDGE_DOTS.matcher(local.substring(0, MAX_LOCAL_NAME)).replaceAll("");
        }
        return local.isEmpty() ? "customer" : local;
    }

    private static String digits(byte[] hash, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(Math.floorMod(hash[i], 10));
        }
        return digits.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
