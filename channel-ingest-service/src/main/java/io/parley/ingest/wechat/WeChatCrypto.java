package io.parley.ingest.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's safe mode: AES-256-CBC with the key Base64-decoded from the account's 43-character EncodingAESKey
 * (plus "="), the key's first 16 bytes as IV, and PKCS#7 padding to blocks of 32 bytes (done here, as the
 * JDK's padding is for 16). The plaintext is 16 random bytes, the message's length (4 bytes, big-endian), the
 * message XML and the app id it was encrypted for. {@link #encrypt} is how WeChat does it (the channel
 * simulator plays WeChat with it).
 */
public final class WeChatCrypto {

    static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WeChatCrypto() {}

    /** A safe-mode body that cannot be decrypted or is not for this app. */
    static final class UndecryptableException extends Exception {

        private static final long serialVersionUID = 1L;

        UndecryptableException(String message) {
            super(message);
        }
    }

    /** Decrypts {@code encrypt} (Base64) and returns the message XML, after checking it is for {@code appId}. */
    static byte[] decrypt(String encodingAesKey, String encrypt, String appId) throws UndecryptableException {
        byte[] key = key(encodingAesKey);
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypt.strip());
        } catch (IllegalArgumentException e) {
            throw new UndecryptableException("Encrypt is not Base64");
        }
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            throw new UndecryptableException("Encrypt is not whole AES blocks");
        }
        byte[] plain = cipher(Cipher.DECRYPT_MODE, key, cipherText);
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new UndecryptableException("Bad padding");
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                throw new UndecryptableException("Bad padding");
            }
        }
        int end = plain.length - pad;
        if (end < 20) {
            throw new UndecryptableException("Too short");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || length > end - 20) {
            throw new UndecryptableException("Bad message length");
        }
        byte[] xml = Arrays.copyOfRange(plain, 20, 20 + length);
        byte[] forApp = Arrays.copyOfRange(plain, 20 + length, end);
        if (!MessageDigest.isEqual(forApp, appId.getBytes(StandardCharsets.UTF_8))) {
            throw new UndecryptableException("The message is for another app id");
        }
        return xml;
    }

    /** Encrypts {@code xml} for {@code appId}, as WeChat does: the {@code Encrypt} element's Base64 text. */
    public static String encrypt(String encodingAesKey, String xml, String appId) {
        byte[] message = xml.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        int unpadded = 20 + message.length + app.length;
        int pad = BLOCK - unpadded % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(random).putInt(message.length).put(message).put(app);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        try {
            return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, key(encodingAesKey), plain.array()));
        } catch (UndecryptableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static byte[] key(String encodingAesKey) throws UndecryptableException {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            throw new UndecryptableException("The account's EncodingAESKey is not valid");
        }
        if (key.length != 32) {
            throw new UndecryptableException("The account's EncodingAESKey is not 43 characters");
        }
        return key;
    }

    private static byte[] cipher(int mode, byte[] key, byte[] input) throws UndecryptableException {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new UndecryptableException("AES failed: " + e.getClass().getSimpleName());
        }
    }
}
