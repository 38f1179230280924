package io.parley.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** An email account's settings: what is required, and how TLS is used on each port. */
class EmailAccountTest {

    @Test
    void completeSettingsMakeAMailboxWhoseUsernameDefaultsToTheAddress() throws Exception {
        EmailAccount mailbox = EmailAccount.of(account(settings(), Map.of("password", "pw")));

        assertThat(mailbox.username()).isEqualTo("help@shop.example");
        assertThat(mailbox.domain()).isEqualTo("shop.example");
        assertThat(mailbox.imapProtocol()).isEqualTo("imaps");
        assertThat(mailbox.smtpProtocol()).isEqualTo("smtp");
        Properties smtp = mailbox.smtpProperties(Duration.ofSeconds(5));
        assertThat(smtp)
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.timeout", "5000");
        assertThat(mailbox.imapProperties(Duration.ofSeconds(5))).containsEntry("mail.imaps.peek", "true");
        assertThat(mailbox.toString()).doesNotContain("pw");
    }

    @Test
    void everyMissingOrWrongSettingIsNamedAndNoSecretIsShown() {
        Map<String, String> settings = settings();
        settings.remove("smtpHost");
        settings.put("imapPort", "99999");
        settings.put("imapTls", "yes");
        settings.put("address", "not an address");

        assertThatThrownBy(() -> EmailAccount.of(account(settings, Map.of("password", "secret-pw"))))
                .isInstanceOf(EmailAccount.Misconfigured.class)
                .hasMessageContaining("smtpHost is missing")
                .hasMessageContaining("imapPort is not a port number")
                .hasMessageContaining("imapTls must be \"true\" or \"false\"")
                .hasMessageContaining("address is not an email address")
                .message()
                .doesNotContain("secret-pw");
        assertThatThrownBy(() -> EmailAccount.of(account(settings(), Map.of())))
                .hasMessageContaining("the secret password is missing");
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("address", "help@shop.example");
        settings.put("imapHost", "imap.shop.example");
        settings.put("imapPort", "993");
        settings.put("imapTls", "true");
        settings.put("smtpHost", "smtp.shop.example");
        settings.put("smtpPort", "587");
        settings.put("smtpTls", "true");
        return settings;
    }

    private static ChannelAccount account(Map<String, String> settings, Map<String, String> secrets) {
        return new ChannelAccount(
                "mail-1",
                Channel.EMAIL,
                "Shop",
                true,
                secrets,
                settings,
                null,
                null,
                Map.of(),
                List.of(),
                Instant.now());
    }
}
