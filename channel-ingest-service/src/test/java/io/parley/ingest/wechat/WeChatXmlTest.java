package io.parley.ingest.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** WeChat's XML is read without DTDs or entities: nothing in a body can read a file or blow up in memory. */
class WeChatXmlTest {

    @Test
    void readsTheElementTextsIncludingCdata() throws Exception {
        var fields = WeChatXml.fields(bytes("""
                <xml><FromUserName><![CDATA[oUser]]></FromUserName><Content><![CDATA[a < b & "c"]]></Content>
                <CreateTime>1700000000</CreateTime></xml>"""));

        assertThat(fields)
                .containsEntry("FromUserName", "oUser")
                .containsEntry("Content", "a < b & \"c\"")
                .containsEntry("CreateTime", "1700000000");
    }

    @Test
    void anExternalEntityIsRefused() {
        assertThatThrownBy(() -> WeChatXml.fields(bytes("""
                        <?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/hostname">]>
                        <xml><Content>&x;</Content></xml>"""))).isInstanceOf(WeChatXml.MalformedXmlException.class);
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        assertThatThrownBy(() -> WeChatXml.fields(bytes("""
                        <!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><xml><Content>&c;</Content></xml>"""))).isInstanceOf(WeChatXml.MalformedXmlException.class);
    }

    @Test
    void aDocumentThatIsNotWeChatsIsRefused() {
        assertThatThrownBy(() -> WeChatXml.fields(bytes("<html><body/></html>")))
                .isInstanceOf(WeChatXml.MalformedXmlException.class);
        assertThatThrownBy(() -> WeChatXml.fields(bytes("<xml><open></xml>")))
                .isInstanceOf(WeChatXml.MalformedXmlException.class);
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
