package sa.qayd.zatca.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.testing.Invoices;
import sa.qayd.zatca.testing.TestSigners;

/** The bundled rules run without ZATCA's SDK folder, judge dates in Riyadh and never read a DTD. */
class ZatcaRulesTest {
    /** 00:30 on 2 December in Riyadh is still 1 December (21:30) in UTC. */
    private static final LocalDateTime JUST_AFTER_MIDNIGHT_IN_RIYADH = LocalDateTime.of(2026, 12, 2, 0, 30);

    @Test
    void aDocumentIssuedJustAfterMidnightInRiyadhIsNotFromTheFutureOnAServerRunningInUtc() {
        byte[] xml = issuedAt(JUST_AFTER_MIDNIGHT_IN_RIYADH);
        Clock tenMinutesLater = Clock.fixed(JUST_AFTER_MIDNIGHT_IN_RIYADH.plusMinutes(10)
                .atZone(ZatcaDocuments.RIYADH).toInstant(), java.time.ZoneOffset.UTC);

        RulesReport report = ZatcaRules.get().withClock(tenMinutesLater).validate(xml);

        assertThat(report.errors()).isEmpty();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void aDocumentDatedAfterTodayInRiyadhBreaksBrKsa04() {
        byte[] xml = issuedAt(JUST_AFTER_MIDNIGHT_IN_RIYADH);
        ZonedDateTime dayBefore = JUST_AFTER_MIDNIGHT_IN_RIYADH.minusHours(2).atZone(ZatcaDocuments.RIYADH);

        RulesReport report = ZatcaRules.get().withClock(Clock.fixed(dayBefore.toInstant(), ZatcaDocuments.RIYADH))
                .validate(xml);

        assertThat(report.errors()).extracting(RuleFinding::source, RuleFinding::id).contains(
                org.assertj.core.groups.Tuple.tuple("KSA", "BR-KSA-04"));
        assertThat(report.passed()).isFalse();
    }

    @Test
    void aDocumentWithADtdIsRefusedUnread() {
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&e;</Invoice>";

        RulesReport report = ZatcaRules.get().validate(withEntity.getBytes(StandardCharsets.UTF_8));

        assertThat(report.errors()).singleElement().satisfies(finding -> {
            assertThat(finding.source()).isEqualTo("XSD");
            assertThat(finding.text()).contains("DTD").doesNotContain("root:");
        });
    }

    @Test
    void aSchemaViolationStopsBeforeTheSchematrons() {
        String wrong = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><Nonsense/></Invoice>";

        RulesReport report = ZatcaRules.get().validate(wrong.getBytes(StandardCharsets.UTF_8));

        assertThat(report.findings()).isNotEmpty().allSatisfy(finding -> assertThat(finding.source()).isEqualTo("XSD"));
    }

    private static byte[] issuedAt(LocalDateTime riyadhTime) {
        SignedInvoice signed = ZatcaDocuments.issue(Invoices.of(DocumentKind.SIMPLIFIED_INVOICE).issuedAt(riyadhTime).build(),
                TestSigners.generated(), riyadhTime);
        return signed.xml();
    }
}
