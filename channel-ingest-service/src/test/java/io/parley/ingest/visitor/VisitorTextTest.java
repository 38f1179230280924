package io.parley.ingest.visitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.parley.kit.web.Problem;
import org.junit.jupiter.api.Test;

class VisitorTextTest {

    @Test
    void textIsTrimmed() {
        assertThat(VisitorText.check("  hello \n")).isEqualTo("hello");
    }

    @Test
    void blankOrMissingTextIsEmpty() {
        assertThat(catchThrowableOfType(Problem.class, () -> VisitorText.check(" \t\n"))
                        .code())
                .isEqualTo("message.empty");
        assertThat(catchThrowableOfType(Problem.class, () -> VisitorText.check(null))
                        .code())
                .isEqualTo("message.empty");
    }

    @Test
    void theLimitCountsCharactersNotUtf16Units() {
        String fourThousandEmoji = "😀".repeat(4000);

        assertThat(VisitorText.check(fourThousandEmoji)).isEqualTo(fourThousandEmoji);
        assertThat(catchThrowableOfType(Problem.class, () -> VisitorText.check(fourThousandEmoji + "!"))
                        .code())
                .isEqualTo("message.too-long");
    }

    @Test
    void tokensAreLongRandomAndStoredOnlyAsTheirHash() {
        String one = VisitorTokens.newToken();
        String two = VisitorTokens.newToken();

        assertThat(one).hasSize(43).isNotEqualTo(two);
        assertThat(VisitorTokens.hash(one))
                .hasSize(64)
                .isEqualTo(VisitorTokens.hash(one))
                .doesNotContain(one);
    }
}
