package sa.qayd.zatca.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sa.qayd.zatca.csr.CsrConfig;

/** The one text rule: what PostgreSQL, XML 1.0 and a certificate request can all carry. */
class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Acme Trading", "شركة قيد للتجارة", "Café – “quoted” ‏RLM", "emoji \uD83D\uDE00 ok", "a"})
    void ordinaryTextInAnyScriptPasses(String text) {
        assertThat(Text.problem(text, 64)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000", "esc\u001B[31m", "tab\there", "new\nline", "cr\r", "del\u007F", "c1\u0085"})
    void controlCharactersAreRefused(String text) {
        assertThat(Text.problem(text, 64)).get().asString().contains("control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone \uD800 high", "lone \uDC00 low", "reversed \uDE00\uD83D", "end \uD83D"})
    void loneSurrogatesAreRefused(String text) {
        assertThat(Text.problem(text, 64)).get().asString().contains("valid Unicode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uFFFE", "\uFFFF", "\uFDD0", "\uD83F\uDFFF"})
    void noncharactersAreRefused(String text) {
        assertThat(Text.problem(text, 64)).get().asString().contains("noncharacters");
    }

    @org.junit.jupiter.api.Test
    void lengthIsAMaximumNeverATruncation() {
        assertThat(Text.problem("x".repeat(64), 64)).isEmpty();
        assertThat(Text.problem("x".repeat(65), 64)).contains("must be at most 64 characters");
    }

    @org.junit.jupiter.api.Test
    void csrFieldsFollowTheTextRuleAndTheSdkCharacters() {
        assertThat(CsrConfig.fieldProblem("Riyadh HQ")).isEmpty();
        assertThat(CsrConfig.fieldProblem("Riyadh\u001BHQ")).get().asString().contains("control characters");
        assertThat(CsrConfig.fieldProblem("x".repeat(65))).get().asString().contains("64");
        assertThat(CsrConfig.fieldProblem("Smith & Sons")).get().asString().contains("must not contain any of");
        assertThat(CsrConfig.organizationUnitProblem("399999999910003", "Riyadh HQ")).get().asString().contains("TIN");
        assertThat(CsrConfig.organizationUnitProblem("399999999910003", "1234567890")).isEmpty();
        assertThat(CsrConfig.organizationUnitProblem("399999999900003", "Riyadh HQ")).isEmpty();
    }
}
