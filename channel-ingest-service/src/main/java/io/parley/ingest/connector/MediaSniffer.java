package io.parley.ingest.connector;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The media type a file's first bytes show, for the common image, video, audio and document formats the
 * platforms send; null when none of them. A file is kept with this type rather than the one it was sent
 * with, and a file declared an image must be one.
 */
final class MediaSniffer {

    private MediaSniffer() {}

    static @Nullable String sniff(byte[] bytes) {
        if (starts(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) {
            return "image/gif";
        }
        if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return "image/webp";
        }
        if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WAVE")) {
            return "audio/wav";
        }
        if (ascii(bytes, 0, "BM") && bytes.length > 14) {
            return "image/bmp";
        }
        if (ascii(bytes, 4, "ftyp")) {
            return isoMedia(
                    new String(Arrays.copyOfRange(bytes, 8, Math.min(bytes.length, 12)), StandardCharsets.US_ASCII));
        }
        if (starts(bytes, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return "video/webm";
        }
        if (ascii(bytes, 0, "OggS")) {
            return "audio/ogg";
        }
        if (ascii(bytes, 0, "ID3") || starts(bytes, 0, 0xFF, 0xFB) || starts(bytes, 0, 0xFF, 0xF3)) {
            return "audio/mpeg";
        }
        if (ascii(bytes, 0, "#!AMR")) {
            return "audio/amr";
        }
        if (ascii(bytes, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (starts(bytes, 0, 'P', 'K', 0x03, 0x04)) {
            return "application/zip";
        }
        return null;
    }

    /**
     * The type to keep a file as: what its bytes show, else the answer's {@code Content-Type} when it is of the
     * declared kind, else the declared type when it is exact, else {@code application/octet-stream}. Null
     * when the file is not what it was declared: an image must show an image's bytes; a video or audio file
     * whose bytes show another kind of media is refused.
     */
    static @Nullable String keptType(String declared, byte[] bytes, @Nullable String header) {
        String sniffed = sniff(bytes);
        String kind = kind(declared);
        if (kind.equals("image") && (sniffed == null || !kind(sniffed).equals("image"))) {
            return null;
        }
        if ((kind.equals("video") || kind.equals("audio"))
                && sniffed != null
                && !kind(sniffed).equals(kind)
                && !(kind.equals("audio") && sniffed.equals("video/mp4"))) {
            return null;
        }
        if (kind.equals("audio") && "video/mp4".equals(sniffed)) {
            return "audio/mp4";
        }
        if (sniffed != null) {
            return sniffed;
        }
        String headerType =
                header == null ? null : header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (headerType != null
                && headerType.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")
                && (kind.equals(kind(headerType)) || declared.equals("application/octet-stream"))) {
            return headerType;
        }
        return declared.endsWith("/*") ? "application/octet-stream" : declared;
    }

    private static String kind(String mediaType) {
        int slash = mediaType.indexOf('/');
        return (slash < 0 ? mediaType : mediaType.substring(0, slash)).toLowerCase(Locale.ROOT);
    }

    private static String isoMedia(String brand) {
        return switch (brand) {
            case "heic", "heix", "mif1", "msf1" -> "image/heic";
            case "avif" -> "image/avif";
            case "M4A ", "M4B " -> "audio/mp4";
            case "qt  " -> "video/quicktime";
            case "3gp4", "3gp5", "3gp6", "3gg6" -> "video/3gpp";
            default -> "video/mp4";
        };
    }

    private static boolean starts(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] bytes, int offset, String expected) {
        return starts(bytes, offset, expected.chars().toArray());
    }
}
